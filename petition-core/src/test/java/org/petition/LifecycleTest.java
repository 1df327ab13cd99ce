package org.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.testing.Fixtures.confirmToken;
import static org.petition.testing.Fixtures.person;
import static org.petition.testing.Fixtures.revokeToken;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.MessageKind;
import org.petition.mail.OutgoingMessage;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

class LifecycleTest {

  private final MutableClock clock = new MutableClock(Fixtures.START);
  private final InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();
  private Petitions petitions;

  @BeforeEach
  void setUp() {
    petitions = Fixtures.petitions(clock, outbox).build();
    petitions.register(Fixtures.seedPetition());
  }

  @Test
  void signConfirmReplayRevoke() {
    SignResult result = petitions.sign(person("Frank", "Castellano", "frank@example.com").city("Toronto").build());

    assertThat(result).isInstanceOf(SignResult.Pending.class);
    assertThat(petitions.tally("us-troops-out-of-korea").orElseThrow().confirmed()).isZero();
    OutgoingMessage mail = outbox.latestTo("frank@example.com").orElseThrow();
    assertThat(mail.kind()).isEqualTo(MessageKind.CONFIRM_SIGNATURE);
    assertThat(mail.actionUrl()).startsWith("https://petitions.example.org/confirm?token=");
    assertThat(mail.revokeUrl()).startsWith("https://petitions.example.org/revoke?token=");
    assertThat(petitions.latest("us-troops-out-of-korea", null, 20).items()).isEmpty();

    clock.advance(Duration.ofMinutes(5));
    assertThat(petitions.confirm(confirmToken(mail))).isEqualTo(new ConfirmResult.Confirmed(1));
    Tally tally = petitions.tally("us-troops-out-of-korea").orElseThrow();
    assertThat(tally.confirmed()).isEqualTo(1);
    assertThat(tally.goal()).isEqualTo(1000);
    assertThat(tally.percent()).isEqualTo(0.1);
    assertThat(tally.country("US")).isEqualTo(new CountryTally(1, 200));
    assertThat(tally.country("KR")).isEqualTo(new CountryTally(0, 1000));

    PublicSignature shown = petitions.latest("us-troops-out-of-korea", null, 20).items().get(0);
    assertThat(shown.number()).isEqualTo(1);
    assertThat(shown.displayName()).isEqualTo("Frank C.");
    assertThat(shown.city()).isEqualTo("Toronto");
    assertThat(shown.signedAt()).isEqualTo(Fixtures.START.plus(Duration.ofMinutes(5)));
    assertThat(shown.toString()).doesNotContain("frank@example.com").doesNotContain("Castellano");

    assertThat(petitions.confirm(confirmToken(mail))).isEqualTo(new ConfirmResult.AlreadyConfirmed(1));
    assertThat(petitions.tally("us-troops-out-of-korea").orElseThrow().confirmed()).isEqualTo(1);

    assertThat(petitions.revoke(revokeToken(mail))).isInstanceOf(RevokeResult.Revoked.class);
    assertThat(petitions.tally("us-troops-out-of-korea").orElseThrow().confirmed()).isZero();
    assertThat(petitions.tally("us-troops-out-of-korea").orElseThrow().country("US").confirmed()).isZero();
    assertThat(petitions.latest("us-troops-out-of-korea", null, 20).items()).isEmpty();
    assertThat(petitions.confirm(confirmToken(mail))).isInstanceOf(ConfirmResult.Revoked.class);
    assertThat(petitions.revoke(revokeToken(mail))).isInstanceOf(RevokeResult.Revoked.class);
  }

  @Test
  void numbersFollowConfirmationOrderNotSigningOrder() {
    petitions.sign(person("Ann", "First", "ann@example.com").build());
    petitions.sign(person("Bob", "Second", "bob@example.com").build());

    assertThat(petitions.confirm(confirmToken(outbox.latestTo("bob@example.com").orElseThrow())))
        .isEqualTo(new ConfirmResult.Confirmed(1));
    assertThat(petitions.confirm(confirmToken(outbox.latestTo("ann@example.com").orElseThrow())))
        .isEqualTo(new ConfirmResult.Confirmed(2));
  }

  @Test
  void aRepeatedSigningAnswersLikeAFirstOneAndMailsAPendingSignerTheLinkAgain() {
    petitions.sign(person("Frank", "Castellano", "frank@example.com").build());
    SignResult again = petitions.sign(person("Frank", "Castellano", "FRANK@Example.COM").build());

    assertThat(again).isEqualTo(SignResult.Pending.instance());
    OutgoingMessage second = outbox.latestTo("FRANK@example.com").orElseThrow();
    assertThat(second.kind()).isEqualTo(MessageKind.CONFIRM_SIGNATURE);
    assertThat(outbox.messagesTo("frank@example.com")).hasSize(2);
    assertThat(petitions.confirm(confirmToken(second))).isEqualTo(new ConfirmResult.Confirmed(1));
  }

  @Test
  void aRepeatedSigningAfterConfirmingAnswersLikeAFirstOneAndMailsWithoutALink() {
    petitions.sign(person("Frank", "Castellano", "frank@example.com").build());
    petitions.confirm(confirmToken(outbox.latestTo("frank@example.com").orElseThrow()));
    SignResult again = petitions.sign(person("Frank", "Castellano", "FRANK@Example.COM").build());

    assertThat(again).isEqualTo(SignResult.Pending.instance());
    OutgoingMessage second = outbox.latestTo("FRANK@example.com").orElseThrow();
    assertThat(second.kind()).isEqualTo(MessageKind.ALREADY_SIGNED);
    assertThat(second.actionUrl()).isNull();
    assertThat(second.revokeUrl()).isNull();
    assertThat(second.text()).doesNotContain("token=");
    assertThat(outbox.messagesTo("frank@example.com")).hasSize(2);
  }

  @Test
  void aConfirmationLinkExpiresWithThePendingTtl() {
    petitions.sign(person("Frank", "Castellano", "frank@example.com").build());
    String token = confirmToken(outbox.latestTo("frank@example.com").orElseThrow());

    clock.advance(Duration.ofDays(7).plusSeconds(1));

    assertThat(petitions.confirm(token)).isInstanceOf(ConfirmResult.Expired.class);
    assertThat(petitions.tally("us-troops-out-of-korea").orElseThrow().confirmed()).isZero();
  }

  @Test
  void purgeDeletesOnlyPendingSignaturesOlderThanTheTtl() {
    petitions.sign(person("Old", "Pending", "old@example.com").build());
    petitions.sign(person("Old", "Confirmed", "kept@example.com").build());
    petitions.confirm(confirmToken(outbox.latestTo("kept@example.com").orElseThrow()));
    clock.advance(Duration.ofDays(6));
    petitions.sign(person("Young", "Pending", "young@example.com").build());
    clock.advance(Duration.ofDays(1).plusSeconds(1));

    assertThat(petitions.purgePending(1000)).isEqualTo(1);

    assertThat(petitions.confirm(confirmToken(outbox.latestTo("old@example.com").orElseThrow())))
        .isInstanceOf(ConfirmResult.Expired.class);
    assertThat(petitions.confirm(confirmToken(outbox.latestTo("young@example.com").orElseThrow())))
        .isEqualTo(new ConfirmResult.Confirmed(2));
    assertThat(petitions.tally("us-troops-out-of-korea").orElseThrow().confirmed()).isEqualTo(2);
  }

  @Test
  void aPurgedAddressMaySignAgain() {
    petitions.sign(person("Frank", "Castellano", "frank@example.com").build());
    clock.advance(Duration.ofDays(8));
    petitions.purgePending(1000);

    petitions.sign(person("Frank", "Castellano", "frank@example.com").build());

    assertThat(outbox.latestTo("frank@example.com").orElseThrow().kind()).isEqualTo(MessageKind.CONFIRM_SIGNATURE);
  }

  @Test
  void whenTheSenderFailsTheSigningIsUndoneAndCanBeRepeated() {
    java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
    Petitions flaky = Fixtures.petitions(clock, message -> {
      if (down.get()) {
        throw new IllegalStateException("outbox unavailable");
      }
      outbox.send(message);
    }).build();
    flaky.register(Fixtures.seedPetition());

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> flaky.sign(person("Frank", "Castellano", "frank@example.com").build()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("the signing was undone");
    down.set(false);
    flaky.sign(person("Frank", "Castellano", "frank@example.com").build());

    OutgoingMessage mail = outbox.latestTo("frank@example.com").orElseThrow();
    assertThat(mail.kind()).isEqualTo(MessageKind.CONFIRM_SIGNATURE);
    assertThat(flaky.confirm(confirmToken(mail))).isEqualTo(new ConfirmResult.Confirmed(1));
  }
}
