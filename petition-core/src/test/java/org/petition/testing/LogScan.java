package org.petition.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.testing.Fixtures.confirmToken;
import static org.petition.testing.Fixtures.person;
import static org.petition.testing.Fixtures.revokeToken;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.petition.Petitions;
import org.petition.account.PasswordHasher;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.MessageKind;
import org.petition.mail.OutgoingMessage;
import org.petition.store.SignatureCriteria;

/**
 * The log-scanning tests' parts: capture everything logged (slf4j-simple writes to System.err at TRACE in
 * tests, see simplelogger.properties), drive every flow that handles personal data, and assert that no email,
 * phone, full IP, password or token appears. Shared by the in-memory and the PostgreSQL runs.
 */
public final class LogScan {

  /** A password hasher cheap enough for tests. */
  public static final PasswordHasher CHEAP =
      PasswordHasher.builder().memoryKiB(8_192).iterations(1).parallelism(1).build();

  private LogScan() {}

  /** Work that may throw. */
  @FunctionalInterface
  public interface Work {
    void run() throws Exception;
  }

  /** Everything written to System.err and System.out while {@code work} runs. */
  public static String capture(Work work) throws Exception {
    PrintStream originalErr = System.err;
    PrintStream originalOut = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setErr(capture);
    System.setOut(capture);
    try {
      org.slf4j.LoggerFactory.getLogger("probe").info("log capture works");
      work.run();
    } finally {
      System.setErr(originalErr);
      System.setOut(originalOut);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  /**
   * Signs (one held), repeats, confirms, revokes, approves, removes in bulk, erases and purges on {@code
   * petitions} (with the seed petition registered and a "hold" check), adding every personal value and token
   * to {@code secrets}.
   */
  public static void lifecycle(Petitions petitions, MutableClock clock, InMemoryOutbox outbox, List<String> secrets) {
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
    String formToken = petitions.formToken("us-troops-out-of-korea");
    secrets.add(formToken);
    petitions.sign(person("Form", "Signer", "form.signer@example.org").formToken(formToken).build());
    petitions.sign(person("Forged", "Form", "forged.form@example.org").formToken(formToken + "x").build());
    secrets.add("form.signer@example.org");
    secrets.add("forged.form@example.org");
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
  }

  /**
   * Registers, verifies, fails and succeeds logins (until locked), registers an existing address, resets a
   * password, adding addresses, passwords, client addresses and link tokens to {@code secrets}.
   */
  public static void accounts(Petitions petitions, InMemoryOutbox outbox, List<String> secrets) {
    String email = "account.holder@example.org";
    String password = "correct horse battery staple 42";
    String wrong = "hunter2 is my password";
    String renewed = "a brand new passphrase 77";
    String client = "198.51.100.199";
    secrets.addAll(List.of(email, password, wrong, renewed, client));
    petitions.accounts().register(email, password, Locale.ENGLISH);
    String verify = Fixtures.token(outbox.latestTo(email).orElseThrow().actionUrl());
    secrets.add(verify);
    petitions.accounts().verify(verify);
    for (int i = 0; i < 6; i++) {
      petitions.accounts().login(email, wrong, client);
    }
    petitions.accounts().login("nobody.here@example.org", wrong, client);
    secrets.add("nobody.here@example.org");
    petitions.accounts().register(email, wrong, Locale.ENGLISH); // an existing address: mailed a reset link
    petitions.accounts().requestPasswordReset(email, null);
    OutgoingMessage reset = outbox.latestTo(email).orElseThrow();
    assertThat(reset.kind()).isEqualTo(MessageKind.RESET_PASSWORD);
    String resetToken = Fixtures.token(reset.actionUrl());
    secrets.add(resetToken);
    petitions.accounts().resetPassword(resetToken, renewed);
    petitions.accounts().resetPassword(resetToken, renewed); // a second use
    petitions.accounts().resetPassword("forged-" + resetToken, renewed);
  }

  /** Asserts that {@code logs} hold none of {@code secrets} and no email address at all. */
  public static void assertClean(String logs, List<String> secrets) {
    assertThat(logs).contains("log capture works");
    for (String secret : secrets) {
      assertThat(logs).as("logs must not contain a personal value, password or token").doesNotContain(secret);
    }
    assertThat(logs).doesNotContainPattern("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[a-z]{2,}");
  }
}
