package org.petition.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A role of a {@link SignatureStore}: what moderators read and change: held signatures, approvals, removals and
 * their undoing, searches for bulk actions, and the audit log of every decision.
 *
 * <p>Implementations must be thread-safe.
 */
public interface ModerationStore {

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

  /** Records a moderator's action and answers it with its id. */
  ModerationAction recordModeration(ModerationAction action);

  /**
   * Marks a recorded action undone by {@code moderator} at {@code at}, unless it is undone already: answers whether
   * this call marked it (of two undoing at once, exactly one is recorded, and only that one goes on to restore).
   */
  boolean markUndone(long actionId, Instant at, String moderator);

  /** A recorded action. */
  Optional<ModerationAction> moderationAction(long actionId);

  /** The recorded actions of a petition, newest first. */
  List<ModerationAction> moderationLog(String petition, int limit);
}
