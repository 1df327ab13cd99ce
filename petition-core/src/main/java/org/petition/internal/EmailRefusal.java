package org.petition.internal;

/**
 * Why an email address is refused, as the code of the {@code email} field's violation. {@link #INVALID} is
 * Commons Validator's refusal; the others are addresses Commons Validator accepts but RFC 5322's addr-spec
 * (a dot-atom or one quoted string before the @, with RFC 6532's UTF-8) does not, each named by its rule.
 */
public enum EmailRefusal {
  INVALID("email.invalid", "email is not a valid address (a name, an @ and a domain with a real top-level domain)"),
  BACKSLASH_OUTSIDE_QUOTES("email.backslash_outside_quotes",
      "email has a backslash outside quotes: only a quoted local part may escape a character"),
  UNTERMINATED_QUOTE("email.unterminated_quote",
      "email's quoted local part does not end: its closing quote is escaped or missing"),
  MIXED_LOCAL_PART("email.mixed_local_part",
      "email's local part mixes quoted and unquoted text: it must be one quoted string or dot-separated words"),
  INVALID_DOMAIN_LITERAL("email.invalid_domain_literal",
      "email's address in brackets holds a bracket, a backslash or a control character"),
  UNPAIRED_SURROGATE("email.unpaired_surrogate", "email holds an unpaired surrogate, which is not a character");

  private final String code;
  private final String message;

  EmailRefusal(String code, String message) {
    this.code = code;
    this.message = message;
  }

  /** The violation code, such as {@code email.invalid}. */
  public String code() {
    return code;
  }

  /** A message for people; it never quotes the address. */
  public String message() {
    return message;
  }
}
