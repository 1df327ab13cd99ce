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

  /**
   * Replaces the password hash only if it is still {@code expected}, atomically (compare-and-set): of two
   * uses of one reset link, or a reset and a re-hash at once, exactly one wins.
   *
   * @return whether the hash was replaced (false when the account is unknown or its hash differs)
   */
  boolean replacePasswordHash(long id, String expected, String replacement);

  /**
   * Deletes the account with this email key, its sealed address and password hash with it (an erasure the
   * person asked for). A later registration of the address starts afresh.
   *
   * @return whether an account was deleted
   */
  boolean delete(byte[] emailKey);
}
