package org.petition.log.internal;

import java.util.Base64;

/**
 * Standard base64 (RFC 4648 section 4) read strictly: padding required, no line breaks, no non-zero
 * trailing bits; a value has exactly one accepted spelling, the one {@link #encode} writes.
 */
public final class StrictBase64 {

  private StrictBase64() {}

  /** The standard, padded base64 of {@code bytes}. */
  public static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * The bytes {@code text} encodes.
   *
   * @param what names the value in the message of the exception
   * @throws IllegalArgumentException if {@code text} is not canonical standard base64
   */
  public static byte[] decode(String text, String what) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is not base64: " + e.getMessage(), e);
    }
    if (!encode(bytes).equals(text)) {
      throw new IllegalArgumentException(what + " is not canonical padded base64");
    }
    return bytes;
  }

  /** The bytes {@code text} encodes, which must be exactly {@code length} bytes. */
  public static byte[] decode(String text, int length, String what) {
    byte[] bytes = decode(text, what);
    if (bytes.length != length) {
      throw new IllegalArgumentException(what + " must be " + length + " bytes, was " + bytes.length);
    }
    return bytes;
  }
}
