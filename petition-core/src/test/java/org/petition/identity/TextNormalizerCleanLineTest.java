package org.petition.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast path for clean lines outside ASCII gives exactly what the general path gives. */
class TextNormalizerCleanLineTest {

  private static final String[] PARTS = {
    "José", "김영일", "Иван", "Γιώργος", "محمد", "फ़ातिमा", "山田", "たかはし", " ", " ", "  ", "\u00A0", "\t",
    "e\u0301", "\u200D", "\u200C", "\u202E", "\u200E", "\u00AD", "\uFEFF", "\uFDD0", "\uD800", "\uDC00",
    "😀", "👍🏽", "\uDB40\uDC41", "\u2028", "\n", "\u0000", "\u3000", "Å", "ﬁ", "ǅ", "x", "-", "'", "·"
  };

  @Test
  void randomLinesMixingCleanAndDirtyParts() {
    SplittableRandom random = new SplittableRandom(20261207);
    for (int n = 0; n < 100_000; n++) {
      StringBuilder line = new StringBuilder();
      int parts = random.nextInt(1, 7);
      for (int i = 0; i < parts; i++) {
        line.append(random.nextInt(3) == 0 ? PARTS[random.nextInt(PARTS.length)] : PARTS[random.nextInt(8)]);
      }
      String text = line.toString();
      int max = random.nextInt(1, 40);
      assertThat(TextNormalizer.normalizeLine(text, max)).as("line '%s' max %d", text, max)
          .isEqualTo(TextNormalizer.normalizeSlowly(text, max, false));
    }
  }

  @Test
  void aCleanNameComesBackAsItIs() {
    for (String name : new String[] {"José Álvarez", "김영일", "Иван Петров", "山田 太郎", "محمد علی", "👍🏽 Fan"}) {
      TextResult result = TextNormalizer.normalizeLine(name, 100);
      assertThat(result).isEqualTo(new TextResult.Ok(name));
      assertThat(((TextResult.Ok) result).text()).isSameAs(name);
    }
  }
}
