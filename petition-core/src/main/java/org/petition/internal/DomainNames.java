package org.petition.internal;

import java.net.IDN;

/** Domain name spelling: one ASCII lower-case form for the Unicode and punycode spellings of a domain. */
public final class DomainNames {

  private DomainNames() {}

  /**
   * The ASCII (punycode) lower-case form of {@code domain}, so {@code bücher.de}, {@code BÜCHER.de} and
   * {@code xn--bcher-kva.de} are one string. Lower-case ASCII comes back as the same instance.
   *
   * @throws IllegalArgumentException if a Unicode label cannot be converted to ASCII
   */
  public static String toAsciiLowerCase(String domain) {
    int n = domain.length();
    boolean upper = false;
    for (int i = 0; i < n; i++) {
      char c = domain.charAt(i);
      if (c >= 0x80) {
        return lowerAscii(IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED));
      }
      upper |= c >= 'A' && c <= 'Z';
    }
    return upper ? lowerAscii(domain) : domain;
  }

  /**
   * Whether {@code domain} is an ASCII lower-case host name of at least two labels, each 1-63 of {@code
   * [a-z0-9-]} not starting or ending with {@code -}, 253 chars at most.
   */
  public static boolean isLowerCaseHostName(String domain) {
    int n = domain.length();
    if (n == 0 || n > 253) {
      return false;
    }
    int labels = 0;
    int start = 0;
    while (start <= n) {
      int end = domain.indexOf('.', start);
      if (end < 0) {
        end = n;
      }
      if (!isLabel(domain, start, end)) {
        return false;
      }
      labels++;
      start = end + 1;
    }
    return labels >= 2;
  }

  private static boolean isLabel(String s, int start, int end) {
    int length = end - start;
    if (length < 1 || length > 63 || s.charAt(start) == '-' || s.charAt(end - 1) == '-') {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static String lowerAscii(String s) {
    char[] chars = s.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= 'A' && c <= 'Z') {
        chars[i] = (char) (c + ('a' - 'A'));
      }
    }
    return new String(chars);
  }
}
