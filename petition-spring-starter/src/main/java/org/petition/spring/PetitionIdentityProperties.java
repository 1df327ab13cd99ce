package org.petition.spring;

import org.jspecify.annotations.Nullable;

/**
 * The secret keying the hashes that find duplicate emails, phones and names.
 *
 * <p>Bound under {@code petition.identity} ({@link PetitionProperties#getIdentity()}).
 */
public class PetitionIdentityProperties {

  /** At least 32 random bytes, base64. Must stay the same for the life of the data. */
  private @Nullable String secret;

  public @Nullable String getSecret() {
    return secret;
  }

  public void setSecret(@Nullable String secret) {
    this.secret = secret;
  }

  @Override
  public String toString() {
    return "Identity[secret=" + (secret == null ? "unset" : "(set)") + "]";
  }
}
