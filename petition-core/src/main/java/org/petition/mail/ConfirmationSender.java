package org.petition.mail;

/**
 * A service-provider interface: delivers the library's messages (by SMTP, a queue, an outbox table).
 *
 * <p>Called on the signing thread: implementations should hand the message off quickly (an outbox, a
 * queue) rather than talk to a mail server inline. Must be thread-safe. Must never log the recipient or
 * the links, which hold tokens.
 */
@FunctionalInterface
public interface ConfirmationSender {

  /** Accepts a message for delivery. */
  void send(OutgoingMessage message);
}
