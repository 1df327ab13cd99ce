package org.petition.check.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/** How the abuse matcher folds a word into the spellings it compares: leet, accents, look-alike scripts. */
final class WordFolding {

  static final char AMBIGUOUS = '\u0001';

  private WordFolding() {}

  // Whether each run of the word from a position is at least as long as the term's: "gooooks" covers
  // "gooks", "Niger" does not cover "nigger".
  static boolean covers(int[] runs, int count, int from, int[] termRuns) {
    if (from + termRuns.length > count) {
      return false;
    }
    for (int i = 0; i < termRuns.length; i++) {
      if (runs[from + i] < termRuns[i]) {
        return false;
      }
    }
    return true;
  }

  // The folded spellings of a word (1 to 4: "1" and "!" may be i or l; a word mixing Latin and Cyrillic
  // or Greek is read in both scripts), none when the word has no letter.
  static List<String> variants(CharSequence raw) {
    CharSequence text = raw;
    if (!isAscii(raw)) {
      text = stripAccents(raw);
    }
    StringBuilder base = new StringBuilder(text.length());
    boolean letter = false;
    boolean ambiguous = false;
    boolean latin = false;
    boolean other = false;
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      int mapped = leet(cp);
      if (mapped == AMBIGUOUS) {
        ambiguous = true;
        base.append(AMBIGUOUS);
        continue;
      }
      if (mapped != cp) {
        base.append((char) mapped);
        continue;
      }
      if (Character.isLetter(cp)) {
        letter = true;
        int lower = Character.toLowerCase(cp);
        if (lower == 'ς') {
          lower = 'σ';
        }
        if (lower < 0x250) {
          latin |= lower >= 'a';
        } else if ((lower >= 0x370 && lower < 0x530)) {
          other = true;
        }
        base.appendCodePoint(lower);
      } else {
        base.appendCodePoint(cp);
      }
    }
    if (!letter) {
      return List.of();
    }
    String s = base.toString();
    List<String> spellings = ambiguous
        ? List.of(s.replace(AMBIGUOUS, 'i'), s.replace(AMBIGUOUS, 'l'))
        : List.of(s);
    if (!(latin && other)) {
      return spellings;
    }
    List<String> result = new ArrayList<>(4);
    for (String spelling : spellings) {
      result.add(Confusables.toLatin(spelling));
      result.add(Confusables.toCyrillic(spelling));
    }
    return result;
  }

  static int leet(int cp) {
    return switch (cp) {
      case '0' -> 'o';
      case '1', '!', '|' -> AMBIGUOUS;
      case '3' -> 'e';
      case '4', '@' -> 'a';
      case '5', '$' -> 's';
      case '7' -> 't';
      default -> cp;
    };
  }

  // Accents dropped, through a table for Latin, Greek and Cyrillic (the usual names) and the Normalizer
  // for the rest.
  private static final char DROP = '\uFFFF';
  private static final char[] ACCENTLESS = new char[0x530];

  static {
    for (char c = 0x80; c < ACCENTLESS.length; c++) {
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        ACCENTLESS[c] = DROP;
        continue;
      }
      CharSequence stripped = stripMarks(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD));
      if (stripped.length() == 1) {
        ACCENTLESS[c] = stripped.charAt(0);
      }
    }
  }

  // What stripAccents makes of one character >= 0x80 on its own: the character, DROP, or COMPLEX when the
  // character cannot be stripped on its own (it decomposes to more than one character, or to a character
  // that canonical ordering could move, or is a surrogate or non-character): the general path reads it.
  // Filled on first sight of each character (benign race: a char is written whole, always the same value).
  static final char COMPLEX = '\uFFFE';
  private static final char UNKNOWN = '\0';
  private static final char[] STRIPPED = new char[0x10000];

  static char stripped(char c) {
    char known = STRIPPED[c];
    if (known != UNKNOWN) {
      return known;
    }
    char computed = strip(c);
    STRIPPED[c] = computed;
    return computed;
  }

  private static char strip(char c) {
    if (c < 0x80 || Character.isSurrogate(c) || c >= 0xFFF0) {
      return c < 0x80 ? c : COMPLEX;
    }
    if (c < ACCENTLESS.length && ACCENTLESS[c] != 0) {
      return ACCENTLESS[c];
    }
    CharSequence alone = stripMarks(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD));
    if (alone.length() == 0) {
      return DROP;
    }
    if (alone.length() > 1 || com.ibm.icu.lang.UCharacter.getCombiningClass(alone.charAt(0)) != 0
        || alone.charAt(0) == DROP || alone.charAt(0) == COMPLEX) {
      return COMPLEX;
    }
    return alone.charAt(0);
  }

  static boolean isDrop(char stripped) {
    return stripped == DROP;
  }

  private static CharSequence stripAccents(CharSequence raw) {
    StringBuilder sb = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x80) {
        sb.append(c);
      } else if (c < ACCENTLESS.length && ACCENTLESS[c] != 0) {
        if (ACCENTLESS[c] != DROP) {
          sb.append(ACCENTLESS[c]);
        }
      } else {
        return stripMarks(Normalizer.normalize(raw, Normalizer.Form.NFD));
      }
    }
    return sb;
  }

  private static CharSequence stripMarks(String nfd) {
    StringBuilder sb = new StringBuilder(nfd.length());
    for (int i = 0; i < nfd.length(); i++) {
      char c = nfd.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        sb.append(c);
      }
    }
    return sb;
  }

  static boolean isAscii(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  // Look-alike letters between Latin, Cyrillic and Greek (lower case, after accents were dropped).
  private static final class Confusables {
    private static final String CYRILLIC = "аекмнорстухвіјѕ";
    private static final String CYRILLIC_AS_LATIN = "aekmhopctyxbijs";
    private static final String GREEK = "αβεικνορτυχ";
    private static final String GREEK_AS_LATIN = "abeikvoptux";
    private static final String LATIN = "aekmhopctyxbi";
    private static final String LATIN_AS_CYRILLIC = "аекмнорстухві";

    static String toLatin(String s) {
      StringBuilder sb = new StringBuilder(s.length());
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        int k = CYRILLIC.indexOf(c);
        if (k >= 0) {
          sb.append(CYRILLIC_AS_LATIN.charAt(k));
          continue;
        }
        k = GREEK.indexOf(c);
        sb.append(k >= 0 ? GREEK_AS_LATIN.charAt(k) : c);
      }
      return sb.toString();
    }

    static String toCyrillic(String s) {
      StringBuilder sb = new StringBuilder(s.length());
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        int k = LATIN.indexOf(c);
        sb.append(k >= 0 ? LATIN_AS_CYRILLIC.charAt(k) : c);
      }
      return sb.toString();
    }
  }
}
