package org.petition.spring.mail;

import org.petition.mail.OutgoingMessage;

/** Hands one message to a mail server, blocking until it is accepted or refused. */
@FunctionalInterface
public interface MailDelivery {

  /**
   * Sends the message.
   *
   * @throws PermanentMailFailure when retrying cannot help (a malformed address)
   * @throws RuntimeException for anything that may pass (the server is down or slow)
   */
  void deliver(OutgoingMessage message);

  /** A failure that retrying cannot fix. */
  class PermanentMailFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PermanentMailFailure(String reason, Throwable cause) {
      super(reason, cause);
    }
  }
}
