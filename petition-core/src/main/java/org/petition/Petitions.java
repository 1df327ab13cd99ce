package org.petition;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.petition.account.Accounts;
import org.petition.account.LoginThrottle;
import org.petition.account.PasswordHasher;
import org.petition.account.PasswordPolicy;
import org.petition.account.SignedInSigner;
import org.petition.check.BotSignalsCheck;
import org.petition.check.CheckInput;
import org.petition.check.ContentCheck;
import org.petition.check.DisposableDomainCheck;
import org.petition.check.RateLimitCheck;
import org.petition.check.SurgeDetector;
import org.petition.check.Finding;
import org.petition.check.Severity;
import org.petition.check.SignatureCheck;
import org.petition.check.Verdict;
import org.petition.check.VerdictPolicy;
import org.petition.event.PetitionEvent;
import org.petition.event.PetitionEvents;
import org.petition.identity.EmailCanonicalizer;
import org.petition.identity.IdentityHasher;
import org.petition.identity.IpAddresses;
import org.petition.identity.NameSkeleton;
import org.petition.internal.MilestoneTracker;
import org.petition.internal.SigningValidator;
import org.petition.internal.ValidSigning;
import org.petition.mail.ConfirmationSender;
import org.petition.mail.MessageKind;
import org.petition.mail.OutgoingMessage;
import org.petition.moderation.Moderation;
import org.petition.privacy.DataKeys;
import org.petition.privacy.DisplayNamePolicy;
import org.petition.privacy.DisplayNames;
import org.petition.privacy.PersonalData;
import org.petition.privacy.PersonalDataCipher;
import org.petition.privacy.Pseudonyms;
import org.petition.store.AccountStore;
import org.petition.store.ConfirmOutcome;
import org.petition.store.Counts;
import org.petition.store.HouseholdMember;
import org.petition.store.InsertOutcome;
import org.petition.store.NewSignature;
import org.petition.store.RemoveOutcome;
import org.petition.store.SignatureStore;
import org.petition.store.StoredSignature;
import org.petition.store.memory.InMemoryAccountStore;
import org.petition.store.memory.InMemorySignatureStore;
import org.petition.token.TokenPurpose;
import org.petition.token.TokenVerification;
import org.petition.token.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: takes signings, confirms them, counts them and lists them.
 *
 * <p>A signing goes from the form ({@link #sign}) to pending, to confirmed by the owner of the email
 * ({@link #confirm}), to counted; nothing else counts. Bad input is answered with a {@link
 * SignResult.Rejected} naming the field and the rule, never an exception; exceptions signal misuse of the
 * API. Immutable and thread-safe: build one with {@link #builder()} and share it.
 */
public final class Petitions {

  private static final Logger LOG = LoggerFactory.getLogger(Petitions.class);
  private static final int MAX_PAGE = 100;

  private final SignatureStore store;
  private final Clock clock;
  private final Tokens tokens;
  private final IdentityHasher identity;
  private final PersonalDataCipher cipher;
  private final ConfirmationSender sender;
  private final String baseUrl;
  private final SigningLimits limits;
  private final List<SignatureCheck> checks;
  private final VerdictPolicy policy;
  private final boolean silentFraud;
  private final PetitionEvents events = new PetitionEvents();
  private final MilestoneTracker milestones;
  private final SigningValidator validator;
  private final EmailCanonicalizer canonicalizer;
  private final DisplayNames displayNames;
  private final ConcurrentMap<String, Petition> petitions = new ConcurrentHashMap<>();
  private final Moderation moderation;
  private final DataSubjectRights subjects;
  private final Accounts accounts;

  private Petitions(Builder builder) {
    this.store = builder.store;
    this.clock = builder.clock;
    this.tokens = Objects.requireNonNull(builder.tokens, "token keys must be set: tokenKeys(...)");
    this.identity = Objects.requireNonNull(builder.identity, "an identity secret must be set: identitySecret(...)");
    this.cipher = PersonalDataCipher.of(
        Objects.requireNonNull(builder.dataKeys, "personal data keys must be set: dataKeys(...)"));
    this.sender = Objects.requireNonNull(builder.sender, "a confirmation sender must be set: sender(...)");
    this.baseUrl = Objects.requireNonNull(builder.baseUrl, "a base URL for links must be set: baseUrl(...)");
    this.limits = builder.limits;
    this.checks = builder.pipeline();
    this.policy = builder.policy;
    this.silentFraud = builder.silentFraud;
    this.milestones = new MilestoneTracker(builder.milestones);
    this.validator = new SigningValidator(limits);
    this.canonicalizer = builder.canonicalizer;
    this.displayNames = builder.displayNames;
    this.moderation = new Moderation(store, clock, events);
    for (SignatureCheck check : checks) {
      if (check instanceof SurgeDetector surges) {
        surges.onSurge(surge -> events.publish(new PetitionEvent.SurgeDetected(surge.petition(), surge, surge.at())));
      }
    }
    this.accounts = new Accounts(builder.accountStore, clock, tokens, identity, canonicalizer, cipher, sender,
        baseUrl, builder.passwordHasher, builder.passwordPolicy, builder.loginThrottle);
    this.subjects = new DataSubjectRights(store, clock, tokens, identity, canonicalizer, cipher, sender, events,
        baseUrl, limits.pendingTtl(), builder.retention);
    for (Petition petition : store.petitions()) {
      petitions.put(petition.slug(), petition);
    }
  }

  /** A builder; token keys, an identity secret, data keys, a sender and a base URL are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Typed subscriptions to this instance's events. */
  public PetitionEvents events() {
    return events;
  }

  /** What moderators do: held signatures, approvals, removals, bulk invalidation, undo. */
  public Moderation moderation() {
    return moderation;
  }

  /** Returning signers: registration, verification, login, password reset. */
  public Accounts accounts() {
    return accounts;
  }

  /** The rights of signers: consent withdrawal, erasure, access, and retention after close. */
  public DataSubjectRights subjects() {
    return subjects;
  }

  /** The store behind this instance. */
  public SignatureStore store() {
    return store;
  }

  /** The clock this instance reads time from. */
  public Clock clock() {
    return clock;
  }

  /** The site's base URL that links are built on, without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The limits this instance applies. */
  public SigningLimits limits() {
    return limits;
  }

  /** Creates or replaces a petition. Signatures and counts of an existing petition are kept. */
  public Petition register(Petition petition) {
    Objects.requireNonNull(petition, "petition must not be null");
    store.savePetition(petition);
    petitions.put(petition.slug(), petition);
    return petition;
  }

  /** The petition with this slug. */
  public Optional<Petition> petition(@Nullable String slug) {
    if (slug == null) {
      return Optional.empty();
    }
    Petition cached = petitions.get(slug);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Petition> stored = store.petition(slug);
    stored.ifPresent(p -> petitions.put(p.slug(), p));
    return stored;
  }

  /** Every petition, by slug. */
  public List<Petition> petitions() {
    return store.petitions();
  }

  /**
   * Takes a signing from a form. Answers {@link SignResult.Pending} when a confirmation message is on its
   * way (also, indistinguishably, for a repeated signing, a held one, and in silent mode a dropped one),
   * or {@link SignResult.Rejected} naming each field and rule that failed.
   *
   * @throws IllegalStateException when the {@link ConfirmationSender} fails; the signing is then undone, so
   *     the same signer can sign again
   */
  public SignResult sign(SignatureRequest request) {
    return sign(request, null);
  }

  /**
   * Takes a signing from a logged-in returning signer. When the account's email is verified and is the
   * request's email, the signature is confirmed at once ({@link SignResult.Confirmed}, unless held for
   * review) and the consents are recorded; otherwise this is {@link #sign(SignatureRequest)}.
   */
  public SignResult sign(SignatureRequest request, @Nullable SignedInSigner signer) {
    Objects.requireNonNull(request, "request must not be null");
    Instant now = clock.instant();
    Optional<Petition> found = petition(request.petition());
    if (found.isEmpty()) {
      return reject(request.petition(), new Violation("petition", "petition.unknown", "no petition has this id"));
    }
    Petition petition = found.get();
    if (petition.closesAt() != null && !now.isBefore(petition.closesAt())) {
      return reject(petition.slug(), new Violation("petition", "petition.closed", "the petition is closed to signing"));
    }
    if (petition.opensAt() != null && now.isBefore(petition.opensAt())) {
      return reject(petition.slug(), new Violation("petition", "petition.not_open", "the petition is not open yet"));
    }
    SigningValidator.Outcome outcome = validator.validate(petition, request, now);
    if (outcome instanceof SigningValidator.Outcome.Invalid invalid) {
      return reject(petition.slug(), invalid.violations());
    }
    ValidSigning signing = ((SigningValidator.Outcome.Valid) outcome).signing();
    String canonicalEmail = canonicalizer.canonicalize(signing.email());
    String emailDomain = canonicalizer.domainOf(signing.email());
    String fullName = fullName(signing);
    String skeleton = NameSkeleton.skeleton(fullName);
    byte[] emailKey = identity.emailKey(canonicalEmail);
    byte[] phoneKey = signing.phoneE164() == null ? null : identity.phoneKey(signing.phoneE164());
    byte[] nameKey = identity.nameKey(skeleton);
    String network = signing.ip() == null ? null : IpAddresses.network(signing.ip());
    byte[] networkKey = network == null ? null : identity.networkKey(network);

    CheckInput input = new CheckInput(petition, signing.kind(), signing.firstName(), signing.lastName(),
        signing.organizationName(), signing.nickname(), signing.city(), signing.affiliation(), signing.comment(),
        signing.country(), canonicalEmail, emailDomain, signing.phoneE164(), skeleton, signing.ip(),
        signing.userAgent(), signing.receivedAt(), signing.formRenderedAt(), signing.honeypot());
    List<Finding> findings = runChecks(input);
    if (store.hasNearDuplicate(petition.slug(), nameKey, signing.city(), networkKey)) {
      findings = append(findings, Finding.of("identity.near_duplicate", Severity.HIGH, "firstName",
          "a signature with a look-alike name from the same city or network exists; families share names, so review"));
    }
    Verdict verdict = policy.decide(findings);
    if (verdict == Verdict.REJECT) {
      return refuse(petition, findings, now);
    }
    boolean nicknameClean = signing.nickname() != null
        && findings.stream().noneMatch(f -> f.field().equals("nickname") && f.severity().compareTo(Severity.LOW) > 0);
    String displayName = petition.displayNamePolicy() == DisplayNamePolicy.ANONYMOUS
        ? null
        : displayNames.displayName(petition.displayNamePolicy(), signing.kind(), signing.firstName(),
            signing.lastName(), signing.organizationName(), nicknameClean ? signing.nickname() : null, 0);
    String typedEmail = signing.email();
    // The full address served the rate limits and the checks above; from here on only its /24 (IPv4) or /48
    // (IPv6) is kept, sealed with the rest and in clear for moderators' bulk actions.
    String truncatedNetwork = signing.ip() == null ? null : IpAddresses.truncateForStorage(signing.ip());
    PersonalData personal = new PersonalData(typedEmail, signing.phoneE164(), signing.firstName(),
        signing.lastName(), signing.organizationName(), truncatedNetwork);
    byte[] sealed = cipher.seal(personal.encode(), petition.slug().getBytes(StandardCharsets.UTF_8));

    NewSignature draft = new NewSignature(petition.slug(), signing.kind(), emailKey, 0, phoneKey, nameKey,
        networkKey, displayName, nicknameClean, signing.comment(), verdict == Verdict.ACCEPT_HIDE_COMMENT,
        signing.affiliation(), signing.city(), signing.country(), emailDomain, truncatedNetwork, sealed,
        signing.receivedAt(), verdict == Verdict.HOLD, findings, signing.consents(), signing.formId(),
        Pseudonyms.userAgentHash(signing.userAgent()), signing.locale().toLanguageTag());
    boolean confirmNow = signer != null && signer.verified() && signer.owns(emailKey);
    InsertOutcome inserted = insert(petition, draft, confirmNow);
    if (!(inserted instanceof InsertOutcome.Inserted done)) {
      sender.send(new OutgoingMessage(MessageKind.ALREADY_SIGNED, typedEmail, signing.locale(), petition.title(),
          null, null));
      publish(new PetitionEvent.Duplicate(petition.slug(), now));
      return SignResult.Pending.instance();
    }
    long id = done.id();
    if (confirmNow) {
      publish(new PetitionEvent.Signed(petition.slug(), id, verdict, codes(findings), now));
      StoredSignature stored = store.find(id).orElseThrow();
      afterConfirm(petition, id, stored.number(), signing.country(), now);
      return stored.counted() ? new SignResult.Confirmed(stored.number()) : SignResult.Pending.instance();
    }
    Instant signedAt = signing.receivedAt();
    String confirmToken = tokens.mint(TokenPurpose.CONFIRM, id, petition.slug(), signedAt.plus(limits.pendingTtl()));
    String revokeToken = tokens.mint(TokenPurpose.REVOKE, id, petition.slug(), signedAt.plus(limits.revokeLinkTtl()));
    try {
      sender.send(new OutgoingMessage(MessageKind.CONFIRM_SIGNATURE, typedEmail, signing.locale(), petition.title(),
          baseUrl + "/confirm?token=" + confirmToken, baseUrl + "/revoke?token=" + revokeToken));
    } catch (RuntimeException e) {
      // Without its mail the pending signature could never be confirmed, and it would block the address until
      // the purge: undo it, so signing again works once the sender is back.
      store.revoke(id, now);
      throw new IllegalStateException("the confirmation message could not be handed to the sender; the signing was undone", e);
    }
    if (events.hasListeners()) {
      publish(new PetitionEvent.Signed(petition.slug(), id, verdict, codes(findings), now));
    }
    return SignResult.Pending.instance();
  }

  /** Follows a confirmation link. Safe to call twice: the second call changes nothing. */
  public ConfirmResult confirm(@Nullable String token) {
    Instant now = clock.instant();
    TokenVerification verification = tokens.verify(token, TokenPurpose.CONFIRM, now);
    if (verification instanceof TokenVerification.Invalid) {
      return new ConfirmResult.Invalid();
    }
    if (verification instanceof TokenVerification.Expired) {
      return new ConfirmResult.Expired();
    }
    TokenVerification.Valid valid = (TokenVerification.Valid) verification;
    Optional<Petition> petition = petition(valid.scope());
    if (petition.isEmpty()) {
      return new ConfirmResult.Invalid();
    }
    Instant closesAt = petition.get().closesAt();
    if (closesAt != null && !now.isBefore(closesAt.plus(limits.confirmGraceAfterClose()))) {
      return new ConfirmResult.Expired();
    }
    ConfirmOutcome outcome = store.confirm(valid.subject(), now);
    if (outcome instanceof ConfirmOutcome.Counted counted) {
      afterConfirm(petition.get(), valid.subject(), counted.number(), counted.country(), now);
      return new ConfirmResult.Confirmed(counted.number());
    }
    if (outcome instanceof ConfirmOutcome.Held) {
      afterConfirm(petition.get(), valid.subject(), 0, null, now);
      return new ConfirmResult.AwaitingReview();
    }
    if (outcome instanceof ConfirmOutcome.AlreadyConfirmed already) {
      return already.number() == 0
          ? new ConfirmResult.AwaitingReview()
          : new ConfirmResult.AlreadyConfirmed(already.number());
    }
    if (outcome instanceof ConfirmOutcome.Gone) {
      return new ConfirmResult.Revoked();
    }
    // Not found: a valid token whose pending signature is gone was purged, i.e. it expired.
    return new ConfirmResult.Expired();
  }

  /** Follows a "this wasn't me" link: the signature is removed and the counts corrected. */
  public RevokeResult revoke(@Nullable String token) {
    Instant now = clock.instant();
    TokenVerification verification = tokens.verify(token, TokenPurpose.REVOKE, now);
    if (verification instanceof TokenVerification.Invalid) {
      return new RevokeResult.Invalid();
    }
    if (verification instanceof TokenVerification.Expired) {
      return new RevokeResult.Expired();
    }
    TokenVerification.Valid valid = (TokenVerification.Valid) verification;
    RemoveOutcome outcome = store.revoke(valid.subject(), now);
    if (outcome instanceof RemoveOutcome.Removed removed) {
      publish(new PetitionEvent.Revoked(valid.scope(), valid.subject(), removed.wasCounted(), now));
    }
    return new RevokeResult.Revoked();
  }

  /** The petition's counter, or empty for an unknown petition. */
  public Optional<Tally> tally(@Nullable String slug) {
    return petition(slug).map(this::tally);
  }

  private Tally tally(Petition petition) {
    Counts counts = store.counts(petition.slug());
    java.util.Map<String, CountryTally> countries = new java.util.TreeMap<>();
    petition.goalsByCountry().forEach((country, goal) ->
        countries.put(country, new CountryTally(counts.byCountry().getOrDefault(country, 0L), goal)));
    counts.byCountry().forEach((country, count) ->
        countries.putIfAbsent(country, new CountryTally(count, 0)));
    return new Tally(petition.slug(), counts.total(), petition.goal(), countries);
  }

  /**
   * The latest counted signatures, newest first, as the public may see them.
   *
   * @param cursor {@code null} for the first page, else the {@code next} of the previous page
   * @param limit 1 to 100
   * @throws IllegalArgumentException for an unknown petition, a malformed cursor or a bad limit
   */
  public SignaturePage latest(String slug, @Nullable String cursor, int limit) {
    return page(slug, null, cursor, limit);
  }

  /** The organisations that signed, newest first; paged like {@link #latest}. */
  public SignaturePage organizations(String slug, @Nullable String cursor, int limit) {
    return page(slug, SignerKind.ORGANIZATION, cursor, limit);
  }

  private SignaturePage page(String slug, @Nullable SignerKind kind, @Nullable String cursor, int limit) {
    Petition petition = petition(slug).orElseThrow(() -> new IllegalArgumentException("unknown petition: " + slug));
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE + ", was " + limit);
    }
    long before = PageCursor.decode(cursor);
    List<StoredSignature> rows = store.latest(slug, kind, before, limit + 1);
    List<PublicSignature> items = new ArrayList<>(Math.min(rows.size(), limit));
    for (int i = 0; i < rows.size() && i < limit; i++) {
      items.add(publicView(petition, rows.get(i)));
    }
    String next = rows.size() > limit ? PageCursor.encode(rows.get(limit - 1).number()) : null;
    // A page showing a signer who asked for privacy (a nickname) must not be indexed as a whole.
    boolean noindex = petition.noindex() || items.stream().anyMatch(PublicSignature::noindex);
    return new SignaturePage(items, next, noindex);
  }

  private PublicSignature publicView(Petition petition, StoredSignature row) {
    NewSignature data = row.data();
    String name = data.displayName() == null || petition.displayNamePolicy() == DisplayNamePolicy.ANONYMOUS
        ? displayNames.displayName(DisplayNamePolicy.ANONYMOUS, data.kind(), null, null, null, null, row.number())
        : data.displayName();
    Instant signedAt = row.confirmedAt() == null ? data.signedAt() : row.confirmedAt();
    return new PublicSignature(row.number(), signedAt, name, data.commentHidden() ? null : data.comment(),
        data.affiliation(), data.city(), data.country(), data.kind(), petition.noindex() || data.nickname());
  }

  /**
   * Deletes pending signatures older than the pending TTL, at most {@code limit}; for the host to schedule.
   *
   * @return how many were deleted
   */
  public int purgePending(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    Instant now = clock.instant();
    List<StoredSignature> purged = store.purgePending(now.minus(limits.pendingTtl()), limit);
    for (StoredSignature signature : purged) {
      publish(new PetitionEvent.Expired(signature.petition(), signature.id(), now));
    }
    if (!purged.isEmpty()) {
      LOG.info("purged {} unconfirmed signatures older than {}", purged.size(), limits.pendingTtl());
    }
    return purged.size();
  }

  private InsertOutcome insert(Petition petition, NewSignature draft, boolean confirmNow) {
    int allowed = petition.signaturesPerEmail();
    if (allowed == 1) {
      return store.insert(draft, confirmNow);
    }
    // The household rule: up to N signatures per address, each with a different name. The store's unique
    // (petition, email key, slot) index settles races; a lost race retries with the next free slot.
    InsertOutcome outcome = null;
    for (int attempt = 0; attempt < allowed; attempt++) {
      List<HouseholdMember> members = store.household(petition.slug(), draft.emailKey());
      boolean sameName = members.stream().anyMatch(m -> java.util.Arrays.equals(m.nameKey(), draft.nameKey()));
      if (sameName || members.size() >= allowed) {
        return new InsertOutcome.DuplicateEmail(members.isEmpty() ? 0 : members.get(0).id());
      }
      int slot = 0;
      while (slot < allowed && taken(members, slot)) {
        slot++;
      }
      outcome = store.insert(withSlot(draft, slot), confirmNow);
      if (!(outcome instanceof InsertOutcome.DuplicateEmail)) {
        return outcome;
      }
    }
    return outcome;
  }

  private static boolean taken(List<HouseholdMember> members, int slot) {
    for (HouseholdMember member : members) {
      if (member.slot() == slot) {
        return true;
      }
    }
    return false;
  }

  private static NewSignature withSlot(NewSignature d, int slot) {
    return new NewSignature(d.petition(), d.kind(), d.emailKey(), slot, d.phoneKey(), d.nameKey(), d.networkKey(),
        d.displayName(), d.nickname(), d.comment(), d.commentHidden(), d.affiliation(), d.city(), d.country(),
        d.emailDomain(), d.network(), d.sealedPersonalData(), d.signedAt(), d.held(), d.findings(), d.consents(),
        d.formId(), d.userAgentHash(), d.locale());
  }

  private void afterConfirm(Petition petition, long id, long number, @Nullable String country, Instant now) {
    if (!events.hasListeners()) {
      return;
    }
    Instant signedAt = store.find(id).map(s -> s.data().signedAt()).orElse(now);
    publish(new PetitionEvent.Confirmed(petition.slug(), id, number, country, Duration.between(signedAt, now), now));
    if (number > 0) {
      milestones.afterCount(petition, number, country, store, now).forEach(this::publish);
    }
  }

  private List<Finding> runChecks(CheckInput input) {
    List<Finding> findings = List.of();
    for (SignatureCheck check : checks) {
      List<Finding> found = check.check(input);
      if (!found.isEmpty()) {
        findings = findings.isEmpty() ? found : append(findings, found);
      }
    }
    return findings;
  }

  private SignResult refuse(Petition petition, List<Finding> findings, Instant now) {
    boolean fraud = findings.stream().anyMatch(f -> f.fraud() && f.severity() == Severity.CRITICAL)
        || findings.stream().anyMatch(f -> f.code().equals("bot.honeypot"));
    List<String> codes = codes(findings);
    if (fraud && (silentFraud || codes.contains("bot.honeypot"))) {
      publish(new PetitionEvent.Refused(petition.slug(), codes, true, now));
      return SignResult.Pending.instance();
    }
    List<Violation> violations = new ArrayList<>();
    Duration retryAfter = null;
    for (Finding finding : findings) {
      if (VerdictPolicy.of(finding.severity()) == Verdict.REJECT) {
        violations.add(new Violation(finding.field(), finding.code(), finding.explanation()));
        if (finding.retryAfter() != null) {
          retryAfter = retryAfter == null || finding.retryAfter().compareTo(retryAfter) > 0 ? finding.retryAfter() : retryAfter;
        }
      }
    }
    if (violations.isEmpty()) {
      violations.add(new Violation("request", "signing.refused", "the signing was refused by the petition's policy"));
    }
    publish(new PetitionEvent.Refused(petition.slug(), codes, false, now));
    return new SignResult.Rejected(violations, retryAfter);
  }

  private SignResult reject(@Nullable String petition, Violation violation) {
    return reject(petition, List.of(violation));
  }

  private SignResult reject(@Nullable String petition, List<Violation> violations) {
    if (events.hasListeners() && petition != null) {
      publish(new PetitionEvent.Refused(petition, violations.stream().map(Violation::code).toList(), false,
          clock.instant()));
    }
    return new SignResult.Rejected(violations);
  }

  private void publish(PetitionEvent event) {
    events.publish(event);
  }

  private static List<String> codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).toList();
  }

  private static <T> List<T> append(List<T> list, T item) {
    List<T> copy = new ArrayList<>(list.size() + 1);
    copy.addAll(list);
    copy.add(item);
    return copy;
  }

  private static <T> List<T> append(List<T> list, List<T> more) {
    List<T> copy = new ArrayList<>(list.size() + more.size());
    copy.addAll(list);
    copy.addAll(more);
    return copy;
  }

  private static String fullName(ValidSigning signing) {
    if (signing.kind() == SignerKind.ORGANIZATION) {
      return Objects.requireNonNullElse(signing.organizationName(), "");
    }
    String first = Objects.requireNonNullElse(signing.firstName(), "");
    return signing.lastName() == null ? first : first + " " + signing.lastName();
  }

  /** A builder of {@link Petitions}; every setter checks its argument. */
  public static final class Builder {
    private SignatureStore store = new InMemorySignatureStore();
    private Clock clock = Clock.systemUTC();
    private @Nullable Tokens tokens;
    private @Nullable IdentityHasher identity;
    private @Nullable DataKeys dataKeys;
    private @Nullable ConfirmationSender sender;
    private @Nullable String baseUrl;
    private SigningLimits limits = SigningLimits.ofDefaults();
    private final List<SignatureCheck> checks = new ArrayList<>();
    private boolean defaultChecks = true;
    private VerdictPolicy policy = VerdictPolicy.bySeverity();
    private boolean silentFraud = true;
    private Milestones milestones = Milestones.ofDefaults();
    private EmailCanonicalizer canonicalizer = EmailCanonicalizer.ofDefaults();
    private DisplayNames displayNames = DisplayNames.ofDefaults();
    private Duration retention = Duration.ofDays(180);
    private AccountStore accountStore = new InMemoryAccountStore();
    private PasswordHasher passwordHasher = PasswordHasher.ofDefaults();
    private PasswordPolicy passwordPolicy = PasswordPolicy.ofDefaults();
    private LoginThrottle loginThrottle = LoginThrottle.ofDefaults();

    private Builder() {}

    /** Where petitions and signatures live; an in-memory store by default. */
    public Builder store(SignatureStore store) {
      this.store = Objects.requireNonNull(store, "store must not be null");
      return this;
    }

    /** The clock; the system UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock must not be null");
      return this;
    }

    /** The keys that sign confirmation and revocation links (required); the last one is current. */
    public Builder tokenKeys(Tokens tokens) {
      this.tokens = Objects.requireNonNull(tokens, "token keys must not be null");
      return this;
    }

    /**
     * The secret (at least 32 bytes, from configuration) keying the hashes of emails, phones and names that
     * find duplicates (required). It must stay the same for the life of the data.
     */
    public Builder identitySecret(byte[] secret) {
      this.identity = IdentityHasher.of(Objects.requireNonNull(secret, "identity secret must not be null"));
      return this;
    }

    /** The keys that encrypt personal data at rest (required); the last one is current. */
    public Builder dataKeys(DataKeys keys) {
      this.dataKeys = Objects.requireNonNull(keys, "data keys must not be null");
      return this;
    }

    /** Delivers confirmation messages (required). */
    public Builder sender(ConfirmationSender sender) {
      this.sender = Objects.requireNonNull(sender, "sender must not be null");
      return this;
    }

    /** The site's base URL, such as {@code https://petitions.example.org}; links are built on it. */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "base URL must not be null");
      java.net.URI uri;
      try {
        uri = java.net.URI.create(baseUrl);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("base URL is not a URI: " + baseUrl, e);
      }
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException("base URL must be an absolute http(s) URL, was: " + baseUrl);
      }
      this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
      return this;
    }

    public Builder limits(SigningLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits must not be null");
      return this;
    }

    /**
     * Adds a check to the pipeline, after the built-in checks (unless {@link #defaultChecks(boolean)} turned
     * them off); checks run in the order added.
     */
    public Builder check(SignatureCheck check) {
      checks.add(Objects.requireNonNull(check, "check must not be null"));
      return this;
    }

    /** Replaces the whole pipeline, built-in checks included, with these checks. */
    public Builder checks(List<? extends SignatureCheck> checks) {
      Objects.requireNonNull(checks, "checks must not be null");
      this.checks.clear();
      checks.forEach(this::check);
      this.defaultChecks = false;
      return this;
    }

    /**
     * Whether the built-in checks run first (on by default): rate limits per IP, network and domain (the UK
     * Parliament defaults), surge detection, bot signals (honeypot, form filled too fast), disposable email
     * domains, and content (links, abusive terms, mojibake, shouting, gibberish names).
     */
    public Builder defaultChecks(boolean defaultChecks) {
      this.defaultChecks = defaultChecks;
      return this;
    }

    private List<SignatureCheck> pipeline() {
      List<SignatureCheck> pipeline = new ArrayList<>();
      if (defaultChecks) {
        pipeline.add(RateLimitCheck.ofDefaults(clock));
        pipeline.add(SurgeDetector.ofDefaults(clock));
        pipeline.add(BotSignalsCheck.ofDefaults());
        pipeline.add(DisposableDomainCheck.ofDefaults());
        pipeline.add(ContentCheck.ofDefaults());
      }
      pipeline.addAll(checks);
      return List.copyOf(pipeline);
    }

    public Builder verdictPolicy(VerdictPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "verdict policy must not be null");
      return this;
    }

    /**
     * Whether a signing refused for fraud is answered as if it had been accepted (on by default): errors
     * give bots hints.
     */
    public Builder silentFraud(boolean silentFraud) {
      this.silentFraud = silentFraud;
      return this;
    }

    public Builder milestones(Milestones milestones) {
      this.milestones = Objects.requireNonNull(milestones, "milestones must not be null");
      return this;
    }

    public Builder emailCanonicalizer(EmailCanonicalizer canonicalizer) {
      this.canonicalizer = Objects.requireNonNull(canonicalizer, "email canonicalizer must not be null");
      return this;
    }

    /** Where returning signers' accounts live; in memory by default. */
    public Builder accountStore(AccountStore accountStore) {
      this.accountStore = Objects.requireNonNull(accountStore, "account store must not be null");
      return this;
    }

    /** How passwords are hashed; Argon2id at OWASP's parameters by default. */
    public Builder passwordHasher(PasswordHasher hasher) {
      this.passwordHasher = Objects.requireNonNull(hasher, "password hasher must not be null");
      return this;
    }

    /** Which passwords are refused; under 8 characters or common ones by default. */
    public Builder passwordPolicy(PasswordPolicy policy) {
      this.passwordPolicy = Objects.requireNonNull(policy, "password policy must not be null");
      return this;
    }

    /** How failed logins are throttled; the lock doubles every 5 failures by default. */
    public Builder loginThrottle(LoginThrottle throttle) {
      this.loginThrottle = Objects.requireNonNull(throttle, "login throttle must not be null");
      return this;
    }

    /**
     * How long after a petition closes its signers' personal data is kept (180 days by default, as the UK
     * Parliament's site does); {@link DataSubjectRights#applyRetention} erases it after that.
     */
    public Builder retention(Duration retention) {
      Objects.requireNonNull(retention, "retention must not be null");
      if (retention.isNegative()) {
        throw new IllegalArgumentException("retention must not be negative");
      }
      this.retention = retention;
      return this;
    }

    /** How names are shown in public; the English rules ("Signer #276") by default. */
    public Builder displayNames(DisplayNames displayNames) {
      this.displayNames = Objects.requireNonNull(displayNames, "display names must not be null");
      return this;
    }

    /** Builds the instance. Fails fast, naming what is missing. */
    public Petitions build() {
      return new Petitions(this);
    }
  }
}
