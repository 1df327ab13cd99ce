package org.petition.invite;

/** The answer to {@link Invitations#suppress}: what the "never email me again" button did. */
public sealed interface SuppressResult {

  /** The address is on the suppression list (now, or already before). */
  record Suppressed() implements SuppressResult {}

  /** The link is not one this site sent. */
  record Invalid() implements SuppressResult {}

  /** The link is too old. */
  record Expired() implements SuppressResult {}
}
