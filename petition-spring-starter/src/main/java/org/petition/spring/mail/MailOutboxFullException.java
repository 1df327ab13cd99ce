package org.petition.spring.mail;

/**
 * A bounded outbox is full: the message was not queued. The signing that wanted to send it is undone, and
 * the starter answers {@code 503 {"status":"RETRY"}} with {@code Retry-After}, so the signer tries again
 * once the mail server has caught up. The message names the capacity only, never the recipient.
 */
public final class MailOutboxFullException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public MailOutboxFullException(int capacity) {
    super("the mail outbox is full (" + capacity + " messages); the message was not queued");
  }
}
