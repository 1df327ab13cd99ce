package org.petition.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.petition.privacy.ConsentFixtures.EVIDENCE;
import static org.petition.privacy.ConsentFixtures.T0;
import static org.petition.privacy.ConsentFixtures.TERMS;
import static org.petition.privacy.ConsentFixtures.subject;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.petition.RequestContext;


class ConsentRecordTest {

  private static ConsentRecord.Draft draft(String subject, String petition, String version, ConsentRecord.Evidence evidence) {
    return new ConsentRecord.Draft(
        subject, petition, ConsentPurpose.TERMS, "terms", version, TERMS.sha256(), ConsentRecord.Action.GRANTED, T0, evidence);
  }

  @Test
  void grantTakesTheDocumentsIdVersionHashAndPurpose() {
    ConsentRecord.Draft draft = ConsentRecord.Draft.grant(subject(1), "save-the-park", TERMS, T0, EVIDENCE);

    assertThat(draft.documentId()).isEqualTo("terms");
    assertThat(draft.documentVersion()).isEqualTo("2025-01");
    assertThat(draft.documentSha256()).isEqualTo(TERMS.sha256());
    assertThat(draft.purpose()).isEqualTo(ConsentPurpose.TERMS);
    assertThat(draft.action()).isEqualTo(ConsentRecord.Action.GRANTED);
  }

  @Test
  void refusesInvalidDraftsWithPreciseMessages() {
    assertThatThrownBy(() -> draft("not base64!", "p", "1", EVIDENCE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("subject must be the unpadded base64url encoding of a keyed hash of 8 to 128 bytes");
    assertThatThrownBy(() -> draft("AAAAAAAAAA", "p", "1", EVIDENCE))
        .as("ten characters decode to 7 bytes")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> draft(subject(1), "Save The Park", "1", EVIDENCE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("petition must be a petition slug, 1-64 of [a-z0-9-], was: Save The Park");
    assertThatThrownBy(() -> draft(subject(1), "p", " ", EVIDENCE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("documentVersion must be 1-64 characters of well-formed text");
    assertThatThrownBy(() -> draft(subject(1), "p", "1", new ConsentRecord.Evidence(null, null, "ABC", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("evidence.userAgentSha256 must be 64 lower-case hex digits");
    assertThatThrownBy(() -> draft(subject(1), "p", "1", new ConsentRecord.Evidence("f\uDC00", null, null, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("evidence.formId must be at most 256 characters of well-formed text");
    assertThatThrownBy(() -> draft(subject(1), "p", "1", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("evidence must not be null");
  }

  @Test
  void evidenceOfARequestKeepsNoPersonalDataInTheClear() {
    RequestContext context =
        new RequestContext("198.51.100.77", "Mozilla/5.0 (X11)", null, null, null, "embed-\uD800", Locale.forLanguageTag("de-AT"));

    ConsentRecord.Evidence evidence = ConsentRecord.Evidence.of(context);

    assertThat(evidence.truncatedIp()).isEqualTo("198.51.100.0/24");
    assertThat(evidence.userAgentSha256()).isEqualTo(Pseudonyms.userAgentHash("Mozilla/5.0 (X11)"));
    assertThat(evidence.locale()).isEqualTo("de-AT");
    assertThat(evidence.formId()).isEqualTo("embed-\uFFFD");
    // Always valid in a draft.
    assertThat(draft(subject(1), "p", "1", evidence).evidence()).isEqualTo(evidence);
    assertThat(ConsentRecord.Evidence.of(RequestContext.empty())).isEqualTo(ConsentRecord.Evidence.none());
  }

  @Test
  void evidenceOfARequestCutsAnOverlongFormIdWithoutSplittingAPair() {
    String formId = "x".repeat(255) + "\uD83D\uDE00" + "tail";
    RequestContext context = new RequestContext(null, null, null, null, null, formId, null);

    ConsentRecord.Evidence evidence = ConsentRecord.Evidence.of(context);

    assertThat(evidence.formId()).isEqualTo("x".repeat(255));
    assertThat(draft(subject(1), "p", "1", evidence).evidence().formId()).hasSize(255);
  }

  @Test
  void recordKeepsWhateverAStoreReturnsSoVerificationCanJudgeIt() {
    ConsentRecord odd =
        new ConsentRecord(-5, -1, "?", "P", ConsentPurpose.TERMS, "", "", "", ConsentRecord.Action.WITHDRAWN, T0,
            ConsentRecord.Evidence.none(), "", "zz");

    assertThat(odd.hash()).isEqualTo("zz");
    assertThatThrownBy(() -> new ConsentRecord(0, 0, null, "p", ConsentPurpose.TERMS, "", "", "", ConsentRecord.Action.GRANTED, T0,
            ConsentRecord.Evidence.none(), "", ""))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("subject must not be null");
  }
}
