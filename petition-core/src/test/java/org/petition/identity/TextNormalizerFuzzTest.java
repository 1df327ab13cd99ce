package org.petition.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.text.Normalizer;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Random Unicode, heavy in what a normaliser gets wrong: controls, surrogates, invisibles, joiners. */
class TextNormalizerFuzzTest {

  private static final int RUNS = 20_000;

  // Code points drawn on purpose, beside random ones from the whole range.
  private static final int[] TRICKY = {
    0x00, 0x07, 0x09, 0x0A, 0x0D, 0x1B, 0x7F, 0x85, 0x9F, ' ', ' ', ' ', 0xA0, 0xAD, 0x034F, 0x061C, 0x0301,
    0x0650, 0x094D, 0x093C, 0x0958, 0x115F, 0x1160, 0x1100, 0x1161, 0x11A8, 0x1680, 0x180E, 0x2000, 0x200A,
    0x200B, 0x200C, 0x200D, 0x200D, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202E, 0x202F, 0x205F, 0x2060,
    0x2064, 0x2066, 0x2069, 0x3000, 0x3164, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xFDD0, 0xFE0F, 0xFEFF, 0xFFA0,
    0xFFFE, 0xFFFF, 0x1F3F4, 0x1F3FD, 0x1F469, 0x1F4BB, 0xE0001, 0xE0067, 0xE007F, 0xE0100, 0x1D173, 0x10FFFF,
    'a', 'Z', 'e', 0xE9, 0x0915, 0x0627, 0x0645, 0x06CC, 0xAC00, 0xD55C
  };

  @Test
  void neverThrowsNeverLeaksInvisiblesAndIsIdempotent() {
    SplittableRandom random = new SplittableRandom(0x5EED_1D);
    int ok = 0;
    for (int run = 0; run < RUNS; run++) {
      boolean multiline = random.nextBoolean();
      String input = randomText(random, multiline);
      int maxLength = 1 + random.nextInt(40);
      TextResult result =
          multiline
              ? TextNormalizer.normalizeMultiline(input, maxLength)
              : TextNormalizer.normalizeLine(input, maxLength);
      assertThat(result).isNotNull();
      if (result instanceof TextResult.Ok success) {
        ok++;
        String text = success.text();
        checkClean(text, multiline, maxLength, input);
        TextResult again =
            multiline
                ? TextNormalizer.normalizeMultiline(text, maxLength)
                : TextNormalizer.normalizeLine(text, maxLength);
        if (!again.equals(result)) {
          fail("normalising again the output " + result + " of " + describe(input) + " gave " + again);
        }
      } else if (result instanceof TextResult.Invalid invalid) {
        assertThat(invalid.code()).isIn(TextNormalizer.INVALID_CHARACTERS, TextNormalizer.TOO_LONG);
      }
    }
    // The generator must exercise the Ok path, not only refusals.
    assertThat(ok).isGreaterThan(RUNS / 3);
  }

  private static void checkClean(String text, boolean multiline, int maxLength, String input) {
    Supplier<String> what = () -> describe(input);
    assertThat(text).as(what).isNotBlank();
    assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).as(what).isTrue();
    assertThat(text.codePointCount(0, text.length())).as(what).isLessThanOrEqualTo(maxLength);
    assertThat(text.charAt(0)).as(what).isNotIn(' ', '\n');
    assertThat(text.charAt(text.length() - 1)).as(what).isNotIn(' ', '\n');
    assertThat(text).as(what).doesNotContain("  ", " \n", "\n\n\n\n");
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      boolean control = Character.getType(cp) == Character.CONTROL && !(multiline && cp == '\n');
      boolean surrogate = cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE;
      boolean otherSpace = cp != ' ' && Character.getType(cp) == Character.SPACE_SEPARATOR;
      if (control || surrogate || otherSpace || isBidiOrZeroWidth(cp)) {
        fail(String.format("U+%04X left in the output of %s", cp, describe(input)));
      }
      if (cp == 0x200C || cp == 0x200D) {
        // A kept joiner always stands between two visible characters.
        boolean edge = i - 1 == 0 || i == text.length();
        if (edge || isBreakOrSpace(text.charAt(i - 2)) || isBreakOrSpace(text.charAt(i))) {
          fail(String.format("U+%04X joins nothing in the output of %s", cp, describe(input)));
        }
      }
    }
  }

  private static boolean isBreakOrSpace(char c) {
    return c == ' ' || c == '\n';
  }

  private static boolean isBidiOrZeroWidth(int cp) {
    return cp == 0x061C
        || cp == 0x200B
        || cp == 0x200E
        || cp == 0x200F
        || (cp >= 0x202A && cp <= 0x202E)
        || cp == 0x2060
        || (cp >= 0x2066 && cp <= 0x2069)
        || cp == 0xFEFF
        || cp == 0x00AD;
  }

  // A third of the inputs are hostile; the others lack what is refused outright, to reach the Ok path.
  private static String randomText(SplittableRandom random, boolean multiline) {
    boolean hostile = random.nextInt(3) == 0;
    int length = random.nextInt(48);
    StringBuilder out = new StringBuilder(length * 2);
    while (out.length() < length) {
      int cp = randomCodePoint(random);
      if (hostile || !isRefused(cp, multiline)) {
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }

  private static int randomCodePoint(SplittableRandom random) {
    int kind = random.nextInt(10);
    if (kind < 5) {
      return TRICKY[random.nextInt(TRICKY.length)];
    } else if (kind < 7) {
      return 0x20 + random.nextInt(0x5F);
    } else if (kind < 8) {
      return random.nextInt(0x10000);
    }
    return random.nextInt(Character.MAX_CODE_POINT + 1);
  }

  private static boolean isRefused(int cp, boolean multiline) {
    boolean allowedControl = cp == '\t' || (multiline && (cp == '\n' || cp == '\r'));
    return (Character.getType(cp) == Character.CONTROL && !allowedControl)
        || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)
        || (cp & 0xFFFE) == 0xFFFE
        || (cp >= 0xFDD0 && cp <= 0xFDEF);
  }

  private static String describe(String input) {
    StringBuilder out = new StringBuilder("[");
    input.chars().forEach(c -> out.append(String.format("%04X ", c)));
    return out.append(']').toString();
  }
}
