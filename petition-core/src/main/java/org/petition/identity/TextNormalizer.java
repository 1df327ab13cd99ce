package org.petition.identity;

import java.text.Normalizer;
import org.jspecify.annotations.Nullable;
import org.petition.identity.internal.Nfc;
import org.petition.identity.internal.CodePoints;

/**
 * Normalises what a person typed into a text field of a form, so that what is stored, shown and compared
 * is clean, canonical Unicode. Stateless and thread-safe.
 *
 * <p>Rules, applied in this order:
 *
 * <ol>
 *   <li>An unpaired surrogate or a noncharacter refuses the field with {@link #INVALID_CHARACTERS}, and so
 *       does a control character (Unicode Cc) other than tab (a multi-line field also allows line breaks),
 *       and so do the bidi overrides U+202D and U+202E, which make text display in another order than it
 *       is stored ("Trojan Source" spoofing): they have no honest use in a name or a comment.
 *   <li>Invisible characters are removed: zero-width space U+200B, word joiner U+2060, BOM U+FEFF, the
 *       other bidi controls (U+061C, U+200E, U+200F, U+202A..U+202C, U+2066..U+2069), and every other
 *       Default_Ignorable_Code_Point (soft hyphen, Hangul fillers, invisible operators...) except
 *       variation selectors and the combining grapheme joiner.
 *   <li>ZWNJ U+200C and ZWJ U+200D are kept only where they change what is shown: between two letters or
 *       marks of a script that uses them (Arabic and Persian, Syriac, N'Ko, Mongolian, the Indic scripts,
 *       Sinhala, Myanmar, Khmer), and, for ZWJ, inside an emoji ZWJ sequence such as 👩‍💻. Anywhere else
 *       they are removed. Emoji tag characters are kept only inside a subdivision flag sequence.
 *   <li>Tab and every space separator (Unicode Zs, such as no-break space and ideographic space) become
 *       one space; runs of spaces collapse to one. U+2028 and U+2029 become a space in a one-line field and
 *       a line break in a multi-line one.
 *   <li>The text is trimmed; in a multi-line field {@code \r\n} and {@code \r} become {@code \n}, every
 *       line loses its trailing spaces, and more than two consecutive blank lines collapse to two.
 *   <li>The result is put in Unicode Normalization Form C.
 *   <li>Nothing left means {@link TextResult.Blank}; more than {@code maxLength} code points means {@link
 *       #TOO_LONG}. An input longer than {@code 4 * maxLength + 64} chars is refused as too long before any
 *       of this work.
 * </ol>
 *
 * <p>Normalising the text of an {@link TextResult.Ok} again gives the same text.
 */
public final class TextNormalizer {

  /** The code of a field holding a control character, an unpaired surrogate or a noncharacter. */
  public static final String INVALID_CHARACTERS = "field.invalid_characters";

  /** The code of a field longer than its limit. */
  public static final String TOO_LONG = "field.too_long";

  private static final TextResult BLANK = new TextResult.Blank();
  // At most two blank lines in a row: three line breaks.
  private static final int MAX_BREAKS = 3;

  private TextNormalizer() {}

  /**
   * Normalises a one-line field such as a name, a city, an affiliation or a nickname.
   *
   * @param raw the text as typed, or {@code null} when the field was absent
   * @param maxLength the most code points allowed after normalisation, at least 1
   * @throws IllegalArgumentException if {@code maxLength} is less than 1
   */
  public static TextResult normalizeLine(@Nullable String raw, int maxLength) {
    return normalize(raw, maxLength, false);
  }

  /**
   * Normalises a multi-line field such as a comment; line breaks are kept as {@code \n}.
   *
   * @param raw the text as typed, or {@code null} when the field was absent
   * @param maxLength the most code points allowed after normalisation (a line break counts as one), at
   *     least 1
   * @throws IllegalArgumentException if {@code maxLength} is less than 1
   */
  public static TextResult normalizeMultiline(@Nullable String raw, int maxLength) {
    return normalize(raw, maxLength, true);
  }

  private static TextResult normalize(@Nullable String raw, int maxLength, boolean multiline) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
    }
    if (raw == null) {
      return BLANK;
    }
    // A code point normalises to at most a few chars; past this bound the text cannot fit, and a huge
    // input must not cost a full pass.
    long bound = 4L * maxLength + 64;
    if (raw.length() > bound) {
      return new TextResult.Invalid(
          TOO_LONG, "input of " + raw.length() + " chars is far over the limit of " + maxLength + " characters");
    }
    if (multiline ? isCleanAsciiMultiline(raw) : isCleanAsciiLine(raw)) {
      return raw.length() <= maxLength ? new TextResult.Ok(raw) : tooLong(raw.length(), maxLength);
    }
    if (!multiline && isCleanLine(raw)) {
      int length = raw.codePointCount(0, raw.length());
      return length <= maxLength ? new TextResult.Ok(raw) : tooLong(length, maxLength);
    }
    return normalizeSlowly(raw, maxLength, multiline);
  }

  // A line in any script that normalizeSlowly would give back unchanged: single inner ASCII spaces, nothing it
  // drops, rewrites or refuses, and NFC already. The usual name outside ASCII; no builder and no copy for it.
  private static boolean isCleanLine(String raw) {
    int n = raw.length();
    if (n == 0 || raw.charAt(0) == ' ' || raw.charAt(n - 1) == ' ') {
      return false;
    }
    boolean space = false;
    for (int i = 0; i < n; ) {
      int cp = raw.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == ' ') {
        if (space) {
          return false;
        }
        space = true;
        continue;
      }
      space = false;
      int type = Character.getType(cp);
      if ((cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) || cp == '\t'
          || type == Character.SPACE_SEPARATOR || type == Character.CONTROL || cp == 0x2028 || cp == 0x2029
          || CodePoints.isNoncharacter(cp) || cp == 0x202D || cp == 0x202E || CodePoints.isBidiControl(cp)
          || CodePoints.isRemovedIgnorable(cp) || cp == CodePoints.ZWJ || cp == CodePoints.ZWNJ
          || CodePoints.isTag(cp)) {
        return false;
      }
    }
    return Nfc.isNormalized(raw);
  }

  // Printable ASCII with single inner spaces: nothing to do, and NFC already.
  private static boolean isCleanAsciiLine(String raw) {
    int n = raw.length();
    char previous = ' ';
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if ((c > ' ' && c < 0x7F) || (c == ' ' && previous != ' ')) {
        previous = c;
      } else {
        return false;
      }
    }
    return previous != ' ';
  }

  private static boolean isCleanAsciiMultiline(String raw) {
    int n = raw.length();
    char previous = '\n';
    int breaks = 0;
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (c > ' ' && c < 0x7F) {
        breaks = 0;
      } else if (c == ' ') {
        if (i == 0 || previous == ' ') {
          return false;
        }
      } else if (c == '\n') {
        if (i == 0 || previous == ' ' || ++breaks > MAX_BREAKS) {
          return false;
        }
      } else {
        return false;
      }
      previous = c;
    }
    return previous != ' ' && previous != '\n';
  }

  // Package-private for the test that checks the fast paths against it.
  static TextResult normalizeSlowly(String raw, int maxLength, boolean multiline) {
    int n = raw.length();
    StringBuilder out = new StringBuilder(n);
    // White space is emitted lazily, only once something follows it: that trims, collapses runs and drops
    // the trailing spaces of lines in one pass.
    boolean pendingSpace = false;
    int pendingBreaks = 0;
    int i = 0;
    while (i < n) {
      int cp = raw.codePointAt(i);
      i += Character.charCount(cp);
      if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
        return invalid("unpaired surrogate", cp);
      }
      if (cp == '\t' || Character.getType(cp) == Character.SPACE_SEPARATOR) {
        pendingSpace = true;
      } else if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029) {
        if (!multiline) {
          if (cp == '\n' || cp == '\r') {
            return invalid("control character", cp);
          }
          pendingSpace = true;
        } else {
          if (cp == '\r' && i < n && raw.charAt(i) == '\n') {
            i++;
          }
          pendingBreaks++;
          pendingSpace = false;
        }
      } else if (Character.getType(cp) == Character.CONTROL) {
        return invalid("control character", cp);
      } else if (CodePoints.isNoncharacter(cp)) {
        return invalid("noncharacter", cp);
      } else if (cp == 0x202D || cp == 0x202E) {
        return invalid("bidi override", cp);
      } else if (CodePoints.isBidiControl(cp) || CodePoints.isRemovedIgnorable(cp)) {
        // dropped
      } else if (cp == CodePoints.ZWJ || cp == CodePoints.ZWNJ) {
        boolean adjacent = !pendingSpace && pendingBreaks == 0;
        int next = i < n ? raw.codePointAt(i) : -1;
        if (adjacent && CodePoints.keepJoiner(cp, out, next)) {
          out.appendCodePoint(cp);
        }
      } else if (CodePoints.isTag(cp)) {
        boolean adjacent = !pendingSpace && pendingBreaks == 0 && out.length() > 0;
        if (adjacent && CodePoints.keepTag(cp, out.codePointBefore(out.length()))) {
          out.appendCodePoint(cp);
        }
      } else {
        if (out.length() > 0) {
          for (int b = Math.min(pendingBreaks, MAX_BREAKS); b > 0; b--) {
            out.append('\n');
          }
          if (pendingSpace) {
            out.append(' ');
          }
        }
        pendingSpace = false;
        pendingBreaks = 0;
        out.appendCodePoint(cp);
      }
    }
    if (out.length() == 0) {
      return BLANK;
    }
    String text = Normalizer.normalize(out, Normalizer.Form.NFC);
    // NFC may reorder the marks around a ZWJ or ZWNJ kept above, so the rule that kept it no longer holds (found
    // by NameFuzzTest): the rules again, until NFC changes nothing (a round that removes nothing leaves it nothing).
    if ((text.indexOf('\u200D') >= 0 || text.indexOf('\u200C') >= 0) && !text.contentEquals(out)) {
      return normalizeSlowly(text, maxLength, multiline);
    }
    int length = text.codePointCount(0, text.length());
    return length <= maxLength ? new TextResult.Ok(text) : tooLong(length, maxLength);
  }

  private static TextResult invalid(String what, int cp) {
    return new TextResult.Invalid(INVALID_CHARACTERS, what + " " + String.format("U+%04X", cp));
  }

  private static TextResult tooLong(int length, int maxLength) {
    return new TextResult.Invalid(TOO_LONG, length + " characters, at most " + maxLength + " allowed");
  }
}
