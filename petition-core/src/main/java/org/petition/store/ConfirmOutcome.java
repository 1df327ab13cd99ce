package org.petition.store;

import org.jspecify.annotations.Nullable;

/** What {@link SignatureStore#confirm} did. */
public sealed interface ConfirmOutcome {

  /** Newly confirmed and counted as {@code number}. */
  record Counted(long number, @Nullable String country) implements ConfirmOutcome {}

  /** Newly confirmed, but held for review: not counted. */
  record Held() implements ConfirmOutcome {}

  /** It was confirmed before; {@code number} is 0 while it is held. */
  record AlreadyConfirmed(long number) implements ConfirmOutcome {}

  /** It was revoked or removed. */
  record Gone() implements ConfirmOutcome {}

  /** No such signature (purged, or never stored). */
  record NotFound() implements ConfirmOutcome {}
}
