package org.petition.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.petition.Petition;
import org.petition.SignerKind;
import org.petition.privacy.ConsentLedger;

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

  /**
   * Confirms a pending signature at {@code now}: state, number, counts and the consent ledger in one atomic
   * step. The consents given on the form are appended to {@link #consentLedger()} as grants of the subject
   * {@code Subjects.of(emailKey)}, stamped {@code now}, with the form's evidence.
   */
  ConfirmOutcome confirm(long id, Instant now);

  /** The append-only consent ledger this store keeps beside the signatures. */
  ConsentLedger consentLedger();

  /** Signatures held for review on a petition (pending or confirmed), by id, strictly after {@code afterId}. */
  List<StoredSignature> held(String petition, long afterId, int limit);

  /**
   * A moderator approves a held signature: when confirmed it now counts ({@link ConfirmOutcome.Counted});
   * when still pending the hold is lifted and it counts once confirmed ({@link ConfirmOutcome.Held} is then
   * answered to say "not counted yet"); a signature not held answers {@link ConfirmOutcome.AlreadyConfirmed}.
   */
  ConfirmOutcome approve(long id, Instant now);

  /**
   * A moderator removes a signature: it stops counting and becomes {@link SignatureState#REMOVED}; its keys
   * stay taken (the same address cannot simply sign again) and its data stays, so {@link #restore} can undo it.
   */
  RemoveOutcome remove(long id, Instant now);

  /**
   * Undoes a moderator's removal: the signature returns to confirmed (counting again, under its old number
   * when it had one) or pending. Answers whether anything changed.
   */
  boolean restore(long id, Instant now);

  /** Signatures of a petition in any state but revoked that match the criteria, by id, after {@code afterId}. */
  List<StoredSignature> search(String petition, SignatureCriteria criteria, long afterId, int limit);

  /** Every signature (any state) whose email key is {@code emailKey}, on any petition. */
  List<StoredSignature> bySubject(byte[] emailKey);

  /**
   * Erases a signature's personal data at its owner's request. When {@code keepCounting} and it counts, it
   * stays in the tally and the public list under its display name; otherwise it is revoked. A signature a
   * moderator removed is erased too (answered {@link RemoveOutcome.Removed} with {@code wasCounted} false).
   */
  RemoveOutcome erase(long id, boolean keepCounting, Instant now);

  /**
   * Retention: replaces the personal data of up to {@code limit} signatures of a petition that still hold
   * any (sealed data, keys, network, user-agent hash); counts, numbers, display names, public comments and
   * the consent ledger stay. Answers how many were changed; 0 when none is left.
   */
  int anonymise(String petition, int limit);

  /** Records a moderator's action and answers it with its id. */
  ModerationAction recordModeration(ModerationAction action);

  /** Marks a recorded action undone. */
  void markUndone(long actionId, Instant at);

  /** A recorded action. */
  Optional<ModerationAction> moderationAction(long actionId);

  /** The recorded actions of a petition, newest first. */
  List<ModerationAction> moderationLog(String petition, int limit);

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
