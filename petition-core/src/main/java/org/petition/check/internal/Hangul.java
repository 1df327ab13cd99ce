package org.petition.check.internal;

import java.util.Arrays;

// Hangul syllables and jamo. Evasions type a word letter by letter ("ㅆㅣㅂㅏㄹ") or mix syllables and
// loose jamo ("씨ㅂㅏㄹ"); decomposing everything to compatibility jamo and composing again with the rules
// of a Korean keyboard gives the same syllables for all of these spellings.
public final class Hangul {

  private static final int SYLLABLE_FIRST = 0xAC00;
  private static final int SYLLABLE_LAST = 0xD7A3;
  private static final int COMPAT_FIRST = 0x3131;
  private static final int COMPAT_CONSONANT_LAST = 0x314E;
  private static final int COMPAT_VOWEL_FIRST = 0x314F;
  private static final int COMPAT_VOWEL_LAST = 0x3163;
  private static final int COMPAT_LAST = 0x318E;

  // Initial consonants in syllable order, as compatibility jamo.
  private static final char[] INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ".toCharArray();
  // Final consonants in syllable order (index 0 = no final), as compatibility jamo.
  private static final char[] FINALS = "\0ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ".toCharArray();
  // Vowel pairs a keyboard combines: first, second, result.
  private static final String VOWEL_PAIRS = "ㅗㅏㅘㅗㅐㅙㅗㅣㅚㅜㅓㅝㅜㅔㅞㅜㅣㅟㅡㅣㅢ";
  // Final consonant pairs a keyboard combines: first, second, result.
  private static final String FINAL_PAIRS = "ㄱㅅㄳㄴㅈㄵㄴㅎㄶㄹㄱㄺㄹㅁㄻㄹㅂㄼㄹㅅㄽㄹㅌㄾㄹㅍㄿㄹㅎㅀㅂㅅㅄ";

  private static final int[] INITIAL_INDEX = new int[COMPAT_CONSONANT_LAST - COMPAT_FIRST + 1];
  private static final int[] FINAL_INDEX = new int[COMPAT_CONSONANT_LAST - COMPAT_FIRST + 1];

  static {
    Arrays.fill(INITIAL_INDEX, -1);
    Arrays.fill(FINAL_INDEX, -1);
    for (int i = 0; i < INITIALS.length; i++) {
      INITIAL_INDEX[INITIALS[i] - COMPAT_FIRST] = i;
    }
    for (int i = 1; i < FINALS.length; i++) {
      FINAL_INDEX[FINALS[i] - COMPAT_FIRST] = i;
    }
  }

  private Hangul() {}

  public static boolean isSyllable(int c) {
    return c >= SYLLABLE_FIRST && c <= SYLLABLE_LAST;
  }

  // Compatibility jamo (ㄱ, ㅏ) or conjoining jamo (U+1100 block and its extensions).
  public static boolean isJamo(int c) {
    return (c >= COMPAT_FIRST && c <= COMPAT_LAST)
        || (c >= 0x1100 && c <= 0x11FF)
        || (c >= 0xA960 && c <= 0xA97F)
        || (c >= 0xD7B0 && c <= 0xD7FF);
  }

  public static boolean isCompatibilityJamo(int c) {
    return c >= COMPAT_FIRST && c <= COMPAT_LAST;
  }

  public static boolean isHangul(int c) {
    return isSyllable(c) || isJamo(c);
  }

  private static boolean isConsonant(char c) {
    return c >= COMPAT_FIRST && c <= COMPAT_CONSONANT_LAST;
  }

  private static boolean isVowel(char c) {
    return c >= COMPAT_VOWEL_FIRST && c <= COMPAT_VOWEL_LAST;
  }

  // Decomposes the Hangul of the text to compatibility jamo and composes it again like a keyboard would;
  // characters other than Hangul are kept as they are.
  public static String normalize(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length());
    normalizeInto(text, new StringBuilder(text.length() * 3), out);
    return out.toString();
  }

  // The same, appended to out, with jamo as scratch space (cleared first): no allocation once both have
  // the capacity.
  static void normalizeInto(CharSequence text, StringBuilder jamo, StringBuilder out) {
    jamo.setLength(0);
    for (int i = 0; i < text.length(); i++) {
      decomposeInto(text.charAt(i), jamo);
    }
    compose(jamo, out);
  }

  private static void decomposeInto(char c, StringBuilder out) {
    if (isSyllable(c)) {
      int s = c - SYLLABLE_FIRST;
      out.append(INITIALS[s / 588]);
      out.append((char) (COMPAT_VOWEL_FIRST + (s % 588) / 28));
      int t = s % 28;
      if (t != 0) {
        out.append(FINALS[t]);
      }
    } else if (c >= 0x1100 && c <= 0x1112) {
      out.append(INITIALS[c - 0x1100]);
    } else if (c >= 0x1161 && c <= 0x1175) {
      out.append((char) (COMPAT_VOWEL_FIRST + c - 0x1161));
    } else if (c >= 0x11A8 && c <= 0x11C2) {
      out.append(FINALS[c - 0x11A7]);
    } else {
      out.append(c);
    }
  }

  private static void compose(CharSequence j, StringBuilder out) {
    int n = j.length();
    int i = 0;
    while (i < n) {
      char c = j.charAt(i);
      int initial = isConsonant(c) ? INITIAL_INDEX[c - COMPAT_FIRST] : -1;
      if (initial < 0 || i + 1 >= n || !isVowel(j.charAt(i + 1))) {
        out.append(c);
        i++;
        continue;
      }
      char vowel = j.charAt(i + 1);
      int k = i + 2;
      if (k < n && isVowel(j.charAt(k))) {
        char pair = pair(VOWEL_PAIRS, vowel, j.charAt(k));
        if (pair != 0) {
          vowel = pair;
          k++;
        }
      }
      int fin = 0;
      if (k < n && isConsonant(j.charAt(k)) && !followedByVowel(j, k)) {
        int index = FINAL_INDEX[j.charAt(k) - COMPAT_FIRST];
        if (index > 0) {
          char finalJamo = j.charAt(k);
          fin = index;
          k++;
          if (k < n && isConsonant(j.charAt(k)) && !followedByVowel(j, k)) {
            char pair = pair(FINAL_PAIRS, finalJamo, j.charAt(k));
            if (pair != 0) {
              fin = FINAL_INDEX[pair - COMPAT_FIRST];
              k++;
            }
          }
        }
      }
      out.append((char) (SYLLABLE_FIRST + (initial * 21 + (vowel - COMPAT_VOWEL_FIRST)) * 28 + fin));
      i = k;
    }
  }

  private static boolean followedByVowel(CharSequence j, int k) {
    return k + 1 < j.length() && isVowel(j.charAt(k + 1));
  }

  private static char pair(String table, char first, char second) {
    for (int i = 0; i + 2 < table.length(); i += 3) {
      if (table.charAt(i) == first && table.charAt(i + 1) == second) {
        return table.charAt(i + 2);
      }
    }
    return 0;
  }
}
