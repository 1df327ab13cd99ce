package org.petition.privacy;

import java.util.Arrays;
import java.util.Objects;

/** What opening sealed data gave: the plaintext, or why not. Bad data never throws. */
public sealed interface OpenResult permits OpenResult.Opened, OpenResult.UnknownKey, OpenResult.Corrupt {

  /**
   * The data was authentic and is decrypted.
   *
   * @param plaintext the data (copied in and out)
   * @param keyId the id of the key that had sealed it
   */
  record Opened(byte[] plaintext, String keyId) implements OpenResult {
    public Opened {
      Objects.requireNonNull(plaintext, "plaintext must not be null");
      Objects.requireNonNull(keyId, "keyId must not be null");
      plaintext = plaintext.clone();
    }

    /** A copy of the plaintext. */
    @Override
    public byte[] plaintext() {
      return plaintext.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Opened opened && keyId.equals(opened.keyId) && Arrays.equals(plaintext, opened.plaintext);
    }

    @Override
    public int hashCode() {
      return 31 * keyId.hashCode() + Arrays.hashCode(plaintext);
    }

    @Override
    public String toString() {
      return "Opened[plaintext=(" + plaintext.length + " bytes), keyId=" + keyId + "]";
    }
  }

  /**
   * The data names a key the ring does not have (retired too early, or a different ring).
   *
   * @param keyId the id written in the data
   */
  record UnknownKey(String keyId) implements OpenResult {
    public UnknownKey {
      Objects.requireNonNull(keyId, "keyId must not be null");
    }
  }

  /**
   * The data is not authentic: truncated, tampered, sealed under other key bytes, or opened with other
   * associated data.
   *
   * @param reason a short explanation for an operator
   */
  record Corrupt(String reason) implements OpenResult {
    public Corrupt {
      Objects.requireNonNull(reason, "reason must not be null");
    }
  }
}
