package org.petition.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.petition.event.PetitionEvent;
import org.petition.moderation.BulkResult;
import org.petition.moderation.HeldSignature;
import org.petition.moderation.Moderation;
import org.petition.store.ConfirmOutcome;
import org.petition.store.ModerationAction;
import org.petition.store.NewSignature;
import org.petition.store.RemoveOutcome;
import org.petition.store.SignatureCriteria;
import org.petition.store.SignatureStore;
import org.petition.store.StoredSignature;

/** The moderation a {@link org.petition.Petitions} hands out. */
public final class ModerationService implements Moderation {

  private static final int MAX_BATCH = 10_000;

  private final SignatureStore store;
  private final Clock clock;
  private final EventBus events;

  public ModerationService(SignatureStore store, Clock clock, EventBus events) {
    this.store = Objects.requireNonNull(store, "store must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.events = Objects.requireNonNull(events, "events must not be null");
  }

  /** Held signatures of a petition with their findings, oldest first, after {@code afterId} (0 to start). */
  @Override
  public List<HeldSignature> held(String petition, long afterId, int limit) {
    Objects.requireNonNull(petition, "petition must not be null");
    checkLimit(limit);
    return store.held(petition, afterId, limit).stream().map(ModerationService::view).toList();
  }

  /** Approves a held signature: it counts (now, or once confirmed). Answers whether it was held. */
  @Override
  public boolean approve(long signatureId, String moderator, String reason) {
    checkWho(moderator, reason);
    Optional<StoredSignature> signature = store.find(signatureId);
    if (signature.isEmpty()) {
      return false;
    }
    Instant now = clock.instant();
    ConfirmOutcome outcome = store.approve(signatureId, now);
    if (outcome instanceof ConfirmOutcome.Counted counted) {
      events.publish(new PetitionEvent.Confirmed(signature.get().petition(), signatureId, counted.number(),
          counted.country(), java.time.Duration.ZERO, now));
    } else if (!(outcome instanceof ConfirmOutcome.Held)) {
      return false;
    }
    store.recordModeration(new ModerationAction(0, signature.get().petition(), ModerationAction.Kind.APPROVE,
        moderator, reason, null, List.of(signatureId), now, null));
    return true;
  }

  /** Removes one signature (held or not); counts are corrected. Answers the log entry, to undo it. */
  @Override
  public Optional<ModerationAction> remove(long signatureId, String moderator, String reason) {
    checkWho(moderator, reason);
    Optional<StoredSignature> signature = store.find(signatureId);
    if (signature.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    RemoveOutcome outcome = store.remove(signatureId, now);
    if (!(outcome instanceof RemoveOutcome.Removed removed)) {
      return Optional.empty();
    }
    events.publish(new PetitionEvent.Revoked(signature.get().petition(), signatureId, removed.wasCounted(), now));
    return Optional.of(store.recordModeration(new ModerationAction(0, signature.get().petition(),
        ModerationAction.Kind.REMOVE, moderator, reason, null, List.of(signatureId), now, null)));
  }

  /**
   * Removes every signature of a petition matching the criteria, in batches of {@code batchSize}, correcting
   * counts, and records one undoable log entry.
   */
  @Override
  public BulkResult removeAll(String petition, SignatureCriteria criteria, String moderator, String reason, int batchSize) {
    Objects.requireNonNull(petition, "petition must not be null");
    Objects.requireNonNull(criteria, "criteria must not be null");
    checkWho(moderator, reason);
    checkLimit(batchSize);
    Instant now = clock.instant();
    List<Long> removedIds = new ArrayList<>();
    int uncounted = 0;
    long after = 0;
    while (true) {
      List<StoredSignature> batch = store.search(petition, criteria, after, batchSize);
      if (batch.isEmpty()) {
        break;
      }
      for (StoredSignature signature : batch) {
        after = signature.id();
        if (store.remove(signature.id(), now) instanceof RemoveOutcome.Removed removed) {
          removedIds.add(signature.id());
          if (removed.wasCounted()) {
            uncounted++;
          }
          events.publish(new PetitionEvent.Revoked(petition, signature.id(), removed.wasCounted(), now));
        }
      }
    }
    ModerationAction action = store.recordModeration(new ModerationAction(0, petition,
        ModerationAction.Kind.BULK_REMOVE, moderator, reason, criteria.describe(), removedIds, now, null));
    return new BulkResult(action.id(), removedIds.size(), uncounted);
  }

  /**
   * Undoes a removal (single or bulk): the signatures are restored and count again. Answers how many. The action is
   * marked undone by {@code moderator} first, so that of two undoing at once only one restores and is recorded.
   */
  @Override
  public int undo(long actionId, String moderator) {
    Objects.requireNonNull(moderator, "moderator must not be null");
    if (moderator.isBlank()) {
      throw new IllegalArgumentException("moderator must not be blank");
    }
    ModerationAction action = store.moderationAction(actionId)
        .orElseThrow(() -> new IllegalArgumentException("no moderation action " + actionId));
    if (action.kind() == ModerationAction.Kind.APPROVE) {
      throw new IllegalArgumentException("an approval cannot be undone; remove the signature instead");
    }
    Instant now = clock.instant();
    if (action.undoneAt() != null || !store.markUndone(actionId, now, moderator)) {
      return 0;
    }
    int restored = 0;
    for (long id : action.signatureIds()) {
      if (store.restore(id, now)) {
        restored++;
      }
    }
    return restored;
  }

  /** The recorded decisions on a petition, newest first. */
  @Override
  public List<ModerationAction> log(String petition, int limit) {
    checkLimit(limit);
    return store.moderationLog(petition, limit);
  }

  private static HeldSignature view(StoredSignature signature) {
    NewSignature data = signature.data();
    return new HeldSignature(signature.id(), signature.state(), data.signedAt(), data.displayName(), data.comment(),
        data.affiliation(), data.city(), data.country(), data.kind(), data.emailDomain(), data.network(),
        data.findings());
  }

  private static void checkWho(String moderator, String reason) {
    Objects.requireNonNull(moderator, "moderator must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
    if (moderator.isBlank()) {
      throw new IllegalArgumentException("moderator must not be blank");
    }
    if (reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank: decisions are audited");
    }
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_BATCH) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_BATCH + ", was " + limit);
    }
  }
}
