package org.petition;

/** The answer to {@link Petitions#revoke}: what following a "this wasn't me" link did. */
public sealed interface RevokeResult {

  /** The signature is gone and the counts are corrected. Also the answer to a repeated revocation. */
  record Revoked() implements RevokeResult {}

  /** The link is too old. */
  record Expired() implements RevokeResult {}

  /** The link is not one this library issued. */
  record Invalid() implements RevokeResult {}
}
