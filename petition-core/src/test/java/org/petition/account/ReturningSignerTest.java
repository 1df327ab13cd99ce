package org.petition.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.testing.Fixtures.person;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petition.Petition;
import org.petition.Petitions;
import org.petition.SignResult;
import org.petition.Violation;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.MessageKind;
import org.petition.mail.OutgoingMessage;
import org.petition.store.AccountStore;
import org.petition.store.memory.InMemoryAccountStore;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

class ReturningSignerTest {

  private static final String PASSWORD = "korean peninsula peace 2026";
  private final MutableClock clock = new MutableClock(Fixtures.START);
  private final InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();
  private final AccountStore accountStore = new InMemoryAccountStore();
  private final PasswordHasher cheap = PasswordHasher.builder().memoryKiB(8_192).iterations(1).parallelism(1).build();
  private Petitions petitions;

  @BeforeEach
  void setUp() {
    petitions = Fixtures.petitions(clock, outbox).accountStore(accountStore).passwordHasher(cheap)
        .identitySecret(identitySecret).build();
    petitions.register(Fixtures.seedPetition());
    petitions.register(Petition.builder("second").title("Second").consent(Fixtures.TERMS).build());
  }

  private String link(String email, MessageKind kind) {
    OutgoingMessage message = outbox.latestTo(email).orElseThrow();
    assertThat(message.kind()).isEqualTo(kind);
    return Fixtures.token(message.actionUrl());
  }

  private SignedInSigner login(String email, String password) {
    LoginResult result = petitions.accounts().login(email, password, "203.0.113.0/24");
    assertThat(result).isInstanceOf(LoginResult.SignedIn.class);
    return ((LoginResult.SignedIn) result).signer();
  }

  @Test
  void aVerifiedSignedInSignerIsConfirmedAtOnceOnAnotherPetition() {
    assertThat(petitions.accounts().register("kim@example.kr", PASSWORD, Locale.KOREAN))
        .isInstanceOf(AccountResult.Done.class);
    String verify = link("kim@example.kr", MessageKind.VERIFY_ACCOUNT);

    SignedInSigner unverified = login("kim@example.kr", PASSWORD);
    assertThat(unverified.verified()).isFalse();
    assertThat(petitions.sign(person("영일", "김", "kim@example.kr").build(), unverified))
        .isInstanceOf(SignResult.Pending.class);
    assertThat(outbox.latestTo("kim@example.kr").orElseThrow().kind()).isEqualTo(MessageKind.CONFIRM_SIGNATURE);

    assertThat(petitions.accounts().verify(verify)).isInstanceOf(AccountResult.Done.class);
    SignedInSigner verified = login("KIM@example.kr", PASSWORD);
    int mailsBefore = outbox.size();
    SignResult result = petitions.sign(
        org.petition.SignatureRequest.builder("second").person("영일", "김").email("kim@example.kr").consent("terms").build(),
        verified);

    assertThat(result).isEqualTo(new SignResult.Confirmed(1));
    assertThat(outbox.size()).isEqualTo(mailsBefore);
    assertThat(petitions.tally("second").orElseThrow().confirmed()).isEqualTo(1);
    assertThat(petitions.subjects().access("kim@example.kr")).contains("\"petition\":\"second\",\"purpose\":\"TERMS\"");
  }

  @Test
  void aSignedInSignerUsingAnotherAddressStillConfirmsByMail() {
    petitions.accounts().register("kim@example.kr", PASSWORD, null);
    petitions.accounts().verify(link("kim@example.kr", MessageKind.VERIFY_ACCOUNT));

    SignResult result = petitions.sign(person("Yeong-il", "Kim", "someone.else@example.kr").build(),
        login("kim@example.kr", PASSWORD));

    assertThat(result).isInstanceOf(SignResult.Pending.class);
    assertThat(petitions.tally("us-troops-out-of-korea").orElseThrow().confirmed()).isZero();
  }

  @Test
  void weakCommonAndHugePasswordsAreRefusedWithAReason() {
    assertThat(petitions.accounts().register("a@example.org", "short", null)).isInstanceOfSatisfying(
        AccountResult.Rejected.class, r -> assertThat(r.violations()).extracting(Violation::code).containsExactly("password.too_short"));
    assertThat(petitions.accounts().register("a@example.org", "password123", null)).isInstanceOfSatisfying(
        AccountResult.Rejected.class, r -> assertThat(r.violations()).extracting(Violation::code).containsExactly("password.common"));
    assertThat(petitions.accounts().register("a@example.org", "x".repeat(10 * 1024 * 1024), null)).isInstanceOfSatisfying(
        AccountResult.Rejected.class, r -> assertThat(r.violations()).extracting(Violation::code).containsExactly("password.too_long"));
    assertThat(petitions.accounts().register("not-an-email", PASSWORD, null)).isInstanceOfSatisfying(
        AccountResult.Rejected.class, r -> assertThat(r.violations()).extracting(Violation::field).containsExactly("email"));
    assertThat(petitions.accounts().register("a\\b@example.org", PASSWORD, null)).isInstanceOfSatisfying(
        AccountResult.Rejected.class,
        r -> assertThat(r.violations()).extracting(Violation::code).containsExactly("email.backslash_outside_quotes"));
    assertThat(outbox.size()).isZero();
  }

  @Test
  void registeringAnExistingAddressAnswersTheSameAndMailsAResetLink() {
    petitions.accounts().register("kim@example.kr", PASSWORD, null);

    assertThat(petitions.accounts().register("Kim@Example.kr", "another long password", null))
        .isInstanceOf(AccountResult.Done.class);

    assertThat(outbox.latestTo("Kim@example.kr").orElseThrow().kind()).isEqualTo(MessageKind.RESET_PASSWORD);
    assertThat(petitions.accounts().login("kim@example.kr", "another long password", null))
        .isInstanceOf(LoginResult.Failed.class);
  }

  @Test
  void failedLoginsLockForDoublingTimes() {
    petitions.accounts().register("kim@example.kr", PASSWORD, null);
    for (int i = 0; i < 4; i++) {
      assertThat(petitions.accounts().login("kim@example.kr", "wrong password", null)).isInstanceOf(LoginResult.Failed.class);
    }
    petitions.accounts().login("kim@example.kr", "wrong password", null);

    assertThat(petitions.accounts().login("kim@example.kr", PASSWORD, null))
        .isEqualTo(new LoginResult.Locked(Duration.ofMinutes(1)));
    clock.advance(Duration.ofMinutes(1));
    for (int i = 0; i < 5; i++) {
      petitions.accounts().login("kim@example.kr", "wrong password", null);
    }
    assertThat(petitions.accounts().login("kim@example.kr", PASSWORD, null))
        .isEqualTo(new LoginResult.Locked(Duration.ofMinutes(2)));
    clock.advance(Duration.ofMinutes(2));
    assertThat(petitions.accounts().login("kim@example.kr", PASSWORD, null)).isInstanceOf(LoginResult.SignedIn.class);
  }

  @Test
  void aResetLinkSetsANewPasswordOnceAndVerifiesTheAddress() {
    petitions.accounts().register("kim@example.kr", PASSWORD, null);
    petitions.accounts().requestPasswordReset("kim@example.kr", null);
    String reset = link("kim@example.kr", MessageKind.RESET_PASSWORD);

    assertThat(petitions.accounts().resetPassword(reset, "a brand new passphrase")).isInstanceOf(AccountResult.Done.class);
    assertThat(petitions.accounts().resetPassword(reset, "yet another passphrase")).isInstanceOf(AccountResult.Invalid.class);

    assertThat(petitions.accounts().login("kim@example.kr", PASSWORD, null)).isInstanceOf(LoginResult.Failed.class);
    assertThat(login("kim@example.kr", "a brand new passphrase").verified()).isTrue();
    assertThat(petitions.accounts().requestPasswordReset("nobody@example.kr", null)).isInstanceOf(AccountResult.Done.class);
    assertThat(outbox.latestTo("nobody@example.kr")).isEmpty();
  }

  @Test
  void loginReHashesUnderRaisedParameters() {
    petitions.accounts().register("kim@example.kr", PASSWORD, null);
    String before = accountStore.byEmailKey(emailKeyOfKim()).orElseThrow().passwordHash();
    assertThat(before).contains("m=8192,t=1,p=1");

    PasswordHasher stronger = PasswordHasher.builder().memoryKiB(8_192).iterations(2).parallelism(1).build();
    Petitions raised = Fixtures.petitions(clock, outbox).accountStore(accountStore).passwordHasher(stronger)
        .identitySecret(identitySecretOf()).build();
    assertThat(raised.accounts().login("kim@example.kr", PASSWORD, null)).isInstanceOf(LoginResult.SignedIn.class);

    assertThat(accountStore.byEmailKey(emailKeyOfKim()).orElseThrow().passwordHash()).contains("m=8192,t=2,p=1");
  }

  private final byte[] identitySecret = Fixtures.randomBytes(32);

  private byte[] identitySecretOf() {
    return identitySecret;
  }

  private byte[] emailKeyOfKim() {
    return org.petition.identity.IdentityHasher.of(identitySecret).emailKey("kim@example.kr");
  }
}
