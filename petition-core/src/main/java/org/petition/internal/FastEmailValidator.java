package org.petition.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.validator.routines.DomainValidator;
import org.apache.commons.validator.routines.EmailValidator;
import org.jspecify.annotations.Nullable;

/**
 * Gives the verdict of Commons Validator's {@code EmailValidator.getInstance(false, false)} on every input,
 * except that it also refuses what Commons Validator accepts and RFC 5322's addr-spec does not (see {@link
 * Rfc5322} and {@link EmailRefusal}). It decides the usual shapes itself in a linear scan, with no regular
 * expression and, for an ASCII address, no allocation: an unquoted local part, and a host name in ASCII or in
 * the common IDN scripts; those are RFC 5322 addresses too. Anything else - a quoted or escaped local part, an
 * address literal in brackets, a host with characters outside those scripts, a surrogate that is not half of a
 * pair - is handed to Commons Validator itself, and what it accepts to the RFC 5322 check. Host names are
 * checked against Commons Validator's own TLD tables.
 */
public final class FastEmailValidator {

  // The reference: the configuration whose verdict is promised, asked whenever the fast path declines.
  private static final EmailValidator REFERENCE = EmailValidator.getInstance(false, false);

  private static final int MAX_USER_LENGTH = 64;
  private static final int MAX_HOST_LENGTH = 253;
  private static final int MAX_LABEL_LENGTH = 63;

  // Unquoted local-part characters of Commons Validator's USER_PATTERN within ASCII: no white space, no
  // control, none of ( ) < > @ , ; : . [ ] " \ - the apostrophe is let back in by the pattern's own "|'".
  private static final long ATOM_LOW = atomMask(0);
  private static final long ATOM_HIGH = atomMask(64);

  private static final TldTable TLDS = TldTable.fromCommonsValidator();

  private FastEmailValidator() {}

  /**
   * Whether {@code email} is a valid address by Commons Validator's rules (local addresses and bare TLDs not
   * allowed, internationalised domain names allowed) and by RFC 5322's addr-spec.
   *
   * @param email the address, possibly {@code null}
   * @return {@code EmailValidator.getInstance(false, false).isValid(email)}, and false where RFC 5322 refuses
   */
  public static boolean isValid(@Nullable String email) {
    return email != null && refusal(email) == null;
  }

  /**
   * Why {@code email} is refused: {@link EmailRefusal#INVALID} where Commons Validator refuses it, the RFC
   * 5322 rule it breaks where only RFC 5322 does; {@code null} when it is valid.
   */
  public static @Nullable EmailRefusal refusal(String email) {
    Verdict verdict = fastVerdict(email);
    if (verdict == Verdict.VALID) {
      return null; // a dot-atom of plain characters at a host name: an RFC 5322 address as well
    }
    if (verdict == Verdict.INVALID || !REFERENCE.isValid(email)) {
      return EmailRefusal.INVALID;
    }
    return Rfc5322.refusal(email);
  }

  // What the fast path can tell on its own.
  enum Verdict {
    VALID,
    INVALID,
    UNDECIDED
  }

  // The fast path alone. EMAIL_PATTERN ^(.+)@(\S+)$ can only lead to a valid address when it splits at the
  // last @: it splits earlier only when what follows the last @ is empty (so the domain ends in @) or when the
  // part before it holds a line end that (.+) cannot cross (so the domain holds that and an @, which neither
  // the address-literal pattern nor any host rule accepts). So the local part and the domain are judged on
  // their own, and either one failing settles the verdict.
  static Verdict fastVerdict(String email) {
    int length = email.length();
    if (length == 0 || email.charAt(length - 1) == '.') {
      return Verdict.INVALID;
    }
    int at = email.lastIndexOf('@');
    if (at < 0 || at == length - 1) {
      return Verdict.INVALID;
    }
    Verdict domain = domain(email, at + 1, length);
    if (domain == Verdict.INVALID) {
      return Verdict.INVALID;
    }
    Verdict user = user(email, at);
    if (user == Verdict.INVALID) {
      return Verdict.INVALID;
    }
    return domain == Verdict.VALID && user == Verdict.VALID ? Verdict.VALID : Verdict.UNDECIDED;
  }

  // USER_PATTERN on email[0, end) when it holds no quote or backslash: at most 64 chars of dot-separated atoms.
  private static Verdict user(String email, int end) {
    if (end == 0 || end > MAX_USER_LENGTH) {
      return Verdict.INVALID;
    }
    boolean ok = true;
    boolean atomStart = true;
    for (int i = 0; i < end; i++) {
      char c = email.charAt(i);
      if (c == '"' || c == '\\') {
        // A quoted string admits dots, @ and white space; an escape makes the next character part of the atom.
        return Verdict.UNDECIDED;
      }
      if (c == '.') {
        ok &= !atomStart;
        atomStart = true;
        continue;
      }
      atomStart = false;
      if (c < 64) {
        ok &= (ATOM_LOW & (1L << c)) != 0;
      } else if (c < 128) {
        ok &= (ATOM_HIGH & (1L << (c - 64))) != 0;
      } else if (c >= 0xD800 && c <= 0xDFFF) {
        // A pair is one character to both rule sets; a lone surrogate, which Commons Validator takes and RFC
        // 5322 (UTF-8 has no surrogates) does not, is left to the slow path and its RFC 5322 check.
        if (c > 0xDBFF || i + 1 == end || !Character.isLowSurrogate(email.charAt(i + 1))) {
          return Verdict.UNDECIDED;
        }
        i++;
      } else {
        // Any other code point passes [^\s\p{Cc}...]; but C1 controls are \p{Cc}, and
        // the (.+) of EMAIL_PATTERN cannot cross the line ends U+2028 and U+2029.
        ok &= c > 0x9F && c != '\u2028' && c != '\u2029';
      }
    }
    return ok && !atomStart ? Verdict.VALID : Verdict.INVALID;
  }

  // EmailValidator.isValidDomain on email[from, to), which is not empty and does not end in a dot.
  private static Verdict domain(String email, int from, int to) {
    if (email.charAt(from) == '[' && email.charAt(to - 1) == ']') {
      return Verdict.UNDECIDED; // an address literal, IPv4 or IPv6
    }
    if (to - from > MAX_HOST_LENGTH) {
      // Too long as it stands if ASCII; otherwise IDN conversion decides, whose limits on long labels (and the
      // exceptions it throws past them) differ between JDK releases - rare enough to leave to the reference.
      return isAscii(email, from, to) ? Verdict.INVALID : Verdict.UNDECIDED;
    }
    int labelStart = from;
    for (int i = from; i < to; i++) {
      char c = email.charAt(i);
      if (c == '.') {
        // An all-ASCII label passes IDN conversion untouched (or makes it fail), so a bad one is fatal even
        // if non-ASCII labels follow.
        if (!label(email, labelStart, i)) {
          return Verdict.INVALID;
        }
        labelStart = i + 1;
      } else if (c >= 128) {
        return idnDomain(email, from, to);
      } else if (!isLdh(c)) {
        // No conversion touches an ASCII character, and the host pattern admits none but LDH and dot.
        return Verdict.INVALID;
      }
    }
    boolean valid = labelStart > from && label(email, labelStart, to) && isAlpha(email.charAt(labelStart))
        && TLDS.contains(email, labelStart, to);
    return valid ? Verdict.VALID : Verdict.INVALID;
  }

  // DOMAIN_LABEL_REGEX on a run of LDH characters: 1 to 63 of them, a letter or digit at both ends.
  private static boolean label(String host, int from, int to) {
    int length = to - from;
    return length > 0 && length <= MAX_LABEL_LENGTH && isAlnum(host.charAt(from)) && isAlnum(host.charAt(to - 1));
  }

  // A host with non-ASCII characters: DomainValidator.unicodeToASCII (and in it IDN.toASCII) replicated for
  // the characters nameprep maps one to one (see plainNameprep), then the ASCII host rules. Each way that
  // conversion fails leaves the host as it was, non-ASCII, which the host pattern rejects: invalid.
  private static Verdict idnDomain(String email, int from, int to) {
    // unicodeToASCII would return a FORMAT character or a nameprep-mapped-to-nothing one unchanged; both are
    // outside the plain set, as are the ideographic and full-width stops, so all of those are undecided.
    for (int i = from; i < to; i++) {
      char c = email.charAt(i);
      if (c < 128) {
        if (!isLdh(c) && c != '.') {
          return Verdict.INVALID;
        }
      } else if (plainNameprep(c) < 0) {
        return Verdict.UNDECIDED;
      }
    }
    StringBuilder ascii = new StringBuilder(to - from + 16);
    int labelStart = from;
    for (int i = from; i <= to; i++) {
      if (i < to && email.charAt(i) != '.') {
        continue;
      }
      // Empty labels make IDN.toASCII throw; a hyphen at either end is refused before conversion (VALIDATOR-501).
      if (i == labelStart || email.charAt(labelStart) == '-' || email.charAt(i - 1) == '-') {
        return Verdict.INVALID;
      }
      if (!appendAsciiLabel(email, labelStart, i, ascii)) {
        return Verdict.INVALID;
      }
      if (i < to) {
        ascii.append('.');
      }
      labelStart = i + 1;
    }
    return asciiHost(ascii.toString()) ? Verdict.VALID : Verdict.INVALID;
  }

  // IDN.toASCII of one label, appended to out; false where IDN.toASCII would throw.
  static boolean appendAsciiLabel(String email, int from, int to, StringBuilder out) {
    int start = out.length();
    if (isAscii(email, from, to)) {
      out.append(email, from, to); // IDN leaves an all-ASCII label as it is, case included
    } else {
      // Nameprep, which lower-cases ASCII letters too; then a label may not carry the ACE prefix.
      int length = to - from;
      char[] prepared = new char[length];
      for (int i = 0; i < length; i++) {
        char c = email.charAt(from + i);
        prepared[i] = c < 128 ? lower(c) : (char) plainNameprep(c);
      }
      if (length >= 4 && prepared[0] == 'x' && prepared[1] == 'n' && prepared[2] == '-' && prepared[3] == '-') {
        return false;
      }
      out.append("xn--");
      Punycode.encode(prepared, out);
    }
    return out.length() - start <= MAX_LABEL_LENGTH;
  }

  // DomainValidator.isValid on an ASCII host: length, DOMAIN_NAME_REGEX, then the TLD tables.
  static boolean asciiHost(String host) {
    int to = host.length();
    if (to > MAX_HOST_LENGTH) {
      return false;
    }
    if (to > 0 && host.charAt(to - 1) == '.') {
      to--; // the pattern's optional root dot
    }
    int labelStart = 0;
    int labels = 0;
    for (int i = 0; i <= to; i++) {
      if (i < to) {
        char c = host.charAt(i);
        if (c != '.') {
          if (!isLdh(c)) {
            return false;
          }
          continue;
        }
      }
      if (!label(host, labelStart, i)) {
        return false;
      }
      labels++;
      if (i < to) {
        labelStart = i + 1;
      }
    }
    return labels >= 2 && isAlpha(host.charAt(labelStart)) && TLDS.contains(host, labelStart, to);
  }

  // Whether TLD lookup accepts an ASCII tld, as DomainValidator.isValidTld would.
  static boolean isAcceptedTld(String tld) {
    return TLDS.contains(tld, 0, tld.length());
  }

  // Nameprep (RFC 3491 with Java's Unicode 3.2 tables) of the non-ASCII characters it maps to one character
  // and leaves NFKC-stable in any sequence: no combining marks, no Hangul jamo, no bidi constraint, nothing
  // unassigned in Unicode 3.2. Upper case is folded as nameprep's table B.2 does, which for these is the
  // simple lower case; final sigma (folded to sigma) and sharp s (to "ss") are left out. -1 for any other
  // character. A test checks every character against IDN.toASCII.
  static int plainNameprep(char c) {
    if (c < 0xC0) {
      return -1;
    }
    if (c <= 0xFF) {
      return c == 0xD7 || c == 0xDF || c == 0xF7 ? -1 : Character.toLowerCase(c); // Latin-1 letters
    }
    if (c <= 0x45F) {
      boolean greek = c >= 0x386 && c <= 0x3CE && c != 0x387 && c != 0x38B && c != 0x38D && c != 0x3A2 && c != 0x3C2;
      return greek || c >= 0x400 ? Character.toLowerCase(c) : -1; // Greek, Cyrillic
    }
    boolean same = c >= 0xAC00 && c <= 0xD7A3 // Hangul syllables
        || c >= 0x4E00 && c <= 0x9FA5 // CJK unified ideographs of Unicode 3.2
        || c >= 0x3041 && c <= 0x3096 // hiragana
        || c >= 0x30A1 && c <= 0x30FA || c == 0x30FC; // katakana, prolonged sound mark
    return same ? c : -1;
  }

  private static boolean isAscii(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLdh(char c) {
    return isAlnum(c) || c == '-';
  }

  private static boolean isAlnum(char c) {
    return c >= '0' && c <= '9' || isAlpha(c);
  }

  private static boolean isAlpha(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  private static long atomMask(int base) {
    long mask = 0;
    for (int c = base; c < base + 64; c++) {
      if (c > ' ' && c < 0x7F && "()<>@,;:.[]\"\\".indexOf(c) < 0) {
        mask |= 1L << (c - base);
      }
    }
    return mask;
  }

  // RFC 3492 as java.net.IDN applies it: basic code points first, then '-', then lower-case digits.
  static final class Punycode {
    private static final int BASE = 36;
    private static final int TMIN = 1;
    private static final int TMAX = 26;
    private static final int SKEW = 38;
    private static final int DAMP = 700;
    private static final int INITIAL_BIAS = 72;
    private static final int INITIAL_N = 128;

    private Punycode() {}

    // Appends the encoding of input, all BMP characters, to out.
    static void encode(char[] input, StringBuilder out) {
      int basic = 0;
      for (char c : input) {
        if (c < INITIAL_N) {
          out.append(c);
          basic++;
        }
      }
      if (basic > 0) {
        out.append('-');
      }
      int n = INITIAL_N;
      int delta = 0;
      int bias = INITIAL_BIAS;
      int handled = basic;
      while (handled < input.length) {
        int m = Integer.MAX_VALUE;
        for (char c : input) {
          if (c >= n && c < m) {
            m = c;
          }
        }
        delta += (m - n) * (handled + 1); // no overflow: BMP code points, labels of at most 253 chars
        n = m;
        for (char c : input) {
          if (c < n) {
            delta++;
          } else if (c == n) {
            int q = delta;
            for (int k = BASE; ; k += BASE) {
              int t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
              if (q < t) {
                break;
              }
              out.append(digit(t + (q - t) % (BASE - t)));
              q = (q - t) / (BASE - t);
            }
            out.append(digit(q));
            bias = adapt(delta, handled + 1, handled == basic);
            delta = 0;
            handled++;
          }
        }
        delta++;
        n++;
      }
    }

    private static int adapt(int delta, int points, boolean first) {
      delta = first ? delta / DAMP : delta / 2;
      delta += delta / points;
      int k = 0;
      while (delta > ((BASE - TMIN) * TMAX) / 2) {
        delta /= BASE - TMIN;
        k += BASE;
      }
      return k + (BASE - TMIN + 1) * delta / (delta + SKEW);
    }

    private static char digit(int d) {
      return (char) (d < 26 ? 'a' + d : '0' + d - 26);
    }
  }

  // The TLDs Commons Validator accepts (allowLocal false), in an open-addressing table probed with a slice of
  // the host, ASCII case ignored, so a lookup allocates nothing. Built once from DomainValidator's own tables
  // and overrides, each entry kept only if DomainValidator.isValidTld agrees; immutable once built.
  static final class TldTable {
    private final String[] slots;
    private final int mask;

    private TldTable(List<String> tlds) {
      int size = Integer.highestOneBit(Math.max(16, tlds.size() * 4) - 1) << 1;
      slots = new String[size];
      mask = size - 1;
      for (String tld : tlds) {
        int slot = hash(tld, 0, tld.length()) & mask;
        while (slots[slot] != null && !slots[slot].equals(tld)) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = tld;
      }
    }

    static TldTable fromCommonsValidator() {
      DomainValidator validator = DomainValidator.getInstance(false);
      List<String> candidates = new ArrayList<>();
      // isValidTld is true only for a key in one of these; isValidTld itself then applies the MINUS overrides.
      for (DomainValidator.ArrayType type : List.of(DomainValidator.ArrayType.INFRASTRUCTURE_RO,
          DomainValidator.ArrayType.GENERIC_RO, DomainValidator.ArrayType.COUNTRY_CODE_RO)) {
        candidates.addAll(List.of(DomainValidator.getTLDEntries(type)));
      }
      for (DomainValidator.ArrayType type : List.of(DomainValidator.ArrayType.GENERIC_PLUS,
          DomainValidator.ArrayType.COUNTRY_CODE_PLUS)) {
        candidates.addAll(List.of(validator.getOverrides(type)));
      }
      List<String> valid = new ArrayList<>(candidates.size());
      for (String candidate : candidates) {
        if (validator.isValidTld(candidate)) {
          valid.add(candidate);
        }
      }
      return new TldTable(valid);
    }

    // Whether s[from, to), ASCII case ignored, is an accepted TLD.
    boolean contains(String s, int from, int to) {
      int length = to - from;
      int slot = hash(s, from, to) & mask;
      for (String entry; (entry = slots[slot]) != null; slot = (slot + 1) & mask) {
        if (entry.length() == length && matches(entry, s, from)) {
          return true;
        }
      }
      return false;
    }

    private static boolean matches(String entry, String s, int from) {
      for (int i = 0; i < entry.length(); i++) {
        if (entry.charAt(i) != lower(s.charAt(from + i))) {
          return false;
        }
      }
      return true;
    }

    private static int hash(String s, int from, int to) {
      int h = 0;
      for (int i = from; i < to; i++) {
        h = 31 * h + lower(s.charAt(i));
      }
      return h ^ (h >>> 16);
    }
  }
}
