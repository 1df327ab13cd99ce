package org.petition.internal;

/**
 * Base64url without padding (RFC 4648 §5) held to its one canonical spelling, for texts the library itself
 * wrote (tokens, subject keys): the JDK's decoder ignores the spare bits of a last character, so without this
 * one value would have up to 16 spellings, each a different key for anything counted or looked up by text.
 */
public final class Base64Url {

  private Base64Url() {}

  /** The 6-bit value of {@code c}, or -1 when {@code c} is not in the base64url alphabet. */
  public static int value(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    return c == '-' ? 62 : c == '_' ? 63 : -1;
  }

  /**
   * Whether {@code text} has a length an unpadded encoding can have and a last character whose spare bits are
   * zero. The other characters are not looked at: {@link #decode} refuses any outside the alphabet.
   */
  public static boolean hasCanonicalEnd(String text) {
    int length = text.length();
    if (length == 0 || length % 4 == 1) {
      return false;
    }
    int last = value(text.charAt(length - 1));
    if (last < 0) {
      return false;
    }
    int spareBitsMask = switch (length % 4) {
      case 2 -> 0x0f; // 12 bits written, 8 used
      case 3 -> 0x03; // 18 bits written, 16 used
      default -> 0;
    };
    return (last & spareBitsMask) == 0;
  }

  /** Whether every character of {@code text} is base64url and its end is canonical ({@link #hasCanonicalEnd}). */
  public static boolean isCanonical(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (value(text.charAt(i)) < 0) {
        return false;
      }
    }
    return hasCanonicalEnd(text);
  }

  /**
   * Decodes {@code text} (unpadded, its end already checked by {@link #hasCanonicalEnd}) into {@code out}: the
   * number of bytes, or -1 when a character is not base64url or the bytes do not fit.
   */
  public static int decode(String text, byte[] out) {
    int length = text.length();
    int decoded = length / 4 * 3 + (length % 4 == 0 ? 0 : length % 4 - 1);
    if (decoded > out.length) {
      return -1;
    }
    int o = 0;
    int bits = 0;
    int pending = 0;
    for (int i = 0; i < length; i++) {
      int value = value(text.charAt(i));
      if (value < 0) {
        return -1;
      }
      bits = (bits << 6 | value) & 0xffffff;
      pending += 6;
      if (pending >= 8) {
        pending -= 8;
        out[o++] = (byte) (bits >>> pending);
      }
    }
    return o;
  }
}
