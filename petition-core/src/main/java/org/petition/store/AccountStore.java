package org.petition.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A service-provider interface: where returning signers' accounts live. Thread-safe; one account per email
 * key, enforced by the storage.
 */
public interface AccountStore {

  /**
   * Creates an account (its id is ignored).
   *
   * @return the stored account, or empty when an account with the same email key exists
   */
  Optional<StoredAccount> create(StoredAccount account);

  /** The account with this email key. */
  Optional<StoredAccount> byEmailKey(byte[] emailKey);

  /** The account with this id. */
  Optional<StoredAccount> byId(long id);

  /** Marks the email verified; answers whether it changed (false when already verified or unknown). */
  boolean markVerified(long id, Instant at);

  /** Replaces the password hash (a reset, or a re-hash under stronger parameters). */
  void updatePasswordHash(long id, String passwordHash);
}
