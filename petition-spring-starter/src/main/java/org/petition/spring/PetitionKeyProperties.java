package org.petition.spring;

import org.jspecify.annotations.Nullable;

/**
 * A key with an id, its secret given in base64.
 *
 * <p>One entry of {@code petition.tokens.keys[*]} and of {@code petition.privacy.keys[*]}.
 */
public class PetitionKeyProperties {

  /** The key's id, 1-16 of [A-Za-z0-9_-]; written into what the key signs or seals. */
  private @Nullable String id;

  /** The secret, base64 (standard or URL-safe). Never logged. */
  private @Nullable String secret;

  public @Nullable String getId() {
    return id;
  }

  public void setId(@Nullable String id) {
    this.id = id;
  }

  public @Nullable String getSecret() {
    return secret;
  }

  public void setSecret(@Nullable String secret) {
    this.secret = secret;
  }

  @Override
  public String toString() {
    return "Key[id=" + id + ", secret=" + (secret == null ? "unset" : "(set)") + "]";
  }
}
