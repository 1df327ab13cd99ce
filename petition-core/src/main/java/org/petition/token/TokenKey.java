package org.petition.token;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A secret that signs tokens, with the id that names it inside every token it signs. Comes from
 * configuration, never from code.
 */
public final class TokenKey {

  /** The fewest secret bytes accepted: 256 bits, the HMAC-SHA256 block strength. */
  public static final int MINIMUM_SECRET_BYTES = 32;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");

  private final String id;
  private final byte[] secret;

  private TokenKey(String id, byte[] secret) {
    Objects.requireNonNull(id, "token key id must not be null");
    Objects.requireNonNull(secret, "token key secret must not be null");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("token key id must be 1-16 of [A-Za-z0-9_-], was: " + id);
    }
    if (secret.length < MINIMUM_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "token key '" + id + "' secret must be at least " + MINIMUM_SECRET_BYTES
              + " random bytes, was " + secret.length);
    }
    this.id = id;
    this.secret = secret.clone();
  }

  /** A key from raw secret bytes (copied). */
  public static TokenKey of(String id, byte[] secret) {
    return new TokenKey(id, secret);
  }

  /** A key from a base64 (standard or URL-safe) secret, as configuration holds it. */
  public static TokenKey ofBase64(String id, String base64Secret) {
    Objects.requireNonNull(base64Secret, "token key secret must not be null");
    byte[] secret;
    try {
      String trimmed = base64Secret.trim();
      secret = trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
          ? Base64.getUrlDecoder().decode(trimmed)
          : Base64.getDecoder().decode(trimmed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("token key '" + id + "' secret is not valid base64", e);
    }
    return new TokenKey(id, secret);
  }

  /** The key's id. */
  public String id() {
    return id;
  }

  byte[] secret() {
    return secret;
  }

  @Override
  public String toString() {
    return "TokenKey[id=" + id + ", secret=(" + secret.length + " bytes)]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TokenKey key && key.id.equals(id) && Arrays.equals(key.secret, secret);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }
}
