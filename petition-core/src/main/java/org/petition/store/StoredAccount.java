package org.petition.store;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A returning signer's account as a store holds it.
 *
 * @param id the store's id
 * @param emailKey the keyed hash of the canonical email (unique)
 * @param sealedEmail the email as typed, sealed with the personal-data cipher (for sending)
 * @param passwordHash the PHC-encoded Argon2id hash, parameters included
 * @param createdAt when it was registered
 * @param verifiedAt when its email was verified, or {@code null}
 */
public record StoredAccount(
    long id, byte[] emailKey, byte[] sealedEmail, String passwordHash, Instant createdAt, @Nullable Instant verifiedAt) {

  public StoredAccount {
    Objects.requireNonNull(emailKey, "emailKey must not be null");
    Objects.requireNonNull(sealedEmail, "sealedEmail must not be null");
    Objects.requireNonNull(passwordHash, "passwordHash must not be null");
    Objects.requireNonNull(createdAt, "createdAt must not be null");
  }

  /** Whether the owner proved the address. */
  public boolean verified() {
    return verifiedAt != null;
  }
}
