package org.petition.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** skeleton(first, last) is skeleton(first + " " + last), whatever the two names hold. */
class NameSkeletonOfTwoNamesTest {

  private static final String[] PARTS = {
    "José", "Álvarez", "Zoë", "Łukasz", "Straße", "İlker", "Işık", "김", "영일", "남궁", "Иван", "НАТАЛЬЯ",
    "Γιώργος", "ΣΟΦΙΑ", "محمد", "فاطمه‌زهرا", "山田", "たかはし", "राहुल", "शर्मा", "Nguyễn", "Văn An", "ﬁona",
    "Ǆaković", "Ｆｕｌｌ", "ℌilbert", "Å", "O'Brien", "García-Márquez", "Mary Ann", "ann", "", " ", "a  b",
    " lead", "trail ", "\u0301acute", "e\u0301", "\t", "J", "x\u200By", "Ꭰ", "שרה", "ქეთევან", "ᄀ", "ᅡ"
  };

  private static void same(String first, String last) {
    assertThat(NameSkeleton.skeleton(first, last)).as("(%s, %s)", first, last)
        .isEqualTo(NameSkeleton.skeleton(first + " " + last));
  }

  @Test
  void everyPairOfParts() {
    for (String first : PARTS) {
      for (String last : PARTS) {
        same(first, last);
        same(Normalizer.normalize(first, Normalizer.Form.NFD), last);
        same(first, Normalizer.normalize(last, Normalizer.Form.NFD));
      }
    }
  }

  @Test
  void randomNamesFromTheBlocksNamesAreWrittenIn() {
    int[][] blocks = {{0x20, 0x7E}, {0x00C0, 0x024F}, {0x0300, 0x036F}, {0x0370, 0x03FF}, {0x0400, 0x04FF},
        {0x0600, 0x06FF}, {0x0900, 0x097F}, {0x1100, 0x11FF}, {0x1E00, 0x1EFF}, {0x2000, 0x206F},
        {0x3040, 0x30FF}, {0x4E00, 0x4E3F}, {0xAC00, 0xAC3F}, {0xFB00, 0xFB4F}, {0xFF00, 0xFFEF}};
    SplittableRandom random = new SplittableRandom(39);
    for (int i = 0; i < 20_000; i++) {
      same(random(random, blocks), random(random, blocks));
    }
  }

  private static String random(SplittableRandom random, int[][] blocks) {
    StringBuilder name = new StringBuilder();
    int n = random.nextInt(6);
    for (int k = 0; k < n; k++) {
      int[] block = blocks[random.nextInt(blocks.length)];
      name.appendCodePoint(block[0] + random.nextInt(block[1] - block[0] + 1));
    }
    return name.toString();
  }
}
