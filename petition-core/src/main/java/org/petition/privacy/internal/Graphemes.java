package org.petition.privacy.internal;

/**
 * Which texts need no grapheme break iterator: those whose every character is a grapheme cluster of its own.
 * Display names take the first grapheme of a name (its initial) or count them (the masked given name); ICU's
 * break iterator costs a character iterator and its rule tables per name, though in most names, of most
 * scripts, each character stands alone.
 */
final class Graphemes {

  private Graphemes() {}

  /**
   * Whether every character of {@code text} is one extended grapheme cluster (UAX #29) however the
   * characters around it are chosen from the same set: printable ASCII; the letters of Latin-1, Latin
   * Extended-A and -B and IPA (U+00C0–U+02AF), of Greek (U+0370–U+03FF) and of Cyrillic (U+0400–U+052F);
   * precomposed Hangul syllables; the CJK unified ideographs of the basic block; hiragana and katakana letters.
   * None of them is Extend, SpacingMark, Prepend, ZWJ, a regional indicator, a conjoining jamo or a line end,
   * so no rule of UAX #29 joins two of them ({@code GraphemesTest} checks every one against ICU's iterator).
   * A text with any other character (a combining mark, a jamo, an emoji, a variation selector, a Devanagari
   * vowel sign…) answers false and takes the iterator.
   */
  static boolean eachCharAlone(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!alone(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean alone(char c) {
    if (c < 0x80) {
      return c >= 0x20 && c < 0x7F;
    }
    if (c < 0x0530) {
      return c >= 0x00C0 && (c < 0x02B0 || c >= 0x0370) && Character.isLetter(c);
    }
    return (c >= 0xAC00 && c <= 0xD7A3) // Hangul syllables (LV, LVT)
        || (c >= 0x4E00 && c <= 0x9FFF) // CJK unified ideographs
        || (c >= 0x3041 && c <= 0x3096) // hiragana letters
        || (c >= 0x30A1 && c <= 0x30FA); // katakana letters
  }
}
