package org.petition.moderation;

import java.util.List;
import java.util.Optional;
import org.petition.Petitions;
import org.petition.store.Counts;
import org.petition.store.ModerationAction;
import org.petition.store.SignatureCriteria;

/**
 * What moderators do: review held signatures, approve or remove them, invalidate many at once by criteria,
 * and undo. Counts follow every decision; every decision is recorded (who, why, when, which signatures).
 * Obtain it from {@link org.petition.Petitions#moderation()}. Thread-safe.
 */
public interface Moderation {

  /** Held signatures of a petition with their findings, oldest first, after {@code afterId} (0 to start). */
  List<HeldSignature> held(String petition, long afterId, int limit);

  /** Approves a held signature: it counts (now, or once confirmed). Answers whether it was held. */
  boolean approve(long signatureId, String moderator, String reason);

  /** Removes one signature (held or not); counts are corrected. Answers the log entry, to undo it. */
  Optional<ModerationAction> remove(long signatureId, String moderator, String reason);

  /**
   * Removes every signature of a petition matching the criteria, in batches of {@code batchSize}, correcting
   * counts, and records one undoable log entry.
   */
  BulkResult removeAll(String petition, SignatureCriteria criteria, String moderator, String reason, int batchSize);

  /**
   * Undoes a removal (single or bulk): the signatures are restored and count again, and the removal is marked undone
   * by {@code moderator} ({@link ModerationAction#undoneBy()}, {@link ModerationAction#undoneAt()}). Answers how
   * many were restored: 0 when it was undone already (the first undoing stays recorded).
   *
   * @throws IllegalArgumentException when no such action exists or it is an approval, or the moderator is blank
   */
  int undo(long actionId, String moderator);

  /** The recorded decisions on a petition, newest first. */
  List<ModerationAction> log(String petition, int limit);
}
