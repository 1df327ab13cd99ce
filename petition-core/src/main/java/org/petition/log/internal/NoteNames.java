package org.petition.log.internal;

/** The rules of C2SP signed-note text and key names. */
public final class NoteNames {

  private NoteNames() {}

  /**
   * Why {@code name} cannot be a key name (non-empty, no Unicode white space, no '+', and, being note
   * text, no control character nor lone surrogate), or the empty string if it can.
   */
  public static String problem(String name) {
    if (name.isEmpty()) {
      return "a key name must not be empty";
    }
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      if (c == '+') {
        return "a key name must not contain '+'";
      }
      if (isSpace(c)) {
        return "a key name must not contain white space";
      }
      if (c < 0x20 || Character.isSurrogate((char) c)) {
        return "a key name must not contain control characters or lone surrogates";
      }
      i += Character.charCount(c);
    }
    return "";
  }

  /** Whether {@code name} is a valid key name. */
  public static boolean isValid(String name) {
    return problem(name).isEmpty();
  }

  /**
   * Why {@code text} cannot be note text (it must end in a newline and hold no control character other
   * than newline, nor a lone surrogate), or the empty string if it can.
   */
  public static String textProblem(String text) {
    if (text.isEmpty() || text.charAt(text.length() - 1) != '\n') {
      return "note text must end with a newline";
    }
    return charactersProblem(text);
  }

  /** Why {@code note} holds characters no note may hold, or the empty string if it holds none. */
  public static String charactersProblem(String note) {
    for (int i = 0; i < note.length(); i++) {
      char c = note.charAt(i);
      if (c < 0x20 && c != '\n') {
        return "a note must not contain control characters other than newline (found U+"
            + String.format("%04X", (int) c) + ")";
      }
      if (Character.isHighSurrogate(c) && i + 1 < note.length() && Character.isLowSurrogate(note.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "a note must be valid Unicode (found a lone surrogate)";
      }
    }
    return "";
  }

  // Unicode's White_Space property, as Go's unicode.IsSpace tests it.
  private static boolean isSpace(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
  }
}
