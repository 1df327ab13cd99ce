package org.petition.privacy;

import java.security.MessageDigest;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One AES-256 key of a {@link DataKeys} ring: a short id written beside the data it seals, and 32 secret
 * bytes from configuration. The array is copied in and out, so the key cannot be changed from outside;
 * {@link #toString()} never shows the secret.
 *
 * @param id 1-16 of {@code [A-Za-z0-9_-]}, such as {@code 2025a}
 * @param secret exactly 32 bytes
 */
public record DataKey(String id, byte[] secret) {

  /** The length of a key, in bytes. */
  public static final int SECRET_BYTES = 32;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");

  public DataKey {
    Objects.requireNonNull(id, "data key id must not be null");
    Objects.requireNonNull(secret, "data key secret must not be null");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("data key id must be 1-16 of [A-Za-z0-9_-], was: " + id);
    }
    if (secret.length != SECRET_BYTES) {
      throw new IllegalArgumentException(
          "data key " + id + " must be exactly " + SECRET_BYTES + " bytes (AES-256), was " + secret.length + " bytes");
    }
    secret = secret.clone();
  }

  /** A copy of the secret. */
  @Override
  public byte[] secret() {
    return secret.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DataKey key && id.equals(key.id) && MessageDigest.isEqual(secret, key.secret);
  }

  @Override
  public int hashCode() {
    return id.hashCode(); // never derived from the secret
  }

  @Override
  public String toString() {
    return "DataKey[id=" + id + ", secret=(" + secret.length + " bytes)]";
  }
}
