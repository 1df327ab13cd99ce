package org.petition.privacy.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/** Small byte helpers shared by the privacy implementation: strict UTF-8, SHA-256, hex. */
public final class Bytes {

  private Bytes() {}

  /**
   * The UTF-8 bytes of {@code text}, refusing text that is not well-formed UTF-16 (a lone surrogate),
   * because the lenient {@link String#getBytes} would map different strings to the same bytes.
   *
   * @throws IllegalArgumentException if {@code text} holds a lone surrogate
   */
  public static byte[] utf8Strict(String text) {
    // getBytes would silently replace a lone surrogate with '?': check first, then take the fast path.
    if (!wellFormed(text)) {
      throw new IllegalArgumentException("text is not well-formed Unicode (it holds a lone surrogate)");
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Whether {@code text} is well-formed UTF-16, i.e. holds no lone surrogate. */
  public static boolean wellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Bytes::newSha256);

  /**
   * This thread's SHA-256 digest, reset: use it with a single {@code digest(bytes)} call (which resets it
   * again), never across calls that could interleave on the same thread.
   */
  public static MessageDigest sha256() {
    MessageDigest digest = SHA256.get();
    digest.reset();
    return digest;
  }

  /** A new SHA-256 digest. */
  static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** The lower-case hex SHA-256 of {@code bytes}. */
  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  /** Compares two strings in time independent of where they differ. Null equals only null. */
  public static boolean constantTimeEquals(@Nullable String a, @Nullable String b) {
    if (a == null || b == null) {
      return a == b;
    }
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
