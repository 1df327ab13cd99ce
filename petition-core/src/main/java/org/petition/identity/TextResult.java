package org.petition.identity;

import java.util.Objects;

/**
 * What {@link TextNormalizer} made of one form field: the normalised text, nothing at all, or a refusal
 * with a stable code.
 */
public sealed interface TextResult permits TextResult.Ok, TextResult.Blank, TextResult.Invalid {

  /**
   * The normalised text, never blank.
   *
   * @param text the text: NFC, trimmed, invisible characters removed, within the length limit
   */
  record Ok(String text) implements TextResult {
    public Ok {
      Objects.requireNonNull(text, "text must not be null");
    }
  }

  /** The field was absent, empty or held only white space and invisible characters. */
  record Blank() implements TextResult {}

  /**
   * The field was refused.
   *
   * @param code a stable code: {@link TextNormalizer#INVALID_CHARACTERS} or {@link TextNormalizer#TOO_LONG}
   * @param detail a short explanation for a developer or moderator; it never quotes the field's text
   */
  record Invalid(String code, String detail) implements TextResult {
    public Invalid {
      Objects.requireNonNull(code, "code must not be null");
      Objects.requireNonNull(detail, "detail must not be null");
    }
  }
}
