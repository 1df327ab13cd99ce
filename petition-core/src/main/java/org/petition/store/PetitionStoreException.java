package org.petition.store;

import org.jspecify.annotations.Nullable;

/**
 * A {@link SignatureStore} could not do what it was asked: its database is unreachable, the connection was
 * lost, or the database refused the statement. The operation had no effect, unless {@link
 * #outcomeUnknown()} says the connection was lost while committing, when it may or may not have been
 * applied (it was then applied whole or not at all). Messages never carry personal data.
 */
public final class PetitionStoreException extends RuntimeException {

  private final boolean outcomeUnknown;

  /** An operation that failed with no effect. */
  public PetitionStoreException(String message, @Nullable Throwable cause) {
    this(message, false, cause);
  }

  /**
   * An operation that failed; {@code outcomeUnknown} when the connection was lost while committing, so the
   * change may or may not have been applied.
   */
  public PetitionStoreException(String message, boolean outcomeUnknown, @Nullable Throwable cause) {
    super(message, cause);
    this.outcomeUnknown = outcomeUnknown;
  }

  /** Whether the change may have been applied despite the failure (lost connection while committing). */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}
