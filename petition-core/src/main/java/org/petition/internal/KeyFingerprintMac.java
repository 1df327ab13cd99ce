package org.petition.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A key's fingerprint: HMAC-SHA256 of a fixed label under the key. It tells two keys apart and reveals nothing of
 * either; the label is unlike any message the keys sign or seal, so the fingerprint is no signature anyone can use.
 */
public final class KeyFingerprintMac {

  private static final byte[] LABEL =
      "petition key fingerprint v1 (not a token, not a hash of personal data)".getBytes(StandardCharsets.US_ASCII);

  private KeyFingerprintMac() {}

  /** The fingerprint of {@code secret}, 32 bytes. */
  public static byte[] of(byte[] secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(LABEL);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
    }
  }
}
