package org.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.testing.Fixtures.confirmToken;
import static org.petition.testing.Fixtures.person;
import static org.petition.testing.Fixtures.revokeToken;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.OutgoingMessage;
import org.petition.store.SignatureCriteria;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

/**
 * Captures every line the library logs (at TRACE, see simplelogger.properties) during a full lifecycle and
 * asserts that none of the test's emails, phones, tokens or full IP addresses appears.
 */
class NoPersonalDataInLogsTest {

  @Test
  void aFullLifecycleLogsNoEmailPhoneTokenOrFullIp() {
    PrintStream originalErr = System.err;
    PrintStream originalOut = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    List<String> secrets = new ArrayList<>();
    System.setErr(capture);
    System.setOut(capture);
    try {
      MutableClock clock = new MutableClock(Fixtures.START);
      InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();
      Petitions petitions = Fixtures.petitions(clock, outbox)
          .check(input -> input.comment() != null && input.comment().contains("hold")
              ? List.of(org.petition.check.Finding.of("test.hold", org.petition.check.Severity.HIGH, "comment", "held"))
              : List.of())
          .build();
      petitions.register(Fixtures.seedPetition());
      petitions.events().onEvent(event -> {
        throw new IllegalStateException("a listener that fails on " + event.getClass().getSimpleName());
      });
      org.slf4j.LoggerFactory.getLogger("probe").info("log capture works");

      String[][] signers = {
          {"frank.castellano@example.org", "+1 202 555 0143", "203.0.113.77"},
          {"kim.yeongil@example.kr", "010-1234-5678", "2001:db8:85a3::8a2e:370:7334"},
          {"held.person@example.org", "+44 20 7946 0958", "198.51.100.23"},
          {"never.confirms@example.net", "+33 1 42 68 53 00", "192.0.2.44"}};
      for (String[] signer : signers) {
        secrets.add(signer[0]);
        secrets.add(signer[1]);
        secrets.add(signer[2]);
        String country = signer[0].endsWith(".kr") ? "KR" : null;
        petitions.sign(person("Name", "Surname", signer[0]).phone(signer[1]).country(country).ip(signer[2])
            .comment(signer[0].startsWith("held") ? "please hold" : "ok").build());
      }
      secrets.add("+12025550143");
      secrets.add("+821012345678");
      for (OutgoingMessage message : outbox.messages()) {
        secrets.add(confirmToken(message));
        secrets.add(revokeToken(message));
      }
      petitions.sign(person("Name", "Surname", "frank.castellano@example.org").build());
      petitions.sign(person("Name", "Surname", "bad@@example.org").build());
      for (OutgoingMessage message : outbox.messages()) {
        if (message.actionUrl() != null && !message.recipient().startsWith("never")) {
          petitions.confirm(confirmToken(message));
        }
      }
      petitions.confirm("tampered-token");
      petitions.revoke(revokeToken(outbox.latestTo("kim.yeongil@example.kr").orElseThrow()));
      long held = petitions.moderation().held("us-troops-out-of-korea", 0, 10).get(0).id();
      petitions.moderation().approve(held, "moderator", "fine");
      petitions.moderation().removeAll("us-troops-out-of-korea",
          SignatureCriteria.builder().emailDomain("example.org").build(), "moderator", "test", 10);
      petitions.subjects().requestErasure("frank.castellano@example.org", null);
      String erase = Fixtures.token(outbox.latestTo("frank.castellano@example.org").orElseThrow().actionUrl());
      secrets.add(erase);
      petitions.subjects().confirmErasure(erase);
      clock.advance(Duration.ofDays(8));
      petitions.purgePending(100);
    } finally {
      System.setErr(originalErr);
      System.setOut(originalOut);
    }

    String logs = captured.toString(StandardCharsets.UTF_8);
    assertThat(logs).contains("log capture works").contains("purged 1 unconfirmed").contains("erased the personal data");
    assertThat(logs).contains("event listener failed");
    for (String secret : secrets) {
      assertThat(logs).as("logs must not contain a personal value or token").doesNotContain(secret);
    }
    assertThat(logs).doesNotContainPattern("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[a-z]{2,}");
  }
}
