package org.petition;

/** The answer to {@link Petitions#confirm}: what following a confirmation link did. */
public sealed interface ConfirmResult {

  /**
   * The signature is confirmed and counted.
   *
   * @param number the signer's number in counting order, from 1
   */
  record Confirmed(long number) implements ConfirmResult {}

  /**
   * The signature was confirmed before; nothing changed.
   *
   * @param number the signer's number, or 0 while it awaits review
   */
  record AlreadyConfirmed(long number) implements ConfirmResult {}

  /** The email is confirmed, but the signature counts only once a moderator approves it. */
  record AwaitingReview() implements ConfirmResult {}

  /** The link is too old, or its pending signature was purged. */
  record Expired() implements ConfirmResult {}

  /** The link is not one this library issued (tampered, truncated, unknown key, wrong purpose). */
  record Invalid() implements ConfirmResult {}

  /** The signature was revoked ("this wasn't me"), erased, or removed by a moderator. */
  record Revoked() implements ConfirmResult {}
}
