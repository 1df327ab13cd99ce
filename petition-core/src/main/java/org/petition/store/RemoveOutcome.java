package org.petition.store;

import org.jspecify.annotations.Nullable;

/** What {@link SignatureStore#revoke} or a moderator's removal did. */
public sealed interface RemoveOutcome {

  /** Removed now; when it had counted, the counts of {@code country} went down by one. */
  record Removed(boolean wasCounted, @Nullable String country) implements RemoveOutcome {}

  /** It had been removed before. */
  record AlreadyGone() implements RemoveOutcome {}

  /** No such signature. */
  record NotFound() implements RemoveOutcome {}
}
