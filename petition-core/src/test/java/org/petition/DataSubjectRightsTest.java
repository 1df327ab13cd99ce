package org.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.testing.Fixtures.confirmToken;
import static org.petition.testing.Fixtures.person;
import static org.petition.testing.Fixtures.revokeToken;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.petition.account.LoginResult;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.MessageKind;
import org.petition.mail.OutgoingMessage;
import org.petition.privacy.ConsentPurpose;
import org.petition.privacy.ConsentRecord;
import org.petition.privacy.ConsentSubjects;
import org.petition.privacy.WithdrawResult;
import org.petition.store.SignatureCriteria;
import org.petition.store.StoredSignature;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;


class DataSubjectRightsTest {

  private static final String SLUG = "us-troops-out-of-korea";
  private final MutableClock clock = new MutableClock(Fixtures.START);
  private final InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();

  private Petitions petitions(boolean erasedCount) {
    Petitions petitions = Fixtures.petitions(clock, outbox).build();
    Petition seed = Fixtures.seedPetition();
    petitions.register(Petition.builder(seed.slug()).title(seed.title()).goal(1000).consent(Fixtures.TERMS)
        .consent(Fixtures.PRIVACY).consent(Fixtures.PROCESSING).erasedSignaturesCount(erasedCount)
        .closesAt(Fixtures.START.plus(Duration.ofDays(30))).build());
    return petitions;
  }

  private OutgoingMessage signAndConfirm(Petitions petitions, String email) {
    petitions.sign(person("Frank", "Castellano", email).phone("+1 202 555 0143").comment("yankee go home!")
        .ip("198.51.100.23").build());
    OutgoingMessage mail = outbox.latestTo(email).orElseThrow();
    petitions.confirm(confirmToken(mail));
    return mail;
  }

  private long confirmed(Petitions petitions) {
    return petitions.tally(SLUG).orElseThrow().confirmed();
  }

  @Test
  void erasureIsConfirmedByMailAndRemovesTheSignatureByDefault() {
    Petitions petitions = petitions(false);
    signAndConfirm(petitions, "frank@example.org");

    assertThat(petitions.subjects().requestErasure("Frank@Example.org", Locale.ENGLISH)).isEmpty();
    OutgoingMessage mail = outbox.latestTo("Frank@Example.org").orElseThrow();
    assertThat(mail.kind()).isEqualTo(MessageKind.CONFIRM_ERASURE);
    assertThat(mail.actionUrl()).startsWith("https://petitions.example.org/erase?token=");
    assertThat(confirmed(petitions)).isEqualTo(1);

    assertThat(petitions.subjects().confirmErasure(Fixtures.token(mail.actionUrl()))).isEqualTo(new ErasureResult.Erased(1, 0));
    assertThat(confirmed(petitions)).isZero();
    assertThat(petitions.latest(SLUG, null, 10).items()).isEmpty();
    assertThat(petitions.subjects().confirmErasure(Fixtures.token(mail.actionUrl()))).isInstanceOf(ErasureResult.AlreadyErased.class);
    assertThat(petitions.subjects().access("frank@example.org")).doesNotContain("Castellano").doesNotContain("+12025550143");
  }

  @Test
  void erasureDeletesAReturningSignersAccountToo() {
    Petitions petitions = petitions(false);
    signAndConfirm(petitions, "frank@example.org");
    String password = "a long and private passphrase";
    petitions.accounts().register("frank@example.org", password, Locale.ENGLISH);
    assertThat(petitions.accounts().login("frank@example.org", password, "client"))
        .isInstanceOf(LoginResult.SignedIn.class);

    petitions.subjects().requestErasure("frank@example.org", Locale.ENGLISH);
    OutgoingMessage mail = outbox.latestTo("frank@example.org").orElseThrow();
    assertThat(mail.kind()).isEqualTo(MessageKind.CONFIRM_ERASURE);
    assertThat(petitions.subjects().confirmErasure(Fixtures.token(mail.actionUrl()))).isEqualTo(new ErasureResult.Erased(1, 0));

    assertThat(petitions.accounts().login("frank@example.org", password, "client"))
        .isNotInstanceOf(LoginResult.SignedIn.class);
  }

  @Test
  void anAccountAloneIsHeldDataThatAnErasureRequestMailsAndDeletes() {
    Petitions petitions = petitions(false);
    String password = "a long and private passphrase";
    petitions.accounts().register("ann@example.org", password, Locale.ENGLISH);

    petitions.subjects().requestErasure("ann@example.org", Locale.ENGLISH);
    OutgoingMessage mail = outbox.latestTo("ann@example.org").orElseThrow();
    assertThat(mail.kind()).as("an account is held data, so the erasure link is mailed").isEqualTo(MessageKind.CONFIRM_ERASURE);

    assertThat(petitions.subjects().confirmErasure(Fixtures.token(mail.actionUrl()))).isEqualTo(new ErasureResult.Erased(0, 0));
    assertThat(petitions.accounts().login("ann@example.org", password, "client")).isNotInstanceOf(LoginResult.SignedIn.class);
    assertThat(petitions.subjects().confirmErasure(Fixtures.token(mail.actionUrl()))).isInstanceOf(ErasureResult.AlreadyErased.class);
  }

  @Test
  void whenThePetitionSaysSoAnErasedSignatureStillCountsAnonymously() {
    Petitions petitions = petitions(true);
    signAndConfirm(petitions, "frank@example.org");
    petitions.subjects().requestErasure("frank@example.org", null);

    ErasureResult result = petitions.subjects().confirmErasure(
        Fixtures.token(outbox.latestTo("frank@example.org").orElseThrow().actionUrl()));

    assertThat(result).isEqualTo(new ErasureResult.Erased(1, 1));
    assertThat(confirmed(petitions)).isEqualTo(1);
    assertThat(petitions.latest(SLUG, null, 10).items()).singleElement()
        .satisfies(s -> assertThat(s.displayName()).isEqualTo("Frank C."));
    assertThat(petitions.subjects().access("frank@example.org"))
        .contains("\"personalData\":null").doesNotContain("198.51.100.23");
  }

  @Test
  void anErasureRequestForAnUnknownAddressLooksTheSameAndErasesNothing() {
    Petitions petitions = petitions(false);
    signAndConfirm(petitions, "frank@example.org");

    assertThat(petitions.subjects().requestErasure("nobody@example.org", null)).isEmpty();
    assertThat(outbox.messagesTo("nobody@example.org")).as("nothing is held, so nothing is mailed").isEmpty();
    assertThat(confirmed(petitions)).isEqualTo(1);
    assertThat(petitions.subjects().requestErasure("not an email", null)).hasValueSatisfying(
        v -> assertThat(v.code()).isEqualTo("email.invalid"));
    assertThat(petitions.subjects().confirmErasure("garbage")).isInstanceOf(ErasureResult.Invalid.class);
  }

  @Test
  void accessIsMailedAsALinkThatDownloadsTheDataOfItsAddressOnly() {
    Petitions petitions = petitions(false);
    signAndConfirm(petitions, "frank@example.org");

    assertThat(petitions.subjects().requestAccess("Frank@Example.org", Locale.KOREAN)).isEmpty();
    OutgoingMessage mail = outbox.latestTo("Frank@Example.org").orElseThrow();
    assertThat(mail.kind()).isEqualTo(MessageKind.SUBJECT_ACCESS);
    assertThat(mail.actionUrl()).startsWith("https://petitions.example.org/access?token=");
    assertThat(mail.subject()).contains("개인정보");

    AccessResult result = petitions.subjects().accessByLink(mail.actionToken().orElseThrow());
    assertThat(result).isInstanceOfSatisfying(AccessResult.Granted.class, granted -> assertThat(granted.json())
        .contains("petition.subject-access.v1").contains("Castellano").contains("+12025550143"));
    assertThat(result.toString()).doesNotContain("Castellano");
    assertThat(petitions.subjects().accessByLink("garbage")).isInstanceOf(AccessResult.Invalid.class);
    assertThat(petitions.subjects().accessByLink(mail.actionToken().orElseThrow().replace('A', 'B') + "x"))
        .isInstanceOf(AccessResult.Invalid.class);
    // An erasure link is not an access link.
    petitions.subjects().requestErasure("frank@example.org", null);
    assertThat(petitions.subjects().accessByLink(outbox.latestTo("frank@example.org").orElseThrow().actionToken()
        .orElseThrow())).isInstanceOf(AccessResult.Invalid.class);

    clock.advance(Duration.ofDays(1).plusSeconds(1));
    assertThat(petitions.subjects().accessByLink(mail.actionToken().orElseThrow()))
        .isInstanceOf(AccessResult.Expired.class);
  }

  @Test
  void accessAndErasureRequestsMailNoOneWhoNeverSignedAndAreLimitedPerAddress() {
    Petitions petitions = petitions(false);
    signAndConfirm(petitions, "frank@example.org");
    int before = outbox.messagesTo("frank@example.org").size();

    assertThat(petitions.subjects().requestAccess("nobody@example.org", null)).isEmpty();
    assertThat(outbox.messagesTo("nobody@example.org")).isEmpty();
    assertThat(petitions.subjects().requestAccess("not an email", null)).hasValueSatisfying(
        v -> assertThat(v.field()).isEqualTo("email"));

    for (int i = 0; i < 3; i++) {
      assertThat(petitions.subjects().requestAccess("frank@example.org", null)).isEmpty();
      assertThat(petitions.subjects().requestErasure("frank@example.org", null)).isEmpty();
    }
    // 1 a minute by default, each kind counted apart.
    assertThat(outbox.messagesTo("frank@example.org")).hasSize(before + 2);
    clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    petitions.subjects().requestAccess("frank@example.org", null);
    assertThat(outbox.messagesTo("frank@example.org")).hasSize(before + 3);
  }

  @Test
  void withdrawingDataProcessingRemovesTheSignatureAndIsRecorded() {
    Petitions petitions = petitions(false);
    OutgoingMessage mail = signAndConfirm(petitions, "frank@example.org");
    RequestContext context = new RequestContext("198.51.100.23", "Mozilla/5.0", null, null, null, "manage", Locale.ENGLISH);

    assertThat(petitions.subjects().withdrawConsent(revokeToken(mail), ConsentPurpose.NEWSLETTER, context))
        .hasValueSatisfying(r -> assertThat(r).isInstanceOf(WithdrawResult.NotGranted.class));
    assertThat(petitions.subjects().withdrawConsent(revokeToken(mail), ConsentPurpose.DATA_PROCESSING, context))
        .hasValueSatisfying(r -> assertThat(r).isInstanceOf(WithdrawResult.Withdrawn.class));

    assertThat(confirmed(petitions)).isZero();
    assertThat(petitions.subjects().withdrawConsent(revokeToken(mail), ConsentPurpose.DATA_PROCESSING, context))
        .hasValueSatisfying(r -> assertThat(r).isInstanceOf(WithdrawResult.NotGranted.class));
    assertThat(petitions.subjects().withdrawConsent("tampered", ConsentPurpose.TERMS, context)).isEmpty();
  }

  @Test
  void accessReturnsEverythingHeldAboutThePerson() {
    Petitions petitions = petitions(false);
    signAndConfirm(petitions, "frank@example.org");

    String json = petitions.subjects().access("FRANK@example.org");

    assertThat(json).startsWith("{\"format\":\"petition.subject-access.v1\"")
        .contains("\"email\":\"frank@example.org\"").contains("\"phone\":\"+12025550143\"")
        .contains("\"firstName\":\"Frank\"").contains("\"lastName\":\"Castellano\"")
        .contains("\"ip\":\"198.51.100.0/24\"").contains("\"comment\":\"yankee go home!\"")
        .contains("\"state\":\"CONFIRMED\"").contains("\"number\":1");
    assertThat(json.split("\"action\":\"GRANTED\"", -1)).hasSize(4);
    assertThat(json).as("the full address is not kept once the rate limits used it").doesNotContain("198.51.100.23");
    assertThat(petitions.subjects().access("stranger@example.org")).contains("\"signatures\":[]").contains("\"consents\":[]");
  }

  @Test
  void retentionErasesPersonalDataAfterTheCloseAndKeepsCountsAndPublicEntries() {
    Petitions petitions = petitions(false);
    signAndConfirm(petitions, "frank@example.org");
    List<StoredSignature> before = petitions.store().bySubject(emailKeyOf(petitions));
    String subject = ConsentSubjects.of(before.get(0).data().emailKey());

    clock.advance(Duration.ofDays(30 + 179));
    assertThat(petitions.subjects().applyRetention(100)).isZero();
    clock.advance(Duration.ofDays(2));
    assertThat(petitions.subjects().applyRetention(100)).isEqualTo(1);
    assertThat(petitions.subjects().applyRetention(100)).isZero();

    StoredSignature after = petitions.store().find(before.get(0).id()).orElseThrow();
    assertThat(after.data().sealedPersonalData()).isEmpty();
    assertThat(after.data().network()).isNull();
    assertThat(after.data().phoneKey()).isNull();
    assertThat(confirmed(petitions)).isEqualTo(1);
    assertThat(petitions.latest(SLUG, null, 10).items()).singleElement().satisfies(s -> {
      assertThat(s.displayName()).isEqualTo("Frank C.");
      assertThat(s.comment()).isEqualTo("yankee go home!");
    });
    assertThat(petitions.store().consentLedger().recordsOf(subject)).hasSize(3)
        .extracting(ConsentRecord::action).containsOnly(ConsentRecord.Action.GRANTED);
    assertThat(petitions.store().consentLedger().verify().ok()).isTrue();
  }

  private static byte[] emailKeyOf(Petitions petitions) {
    return petitions.store().search(SLUG,
        org.petition.store.SignatureCriteria.builder().emailDomain("example.org").build(), 0, 1).get(0).data().emailKey();
  }
}
