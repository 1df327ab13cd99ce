package org.petition.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.petition.check.ContentCheck;
import org.petition.check.Finding;
import org.petition.check.MojibakeRepair;
import org.petition.identity.TextNormalizer;
import org.petition.identity.TextResult;

/**
 * A comment or a name past the normaliser: the content check gives findings for the field it was asked about,
 * never an exception; mojibake repair (of any text, normalised or not) never throws, only ever shortens the
 * text (misread UTF-8 sequences become the characters they encoded) and gives well-formed Unicode.
 */
class ContentAndMojibakeFuzzTest {

  private static final ContentCheck CONTENT = ContentCheck.ofDefaults();
  private static final MojibakeRepair MOJIBAKE = MojibakeRepair.ofDefaults();
  private static final String[] FIELDS = {"firstName", "lastName", "nickname", "organizationName", "city",
      "affiliation", "comment"};

  /** Loads the word lists and code page tables before fuzzing, so the first input is not timed with it. */
  @BeforeAll
  static void warmUp() {
    CONTENT.checkField("comment", "warm up the word lists");
    MOJIBAKE.repair("\u00c3\u00a9t\u00c3\u00a9");
  }

  @FuzzTest(maxDuration = "10s")
  void contentCheckIsAVerdict(FuzzedDataProvider data) {
    String field = data.pickValue(FIELDS);
    String raw = data.consumeRemainingAsString();
    TextResult normalised = TextNormalizer.normalizeMultiline(raw, 2000);
    if (!(normalised instanceof TextResult.Ok ok)) {
      return;
    }
    List<Finding> findings = CONTENT.checkField(field, ok.text());
    for (Finding finding : findings) {
      assertThat(finding.field()).isEqualTo(field);
      assertThat(finding.code()).isNotBlank();
    }
  }

  @FuzzTest(maxDuration = "10s")
  void mojibakeRepairShortensToWellFormedText(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    MOJIBAKE.looksLikeMojibake(text);
    Optional<String> repaired = MOJIBAKE.repair(text);
    if (repaired.isEmpty()) {
      return;
    }
    String original = repaired.get();
    assertThat(original.length()).as("misread UTF-8 sequences become fewer characters").isLessThan(text.length());
    assertThat(wellFormed(original)).as("no unpaired surrogate").isTrue();
    MOJIBAKE.repair(original).ifPresent(again -> assertThat(again.length()).isLessThan(original.length()));
  }

  private static boolean wellFormed(String text) {
    return StandardCharsets.UTF_8.newEncoder().canEncode(text);
  }
}
