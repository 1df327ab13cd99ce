package org.petition.privacy;

import org.petition.privacy.internal.AesGcmPersonalDataCipher;

/**
 * Seals personal data for storage with AES-256-GCM under the current key of a {@link DataKeys} ring, and
 * opens data sealed under any key of the ring. Implementations are immutable and thread-safe.
 *
 * <p>Sealed format, version 1: {@code [0x01][key id length n, 1 byte][key id, n ASCII bytes][nonce, 12
 * random bytes][ciphertext][tag, 16 bytes]}. The header (version, length and key id) and the caller's
 * associated data are both authenticated: GCM's associated data is the header followed by {@code
 * associatedData}.
 */
public interface PersonalDataCipher {

  /**
   * Encrypts and authenticates {@code plaintext} under the current key with a fresh random nonce.
   *
   * @param associatedData bound to the result without being stored in it, such as the row's id, so sealed
   *     data cannot be moved to another row; the same bytes must be given to {@link #open}
   */
  byte[] seal(byte[] plaintext, byte[] associatedData);

  /**
   * Seals {@code plaintext[offset, offset + length)}: the same as {@link #seal(byte[], byte[])} of a copy of
   * that range. The default copies the range; the built-in cipher reads it in place.
   */
  default byte[] seal(byte[] plaintext, int offset, int length, byte[] associatedData) {
    java.util.Objects.checkFromIndexSize(offset, length, plaintext.length);
    byte[] copy = java.util.Arrays.copyOfRange(plaintext, offset, offset + length);
    try {
      return seal(copy, associatedData);
    } finally {
      java.util.Arrays.fill(copy, (byte) 0);
    }
  }

  /**
   * Decrypts sealed data. Never throws for bad data: unauthentic or malformed data gives {@link
   * OpenResult.Corrupt}, a key id the ring does not have gives {@link OpenResult.UnknownKey}. The key id is
   * read before anything can be authenticated, so a change to the id or its length byte may also show as
   * {@link OpenResult.UnknownKey}; it is never opened.
   */
  OpenResult open(byte[] sealed, byte[] associatedData);

  /**
   * Whether {@code sealed} names a key other than the current one and should be re-sealed. {@code false}
   * for data too malformed to name a key.
   */
  boolean needsRotation(byte[] sealed);

  /** A cipher over the given key ring. */
  static PersonalDataCipher of(DataKeys keys) {
    return new AesGcmPersonalDataCipher(keys);
  }
}
