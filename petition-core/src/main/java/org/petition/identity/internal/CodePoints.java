package org.petition.identity.internal;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.lang.Character.UnicodeScript;
import java.util.EnumSet;
import java.util.Set;

/**
 * Classes of code points the text normaliser treats specially. ICU answers the Unicode properties the
 * JDK 17 API lacks (Default_Ignorable_Code_Point, Extended_Pictographic, Variation_Selector).
 */
public final class CodePoints {

  public static final int ZWNJ = 0x200C;
  public static final int ZWJ = 0x200D;
  private static final int VS16 = 0xFE0F;
  private static final int BLACK_FLAG = 0x1F3F4;
  private static final int TAG_FIRST = 0xE0020;
  private static final int TAG_LAST = 0xE007E;
  private static final int CANCEL_TAG = 0xE007F;
  private static final int COMBINING_GRAPHEME_JOINER = 0x034F;

  // Scripts whose spelling depends on ZWJ/ZWNJ: Arabic-family cursive scripts (Persian, Urdu, Kurdish
  // write ZWNJ inside words) and the Brahmic scripts (ZWJ/ZWNJ after a virama choose the conjunct form).
  private static final Set<UnicodeScript> JOINING_SCRIPTS =
      EnumSet.of(
          UnicodeScript.ARABIC, UnicodeScript.SYRIAC, UnicodeScript.NKO, UnicodeScript.MONGOLIAN,
          UnicodeScript.DEVANAGARI, UnicodeScript.BENGALI, UnicodeScript.GURMUKHI, UnicodeScript.GUJARATI,
          UnicodeScript.ORIYA, UnicodeScript.TAMIL, UnicodeScript.TELUGU, UnicodeScript.KANNADA,
          UnicodeScript.MALAYALAM, UnicodeScript.SINHALA, UnicodeScript.MYANMAR, UnicodeScript.KHMER);

  private CodePoints() {}

  /** Whether {@code cp} is a bidirectional formatting control (the Bidi_Control property). */
  public static boolean isBidiControl(int cp) {
    return cp == 0x061C
        || cp == 0x200E
        || cp == 0x200F
        || (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2066 && cp <= 0x2069);
  }

  /** Whether {@code cp} is a Unicode noncharacter, never meant for interchange. */
  public static boolean isNoncharacter(int cp) {
    return (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF);
  }

  /**
   * Whether {@code cp} is an invisible character removed wherever it is: a Default_Ignorable_Code_Point
   * (zero-width space, word joiner, BOM, soft hyphen, Hangul fillers, invisible operators...) other than
   * the ones with a visible effect in some context: variation selectors, the combining grapheme joiner,
   * ZWJ/ZWNJ and emoji tag characters (those three are decided by context, see {@link #keepJoiner} and
   * {@link #keepTag}). Bidi controls are default ignorable too, so they are removed here as well.
   */
  public static boolean isRemovedIgnorable(int cp) {
    if (cp < 0xA0) {
      return false;
    }
    if (cp == ZWJ || cp == ZWNJ || isTag(cp) || cp == COMBINING_GRAPHEME_JOINER) {
      return false;
    }
    return UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
        && !UCharacter.hasBinaryProperty(cp, UProperty.VARIATION_SELECTOR);
  }

  /** Whether {@code cp} is an emoji tag character (U+E0020..U+E007F), used in subdivision flags. */
  public static boolean isTag(int cp) {
    return cp >= TAG_FIRST && cp <= CANCEL_TAG;
  }

  /**
   * Whether a tag character is part of an emoji tag sequence: the tag specification follows the black
   * flag U+1F3F4 or another tag, and the cancel tag ends one.
   *
   * @param tag the tag character
   * @param previous the code point kept just before it, or -1 when there is none
   */
  public static boolean keepTag(int tag, int previous) {
    if (previous >= TAG_FIRST && previous <= TAG_LAST) {
      return true;
    }
    return tag != CANCEL_TAG && previous == BLACK_FLAG;
  }

  /**
   * Whether a ZWJ or ZWNJ between {@code text}'s last code point and {@code next} is kept. Both are kept
   * between two letters or marks of a script that needs them (Arabic, Persian, the Indic scripts...); ZWJ
   * is also kept inside an emoji ZWJ sequence (between two pictographs, the first possibly followed by a
   * skin tone modifier or VS16). Anywhere else they are invisible noise and removed.
   *
   * @param joiner ZWJ or ZWNJ
   * @param text what was kept so far, ending with the code point before the joiner (no white space
   *     between)
   * @param next the code point after the joiner in the input, or -1 at the end
   */
  public static boolean keepJoiner(int joiner, CharSequence text, int next) {
    if (next < 0 || text.length() == 0) {
      return false;
    }
    if (isJoiningScriptLetterOrMark(next) && joiningScriptBefore(text)) {
      return true;
    }
    return joiner == ZWJ && isPictographic(next) && pictographBefore(text);
  }

  private static boolean isJoiningScriptLetterOrMark(int cp) {
    return (Character.isLetter(cp) || isMark(cp)) && JOINING_SCRIPTS.contains(UnicodeScript.of(cp));
  }

  // Arabic harakat are of the Inherited script: look through marks to the letter that carries them.
  private static boolean joiningScriptBefore(CharSequence text) {
    int i = text.length();
    while (i > 0) {
      int cp = Character.codePointBefore(text, i);
      i -= Character.charCount(cp);
      if (isJoiningScriptLetterOrMark(cp)) {
        return true;
      }
      if (!isMark(cp) || UnicodeScript.of(cp) != UnicodeScript.INHERITED) {
        return false;
      }
    }
    return false;
  }

  private static boolean pictographBefore(CharSequence text) {
    int i = text.length();
    while (i > 0) {
      int cp = Character.codePointBefore(text, i);
      i -= Character.charCount(cp);
      if (isPictographic(cp)) {
        return true;
      }
      if (cp != VS16 && !UCharacter.hasBinaryProperty(cp, UProperty.EMOJI_MODIFIER)) {
        return false;
      }
    }
    return false;
  }

  private static boolean isPictographic(int cp) {
    return cp >= 0xA9 && UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC);
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }
}
