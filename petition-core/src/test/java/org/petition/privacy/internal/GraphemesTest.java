package org.petition.privacy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Graphemes#eachCharAlone} against ICU's grapheme break iterator, which display names used alone before. */
class GraphemesTest {

  private static final BreakIterator ICU = BreakIterator.getCharacterInstance(ULocale.ROOT);

  private static List<Character> alone() {
    List<Character> all = new ArrayList<>();
    for (char c = 0; c < 0xFFFF; c++) {
      if (Graphemes.alone(c)) {
        all.add(c);
      }
    }
    return all;
  }

  // Whether ICU puts a boundary between every two characters of the text.
  private static boolean icuSplitsEveryChar(String text) {
    ICU.setText(text);
    int expected = 0;
    for (int end = ICU.first(); end != BreakIterator.DONE; end = ICU.next()) {
      if (end != expected) {
        return false;
      }
      expected++;
    }
    return expected == text.length() + 1;
  }

  @Test
  void everyCharacterTakenAloneIsAGraphemeBesideEveryOtherOfItsKind() {
    List<Character> all = alone();
    assertTrue(all.size() > 30_000, "the fast set holds Hangul, Han, kana, Latin, Greek, Cyrillic: " + all.size());
    // Pairs decide UAX #29 for these classes (no emoji, regional indicator or Indic conjunct rule applies):
    // every character of the set before and after a sample of the set holding all of its small-script letters
    // and every 40th of the large blocks.
    List<Character> sample = new ArrayList<>();
    for (char c : all) {
      if (c < 0x0530 || c % 40 == 0 || c == 0xAC00 || c == 0xD7A3 || c == 0x9FFF || c == 0x30FA) {
        sample.add(c);
      }
    }
    for (char c : all) {
      for (char d : sample) {
        String pair = new String(new char[] {c, d});
        assertTrue(icuSplitsEveryChar(pair), () -> String.format("U+%04X U+%04X is one grapheme", (int) c, (int) d));
      }
    }
  }

  @Test
  void randomTextsOfTheSetAreSplitAtEveryCharacterAndOthersAreNotTakenAlone() {
    List<Character> all = alone();
    Random random = new Random(13);
    for (int n = 0; n < 50_000; n++) {
      char[] text = new char[1 + random.nextInt(10)];
      for (int i = 0; i < text.length; i++) {
        text[i] = all.get(random.nextInt(all.size()));
      }
      String s = new String(text);
      assertTrue(Graphemes.eachCharAlone(s));
      assertTrue(icuSplitsEveryChar(s), s);
    }
    // What must take the iterator: a decomposed accent, a conjoining jamo, a Devanagari vowel sign, ZWJ,
    // ZWNJ, a variation selector, an emoji, a line end.
    for (String s : List.of("Jose\u0301", "\u1100\u1161", "\uAC00\u11A8", "\u0915\u093F", "a\u200Db",
        "\u0645\u200C\u0649", "\u845B\uFE00", "\uD83D\uDE00", "a\r\nb", "\u0439\u0483")) {
      assertFalse(Graphemes.eachCharAlone(s), s);
    }
  }

  @Test
  void initialsAndMasksAreThoseOfTheIterator() {
    assertEquals("Ł", DisplayNameRules.initial("łukasz"));
    assertEquals("Ж", DisplayNameRules.initial("жуков"));
    assertEquals("Ω", DisplayNameRules.initial("ωμέγα"));
    assertEquals("SS", DisplayNameRules.initial("ßtraße"));
    assertEquals("김", DisplayNameRules.initial("김"));
    assertEquals("É", DisplayNameRules.initial("E\u0301lise")); // decomposed: the iterator's cluster, composed
    DisplayNameRules rules = DisplayNameRules.of("Signer #");
    assertEquals("김○○", rules.displayName(org.petition.privacy.DisplayNamePolicy.INITIALS,
        org.petition.SignerKind.PERSON, "영희", "김", null, null, 0));
  }
}
