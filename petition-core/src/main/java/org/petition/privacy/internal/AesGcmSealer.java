package org.petition.privacy.internal;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.modes.gcm.GCMUtil;

/**
 * AES-GCM encryption (NIST SP 800-38D, 96-bit nonce, 128-bit tag) for one thread and one key, without
 * allocating per message: the JDK's {@code Cipher} for AES/GCM builds a new GCM engine with a 900-byte
 * GHASH table on every {@code init}, about 1.25 KB of garbage per seal, and each personal-data seal needs an
 * {@code init} (a new nonce). Here the block cipher is the JDK's AES ({@code AES/ECB/NoPadding}, initialised
 * once, hardware-accelerated where the JDK is), the counter mode is written out over it, and GHASH multiplies
 * with Bouncy Castle's constant-time {@link GCMUtil#multiply(long[], long[])} (no tables indexed by secret
 * data). The result is byte for byte what {@code Cipher.getInstance("AES/GCM/NoPadding")} gives for the same
 * key, nonce and associated data (the tests open it with the JDK's GCM, and check NIST's vectors).
 *
 * <p>Not thread-safe: one instance per thread (the buffers are reused). Decryption stays with the JDK.
 */
public final class AesGcmSealer {

  static final int BLOCK = 16;
  static final int TAG_BYTES = 16;

  private final Cipher aes;
  private final long[] h = new long[2];
  private final long[] y = new long[2];
  private final long[] x = new long[2];
  private final byte[] j0 = new byte[BLOCK];
  private final byte[] tagMask = new byte[BLOCK];
  private final byte[] block = new byte[BLOCK];
  private byte[] counters = new byte[256];
  private byte[] keystream = new byte[256];

  /** A sealer for {@code key} (AES-128, -192 or -256). */
  public AesGcmSealer(SecretKeySpec key) {
    try {
      aes = Cipher.getInstance("AES/ECB/NoPadding");
      aes.init(Cipher.ENCRYPT_MODE, key);
      byte[] zero = new byte[BLOCK];
      GCMUtil.asLongs(aes.doFinal(zero), h); // H = AES_K(0^128)
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES is required of every Java platform", e);
    }
  }

  /**
   * Encrypts {@code plaintext[offset, offset + length)} under {@code nonce} (12 bytes, never reused with
   * this key) with the associated data {@code aad1} followed by {@code aad2} (one associated-data string,
   * as two {@code updateAAD} calls give), writing the ciphertext and then the tag at {@code out[at]}.
   *
   * @return the bytes written: {@code length + 16}
   */
  public int seal(byte[] nonce, byte[] aad1, byte[] aad2, byte[] plaintext, int offset, int length, byte[] out,
      int at) {
    if (nonce.length != 12) {
      throw new IllegalArgumentException("the nonce must be 12 bytes");
    }
    System.arraycopy(nonce, 0, j0, 0, 12);
    j0[12] = 0;
    j0[13] = 0;
    j0[14] = 0;
    j0[15] = 1;
    int blocks = (length + BLOCK - 1) / BLOCK;
    // Counter blocks: J0 itself (its encryption masks the tag), then inc32(J0), inc32(inc32(J0))... one per
    // plaintext block; all encrypted with one call to the block cipher.
    int bytes = (blocks + 1) * BLOCK;
    if (counters.length < bytes) {
      counters = new byte[bytes * 2];
      keystream = new byte[bytes * 2];
    }
    for (int i = 0; i <= blocks; i++) {
      int c = i * BLOCK;
      System.arraycopy(j0, 0, counters, c, 12);
      int counter = 1 + i;
      counters[c + 12] = (byte) (counter >>> 24);
      counters[c + 13] = (byte) (counter >>> 16);
      counters[c + 14] = (byte) (counter >>> 8);
      counters[c + 15] = (byte) counter;
    }
    try {
      aes.update(counters, 0, bytes, keystream, 0);
    } catch (ShortBufferException e) {
      throw new IllegalStateException(e);
    }
    System.arraycopy(keystream, 0, tagMask, 0, BLOCK);
    for (int i = 0; i < length; i++) {
      out[at + i] = (byte) (plaintext[offset + i] ^ keystream[BLOCK + i]);
    }
    // GHASH over the associated data, zero-padded, the ciphertext, zero-padded, and the two bit lengths.
    y[0] = 0;
    y[1] = 0;
    ghashTwo(aad1, aad2);
    ghash(out, at, length);
    x[0] = (aad1.length + (long) aad2.length) * 8;
    x[1] = (long) length * 8;
    y[0] ^= x[0];
    y[1] ^= x[1];
    GCMUtil.multiply(y, h);
    GCMUtil.asBytes(y, block);
    for (int i = 0; i < TAG_BYTES; i++) {
      out[at + length + i] = (byte) (block[i] ^ tagMask[i]);
    }
    Arrays.fill(keystream, 0, bytes, (byte) 0);
    return length + TAG_BYTES;
  }

  /** GHASH of {@code a} followed by {@code b} as one string, zero-padded to whole blocks. */
  private void ghashTwo(byte[] a, byte[] b) {
    int total = a.length + b.length;
    int filled = 0;
    for (int i = 0; i < total; i++) {
      block[filled++] = i < a.length ? a[i] : b[i - a.length];
      if (filled == BLOCK || i == total - 1) {
        Arrays.fill(block, filled, BLOCK, (byte) 0);
        absorb();
        filled = 0;
      }
    }
  }

  private void ghash(byte[] data, int offset, int length) {
    for (int i = 0; i < length; i += BLOCK) {
      int n = Math.min(BLOCK, length - i);
      System.arraycopy(data, offset + i, block, 0, n);
      Arrays.fill(block, n, BLOCK, (byte) 0);
      absorb();
    }
  }

  /** Y = (Y xor block) · H. */
  private void absorb() {
    GCMUtil.asLongs(block, x);
    y[0] ^= x[0];
    y[1] ^= x[1];
    GCMUtil.multiply(y, h);
  }
}
