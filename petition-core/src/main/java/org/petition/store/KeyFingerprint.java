package org.petition.store;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a store remembers of one key its data depends on: the key's kind and id and its fingerprint (an HMAC of a
 * fixed label under the key, base64; never the key). {@link KeyFingerprints} makes and compares them.
 *
 * @param kind what the key does
 * @param keyId the key's id ({@link #IDENTITY_ID} for the identity secret, which has none)
 * @param fingerprint the fingerprint, base64 of 32 bytes
 * @param sealed for a data key: whether it has been the current key, the one that seals new data, so stored rows
 *     may need it; false for the other kinds
 */
public record KeyFingerprint(Kind kind, String keyId, String fingerprint, boolean sealed) {

  /** The key id recorded for the identity secret. */
  public static final String IDENTITY_ID = "identity";

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");

  /** What a key does. */
  public enum Kind {
    /** The secret keying the hashes that find duplicates; it must never change. */
    IDENTITY,
    /** A key sealing personal data at rest; new ones may be added, the ones that sealed rows must stay. */
    DATA,
    /** A key signing links; new ones may be added, an id's secret must not change. */
    TOKEN
  }

  /** Checks the parts: a key id of 1-16 of [A-Za-z0-9_-] and a non-blank fingerprint. */
  public KeyFingerprint {
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(keyId, "keyId must not be null");
    Objects.requireNonNull(fingerprint, "fingerprint must not be null");
    if (!ID.matcher(keyId).matches()) {
      throw new IllegalArgumentException("keyId must be 1-16 of [A-Za-z0-9_-], was: " + keyId);
    }
    if (fingerprint.isBlank() || fingerprint.length() > 64) {
      throw new IllegalArgumentException("fingerprint must be base64 of 32 bytes");
    }
  }

  /** Whether this is the same key slot (kind and id) as {@code other}. */
  public boolean sameSlot(KeyFingerprint other) {
    return kind == other.kind && keyId.equals(other.keyId);
  }
}
