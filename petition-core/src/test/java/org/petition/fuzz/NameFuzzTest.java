package org.petition.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.text.Normalizer;
import org.junit.jupiter.api.BeforeAll;
import org.petition.identity.NameSkeleton;
import org.petition.identity.TextNormalizer;
import org.petition.identity.TextResult;

/**
 * A name or a comment as typed: normalising it is a verdict (text, blank or a refusal with a code), the
 * normalised text is NFC, within its limit and a fixed point, and its UTS #39 skeleton never throws and does
 * not depend on the normal form.
 */
class NameFuzzTest {

  /** Loads ICU's confusables data before fuzzing, so the first input is not timed with it. */
  @BeforeAll
  static void warmUp() {
    NameSkeleton.skeleton("J\u043ehn \uAE40");
    TextNormalizer.normalizeMultiline("a\u200db\r\nc", 100);
  }

  @FuzzTest(maxDuration = "10s")
  void normalisingIsAVerdictAndAFixedPoint(FuzzedDataProvider data) {
    boolean multiline = data.consumeBoolean();
    int maxLength = data.consumeInt(1, 2000);
    String raw = data.consumeRemainingAsString();
    TextResult result = multiline ? TextNormalizer.normalizeMultiline(raw, maxLength)
        : TextNormalizer.normalizeLine(raw, maxLength);
    if (result instanceof TextResult.Invalid invalid) {
      assertThat(invalid.code()).isIn(TextNormalizer.INVALID_CHARACTERS, TextNormalizer.TOO_LONG);
      return;
    }
    if (result instanceof TextResult.Blank) {
      return;
    }
    String text = ((TextResult.Ok) result).text();
    assertThat(text).isNotBlank();
    assertThat(text.codePointCount(0, text.length())).isLessThanOrEqualTo(maxLength);
    assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
    if (!multiline) {
      assertThat(text).doesNotContain("\n", "\r", "\t");
    }
    TextResult again = multiline ? TextNormalizer.normalizeMultiline(text, maxLength)
        : TextNormalizer.normalizeLine(text, maxLength);
    assertThat(again).as("normalising is idempotent").isEqualTo(result);

    String skeleton = NameSkeleton.skeleton(text);
    assertThat(NameSkeleton.skeleton(Normalizer.normalize(text, Normalizer.Form.NFD)))
        .as("canonically equivalent names have one skeleton").isEqualTo(skeleton);
  }

  @FuzzTest(maxDuration = "10s")
  void skeletonOfAnyTextNeverThrows(FuzzedDataProvider data) {
    String raw = data.consumeRemainingAsString();
    String skeleton = NameSkeleton.skeleton(raw);
    assertThat(NameSkeleton.skeleton(raw)).as("deterministic").isEqualTo(skeleton);
    if (raw.isBlank()) {
      assertThat(skeleton).isBlank();
    }
  }
}
