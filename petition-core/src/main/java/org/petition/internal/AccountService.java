package org.petition.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.petition.Violation;
import org.petition.account.AccountResult;
import org.petition.account.Accounts;
import org.petition.account.LoginResult;
import org.petition.account.LoginThrottle;
import org.petition.account.PasswordHasher;
import org.petition.account.PasswordPolicy;
import org.petition.account.PasswordVerdict;
import org.petition.check.Decision;
import org.petition.identity.EmailCanonicalizer;
import org.petition.identity.IdentityHasher;
import org.petition.mail.ConfirmationSender;
import org.petition.mail.MessageKind;
import org.petition.mail.OutgoingMessage;
import org.petition.privacy.PersonalDataCipher;
import org.petition.store.AccountStore;
import org.petition.store.StoredAccount;
import org.petition.token.TokenPurpose;
import org.petition.token.TokenVerification;
import org.petition.token.Tokens;

/** The returning-signer accounts a {@link org.petition.Petitions} hands out. */
public final class AccountService implements Accounts {

  private static final String SCOPE = "account";
  private static final Duration LINK_TTL = Duration.ofDays(2);

  private final AccountStore store;
  private final Clock clock;
  private final Tokens tokens;
  private final IdentityHasher identity;
  private final EmailCanonicalizer canonicalizer;
  private final PersonalDataCipher cipher;
  private final ConfirmationSender sender;
  private final Links links;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final LoginThrottle throttle;

  public AccountService(AccountStore store, Clock clock, Tokens tokens, IdentityHasher identity,
      EmailCanonicalizer canonicalizer, PersonalDataCipher cipher, ConfirmationSender sender, Links links,
      PasswordHasher hasher, PasswordPolicy policy, LoginThrottle throttle) {
    this.store = Objects.requireNonNull(store, "account store must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.tokens = Objects.requireNonNull(tokens, "tokens must not be null");
    this.identity = Objects.requireNonNull(identity, "identity must not be null");
    this.canonicalizer = Objects.requireNonNull(canonicalizer, "canonicalizer must not be null");
    this.cipher = Objects.requireNonNull(cipher, "cipher must not be null");
    this.sender = Objects.requireNonNull(sender, "sender must not be null");
    this.links = Objects.requireNonNull(links, "links must not be null");
    this.hasher = Objects.requireNonNull(hasher, "password hasher must not be null");
    this.policy = Objects.requireNonNull(policy, "password policy must not be null");
    this.throttle = Objects.requireNonNull(throttle, "login throttle must not be null");
  }

  /**
   * Registers an account and mails a verification link. When the address already has an account, mails a
   * password-reset link instead and answers the same, so the form tells no one who has an account.
   */
  @Override
  public AccountResult register(@Nullable String email, @Nullable String password, @Nullable Locale locale) {
    String normalised = Emails.normalise(email);
    PasswordVerdict verdict = policy.check(password == null ? "" : password);
    List<Violation> violations = new java.util.ArrayList<>(2);
    EmailRefusal refusal = Emails.refusal(normalised);
    if (refusal != null) {
      violations.add(new Violation("email", refusal.code(), refusal.message()));
    }
    if (verdict instanceof PasswordVerdict.Refused refused) {
      violations.add(new Violation("password", refused.code(), refused.message()));
    }
    if (!violations.isEmpty() || normalised == null) { // an invalid (or missing) email is a violation
      return new AccountResult.Rejected(violations);
    }
    byte[] emailKey = identity.emailKey(canonicalizer.canonicalize(normalised));
    Instant now = clock.instant();
    Optional<StoredAccount> existing = store.byEmailKey(emailKey);
    Locale language = locale == null ? Locale.ENGLISH : locale;
    if (existing.isPresent()) {
      sendReset(existing.get(), normalised, language, now);
      return new AccountResult.Done();
    }
    byte[] sealedEmail = cipher.seal(normalised.getBytes(StandardCharsets.UTF_8), aad(emailKey));
    Optional<StoredAccount> created =
        store.create(new StoredAccount(0, emailKey, sealedEmail, hasher.hash(Objects.requireNonNull(password)), now, null));
    if (created.isEmpty()) {
      // A concurrent registration of the same address won: treat it like an existing account.
      store.byEmailKey(emailKey).ifPresent(account -> sendReset(account, normalised, language, now));
      return new AccountResult.Done();
    }
    String token = tokens.mint(TokenPurpose.VERIFY_ACCOUNT, created.get().id(), SCOPE, now.plus(LINK_TTL));
    sender.send(new OutgoingMessage(MessageKind.VERIFY_ACCOUNT, normalised, language, "",
        links.verifyAccount(token), null));
    return new AccountResult.Done();
  }

  /** Follows a verification link. */
  @Override
  public AccountResult verify(@Nullable String token) {
    Instant now = clock.instant();
    TokenVerification verification = tokens.verify(token, TokenPurpose.VERIFY_ACCOUNT, now);
    if (verification instanceof TokenVerification.Expired) {
      return new AccountResult.Expired();
    }
    if (!(verification instanceof TokenVerification.Valid valid) || !SCOPE.equals(valid.scope())) {
      return new AccountResult.Invalid();
    }
    if (store.byId(valid.subject()).isEmpty()) {
      return new AccountResult.Invalid();
    }
    store.markVerified(valid.subject(), now);
    return new AccountResult.Done();
  }

  /**
   * Logs a signer in. Failures are throttled per address and per client: after every 5 consecutive
   * failures the lock doubles (1 minute, 2, 4, ... up to 24 hours).
   *
   * @param clientKey the client's network or IP as the host sees it, for the second throttle; may be null
   */
  @Override
  public LoginResult login(@Nullable String email, @Nullable String password, @Nullable String clientKey) {
    Instant now = clock.instant();
    String normalised = Emails.normalise(email);
    String addressKey = Emails.isValid(normalised)
        ? "a:" + HexFormat.of().formatHex(identity.emailKey(canonicalizer.canonicalize(normalised)))
        : "a:invalid";
    String ipKey = clientKey == null ? null : "c:" + clientKey;
    LoginThrottle.Decision decision = throttle.check(addressKey, now);
    if (decision instanceof LoginThrottle.Decision.Locked locked) {
      return new LoginResult.Locked(locked.retryAfter());
    }
    if (ipKey != null && throttle.check(ipKey, now) instanceof LoginThrottle.Decision.Locked locked) {
      return new LoginResult.Locked(locked.retryAfter());
    }
    Optional<StoredAccount> account = Emails.isValid(normalised)
        ? store.byEmailKey(identity.emailKey(canonicalizer.canonicalize(normalised)))
        : Optional.empty();
    // verify(password, null) still hashes, so the time taken does not tell whether the account exists.
    boolean matches = hasher.verify(password == null ? "" : password, account.map(StoredAccount::passwordHash).orElse(null));
    if (!matches || account.isEmpty()) {
      throttle.recordFailure(addressKey, now);
      if (ipKey != null) {
        throttle.recordFailure(ipKey, now);
      }
      return new LoginResult.Failed();
    }
    throttle.recordSuccess(addressKey);
    if (ipKey != null) {
      throttle.recordSuccess(ipKey);
    }
    StoredAccount signedIn = account.get();
    if (hasher.needsRehash(signedIn.passwordHash())) {
      store.updatePasswordHash(signedIn.id(), hasher.hash(Objects.requireNonNull(password)));
    }
    return new LoginResult.SignedIn(SignedInSigners.create(signedIn.id(), signedIn.emailKey(), signedIn.verified()));
  }

  /** Mails a password-reset link when the address has an account; answers the same either way. */
  @Override
  public AccountResult requestPasswordReset(@Nullable String email, @Nullable Locale locale) {
    String normalised = Emails.normalise(email);
    EmailRefusal refusal = Emails.refusal(normalised);
    if (refusal != null || normalised == null) {
      EmailRefusal why = refusal == null ? EmailRefusal.INVALID : refusal;
      return new AccountResult.Rejected(List.of(new Violation("email", why.code(), why.message())));
    }
    store.byEmailKey(identity.emailKey(canonicalizer.canonicalize(normalised)))
        .ifPresent(account -> sendReset(account, normalised, locale == null ? Locale.ENGLISH : locale, clock.instant()));
    return new AccountResult.Done();
  }

  /**
   * Sets a new password from a reset link. The link works once: it is bound to the password it replaces.
   * Following it also proves the address, so the account becomes verified.
   */
  @Override
  public AccountResult resetPassword(@Nullable String token, @Nullable String newPassword) {
    Instant now = clock.instant();
    TokenVerification verification = tokens.verify(token, TokenPurpose.RESET_PASSWORD, now);
    if (verification instanceof TokenVerification.Expired) {
      return new AccountResult.Expired();
    }
    if (!(verification instanceof TokenVerification.Valid valid)) {
      return new AccountResult.Invalid();
    }
    Optional<StoredAccount> account = store.byId(valid.subject());
    if (account.isEmpty() || !MessageDigest.isEqual(
        fingerprint(account.get().passwordHash()).getBytes(StandardCharsets.US_ASCII),
        valid.scope().getBytes(StandardCharsets.US_ASCII))) {
      return new AccountResult.Invalid();
    }
    if (policy.check(newPassword == null ? "" : newPassword) instanceof PasswordVerdict.Refused refused) {
      return new AccountResult.Rejected(List.of(new Violation("password", refused.code(), refused.message())));
    }
    store.updatePasswordHash(account.get().id(), hasher.hash(Objects.requireNonNull(newPassword)));
    store.markVerified(account.get().id(), now);
    return new AccountResult.Done();
  }

  private void sendReset(StoredAccount account, String email, Locale locale, Instant now) {
    String token = tokens.mint(TokenPurpose.RESET_PASSWORD, account.id(), fingerprint(account.passwordHash()),
        now.plus(LINK_TTL));
    sender.send(new OutgoingMessage(MessageKind.RESET_PASSWORD, email, locale, "",
        links.resetPassword(token), null));
  }

  /** A short digest of the current password hash: a reset link dies when the password changes. */
  private static String fingerprint(String passwordHash) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(passwordHash.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  private static byte[] aad(byte[] emailKey) {
    return ("account:" + HexFormat.of().formatHex(emailKey)).getBytes(StandardCharsets.US_ASCII);
  }
}
