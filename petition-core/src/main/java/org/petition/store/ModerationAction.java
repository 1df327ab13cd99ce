package org.petition.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A moderator's decision, kept so it can be audited and undone: who, why, when, what it applied to.
 *
 * @param id the log's id
 * @param petition the petition
 * @param kind what was done
 * @param moderator who did it (an account name, never a signer's data)
 * @param reason why
 * @param criteria for a bulk action, the description of its criteria; otherwise {@code null}
 * @param signatureIds the signatures it changed
 * @param at when
 * @param undoneAt when it was undone, or {@code null}
 * @param undoneBy who undid it (an account name), or {@code null} when not undone (or undone before the store
 *     recorded who undid)
 */
public record ModerationAction(
    long id,
    String petition,
    Kind kind,
    String moderator,
    String reason,
    @Nullable String criteria,
    List<Long> signatureIds,
    Instant at,
    @Nullable Instant undoneAt,
    @Nullable String undoneBy) {

  /** What a moderator did. */
  public enum Kind {
    APPROVE,
    REMOVE,
    BULK_REMOVE
  }

  public ModerationAction {
    Objects.requireNonNull(petition, "petition must not be null");
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(moderator, "moderator must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
    Objects.requireNonNull(at, "at must not be null");
    signatureIds = List.copyOf(signatureIds);
  }

  /** An action not undone, or undone by someone not recorded: {@code undoneBy} is {@code null}. */
  public ModerationAction(long id, String petition, Kind kind, String moderator, String reason,
      @Nullable String criteria, List<Long> signatureIds, Instant at, @Nullable Instant undoneAt) {
    this(id, petition, kind, moderator, reason, criteria, signatureIds, at, undoneAt, null);
  }
}
