package org.petition.internal;

import java.util.regex.Pattern;

/**
 * RFC 5322's addr-spec (section 3.4.1) written down from its ABNF as a regular expression, independently of
 * {@link Rfc5322}, for the tests to check the validator's refusals against. Without the obsolete forms of
 * section 4 and without the comments and folding white space (CFWS) that may surround a whole local part or
 * domain; with RFC 6532's extension of atext, qtext, dtext and VCHAR to UTF-8 beyond ASCII (any Unicode scalar
 * value from U+0080: a surrogate that is not half of a pair is not one).
 */
final class Rfc5322Grammar {

  // UTF8-non-ascii (RFC 6532, 3.1): UTF8-2 / UTF8-3 / UTF8-4 of RFC 3629, surrogates excluded.
  private static final String UTF8_NON_ASCII = "[\\x{80}-\\x{D7FF}\\x{E000}-\\x{10FFFF}]";
  // atext = ALPHA / DIGIT / "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "/" / "=" / "?" / "^" / "_" /
  //         "`" / "{" / "|" / "}" / "~"
  private static final String ATEXT = "(?:[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~]|" + UTF8_NON_ASCII + ")";
  // dot-atom-text = 1*atext *("." 1*atext)
  private static final String DOT_ATOM_TEXT = ATEXT + "+(?:\\." + ATEXT + "+)*";
  // WSP = SP / HTAB; FWS = ([*WSP CRLF] 1*WSP)
  private static final String WSP = "[ \\t]";
  private static final String FWS = "(?:(?:" + WSP + "*\\r\\n)?" + WSP + "+)";
  // qtext = %d33 / %d35-91 / %d93-126; VCHAR = %x21-7E; quoted-pair = "\" (VCHAR / WSP)
  private static final String QTEXT = "(?:[\\x21\\x23-\\x5B\\x5D-\\x7E]|" + UTF8_NON_ASCII + ")";
  private static final String VCHAR = "(?:[\\x21-\\x7E]|" + UTF8_NON_ASCII + ")";
  private static final String QUOTED_PAIR = "(?:\\\\(?:" + VCHAR + "|" + WSP + "))";
  // quoted-string = DQUOTE *([FWS] qcontent) [FWS] DQUOTE; qcontent = qtext / quoted-pair
  private static final String QUOTED_STRING =
      "\"(?:" + FWS + "?(?:" + QTEXT + "|" + QUOTED_PAIR + "))*" + FWS + "?\"";
  // dtext = %d33-90 / %d94-126; domain-literal = "[" *([FWS] dtext) [FWS] "]"
  private static final String DTEXT = "(?:[\\x21-\\x5A\\x5E-\\x7E]|" + UTF8_NON_ASCII + ")";
  private static final String DOMAIN_LITERAL = "\\[(?:" + FWS + "?" + DTEXT + ")*" + FWS + "?\\]";
  // addr-spec = local-part "@" domain; local-part = dot-atom / quoted-string; domain = dot-atom / domain-literal
  private static final Pattern ADDR_SPEC = Pattern.compile(
      "(?:" + DOT_ATOM_TEXT + "|" + QUOTED_STRING + ")@(?:" + DOT_ATOM_TEXT + "|" + DOMAIN_LITERAL + ")");

  private Rfc5322Grammar() {}

  /** Whether the whole string is an RFC 5322 (with RFC 6532) addr-spec. */
  static boolean isAddrSpec(String email) {
    return ADDR_SPEC.matcher(email).matches();
  }
}
