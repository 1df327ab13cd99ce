package org.petition.mail;

/** Which message the library sends. */
public enum MessageKind {
  /** Confirm your signature: a confirm link and a "this wasn't me" link. */
  CONFIRM_SIGNATURE,
  /**
   * Someone signed again with your address after your signature was confirmed (or asked for the link again):
   * no link, nothing changed. A signature still pending gets {@link #CONFIRM_SIGNATURE} again instead.
   */
  ALREADY_SIGNED,
  /** Confirm that your personal data should be erased. */
  CONFIRM_ERASURE,
  /** Verify the email of a new account. */
  VERIFY_ACCOUNT,
  /** Reset a forgotten password. */
  RESET_PASSWORD,
  /** Download the personal data held about you (a subject-access request): a link to the data as JSON. */
  SUBJECT_ACCESS,
  /**
   * A signer invites this address to sign: the inviter's public display name ({@link OutgoingMessage#inviter()}),
   * a link to the petition ({@code actionUrl}) and a "never email me again" link ({@code revokeUrl}). The
   * address is not kept once the message is delivered.
   */
  INVITATION
}
