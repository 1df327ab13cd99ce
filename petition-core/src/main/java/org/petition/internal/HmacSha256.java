package org.petition.internal;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA256 (RFC 2104) over two JDK {@code MessageDigest}s, for one thread: the same bytes as
 * {@code javax.crypto.Mac} "HmacSHA256" (HmacSha256Test compares them), without the JDK Mac's new array for
 * the inner hash on every {@code doFinal}. Same work per message (the padded key blocks are hashed again for
 * each message, as the JDK's Mac does) and the same SHA-256 code, with its CPU intrinsics. Not thread-safe:
 * keep one per thread (see {@link #perThread}).
 */
public final class HmacSha256 {

  /** The length of the result, in bytes. */
  public static final int LENGTH = 32;

  private static final int BLOCK = 64;

  private final MessageDigest inner;
  private final MessageDigest outer;
  private final byte[] innerPad = new byte[BLOCK];
  private final byte[] outerPad = new byte[BLOCK];
  private final byte[] innerHash = new byte[LENGTH];

  private HmacSha256(byte[] key) {
    inner = sha256();
    outer = sha256();
    byte[] k = key.length > BLOCK ? sha256().digest(key) : key;
    for (int i = 0; i < BLOCK; i++) {
      byte b = i < k.length ? k[i] : 0;
      innerPad[i] = (byte) (b ^ 0x36);
      outerPad[i] = (byte) (b ^ 0x5c);
    }
    if (k != key) {
      Arrays.fill(k, (byte) 0);
    }
    inner.update(innerPad);
  }

  /** A MAC under {@code key} (its bytes are taken at once; the caller may wipe its array afterwards). */
  public static HmacSha256 of(byte[] key) {
    return new HmacSha256(key);
  }

  /** One MAC per thread under {@code key}, which is copied. */
  public static ThreadLocal<HmacSha256> perThread(byte[] key) {
    byte[] copy = key.clone();
    return ThreadLocal.withInitial(() -> new HmacSha256(copy));
  }

  public void update(byte[] input) {
    inner.update(input);
  }

  public void update(byte[] input, int offset, int length) {
    inner.update(input, offset, length);
  }

  /** Writes the MAC of what was given since the last call at {@code out[offset]} and starts a new message. */
  public void doFinal(byte[] out, int offset) {
    try {
      inner.digest(innerHash, 0, LENGTH);
      outer.update(outerPad);
      outer.update(innerHash);
      outer.digest(out, offset, LENGTH);
    } catch (DigestException e) {
      throw new IllegalStateException("SHA-256 writes 32 bytes", e);
    } finally {
      inner.update(innerPad);
    }
  }

  /** The MAC of what was given since the last call, in a new array; starts a new message. */
  public byte[] doFinal() {
    byte[] out = new byte[LENGTH];
    doFinal(out, 0);
    return out;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
