package org.petition.token;

import java.time.Instant;

/** The outcome of checking a token. Bad tokens are not exceptional: they are a verdict. */
public sealed interface TokenVerification {

  /** Authentic, of the expected purpose, not expired. */
  record Valid(long subject, String scope, Instant expiresAt) implements TokenVerification {}

  /** Authentic and of the expected purpose, but past its expiry. */
  record Expired(long subject, String scope, Instant expiresAt) implements TokenVerification {}

  /** Not a token this key ring signed for this purpose: malformed, tampered, unknown key, other purpose. */
  record Invalid() implements TokenVerification {}
}
