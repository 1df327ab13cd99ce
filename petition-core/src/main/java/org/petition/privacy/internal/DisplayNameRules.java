package org.petition.privacy.internal;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.petition.SignerKind;
import org.petition.privacy.DisplayNamePolicy;
import org.petition.privacy.DisplayNames;

/** The display-name rules documented in {@code docs/DISPLAY-NAMES.md}. Immutable and thread-safe. */
public final class DisplayNameRules implements DisplayNames {

  /** The mask shown for each character of a hidden given name in family-name-first scripts. */
  public static final String MASK = "\u25CB"; // ○ WHITE CIRCLE

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  /** Korean family names of two syllables, recognised when a whole name of three or more comes in one field. */
  private static final Set<String> KOREAN_TWO_SYLLABLE_FAMILY_NAMES =
      Set.of("남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방");

  /** Chinese compound family names (simplified and traditional), recognised likewise. */
  private static final Set<String> CHINESE_COMPOUND_FAMILY_NAMES =
      Set.of(
          "欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方", "東方", "皇甫", "令狐", "慕容", "夏侯",
          "尉迟", "尉遲", "公孙", "公孫", "长孙", "長孫", "宇文", "司徒", "端木");

  /**
   * Lower-case particles skipped before the main part of a family name ("van der Berg" → B.). Capitalised
   * ones ("Van Damme", "Le Pen") are part of the name, as they are sorted in the countries that use them.
   */
  private static final Set<String> PARTICLES =
      Set.of(
          "van", "von", "der", "den", "de", "del", "della", "dei", "degli", "di", "da", "das", "dos", "do", "du",
          "des", "la", "le", "las", "los", "lo", "ten", "ter", "te", "'t", "zu", "zum", "zur", "y", "bin", "ibn",
          "ben", "bint", "al", "el", "ap", "بن", "ابن", "بنت", "בן", "בת");

  private static final String ARABIC_ARTICLE = "\u0627\u0644"; // ال

  private final String anonymousLabel;

  private DisplayNameRules(String anonymousLabel) {
    this.anonymousLabel = anonymousLabel;
  }

  /** Rules whose anonymous label is {@code anonymousLabel} followed by the number. */
  public static DisplayNameRules of(String anonymousLabel) {
    Objects.requireNonNull(anonymousLabel, "anonymousLabel must not be null");
    if (anonymousLabel.isBlank()) {
      throw new IllegalArgumentException("anonymousLabel must not be blank");
    }
    return new DisplayNameRules(anonymousLabel);
  }

  @Override
  public String displayName(
      DisplayNamePolicy policy,
      SignerKind kind,
      @Nullable String firstName,
      @Nullable String lastName,
      @Nullable String organizationName,
      @Nullable String nickname,
      long number) {
    Objects.requireNonNull(policy, "policy must not be null");
    Objects.requireNonNull(kind, "kind must not be null");
    if (number < 0) {
      throw new IllegalArgumentException("number must not be negative, was: " + number);
    }
    if (policy == DisplayNamePolicy.ANONYMOUS) {
      return anonymousLabel + number;
    }
    String nick = clean(nickname);
    if (kind == SignerKind.ORGANIZATION) {
      String organization = clean(organizationName);
      if (organization != null) {
        return organization;
      }
      return nick != null ? nick : anonymousLabel + number;
    }
    if (nick != null) {
      return nick;
    }
    String first = clean(firstName);
    String last = clean(lastName);
    if (first == null && last == null) {
      return anonymousLabel + number;
    }
    return isFamilyNameFirst(first, last) ? familyNameFirst(policy, first, last) : givenNameFirst(policy, first, last);
  }

  // ---- Hangul, Han, Kana: family name first, given name masked ----

  /** Whether every letter with a script is Han, Hangul, Hiragana or Katakana (and there is one). */
  static boolean isFamilyNameFirst(@Nullable String first, @Nullable String last) {
    int firstSeen = familyFirstLetters(first);
    if (firstSeen < 0) {
      return false;
    }
    int lastSeen = familyFirstLetters(last);
    return lastSeen >= 0 && firstSeen + lastSeen > 0;
  }

  // -1 if the field has a letter of another script, else how many letters of Han, Hangul or Kana it has.
  private static int familyFirstLetters(@Nullable String field) {
    if (field == null) {
      return 0;
    }
    int seen = 0;
    for (int i = 0; i < field.length(); ) {
      int cp = field.codePointAt(i);
      i += Character.charCount(cp);
      if (!UCharacter.isLetter(cp)) {
        continue;
      }
      int script = UScript.getScript(cp);
      if (script == UScript.COMMON || script == UScript.INHERITED) {
        continue; // such as the prolonged sound mark ー
      }
      if (!isFamilyFirstScript(script)) {
        return -1;
      }
      seen++;
    }
    return seen;
  }

  private static boolean isFamilyFirstScript(int script) {
    return script == UScript.HAN || script == UScript.HANGUL || script == UScript.HIRAGANA || script == UScript.KATAKANA;
  }

  private static String familyNameFirst(DisplayNamePolicy policy, @Nullable String first, @Nullable String last) {
    String family;
    String given;
    if (first != null && last != null) {
      family = last;
      given = first;
      if (policy == DisplayNamePolicy.FULL) {
        return family + given;
      }
    } else {
      String whole = first != null ? first : Objects.requireNonNull(last);
      if (policy == DisplayNamePolicy.FULL) {
        return whole;
      }
      String[] split = splitFamilyFirst(whole);
      family = split[0];
      given = split[1];
    }
    return family + mask(given);
  }

  /**
   * Splits a whole name typed in one field: at the first space if there is one; else a known two-syllable
   * Korean or compound Chinese family name when the name has three characters or more; else a run of Han
   * characters followed by kana (Japanese: 高橋みどり → 高橋); else the first character.
   */
  static String[] splitFamilyFirst(String whole) {
    int space = whole.indexOf(' ');
    if (space > 0) {
      return new String[] {whole.substring(0, space), whole.substring(space + 1)};
    }
    List<String> graphemes = graphemes(whole);
    int familyLength = 1;
    if (graphemes.size() >= 3) {
      String firstTwo = graphemes.get(0) + graphemes.get(1);
      if (KOREAN_TWO_SYLLABLE_FAMILY_NAMES.contains(firstTwo) || CHINESE_COMPOUND_FAMILY_NAMES.contains(firstTwo)) {
        familyLength = 2;
      }
    }
    if (familyLength == 1 && scriptOf(graphemes.get(0)) == UScript.HAN) {
      int han = 0;
      while (han < graphemes.size() && scriptOf(graphemes.get(han)) == UScript.HAN) {
        han++;
      }
      if (han < graphemes.size() && isKana(scriptOf(graphemes.get(han)))) {
        familyLength = han;
      }
    }
    return new String[] {
      String.join("", graphemes.subList(0, familyLength)),
      String.join("", graphemes.subList(familyLength, graphemes.size()))
    };
  }

  private static boolean isKana(int script) {
    return script == UScript.HIRAGANA || script == UScript.KATAKANA;
  }

  private static int scriptOf(String grapheme) {
    return UScript.getScript(grapheme.codePointAt(0));
  }

  /** One mask per grapheme of {@code given} that is not white space. */
  private static String mask(String given) {
    int count = 0;
    if (isPlainAscii(given) || Graphemes.eachCharAlone(given)) {
      for (int i = 0; i < given.length(); i++) {
        count += Character.isWhitespace(given.charAt(i)) ? 0 : 1;
      }
      return MASK.repeat(count);
    }
    BreakIterator iterator = CHARACTERS.get();
    iterator.setText(given);
    int start = iterator.first();
    for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
      if (!isBlank(given, start, end)) {
        count++;
      }
    }
    return MASK.repeat(count);
  }

  private static boolean isBlank(String text, int start, int end) {
    for (int i = start; i < end; ) {
      int cp = text.codePointAt(i);
      if (!Character.isWhitespace(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  // ---- Every other script: given name first, initials in the name's own script ----

  private static String givenNameFirst(DisplayNamePolicy policy, @Nullable String first, @Nullable String last) {
    if (policy == DisplayNamePolicy.FULL) {
      return first == null ? Objects.requireNonNull(last) : last == null ? first : first + " " + last;
    }
    if (last == null) {
      // The whole name in the first-name field: its first word is the given name, the rest the family name.
      int space = Objects.requireNonNull(first).indexOf(' ');
      if (space < 0) {
        return policy == DisplayNamePolicy.INITIALS ? givenInitials(first) : first;
      }
      last = first.substring(space + 1);
      first = first.substring(0, space);
    }
    // One concatenation for the whole display name, not one for the initial and another for the name.
    String familyInitial = initial(mainPart(last));
    if (first == null) {
      return familyInitial + ".";
    }
    return (policy == DisplayNamePolicy.INITIALS ? givenInitials(first) : first) + " " + familyInitial + ".";
  }

  /** "Jean-Paul" → "J.-P.", "Mary Ann" → "M. A.". */
  private static String givenInitials(String given) {
    List<String> words = new ArrayList<>();
    for (String word : given.split(" ")) {
      List<String> parts = new ArrayList<>();
      for (String part : word.split("-")) {
        if (!part.isEmpty()) {
          parts.add(initial(part) + ".");
        }
      }
      if (!parts.isEmpty()) {
        words.add(String.join("-", parts));
      }
    }
    return words.isEmpty() ? initial(given) + "." : String.join(" ", words);
  }

  /**
   * The word of a family name whose first letter is its initial: leading lower-case particles are skipped
   * ("van der Berg" → Berg), then a lower-case "al-"/"el-" or the Arabic article ال attached to the word.
   */
  static String mainPart(String family) {
    String word;
    if (family.indexOf(' ') < 0) {
      word = family; // one word, as most family names are: what split(" ") would give, without its array
    } else {
      String[] words = family.split(" ");
      int i = 0;
      while (i < words.length - 1 && PARTICLES.contains(words[i])) {
        i++;
      }
      word = words[i];
    }
    if ((word.startsWith("al-") || word.startsWith("el-")) && word.length() > 3) {
      return word.substring(3);
    }
    if (word.startsWith(ARABIC_ARTICLE) && word.codePointCount(0, word.length()) > 3) {
      return word.substring(ARABIC_ARTICLE.length());
    }
    return word;
  }

  /**
   * The first grapheme cluster of {@code word} that starts with a letter or digit (or the first one if
   * none does), upper-cased by the locale-independent rule: "ilker" → "I", never the Turkish "İ".
   */
  static String initial(String word) {
    if (isPlainAscii(word)) {
      // One character per grapheme: the first letter or digit, else the first character, upper-cased.
      int chosen = 0;
      while (chosen < word.length() && !Character.isLetterOrDigit(word.charAt(chosen))) {
        chosen++;
      }
      if (word.isEmpty()) {
        return "";
      }
      char c = word.charAt(chosen < word.length() ? chosen : 0);
      return String.valueOf(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
    }
    if (Graphemes.eachCharAlone(word)) {
      // Every character its own grapheme (Latin, Greek, Cyrillic letters, Hangul syllables, Han, kana): the
      // same choice without the break iterator and its character iterator.
      int chosen = 0;
      while (chosen < word.length() && !Character.isLetterOrDigit(word.charAt(chosen))) {
        chosen++;
      }
      String first = String.valueOf(word.charAt(chosen < word.length() ? chosen : 0));
      return Normalizer.normalize(first.toUpperCase(Locale.ROOT), Normalizer.Form.NFC);
    }
    // Walks the clusters up to the chosen one, cutting out only that one (not a list of every cluster).
    BreakIterator iterator = CHARACTERS.get();
    iterator.setText(word);
    int start = iterator.first();
    int firstEnd = -1;
    String chosen = null;
    for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
      if (firstEnd < 0) {
        firstEnd = end;
      }
      if (Character.isLetterOrDigit(word.codePointAt(start))) {
        chosen = word.substring(start, end);
        break;
      }
    }
    if (chosen == null) {
      chosen = firstEnd < 0 ? "" : word.substring(0, firstEnd);
    }
    return Normalizer.normalize(chosen.toUpperCase(Locale.ROOT), Normalizer.Form.NFC);
  }

  // ---- Text helpers ----

  /** NFC, trimmed, white space collapsed to one space; {@code null} when nothing is left. */
  static @Nullable String clean(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String normalised = Normalizer.normalize(text, Normalizer.Form.NFC);
    // Names arrive already normalised by the validator: skip the regular expression when nothing needs it.
    String cleaned = tidy(normalised) ? normalised : WHITE_SPACE.matcher(normalised).replaceAll(" ").strip();
    return cleaned.isEmpty() ? null : cleaned;
  }

  /** Whether the text has no white space but single ASCII spaces between other characters. */
  private static boolean tidy(String text) {
    int n = text.length();
    if (n == 0 || text.charAt(0) == ' ' || text.charAt(n - 1) == ' ') {
      return false;
    }
    char previous = 'x';
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == ' ' ? previous == ' ' : Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        return false;
      }
      previous = c;
    }
    return true;
  }

  /** The extended grapheme clusters of {@code text}. */
  static List<String> graphemes(String text) {
    if (isPlainAscii(text)) {
      // Every printable ASCII character is a grapheme of its own (no combining marks, no CR LF pairs).
      List<String> graphemes = new ArrayList<>(text.length());
      for (int i = 0; i < text.length(); i++) {
        graphemes.add(text.substring(i, i + 1));
      }
      return graphemes;
    }
    BreakIterator iterator = CHARACTERS.get(); // not thread-safe: one per thread
    iterator.setText(text);
    List<String> graphemes = new ArrayList<>();
    int start = iterator.first();
    for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
      graphemes.add(text.substring(start, end));
    }
    return graphemes;
  }

  private static final ThreadLocal<BreakIterator> CHARACTERS =
      ThreadLocal.withInitial(() -> BreakIterator.getCharacterInstance(ULocale.ROOT));

  private static boolean isPlainAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "DisplayNameRules[anonymousLabel=" + anonymousLabel + "]";
  }
}
