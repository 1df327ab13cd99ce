package org.petition.token;

/** What a token allows. A token minted for one purpose is invalid for every other. */
public enum TokenPurpose {
  CONFIRM(1),
  REVOKE(2),
  ERASE(3),
  VERIFY_ACCOUNT(4),
  RESET_PASSWORD(5),
  /** A signing form as the server rendered it: the petition and the render time (see {@code FormTokenLimits}). */
  FORM(6),
  /** Download everything held about an address (a subject-access request). */
  ACCESS(7),
  /** Invite others to sign: held by a signer whose signature counts (see {@code org.petition.invite.Invitations}). */
  INVITE(8),
  /** "Never email me again": an invited address's keyed hash, to add to the suppression list. */
  SUPPRESS(9);

  private final byte code;

  TokenPurpose(int code) {
    this.code = (byte) code;
  }

  byte code() {
    return code;
  }

  static TokenPurpose ofCode(byte code) {
    for (TokenPurpose purpose : values()) {
      if (purpose.code == code) {
        return purpose;
      }
    }
    throw new IllegalArgumentException("unknown token purpose code " + code);
  }
}
