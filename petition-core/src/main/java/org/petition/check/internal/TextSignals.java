package org.petition.check.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

// Cheap one-pass signals about a text: shouting, repetition, gibberish names, no text at all. Each returns a
// short reason for a moderator, or null.
public final class TextSignals {

  private static final int SHOUTING_MIN_LETTERS = 12;

  // Laughter and crying are written by repeating a character in several languages (ㅋㅋㅋ, ㅎㅎㅎ, ㅠㅠ,
  // 하하하, 哈哈哈, Japanese www, Thai 555): as harmless as "hahahaha".
  private static final String LAUGHTER = "ㅋㅎㅠㅜㄷㅇ하히호흐크키헤ㅡ哈呵嘻嘿笑草ｗwW";

  private static final Set<String> LAUGHTER_WORDS = Set.of(
      "ha", "he", "hi", "ho", "hah", "heh", "haha", "hehe", "lol", "ja", "jaja", "ka", "kk", "xa", "ха",
      "хе", "хи", "хаха", "jk");

  // Characters people legitimately draw lines or ellipses with: "......", "------", "~~~~~~".
  private static final String DRAWING = ".…-_=~*·—–─━•。、";

  // Rows of a QWERTY and an AZERTY keyboard; any five neighbouring keys, or the first four of a row.
  private static final String[] KEYBOARD_ROWS = {"qwertyuiop", "asdfghjkl", "zxcvbnm", "azertyuiop"};
  private static final List<String> KEYBOARD_RUNS = keyboardRuns();

  // Latin vowels, plain and with the usual diacritics (y counts: "Przybylski").
  private static final String LATIN_VOWELS = "aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿāăąēĕėęěīĭįıōŏőœūŭůűųŷ";

  private TextSignals() {}

  public static @Nullable String shouting(String text) {
    int upper = 0;
    int lower = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
        upper++;
      } else if (Character.isLowerCase(cp) && Character.isLetter(cp)) {
        lower++;
      }
    }
    int cased = upper + lower;
    if (cased >= SHOUTING_MIN_LETTERS && upper * 10 >= cased * 7) {
      return upper + " of " + cased + " letters are capitals";
    }
    return null;
  }

  public static @Nullable String repetition(String text) {
    int previous = -1;
    int run = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      int folded = Character.toLowerCase(cp);
      if (folded == previous) {
        run++;
        if (run == 6 && !exemptFromRuns(cp)) {
          return "a character repeated 6 times or more";
        }
      } else {
        previous = folded;
        run = 1;
      }
    }
    List<String> words = words(text);
    // The same word or group of up to three words, four times in a row: "buy buy buy buy".
    for (int period = 1; period <= 3; period++) {
      int same = 0;
      for (int w = period; w < words.size(); w++) {
        if (words.get(w).equals(words.get(w - period)) && !LAUGHTER_WORDS.contains(words.get(w))
            && !onlyLaughter(words.get(w))) {
          same++;
          if (same >= 3 * period) {
            return period == 1 ? "a word repeated 4 times or more" : "a group of words repeated 4 times";
          }
        } else {
          same = 0;
        }
      }
    }
    return null;
  }

  private static boolean exemptFromRuns(int cp) {
    return Character.isWhitespace(cp)
        || Character.isSpaceChar(cp)
        || Character.isDigit(cp)
        || DRAWING.indexOf(cp) >= 0
        || LAUGHTER.indexOf(cp) >= 0;
  }

  private static boolean onlyLaughter(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (LAUGHTER.indexOf(word.charAt(i)) < 0 && !Character.isDigit(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || isMark(text.charAt(i)))) {
        i++;
      }
      if (i > start) {
        words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
      }
    }
    return words;
  }

  // Gibberish in a name field; longWords is false for organisation names, where German compounds are
  // normal.
  public static @Nullable String gibberishName(String name, boolean longWords) {
    boolean anyLetter = false;
    int n = name.length();
    int i = 0;
    int previous = -1;
    int same = 0;
    int jamo = 0;
    while (i < n) {
      int cp = name.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        anyLetter = true;
      }
      int folded = Character.toLowerCase(cp);
      same = Character.isLetter(cp) && folded == previous ? same + 1 : 1;
      previous = folded;
      if (same >= 4) {
        return "the same letter 4 times in a row";
      }
      jamo = Hangul.isCompatibilityJamo(cp) ? jamo + 1 : 0;
      if (jamo >= 2) {
        return "loose Hangul jamo instead of syllables";
      }
    }
    if (!anyLetter) {
      return "no letters";
    }
    i = 0;
    while (i < n) {
      while (i < n && !isLatinLetter(name.charAt(i))) {
        i++;
      }
      int start = i;
      boolean vowel = false;
      while (i < n && isLatinLetter(name.charAt(i))) {
        vowel |= LATIN_VOWELS.indexOf(Character.toLowerCase(name.charAt(i))) >= 0;
        i++;
      }
      int length = i - start;
      if (length == 0) {
        continue;
      }
      if (longWords && length >= 20) {
        return "a single word of " + length + " letters";
      }
      if (length >= 5 && !vowel) {
        return "a word of " + length + " letters without a vowel";
      }
      if (length >= 4 && keyboardRun(name, start, i)) {
        return "a run of neighbouring keys";
      }
    }
    return null;
  }

  private static List<String> keyboardRuns() {
    List<String> runs = new ArrayList<>(List.of("qwer", "asdf", "zxcv"));
    for (String row : KEYBOARD_ROWS) {
      for (int k = 0; k + 5 <= row.length(); k++) {
        runs.add(row.substring(k, k + 5));
      }
    }
    return List.copyOf(runs);
  }

  /**
   * {@code keyboardRun(name.substring(start, end).toLowerCase(Locale.ROOT))} without the two strings where the
   * word is ASCII (lower-casing ASCII is the letters' +32; other text can change length, as İ does).
   */
  static boolean keyboardRun(String name, int start, int end) {
    for (int k = start; k < end; k++) {
      if (name.charAt(k) >= 0x80) {
        return keyboardRun(name.substring(start, end).toLowerCase(Locale.ROOT));
      }
    }
    if (end - start < 4) {
      return false;
    }
    for (String run : KEYBOARD_RUNS) {
      for (int k = start; k + run.length() <= end; k++) {
        if (asciiLowerMatches(name, k, run)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean asciiLowerMatches(String name, int at, String run) {
    for (int j = 0; j < run.length(); j++) {
      char c = name.charAt(at + j);
      if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != run.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  static boolean keyboardRun(String word) {
    if (word.length() >= 4) {
      for (String run : KEYBOARD_RUNS) {
        if (word.contains(run)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isLatinLetter(char c) {
    return c < 0x250 && Character.isLetter(c);
  }

  public static @Nullable String noText(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        return null;
      }
      i += Character.charCount(cp);
    }
    return "no letter or digit, only symbols, emoji or marks";
  }

  private static boolean isMark(char c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }
}
