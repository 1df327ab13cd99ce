package org.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.petition.mail.InMemoryOutbox;
import org.petition.testing.Fixtures;
import org.petition.testing.LogScan;
import org.petition.testing.MutableClock;

/**
 * Captures every line the library logs (at TRACE, see simplelogger.properties) during a full lifecycle and the
 * account flows on the in-memory stores, and asserts that none of the test's emails, phones, passwords, tokens
 * or full IP addresses appears. {@code PostgresNoPersonalDataInLogsTest} does the same on PostgreSQL.
 */
class NoPersonalDataInLogsTest {

  @Test
  void aFullLifecycleLogsNoEmailPhoneTokenOrFullIp() throws Exception {
    List<String> secrets = new ArrayList<>();
    String logs = LogScan.capture(() -> {
      MutableClock clock = new MutableClock(Fixtures.START);
      InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();
      Petitions petitions = Fixtures.petitions(clock, outbox)
          .passwordHasher(LogScan.CHEAP)
          .check(input -> input.comment() != null && input.comment().contains("hold")
              ? List.of(org.petition.check.Finding.of("test.hold", org.petition.check.Severity.HIGH, "comment", "held"))
              : List.of())
          .build();
      petitions.register(Fixtures.seedPetition());
      petitions.events().onEvent(event -> {
        throw new IllegalStateException("a listener that fails on " + event.getClass().getSimpleName());
      });
      LogScan.lifecycle(petitions, clock, outbox, secrets);
      LogScan.accounts(petitions, outbox, secrets);
    });

    assertThat(logs).contains("purged 1 unconfirmed").contains("erased the personal data");
    assertThat(logs).contains("event listener failed");
    LogScan.assertClean(logs, secrets);
  }
}
