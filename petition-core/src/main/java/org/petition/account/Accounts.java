package org.petition.account;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.petition.Petitions;

/**
 * Returning signers ("if you already have an account please sign in"): registration with email and
 * password, email verification by link, login with throttling, password reset by link. A verified,
 * logged-in signer's signatures are confirmed at once. Passwords are hashed with Argon2id at OWASP's
 * parameters and re-hashed on login when the parameters were raised. Obtain it from {@link
 * org.petition.Petitions#accounts()}. Thread-safe.
 */
public interface Accounts {

  /**
   * Registers an account and mails a verification link. When the address already has an account, mails a
   * password-reset link instead and answers the same, so the form tells no one who has an account.
   */
  AccountResult register(@Nullable String email, @Nullable String password, @Nullable Locale locale);

  /** Follows a verification link. */
  AccountResult verify(@Nullable String token);

  /**
   * Logs a signer in. Each attempt is reserved before the password is checked, per address and per client, so
   * parallel guesses cannot all pass. Per address, every 5 consecutive failures lock it (1 minute, doubling up
   * to 24 hours), and a success forgets them; per client, a more permissive lock (every 50 failures, up to an
   * hour by default) that a success never resets. See {@link LoginAttempts}.
   *
   * @param clientKey the client's network or IP as the host sees it, for the second throttle; may be null
   */
  LoginResult login(@Nullable String email, @Nullable String password, @Nullable String clientKey);

  /** Mails a password-reset link when the address has an account; answers the same either way. */
  AccountResult requestPasswordReset(@Nullable String email, @Nullable Locale locale);

  /**
   * Sets a new password from a reset link. The link works once: it is bound to the password it replaces.
   * Following it also proves the address, so the account becomes verified.
   */
  AccountResult resetPassword(@Nullable String token, @Nullable String newPassword);
}
