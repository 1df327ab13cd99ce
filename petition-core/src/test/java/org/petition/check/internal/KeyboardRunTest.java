package org.petition.check.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The keyboard-run test on a region of the name gives what it gave on the lower-cased substring. */
class KeyboardRunTest {

  private static final String[] PIECES = {
    "qwer", "QWERT", "asdf", "AsDfG", "zxcv", "azert", "tyuio", "ghjkl", "Smith", "son", "ski", "a", "e", "x",
    "İ", "ı", "é", "Ä", "ß", "ŉ", "Ω", "к", "-", " ", "'", "Q", "W", "E", "R",
  };

  @Test
  void theRegionTestAnswersAsTheSubstringTest() {
    Random random = new Random(7);
    int runs = 0;
    for (int n = 0; n < 200_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int k = 1 + random.nextInt(5); k > 0; k--) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String name = text.toString();
      int start = random.nextInt(name.length());
      int end = start + random.nextInt(name.length() - start + 1);
      boolean expected = TextSignals.keyboardRun(name.substring(start, end).toLowerCase(Locale.ROOT));
      runs += expected ? 1 : 0;
      assertEquals(expected, TextSignals.keyboardRun(name, start, end), () -> name + " [" + start + ", " + end + ")");
    }
    assertTrue(runs > 10_000, "texts with a run: " + runs);
  }

  @Test
  void namesWithARunStillLookLikeGibberish() {
    assertEquals("a run of neighbouring keys", TextSignals.gibberishName("Qwerty", true));
    assertEquals("a run of neighbouring keys", TextSignals.gibberishName("ASDFGH", true));
    assertEquals(null, TextSignals.gibberishName("Kowalski", true));
  }
}
