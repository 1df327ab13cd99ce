package org.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.testing.Fixtures.confirmToken;
import static org.petition.testing.Fixtures.person;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petition.mail.InMemoryOutbox;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

class DeadlineTest {

  private final MutableClock clock = new MutableClock(Fixtures.START);
  private final InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();
  private Petitions petitions;

  @BeforeEach
  void setUp() {
    petitions = Fixtures.petitions(clock, outbox).build();
    petitions.register(Petition.builder("closing")
        .title("Closing soon")
        .opensAt(Fixtures.START.minus(Duration.ofDays(1)))
        .closesAt(Fixtures.START.plus(Duration.ofHours(1)))
        .consent(Fixtures.TERMS)
        .build());
  }

  @Test
  void signingAfterTheCloseIsRejected() {
    clock.advance(Duration.ofHours(1));

    SignResult result = petitions.sign(person("Late", "Signer", "late@example.com").petition("closing").build());

    assertThat(result).isInstanceOfSatisfying(SignResult.Rejected.class, rejected -> {
      assertThat(rejected.has("petition.closed")).isTrue();
      assertThat(rejected.violations()).singleElement().extracting(Violation::field).isEqualTo("petition");
    });
  }

  @Test
  void signingBeforeTheOpeningIsRejected() {
    petitions.register(Petition.builder("future").title("Future").opensAt(Fixtures.START.plusSeconds(60)).build());

    SignResult result = petitions.sign(person("Early", "Signer", "early@example.com").petition("future").build());

    assertThat(result).isInstanceOfSatisfying(SignResult.Rejected.class,
        rejected -> assertThat(rejected.has("petition.not_open")).isTrue());
  }

  @Test
  void confirmingStaysPossibleDuringTheGraceAfterTheClose() {
    petitions.sign(person("Just", "InTime", "intime@example.com").petition("closing").build());
    clock.advance(Duration.ofHours(1).plus(Duration.ofHours(23)));

    assertThat(petitions.confirm(confirmToken(outbox.latestTo("intime@example.com").orElseThrow())))
        .isEqualTo(new ConfirmResult.Confirmed(1));
  }

  @Test
  void confirmingAfterTheGraceIsExpired() {
    petitions.sign(person("Too", "Late", "toolate@example.com").petition("closing").build());
    clock.advance(Duration.ofHours(1).plus(Duration.ofHours(24)));

    assertThat(petitions.confirm(confirmToken(outbox.latestTo("toolate@example.com").orElseThrow())))
        .isInstanceOf(ConfirmResult.Expired.class);
    assertThat(petitions.tally("closing").orElseThrow().confirmed()).isZero();
  }
}
