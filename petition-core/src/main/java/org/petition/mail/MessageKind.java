package org.petition.mail;

/** Which message the library sends. */
public enum MessageKind {
  /** Confirm your signature: a confirm link and a "this wasn't me" link. */
  CONFIRM_SIGNATURE,
  /** Someone signed again with your address: no confirm link, so no one learns from the form who signed. */
  ALREADY_SIGNED,
  /** Confirm that your personal data should be erased. */
  CONFIRM_ERASURE,
  /** Verify the email of a new account. */
  VERIFY_ACCOUNT,
  /** Reset a forgotten password. */
  RESET_PASSWORD
}
