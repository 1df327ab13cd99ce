package org.petition.account;

import java.time.Duration;

/** The answer to {@link Accounts#login}. */
public sealed interface LoginResult {

  /** The password matched. */
  record SignedIn(SignedInSigner signer) implements LoginResult {}

  /** Unknown address or wrong password: the two are not told apart. */
  record Failed() implements LoginResult {}

  /** Too many failures: try again after {@code retryAfter}. */
  record Locked(Duration retryAfter) implements LoginResult {}
}
