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
import org.petition.account.LoginAttempts;
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
  private static final Duration VERIFY_LINK_TTL = Duration.ofDays(2);
  /** A reset link can take over an account: it lives an hour, and works once. */
  static final Duration RESET_LINK_TTL = Duration.ofHours(1);

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
  private final LoginAttempts accountAttempts;
  private final LoginAttempts clientAttempts;

  public AccountService(AccountStore store, Clock clock, Tokens tokens, IdentityHasher identity,
      EmailCanonicalizer canonicalizer, PersonalDataCipher cipher, ConfirmationSender sender, Links links,
      PasswordHasher hasher, PasswordPolicy policy, LoginAttempts accountAttempts,
      LoginAttempts clientAttempts) {
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
    this.accountAttempts = Objects.requireNonNull(accountAttempts, "login throttle must not be null");
    this.clientAttempts = Objects.requireNonNull(clientAttempts, "client login throttle must not be null");
  }

  /**
   * Registers an account and mails a verification link. When the address already has an account, mails a
   * password-reset link instead and answers the same, so the form tells no one who has an account. The
   * password is hashed either way, before the address is looked up, so the time taken tells no one either.
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
    // Hashed before the lookup and whatever it finds: Argon2 is the cost, and it must not depend on the answer.
    String passwordHash = hasher.hash(Objects.requireNonNull(password));
    Instant now = clock.instant();
    Optional<StoredAccount> existing = store.byEmailKey(emailKey);
    Locale language = locale == null ? Locale.ENGLISH : locale;
    if (existing.isPresent()) {
      sendReset(existing.get(), normalised, language, now);
      return new AccountResult.Done();
    }
    byte[] sealedEmail = cipher.seal(normalised.getBytes(StandardCharsets.UTF_8), aad(emailKey));
    Optional<StoredAccount> created =
        store.create(new StoredAccount(0, emailKey, sealedEmail, passwordHash, now, null));
    if (created.isEmpty()) {
      // A concurrent registration of the same address won: treat it like an existing account.
      store.byEmailKey(emailKey).ifPresent(account -> sendReset(account, normalised, language, now));
      return new AccountResult.Done();
    }
    String token = tokens.mint(TokenPurpose.VERIFY_ACCOUNT, created.get().id(), SCOPE, now.plus(VERIFY_LINK_TTL));
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
   * Logs a signer in. Each attempt is reserved in both throttles (per address, per client) before the password
   * is checked, so parallel guesses cannot all pass; a failure counts in both, a success forgets the
   * address's failures but not the client's.
   *
   * @param clientKey the client's network or IP as the host sees it, for the second throttle; may be null
   */
  @Override
  public LoginResult login(@Nullable String email, @Nullable String password, @Nullable String clientKey) {
    Instant now = clock.instant();
    String normalised = Emails.normalise(email);
    byte @Nullable [] emailKey = Emails.isValid(normalised) ? identity.emailKey(canonicalizer.canonicalize(normalised)) : null;
    String addressKey = emailKey == null ? "a:invalid" : "a:" + HexFormat.of().formatHex(emailKey);
    String ipKey = clientKey == null ? null : "c:" + clientKey;
    if (accountAttempts.reserve(addressKey, now) instanceof LoginThrottle.Decision.Locked locked) {
      return new LoginResult.Locked(locked.retryAfter());
    }
    if (ipKey != null && clientAttempts.reserve(ipKey, now) instanceof LoginThrottle.Decision.Locked locked) {
      accountAttempts.abandoned(addressKey);
      return new LoginResult.Locked(locked.retryAfter());
    }
    boolean answered = false;
    try {
      Optional<StoredAccount> account = emailKey == null ? Optional.empty() : store.byEmailKey(emailKey);
      // verify(password, null) still hashes, so the time taken does not tell whether the account exists.
      boolean matches =
          hasher.verify(password == null ? "" : password, account.map(StoredAccount::passwordHash).orElse(null));
      Instant answeredAt = clock.instant();
      if (!matches || account.isEmpty()) {
        answered = true;
        accountAttempts.failed(addressKey, answeredAt);
        if (ipKey != null) {
          clientAttempts.failed(ipKey, answeredAt);
        }
        return new LoginResult.Failed();
      }
      answered = true;
      accountAttempts.succeeded(addressKey, answeredAt);
      if (ipKey != null) {
        clientAttempts.succeeded(ipKey, answeredAt);
      }
      StoredAccount signedIn = account.get();
      if (hasher.needsRehash(signedIn.passwordHash())) {
        // Compare-and-set: a reset that landed meanwhile wins over the re-hash of the old password.
        store.replacePasswordHash(signedIn.id(), signedIn.passwordHash(), hasher.hash(Objects.requireNonNull(password)));
      }
      return new LoginResult.SignedIn(SignedInSigners.create(signedIn.id(), signedIn.emailKey(), signedIn.verified()));
    } finally {
      if (!answered) {
        accountAttempts.abandoned(addressKey);
        if (ipKey != null) {
          clientAttempts.abandoned(ipKey);
        }
      }
    }
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
   * Sets a new password from a reset link. The link works once: it is bound to the password it replaces, and
   * the store swaps the hash only if it is still that one (compare-and-set), so two uses at once cannot both
   * succeed. It lives one hour. Following it also proves the address, so the account becomes verified.
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
    String replacement = hasher.hash(Objects.requireNonNull(newPassword));
    if (!store.replacePasswordHash(account.get().id(), account.get().passwordHash(), replacement)) {
      return new AccountResult.Invalid(); // the link was used (or the password changed) meanwhile
    }
    store.markVerified(account.get().id(), now);
    return new AccountResult.Done();
  }

  private void sendReset(StoredAccount account, String email, Locale locale, Instant now) {
    String token = tokens.mint(TokenPurpose.RESET_PASSWORD, account.id(), fingerprint(account.passwordHash()),
        now.plus(RESET_LINK_TTL));
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
