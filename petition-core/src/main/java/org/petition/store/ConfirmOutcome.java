package org.petition.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What {@link SignatureStore#confirm} did. */
public sealed interface ConfirmOutcome {

  /**
   * Newly confirmed and counted as {@code number}. {@code signedAt}, when the store answers it, is when the signing
   * was received ({@link NewSignature#signedAt()}): the library tells event listeners how long confirming took
   * without reading the signature again (a round trip per confirmation on a database). Null when the store does
   * not say; the library then reads it.
   */
  record Counted(long number, @Nullable String country, @Nullable Instant signedAt) implements ConfirmOutcome {

    /** Counted, without the signing's time. */
    public Counted(long number, @Nullable String country) {
      this(number, country, null);
    }
  }

  /** Newly confirmed, but held for review: not counted. */
  record Held() implements ConfirmOutcome {}

  /** It was confirmed before; {@code number} is 0 while it is held. */
  record AlreadyConfirmed(long number) implements ConfirmOutcome {}

  /** It was revoked or removed. */
  record Gone() implements ConfirmOutcome {}

  /** No such signature (purged, or never stored). */
  record NotFound() implements ConfirmOutcome {}
}
