package org.petition.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.petition.Petition;
import org.petition.SignerKind;

/**
 * A service-provider interface: where petitions and signatures live.
 *
 * <p>Implementations must be thread-safe and, for several application instances sharing one database,
 * enforce uniqueness and atomicity in the storage itself: {@link #insert} refuses a second live signature
 * with the same email key and household slot, or the same phone key, on a petition; {@link #confirm} moves
 * a signature to confirmed, gives it its number and updates the counts as one atomic step; counts never
 * include pending, held, revoked or removed signatures. A store never decides policy.
 */
public interface SignatureStore {

  /** Creates or replaces a petition's definition. Existing signatures and counts are kept. */
  void savePetition(Petition petition);

  /** The petition with this slug. */
  Optional<Petition> petition(String slug);

  /** Every petition, in slug order. */
  List<Petition> petitions();

  /** Stores a new signature, atomically refusing a duplicate. */
  InsertOutcome insert(NewSignature signature, boolean confirmedNow);

  /** The signature with this id, in any state. */
  Optional<StoredSignature> find(long id);

  /** The live (pending or confirmed) signatures on a petition that share an email key. */
  List<HouseholdMember> household(String petition, byte[] emailKey);

  /**
   * Whether a live signature on the petition has the same name key and either the same city
   * (case-insensitively) or the same network key: a near-duplicate to hold for review.
   */
  boolean hasNearDuplicate(String petition, byte[] nameKey, @Nullable String city, byte @Nullable [] networkKey);

  /** Confirms a pending signature at {@code now}: state, number, counts and consent ledger in one step. */
  ConfirmOutcome confirm(long id, Instant now);

  /**
   * Revokes a signature at its owner's request: it stops counting, its personal data is erased and its
   * email and phone keys are freed.
   */
  RemoveOutcome revoke(long id, Instant now);

  /** The petition's confirmed counts, read in time independent of the number of signatures. */
  Counts counts(String petition);

  /**
   * Counted signatures of a petition, newest first (by number), optionally of one kind, strictly before the
   * given number.
   */
  List<StoredSignature> latest(String petition, @Nullable SignerKind kind, long beforeNumber, int limit);

  /**
   * Deletes pending signatures received before {@code cutoff}, at most {@code limit} of them, and returns
   * them (for events).
   */
  List<StoredSignature> purgePending(Instant cutoff, int limit);
}
