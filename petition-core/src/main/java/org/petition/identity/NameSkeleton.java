package org.petition.identity;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.SpoofChecker;
import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;
import org.petition.identity.internal.Nfc;

/**
 * The UTS #39 confusable skeleton of a name: two names that look alike ({@code John Smith} and {@code
 * Jоhn Smith} with a Cyrillic {@code о}) have the same skeleton, whatever their case and spacing. A
 * skeleton is a key for finding duplicates, never text to show. Stateless and thread-safe.
 *
 * <p>The name is put in NFC; capital letters of other scripts than Latin that look like a Latin capital
 * become that capital (case folding would turn Cyrillic {@code Н}, which looks like {@code H}, into {@code
 * н}, which does not look like {@code h}; a capital that looks like {@code l} becomes {@code I}); the name
 * is then case folded, its white space runs collapse to one space and it is trimmed; last comes ICU's
 * {@link SpoofChecker#getSkeleton}. Letters of scripts without Latin look-alikes keep their identity:
 * {@code 김영일} and {@code 김영이} differ.
 */
public final class NameSkeleton {

  // ICU documents a built SpoofChecker as immutable, and getSkeleton only reads it: one shared instance.
  private static final SpoofChecker CHECKER =
      new SpoofChecker.Builder().setChecks(SpoofChecker.CONFUSABLE).build();

  // The skeleton of each printable ASCII character, where it is ASCII itself (all of them in ICU's data):
  // UTS #39 maps character by character after NFD, and NFD leaves ASCII alone, so an ASCII name's skeleton
  // is the concatenation of its characters' skeletons. Null where that does not hold.
  private static final String @Nullable [] ASCII_SKELETONS = asciiSkeletons();

  private NameSkeleton() {}

  private static String @Nullable [] asciiSkeletons() {
    String[] table = new String[128];
    for (char c = 0x20; c < 0x7F; c++) {
      String skeleton = CHECKER.getSkeleton(String.valueOf(c));
      for (int i = 0; i < skeleton.length(); i++) {
        if (skeleton.charAt(i) >= 0x80) {
          return null;
        }
      }
      table[c] = skeleton;
    }
    return table;
  }

  /**
   * The skeleton of a full name ("first last", or an organisation's name). A blank name gives {@code ""}.
   */
  public static String skeleton(String fullName) {
    Objects.requireNonNull(fullName, "fullName must not be null");
    String ascii = asciiSkeleton(fullName);
    if (ascii != null) {
      return ascii;
    }
    String local = byCharacter(fullName);
    return local != null ? local : viaIcu(fullName);
  }

  // The same argument as for ASCII, for every character of the Basic Multilingual Plane where it holds: the
  // general path does per character (for an NFC name with single spaces) NFC, the capitals rule, case folding,
  // NFD, the confusable mapping and NFD again, and a concatenation of NFD pieces that each begin with a starter
  // (combining class 0) is NFD itself, so the name's skeleton is the concatenation of its characters' own.
  // Each character's piece is computed by the general path the first time it is seen, in pages of 256
  // characters made on demand; NOT_LOCAL marks a character where the argument fails (a combining mark, a
  // character NFC changes, other white space, a surrogate), and a name holding one takes the general path.
  private static final String NOT_LOCAL = new String("not local");
  private static final AtomicReferenceArray<String[]> PIECES = new AtomicReferenceArray<>(256);

  /**
   * The skeleton of {@code first + " " + last} (a person's given and family names), exactly as {@link
   * #skeleton(String)} gives it for that string, without building the string where the names allow it.
   */
  public static String skeleton(String first, String last) {
    Objects.requireNonNull(first, "first must not be null");
    Objects.requireNonNull(last, "last must not be null");
    String local = byCharacter(first, last);
    return local != null ? local : skeleton(first + " " + last);
  }

  /** The skeleton of a name made of characters with local pieces, without ICU on the way; null if not such. */
  static @Nullable String byCharacter(String name) {
    if (!spacedOnce(name) || !Nfc.isNormalized(name)) {
      return null;
    }
    // Into this thread's buffer, then one string: a StringBuilder would start Latin-1 and copy itself
    // into UTF-16 at the first piece outside Latin-1.
    int length = pieces(name, 0);
    return length < 0 ? null : new String(BUFFER.get(), 0, length);
  }

  // byCharacter(first + " " + last): each name spaced once and wholly "yes" to ICU's NFC quick check, so
  // the space between them composes with neither side and the joined name is spaced once and in NFC.
  private static @Nullable String byCharacter(String first, String last) {
    if (first.isEmpty() || last.isEmpty() || !spacedOnce(first) || !spacedOnce(last)
        || !Nfc.isQuicklyNormalized(first) || !Nfc.isQuicklyNormalized(last)) {
      return null;
    }
    int length = pieces(first, 0);
    length = length < 0 ? length : pieces(" ", length);
    length = length < 0 ? length : pieces(last, length);
    return length < 0 ? null : new String(BUFFER.get(), 0, length);
  }

  // Appends the pieces of text's characters to this thread's buffer from at; the new length, or -1 if a
  // character has no local piece.
  private static int pieces(String text, int at) {
    char[] out = BUFFER.get();
    int length = at;
    for (int i = 0; i < text.length(); i++) {
      String piece = piece(text.charAt(i));
      if (piece == null) {
        return -1;
      }
      if (length + piece.length() > out.length) {
        out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, length + piece.length()));
        BUFFER.set(out);
      }
      piece.getChars(0, piece.length(), out, length);
      length += piece.length();
    }
    return length;
  }

  private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[128]);

  private static @Nullable String piece(char c) {
    String[] page = PIECES.get(c >>> 8);
    if (page == null) {
      PIECES.compareAndSet(c >>> 8, null, new String[256]);
      page = PIECES.get(c >>> 8);
    }
    String piece = page[c & 0xFF];
    if (piece == null) {
      // A race computes the same immutable string twice; a String is safe to publish this way.
      piece = localPiece(c);
      page[c & 0xFF] = piece;
    }
    return piece == NOT_LOCAL ? null : piece;
  }

  private static String localPiece(char c) {
    if (c == ' ') {
      return " ";
    }
    if (c < 0x80 && ASCII_SKELETONS != null && c >= 0x20 && c < 0x7F) {
      return ASCII_SKELETONS[c >= 'A' && c <= 'Z' ? c + 32 : c];
    }
    if (Character.isSurrogate(c) || Character.isWhitespace(c) || Character.isSpaceChar(c) || c < 0x20) {
      return NOT_LOCAL;
    }
    String alone = String.valueOf(c);
    if (!Normalizer.normalize(alone, Normalizer.Form.NFC).equals(alone)) {
      return NOT_LOCAL;
    }
    String folded = UCharacter.foldCase(latinCapitals(alone), true);
    String piece = CHECKER.getSkeleton(folded);
    return beginsWithStarter(Normalizer.normalize(alone, Normalizer.Form.NFD))
        && beginsWithStarter(Normalizer.normalize(folded, Normalizer.Form.NFD))
        && beginsWithStarter(piece)
        && piece.equals(viaIcu(alone))
        ? piece
        : NOT_LOCAL;
  }

  private static boolean beginsWithStarter(String text) {
    return !text.isEmpty() && UCharacter.getCombiningClass(text.codePointAt(0)) == 0;
  }

  /** The general path, for every name; package-private for the test that checks the ASCII one against it. */
  static String viaIcu(String fullName) {
    String nfc = Normalizer.normalize(fullName, Normalizer.Form.NFC);
    String folded = UCharacter.foldCase(latinCapitals(nfc), true);
    return CHECKER.getSkeleton(collapseSpaces(folded));
  }

  // The same skeleton as the general path for a printable-ASCII name, without ICU's allocations: lower case
  // (ASCII case folding), one space between words, then each character's skeleton.
  private static @Nullable String asciiSkeleton(String name) {
    String[] table = ASCII_SKELETONS;
    if (table == null) {
      return null;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c >= 0x7F) {
        return null;
      }
    }
    StringBuilder out = new StringBuilder(name.length() + 8);
    boolean space = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == ' ') {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(table[' ']);
        space = false;
      }
      out.append(table[c >= 'A' && c <= 'Z' ? c + 32 : c]);
    }
    return out.toString();
  }

  private static String latinCapitals(String name) {
    StringBuilder out = null;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      int next = i + Character.charCount(cp);
      @Nullable String replacement = null;
      if ((Character.isUpperCase(cp) || Character.isTitleCase(cp)) && UnicodeScript.of(cp) != UnicodeScript.LATIN) {
        replacement = latinLookAlike(CHECKER.getSkeleton(name.substring(i, next)));
      }
      if (replacement != null && out == null) {
        out = new StringBuilder(name.length()).append(name, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.appendCodePoint(cp);
        }
      }
      i = next;
    }
    return out == null ? name : out.toString();
  }

  private static boolean spacedOnce(String text) {
    boolean previousSpace = true; // no leading space
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean space = c == ' ';
      if (space ? previousSpace : Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        return false;
      }
      previousSpace = space;
    }
    return !previousSpace || text.isEmpty();
  }

  private static @Nullable String latinLookAlike(String skeleton) {
    if (skeleton.isEmpty()) {
      return null;
    }
    for (int i = 0; i < skeleton.length(); i++) {
      char c = skeleton.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
        return null;
      }
    }
    // The skeleton of a capital I is "l": a capital that looks like it is read as I, which folds to i.
    return skeleton.equals("l") ? "I" : skeleton;
  }

  private static String collapseSpaces(String text) {
    if (spacedOnce(text)) {
      return text; // the usual name: words with one ASCII space between them
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }
}
