package org.petition.spring.mail;

import java.time.Clock;
import java.util.Objects;
import org.petition.mail.ConfirmationSender;
import org.petition.mail.OutgoingMessage;

/**
 * A {@link ConfirmationSender} that only writes the message to the outbox and nudges the worker, so a slow
 * or down mail server never holds up a signing and a message is not lost when it fails.
 */
public final class OutboxConfirmationSender implements ConfirmationSender {

  private final MailOutbox outbox;
  private final MailDeliveryWorker worker;
  private final Clock clock;

  public OutboxConfirmationSender(MailOutbox outbox, MailDeliveryWorker worker, Clock clock) {
    this.outbox = Objects.requireNonNull(outbox, "outbox must not be null");
    this.worker = Objects.requireNonNull(worker, "worker must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  @Override
  public void send(OutgoingMessage message) {
    outbox.add(message, clock.instant());
    worker.nudge();
  }
}
