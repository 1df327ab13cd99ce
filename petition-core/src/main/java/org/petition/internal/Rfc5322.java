package org.petition.internal;

import org.jspecify.annotations.Nullable;

/**
 * What RFC 5322's addr-spec refuses among the addresses Commons Validator accepts: a linear scan, no regular
 * expression, asked only for the unusual shapes the fast path leaves to Commons Validator (a quote or a
 * backslash in the local part, an address literal, a surrogate). The grammar is RFC 5322's without its
 * obsolete forms, with RFC 6532's UTF-8: a local part is a dot-atom or one quoted string, and a domain
 * literal holds {@code dtext} only.
 */
final class Rfc5322 {

  private Rfc5322() {}

  /**
   * The rule an address breaks, or {@code null} when it keeps them all.
   *
   * @param email an address Commons Validator accepts: split at its last @, a local part of words (plain or
   *     quoted, without controls) joined by dots, and a host name or an address literal in brackets
   */
  static @Nullable EmailRefusal refusal(String email) {
    int length = email.length();
    for (int i = 0; i < length; i++) {
      char c = email.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(email.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return EmailRefusal.UNPAIRED_SURROGATE; // not a character, so not UTF-8 either
      }
    }
    int at = email.lastIndexOf('@');
    EmailRefusal local = email.charAt(0) == '"' ? quotedString(email, at) : dotAtom(email, at);
    if (local != null) {
      return local;
    }
    return email.charAt(at + 1) == '[' ? domainLiteral(email, at + 2, length - 1) : null;
  }

  // quoted-string: DQUOTE *(qtext / quoted-pair / space) DQUOTE, and nothing after it. A backslash takes the
  // next character whatever it is, a closing quote included; Commons Validator lets no control through.
  private static @Nullable EmailRefusal quotedString(String email, int at) {
    int i = 1;
    while (true) {
      if (i >= at) {
        return EmailRefusal.UNTERMINATED_QUOTE;
      }
      char c = email.charAt(i);
      if (c == '"') {
        return i == at - 1 ? null : EmailRefusal.MIXED_LOCAL_PART;
      }
      i += c == '\\' ? 2 : 1;
    }
  }

  // dot-atom: Commons Validator's plain words are atext already; what it adds is escapes and quoted words.
  private static @Nullable EmailRefusal dotAtom(String email, int at) {
    for (int i = 0; i < at; i++) {
      char c = email.charAt(i);
      if (c == '\\') {
        return EmailRefusal.BACKSLASH_OUTSIDE_QUOTES;
      }
      if (c == '"') {
        return EmailRefusal.MIXED_LOCAL_PART;
      }
    }
    return null;
  }

  // dtext between the brackets: printable ASCII but [ ] \, or any UTF-8 beyond ASCII.
  private static @Nullable EmailRefusal domainLiteral(String email, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = email.charAt(i);
      if (c <= ' ' || c == 0x7F || c == '[' || c == ']' || c == '\\') {
        return EmailRefusal.INVALID_DOMAIN_LITERAL;
      }
    }
    return null;
  }
}
