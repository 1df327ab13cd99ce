package org.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.petition.testing.Fixtures.confirmToken;
import static org.petition.testing.Fixtures.person;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petition.log.LogKey;
import org.petition.log.LogKeys;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.OutgoingMessage;
import org.petition.moderation.HeldSignature;
import org.petition.store.StoredSignature;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

/**
 * Letters to the target (issue 20): invited per petition, within its limit, checked as a comment is, sealed,
 * never public, one per counted signature in the TARGET export, gone with erasure.
 */
class LettersTest {

  private static final String SLUG = "us-troops-out-of-korea";
  private static final String LETTER = "Dear Representative,\nplease bring the troops home.\n— Frank";
  private final MutableClock clock = new MutableClock(Fixtures.START);
  private final InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();
  private final LogKeys keys = LogKeys.of(List.of(LogKey.generate("petitions.example.org/log", new SecureRandom())));
  private Petitions petitions;

  @BeforeEach
  void setUp() {
    petitions = Fixtures.petitions(clock, outbox).logKeys(keys).build();
    petitions.register(Petition.builder(SLUG).title("Troops out").target("U.S. Government").letters(true)
        .consent(Fixtures.TERMS).consent(Fixtures.PRIVACY).consent(Fixtures.PROCESSING).build());
    petitions.register(Petition.builder("no-letters").title("No letters").letterLimit(0)
        .consent(Fixtures.TERMS).consent(Fixtures.PRIVACY).consent(Fixtures.PROCESSING).build());
  }

  private SignResult sign(String slug, String email, String comment, String letter) {
    return petitions.sign(person("Frank", "Castellano", email).petition(slug).comment(comment).letter(letter).build());
  }

  private void signAndConfirm(String email, String comment, String letter) {
    assertThat(sign(SLUG, email, comment, letter)).isInstanceOf(SignResult.Pending.class);
    OutgoingMessage mail = outbox.latestTo(email).orElseThrow();
    petitions.confirm(confirmToken(mail));
  }

  private List<CSVRecord> export(ExportLevel level) throws IOException {
    StringWriter out = new StringWriter();
    assertThat(petitions.export(SLUG, level, out)).isInstanceOf(LogAnswer.Found.class);
    return CSVFormat.RFC4180.parse(new StringReader(out.toString())).getRecords();
  }

  @Test
  void theDefaultLimitIs2500AndABuilderRefusesLimitsOutOfRange() {
    Petition invited = petitions.petition(SLUG).orElseThrow();
    assertThat(invited.letterLimit()).isEqualTo(2_500);
    assertThat(invited.invitesLetters()).isTrue();
    assertThat(petitions.petition("no-letters").orElseThrow().invitesLetters()).isFalse();
    assertThatThrownBy(() -> Petition.builder("x").letterLimit(-1)).hasMessageContaining("letter limit");
    assertThatThrownBy(() -> Petition.builder("x").letterLimit(Petition.MAX_LETTER_LIMIT + 1))
        .hasMessageContaining("20000");
  }

  @Test
  void aLetterGoesToTheTargetExportOnlyAndNeverToThePublic() throws Exception {
    signAndConfirm("frank@example.org", "I support this petition", LETTER);
    signAndConfirm("ann@example.org", "Bring them home", "");

    List<CSVRecord> target = export(ExportLevel.TARGET);
    assertThat(target.get(0).get(8)).isEqualTo("letter");
    assertThat(target.get(1).get(8)).isEmpty(); // Ann, number 2: no letter, still her row
    assertThat(target.get(2).get(8)).isEqualTo(LETTER); // line breaks kept, as the signer wrote them
    assertThat(target).hasSize(4); // header, two signatures, the checkpoint

    String publicCsv = export(ExportLevel.PUBLIC).toString();
    assertThat(publicCsv).doesNotContain("Dear Representative");
    SignaturePage latest = petitions.latest(SLUG, null, 10);
    assertThat(latest.items().toString()).doesNotContain("Dear Representative");
    for (StoredSignature stored : petitions.store().latest(SLUG, null, Long.MAX_VALUE, 10)) {
      assertThat(stored.data().toString()).doesNotContain("Dear Representative");
      assertThat(new String(stored.data().sealedPersonalData(), java.nio.charset.StandardCharsets.ISO_8859_1))
          .doesNotContain("Dear Representative"); // sealed
    }
  }

  @Test
  void aLetterOverTheLimitIsRefusedNamingTheLimitInCodePoints() {
    petitions.register(Petition.builder("short").title("Short letters").letterLimit(40)
        .consent(Fixtures.TERMS).consent(Fixtures.PRIVACY).consent(Fixtures.PROCESSING).build());
    SignResult tooLong = sign("short", "long@example.org", null, "a".repeat(41));
    assertThat(tooLong).isInstanceOf(SignResult.Rejected.class);
    Violation violation = ((SignResult.Rejected) tooLong).violations().get(0);
    assertThat(violation.field()).isEqualTo("letter");
    assertThat(violation.code()).isEqualTo("field.too_long");
    assertThat(violation.message()).contains("40");
    // 40 Hangul syllables, or 40 emoji (two UTF-16 units each), are 40 characters: accepted.
    assertThat(sign("short", "ko@example.org", null, "가".repeat(40))).isInstanceOf(SignResult.Pending.class);
    assertThat(sign("short", "emoji@example.org", null, "🕊".repeat(40))).isInstanceOf(SignResult.Pending.class);
  }

  @Test
  void aPetitionThatInvitesNoLetterRefusesOne() {
    SignResult result = sign("no-letters", "frank@example.org", null, LETTER);
    assertThat(result).isInstanceOf(SignResult.Rejected.class);
    Violation violation = ((SignResult.Rejected) result).violations().get(0);
    assertThat(violation.field()).isEqualTo("letter");
    assertThat(violation.code()).isEqualTo("letter.not_invited");
    assertThat(sign("no-letters", "blank@example.org", null, "  \n ")).isInstanceOf(SignResult.Pending.class);
  }

  @Test
  void aThreateningLetterHoldsTheSignatureAndIsDeliveredOnlyOnceApproved() throws Exception {
    signAndConfirm("angry@example.org", "No more war", "You should all go and kill yourselves");
    assertThat(petitions.tally(SLUG).orElseThrow().confirmed()).isZero();
    List<HeldSignature> held = petitions.moderation().held(SLUG, 0, 10);
    assertThat(held).hasSize(1);
    assertThat(held.get(0).findings()).anyMatch(f -> f.field().equals("letter") && f.code().equals("content.threat"));
    assertThat(held.get(0).toString()).doesNotContain("kill yourselves");
    assertThat(export(ExportLevel.TARGET)).hasSize(2); // header and checkpoint: not counted, not delivered

    assertThat(petitions.moderation().approve(held.get(0).id(), "mod", "reviewed")).isTrue();
    assertThat(export(ExportLevel.TARGET).get(1).get(8)).isEqualTo("You should all go and kill yourselves");
  }

  @Test
  void aLetterWithALinkIsNotDeliveredButTheSignatureAndItsCommentAreKept() throws Exception {
    signAndConfirm("spam@example.org", "Peace now", "Cheap pills at www.cheap-pills-online.biz today");
    assertThat(petitions.tally(SLUG).orElseThrow().confirmed()).isEqualTo(1);
    List<CSVRecord> target = export(ExportLevel.TARGET);
    assertThat(target.get(1).get(7)).isEqualTo("Peace now"); // the comment is not hidden for the letter's link
    assertThat(target.get(1).get(8)).isEmpty();
    assertThat(petitions.latest(SLUG, null, 10).items().get(0).comment()).isEqualTo("Peace now");
  }

  @Test
  void accessShowsTheSignerTheirLetterAndErasureDeletesIt() throws Exception {
    signAndConfirm("frank@example.org", null, LETTER);
    assertThat(petitions.subjects().access("frank@example.org")).contains("Dear Representative");

    assertThat(petitions.subjects().requestErasure("frank@example.org", Locale.ENGLISH)).isEmpty();
    OutgoingMessage mail = outbox.latestTo("frank@example.org").orElseThrow();
    assertThat(petitions.subjects().confirmErasure(Fixtures.token(mail.actionUrl())))
        .isInstanceOf(ErasureResult.Erased.class);
    assertThat(export(ExportLevel.TARGET).toString()).doesNotContain("Dear Representative");
    assertThat(petitions.subjects().access("frank@example.org")).doesNotContain("Dear Representative");
  }
}
