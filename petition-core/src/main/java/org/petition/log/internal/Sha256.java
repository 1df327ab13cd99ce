package org.petition.log.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 with one digest per thread. */
public final class Sha256 {

  /** The length of a hash in bytes. */
  public static final int LENGTH = 32;

  private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(Sha256::newDigest);

  private Sha256() {}

  /** SHA-256 of the concatenation of the parts. */
  public static byte[] of(byte[]... parts) {
    MessageDigest digest = DIGESTS.get();
    digest.reset();
    for (byte[] part : parts) {
      digest.update(part);
    }
    return digest.digest();
  }

  /** SHA-256 of one prefix byte followed by the parts. */
  public static byte[] prefixed(byte prefix, byte[]... parts) {
    MessageDigest digest = DIGESTS.get();
    digest.reset();
    digest.update(prefix);
    for (byte[] part : parts) {
      digest.update(part);
    }
    return digest.digest();
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
