package org.petition.check;

/**
 * How much a {@link Finding} weighs when the {@link VerdictPolicy} turns findings into a {@link Verdict}.
 *
 * <p>Ordered from the weakest to the strongest, so {@code compareTo} ranks them.
 */
public enum Severity {
  /** Worth recording for a moderator; never changes the verdict on its own. */
  LOW,
  /** The public text should not be published, but the signature counts. */
  MEDIUM,
  /** The signature must not count until a moderator approves it. */
  HIGH,
  /** The signing is refused outright (for example a blocked address or a rate limit). */
  CRITICAL
}
