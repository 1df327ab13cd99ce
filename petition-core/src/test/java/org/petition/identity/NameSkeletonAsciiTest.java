package org.petition.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ASCII fast path gives exactly ICU's skeleton, on every printable character and on random names. */
class NameSkeletonAsciiTest {

  @Test
  void everyPrintableAsciiCharacterAloneAndBetweenLetters() {
    for (char c = 0x20; c < 0x7F; c++) {
      for (String name : new String[] {String.valueOf(c), "a" + c + "b", c + " " + c, "  " + c + "  X"}) {
        assertThat(NameSkeleton.skeleton(name)).as("name %s", name).isEqualTo(NameSkeleton.viaIcu(name));
      }
    }
  }

  @Test
  void randomAsciiNamesWithRunsOfSpaces() {
    SplittableRandom random = new SplittableRandom(20261207);
    String alphabet = "AaBbIl1|0OoMmrnWwVv5Ss  .-'_,!@#$%^&*()";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder name = new StringBuilder();
      int length = random.nextInt(0, 24);
      for (int i = 0; i < length; i++) {
        name.append(random.nextInt(4) == 0
            ? alphabet.charAt(random.nextInt(alphabet.length()))
            : (char) random.nextInt(0x20, 0x7F));
      }
      String text = name.toString();
      assertThat(NameSkeleton.skeleton(text)).as("name '%s'", text).isEqualTo(NameSkeleton.viaIcu(text));
    }
  }
}
