package org.petition.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.petition.SignerKind;
import org.petition.check.NearDuplicateCheck;
import org.petition.privacy.ConsentLedger;

/**
 * A role of a {@link SignatureStore}: the signing lifecycle: a signature stored, confirmed or revoked, counted,
 * listed and purged. {@link #insert} refuses a second live signature with the same email key and household slot,
 * or the same phone key, on a petition; {@link #confirm} moves a signature to confirmed, gives it its number,
 * updates the counts and appends its consents as one atomic step; counts never include pending, held, revoked or
 * removed signatures.
 *
 * <p>Implementations must be thread-safe.
 */
public interface SigningStore extends NearDuplicateCheck.Lookup {

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
  @Override
  boolean hasNearDuplicate(String petition, byte[] nameKey, @Nullable String city, byte @Nullable [] networkKey);

  /**
   * Confirms a pending signature at {@code now}: state, number, counts and the consent ledger in one atomic
   * step. The consents given on the form are appended to {@link #consentLedger()} as grants of the subject
   * {@code ConsentSubjects.of(emailKey)}, stamped {@code now}, with the form's evidence.
   */
  ConfirmOutcome confirm(long id, Instant now);

  /** The append-only consent ledger this store keeps beside the signatures. */
  ConsentLedger consentLedger();

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
