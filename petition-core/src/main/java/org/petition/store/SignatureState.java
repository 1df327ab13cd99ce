package org.petition.store;

/** Where a stored signature is in its life. */
public enum SignatureState {
  /** Waiting for its owner to follow the confirmation link. */
  PENDING,
  /** Confirmed by the owner of the email; counted unless held for review. */
  CONFIRMED,
  /** Withdrawn by its owner ("this wasn't me", consent withdrawn, erasure); personal data removed. */
  REVOKED,
  /** Removed by a moderator; personal data kept for the audit until retention removes it. */
  REMOVED
}
