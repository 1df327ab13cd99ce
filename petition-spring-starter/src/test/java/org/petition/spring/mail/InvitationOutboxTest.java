package org.petition.spring.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.petition.mail.MessageKind;
import org.petition.mail.OutgoingMessage;

/**
 * An invited address is kept no longer than its delivery: in every outbox (memory, table, table in a schema) an
 * invitation round-trips with its inviter's name, is deleted once sent, and is deleted (not kept as failed, as
 * other mails are for inspection) when delivery is given up on, after retries or at once on a permanent failure.
 */
class InvitationOutboxTest {

  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  private final RetryPolicy retry = new RetryPolicy(Duration.ofSeconds(10), 2, Duration.ofMinutes(1), 2);

  static List<MailOutbox> outboxes() {
    return MailOutboxTest.outboxes();
  }

  static OutgoingMessage invitation(String to) {
    return new OutgoingMessage(MessageKind.INVITATION, to, Locale.KOREAN, "청원 <title>",
        "https://p.example.org/p/park?via=invite", "https://p.example.org/unsubscribe?token=abc", "Jong S.");
  }

  @ParameterizedTest
  @MethodSource("outboxes")
  void anInvitationKeepsItsInviterThroughTheOutboxAndIsForgottenOnceSent(MailOutbox outbox) {
    outbox.add(invitation("friend@example.org"), T0);
    MailOutbox.QueuedMessage queued = outbox.claimDue(T0, Duration.ofMinutes(5), 10).get(0);
    assertThat(queued.message()).isEqualTo(invitation("friend@example.org"));
    assertThat(queued.message().inviter()).isEqualTo("Jong S.");
    assertThat(outbox.delivered(queued.id(), queued.lease())).isTrue();
    assertThat(outbox.backlog()).isEqualTo(new MailOutbox.Backlog(0, 0, null));
  }

  @ParameterizedTest
  @MethodSource("outboxes")
  void anInvitationGivenUpOnIsDeletedWhileOtherMailsAreKeptForInspection(MailOutbox outbox) {
    MailDeliveryWorker failing = new MailDeliveryWorker(outbox, message -> {
      throw new IllegalStateException("connection refused");
    }, retry, Duration.ofSeconds(5), Duration.ofMinutes(5), 10, clock);
    outbox.add(invitation("friend@example.org"), T0);
    outbox.add(MailOutboxTest.message("signer@example.org"), T0);
    failing.drain(); // attempt 1 of 2 fails for both
    MailDeliveryWorker later = new MailDeliveryWorker(outbox, message -> {
      throw new IllegalStateException("connection refused");
    }, retry, Duration.ofSeconds(5), Duration.ofMinutes(5), 10, Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
    later.drain(); // attempt 2 of 2: given up on

    assertThat(outbox.backlog()).isEqualTo(new MailOutbox.Backlog(0, 1, null));
    assertThat(outbox.claimDue(T0.plus(Duration.ofDays(1)), Duration.ofMinutes(5), 10)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("outboxes")
  void anInvitationToAMalformedAddressIsDeletedAtOnce(MailOutbox outbox) {
    MailDeliveryWorker permanent = new MailDeliveryWorker(outbox, message -> {
      throw new MailDelivery.PermanentMailFailure("an address is malformed", new IllegalArgumentException());
    }, retry, Duration.ofSeconds(5), Duration.ofMinutes(5), 10, clock);
    outbox.add(invitation("friend@example.org"), T0);
    permanent.drain();
    assertThat(outbox.backlog()).isEqualTo(new MailOutbox.Backlog(0, 0, null));
  }
}
