package org.petition.account;

import java.util.Arrays;
import org.petition.internal.SignedInSigners;

/**
 * Proof that a returning signer logged in: only a successful {@link Accounts#login} makes one. Pass it to {@link
 * org.petition.Petitions#sign(org.petition.SignatureRequest, SignedInSigner)} so the signature of a verified
 * account is confirmed at once. Keep it in the server-side session; it holds no secret but must not be
 * forgeable by clients.
 */
public final class SignedInSigner {

  static {
    SignedInSigners.register(SignedInSigner::new);
  }

  private final long accountId;
  private final byte[] emailKey;
  private final boolean verified;

  SignedInSigner(long accountId, byte[] emailKey, boolean verified) {
    this.accountId = accountId;
    this.emailKey = emailKey.clone();
    this.verified = verified;
  }

  /** The account's id. */
  public long accountId() {
    return accountId;
  }

  /** Whether the account's email was verified when the signer logged in. */
  public boolean verified() {
    return verified;
  }

  /** Whether this signer owns the address with this keyed hash. */
  public boolean owns(byte[] emailKey) {
    return Arrays.equals(this.emailKey, emailKey);
  }

  @Override
  public String toString() {
    return "SignedInSigner[account=" + accountId + ", verified=" + verified + "]";
  }
}
