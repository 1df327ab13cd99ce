package org.petition.internal;

import org.jspecify.annotations.Nullable;

/** Strict parsing and RFC 5952 formatting of IP address literals, without any name lookup. */
public final class InetLiterals {

  private InetLiterals() {}

  /**
   * The 4 bytes of a dotted-quad IPv4 literal ({@code 203.0.113.7}) in {@code text[start, end)}, or {@code
   * null}. Each part is 0-255 in decimal without leading zeros, which some parsers read as octal.
   */
  public static byte @Nullable [] parseIpv4(CharSequence text, int start, int end) {
    byte[] bytes = new byte[4];
    int part = 0;
    int i = start;
    while (true) {
      int value = 0;
      int digits = 0;
      while (i < end && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        if (digits == 1 && value == 0) {
          return null;
        }
        value = value * 10 + (text.charAt(i) - '0');
        digits++;
        i++;
        if (value > 255) {
          return null;
        }
      }
      if (digits == 0) {
        return null;
      }
      bytes[part++] = (byte) value;
      if (part == 4) {
        return i == end ? bytes : null;
      }
      if (i >= end || text.charAt(i) != '.') {
        return null;
      }
      i++;
    }
  }

  /**
   * The 16 bytes of an IPv6 literal in {@code text[start, end)} in any RFC 4291 notation (full,
   * compressed with {@code ::}, or with an embedded dotted quad in the last 32 bits), or {@code null}. No
   * zone id and no brackets.
   */
  public static byte @Nullable [] parseIpv6(CharSequence text, int start, int end) {
    if (end - start < 2) {
      return null;
    }
    int[] groups = new int[8];
    int count = 0;
    int gap = -1;
    int i = start;
    if (text.charAt(i) == ':') {
      if (text.charAt(i + 1) != ':') {
        return null;
      }
      gap = 0;
      i += 2;
      if (i == end) {
        return new byte[16];
      }
    }
    while (i < end) {
      if (count == 8) {
        return null;
      }
      int groupStart = i;
      int value = 0;
      while (i < end && i - groupStart < 5 && Character.digit(text.charAt(i), 16) >= 0 && text.charAt(i) < 0x80) {
        value = (value << 4) | Character.digit(text.charAt(i), 16);
        i++;
      }
      int length = i - groupStart;
      if (i < end && text.charAt(i) == '.') {
        // An embedded IPv4 address takes the last two groups.
        if (count > 6) {
          return null;
        }
        byte[] ipv4 = parseIpv4(text, groupStart, end);
        if (ipv4 == null) {
          return null;
        }
        groups[count++] = ((ipv4[0] & 0xFF) << 8) | (ipv4[1] & 0xFF);
        groups[count++] = ((ipv4[2] & 0xFF) << 8) | (ipv4[3] & 0xFF);
        i = end;
        break;
      }
      if (length == 0 || length > 4) {
        return null;
      }
      groups[count++] = value;
      if (i == end) {
        break;
      }
      if (text.charAt(i) != ':') {
        return null;
      }
      i++;
      if (i < end && text.charAt(i) == ':') {
        if (gap >= 0) {
          return null;
        }
        gap = count;
        i++;
        if (i == end) {
          break;
        }
      } else if (i == end) {
        return null;
      }
    }
    if (gap < 0 ? count != 8 : count > 7) {
      return null;
    }
    byte[] bytes = new byte[16];
    int zeros = 8 - count;
    for (int g = 0, out = 0; g < count; g++, out++) {
      if (g == gap) {
        out += zeros;
      }
      bytes[out * 2] = (byte) (groups[g] >>> 8);
      bytes[out * 2 + 1] = (byte) groups[g];
    }
    return bytes;
  }

  /** The RFC 5952 text of 16 IPv6 bytes: lower-case hex, the longest run of two or more zero groups as ::. */
  public static String formatIpv6(byte[] bytes) {
    int[] groups = new int[8];
    for (int g = 0; g < 8; g++) {
      groups[g] = ((bytes[g * 2] & 0xFF) << 8) | (bytes[g * 2 + 1] & 0xFF);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int g = 0; g < 8; ) {
      if (groups[g] != 0) {
        g++;
        continue;
      }
      int runStart = g;
      while (g < 8 && groups[g] == 0) {
        g++;
      }
      if (g - runStart > bestLength) {
        bestStart = runStart;
        bestLength = g - runStart;
      }
    }
    StringBuilder out = new StringBuilder(39);
    for (int g = 0; g < 8; g++) {
      if (g == bestStart) {
        out.append("::");
        g += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[g]));
    }
    return out.toString();
  }
}
