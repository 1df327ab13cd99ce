package org.petition;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.petition.account.Accounts;
import org.petition.account.LoginAttempts;
import org.petition.account.LoginThrottle;
import org.petition.account.PasswordHasher;
import org.petition.account.PasswordPolicy;
import org.petition.account.SignedInSigner;
import org.petition.check.BotSignalsCheck;
import org.petition.check.ContentCheck;
import org.petition.check.DisposableDomainCheck;
import org.petition.check.LimitStore;
import org.petition.check.NearDuplicateCheck;
import org.petition.check.RateLimitCheck;
import org.petition.check.SignatureCheck;
import org.petition.check.SharedLimitChecks;
import org.petition.check.SurgeDetector;
import org.petition.check.VerdictPolicy;
import org.petition.event.PetitionEvent;
import org.petition.event.PetitionEvents;
import org.petition.identity.EmailCanonicalizer;
import org.petition.identity.IdentityHasher;
import org.petition.internal.AccountService;
import org.petition.internal.Admission;
import org.petition.internal.Checks;
import org.petition.internal.FormTokens;
import org.petition.internal.ConfirmationPipeline;
import org.petition.internal.CountAnnouncer;
import org.petition.internal.Drafts;
import org.petition.internal.EventBus;
import org.petition.internal.InvitationService;
import org.petition.internal.InvitationThrottle;
import org.petition.internal.Links;
import org.petition.internal.MemoryLimitStore;
import org.petition.invite.InvitationLimits;
import org.petition.invite.Invitations;
import org.petition.store.InvitationStore;
import org.petition.internal.MilestoneTracker;
import org.petition.internal.ModerationService;
import org.petition.internal.PhotoService;
import org.petition.internal.PublicViews;
import org.petition.internal.ResendThrottle;
import org.petition.internal.Resends;
import org.petition.internal.Revocations;
import org.petition.internal.SigningMail;
import org.petition.internal.SigningPipeline;
import org.petition.internal.SigningValidator;
import org.petition.mail.ConfirmationSender;
import org.petition.moderation.Moderation;
import org.petition.photo.PhotoLimits;
import org.petition.photo.PhotoProcessor;
import org.petition.photo.Photos;
import org.petition.privacy.DataKeys;
import org.petition.privacy.DisplayNames;
import org.petition.privacy.PersonalDataCipher;
import org.petition.log.LogKeys;
import org.petition.store.AccountStore;
import org.petition.store.KeyFingerprintStore;
import org.petition.store.KeyFingerprints;
import org.petition.store.PhotoStore;
import org.petition.store.SignatureStore;
import org.petition.store.memory.InMemoryAccountStore;
import org.petition.store.memory.InMemoryPhotoStore;
import org.petition.store.memory.InMemorySignatureStore;
import org.petition.token.Tokens;
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


  private final SignatureStore store;
  private final Clock clock;
  private final Tokens tokens;
  private final String baseUrl;
  private final SigningLimits limits;
  private final EventBus events = new EventBus();
  private final PublicViews views;
  private final ConcurrentMap<String, Petition> petitions = new ConcurrentHashMap<>();
  private final long definitionsRefreshNanos;
  private final AtomicLong nextDefinitionsCheck = new AtomicLong(System.nanoTime());
  private volatile long definitionsVersion;
  private final SigningPipeline signing;
  private final Resends resends;
  private final ConfirmationPipeline confirmation;
  private final Revocations revocations;
  private final Moderation moderation;
  private final DataSubjectRights subjects;
  private final Accounts accounts;
  private final TransparencyLog log;
  private final Exports exports;
  private final FormTokens formTokens;
  private final PhotoService photos;
  private final InvitationService invitations;
  private final int relatedMinSigners;

  private Petitions(Builder builder) {
    this.store = builder.store;
    this.clock = builder.clock;
    this.relatedMinSigners = builder.relatedMinSigners;
    this.tokens = Objects.requireNonNull(builder.tokens, "token keys must be set: tokenKeys(...)");
    IdentityHasher identity =
        Objects.requireNonNull(builder.identity, "an identity secret must be set: identitySecret(...)");
    PersonalDataCipher cipher = PersonalDataCipher.of(
        Objects.requireNonNull(builder.dataKeys, "personal data keys must be set: dataKeys(...)"));
    ConfirmationSender sender = Objects.requireNonNull(builder.sender, "a confirmation sender must be set: sender(...)");
    if (store instanceof KeyFingerprintStore recorded && builder.identitySecret != null) {
      requireKnownKeys(recorded, builder.identitySecret, Objects.requireNonNull(builder.dataKeys), tokens);
    }
    this.baseUrl = Objects.requireNonNull(builder.baseUrl, "a base URL for links must be set: baseUrl(...)");
    this.limits = builder.limits;
    this.views = new PublicViews(store, builder.displayNames);
    Links links = new Links(baseUrl);
    this.formTokens = new FormTokens(tokens, builder.formTokenLimits);
    Checks checks = new Checks(builder.pipeline(), builder.policy, builder.silentFraud, formTokens);
    for (SignatureCheck check : checks.all()) {
      SurgeDetector detector = check instanceof SurgeDetector surges ? surges
          : check instanceof SharedLimitChecks shared ? shared.surges() : null;
      if (detector != null) {
        detector.onSurge(surge -> events.publish(new PetitionEvent.SurgeDetected(surge.petition(), surge, surge.at())));
      }
    }
    CountAnnouncer counts = new CountAnnouncer(events, new MilestoneTracker(builder.milestones), store);
    // The in-memory store's own photo store loses a photo in the same step as its signature's personal data.
    PhotoStore photoStore = builder.photoStore != null ? builder.photoStore
        : store instanceof InMemorySignatureStore memory ? memory.photos() : new InMemoryPhotoStore();
    this.photos = new PhotoService(photoStore, PhotoProcessor.of(builder.photoLimits), clock, events,
        this::petition);
    SigningMail mail = new SigningMail(sender, tokens, links, limits.pendingTtl(), limits.revokeLinkTtl());
    this.resends = new Resends(store, mail, new ResendThrottle(builder.resendLimits, clock), events, builder.canonicalizer,
        identity, limits.confirmGraceAfterClose());
    this.invitations = new InvitationService(clock, tokens, links, this::petition, store,
        store instanceof InvitationStore kept ? kept : null, identity, builder.canonicalizer, sender,
        builder.displayNames, builder.invitationLimits, new InvitationThrottle(
            builder.limitStore != null ? builder.limitStore : new MemoryLimitStore(100_000, clock),
            builder.invitationLimits, clock));
    this.signing = new SigningPipeline(clock, new Admission(this::petition, new SigningValidator(limits)),
        builder.canonicalizer, identity, checks, new Drafts(builder.displayNames, cipher), store, mail, resends,
        events, counts, photos, invitations);
    this.revocations = new Revocations(clock, tokens, store, events, limits.pendingTtl());
    this.confirmation = new ConfirmationPipeline(clock, tokens, this::petition, limits.confirmGraceAfterClose(), store,
        counts);
    this.moderation = new ModerationService(store, clock, events);
    this.accounts = new AccountService(builder.accountStore, clock, tokens, identity, builder.canonicalizer, cipher,
        sender, links, builder.passwordHasher, builder.passwordPolicy, builder.shared(builder.loginThrottle),
        builder.shared(builder.clientLoginThrottle));
    this.subjects = new DataSubjectRights(store, clock, tokens, identity, builder.canonicalizer, cipher, sender, events,
        links, limits.pendingTtl(), builder.retention, builder.resendLimits, builder.accountStore, photos,
        store instanceof InvitationStore kept ? kept : null);
    this.definitionsRefreshNanos = builder.definitionsRefresh.toNanos();
    this.definitionsVersion = store.definitionsVersion();
    this.log = new TransparencyLog(store, clock, tokens, baseUrl, builder.logKeys);
    this.exports = new Exports(store, log, cipher, (slug, cursor) -> latest(slug, cursor, 100));
    for (Petition petition : store.petitions()) {
      petitions.put(petition.slug(), petition);
    }
    nextDefinitionsCheck.set(System.nanoTime() + definitionsRefreshNanos);
  }

  /**
   * Refuses keys other than those the store's data was written with (see {@link KeyFingerprints}); records the
   * fingerprints of new ones.
   */
  private static void requireKnownKeys(KeyFingerprintStore store, byte[] identitySecret, DataKeys dataKeys,
      Tokens tokens) {
    List<KeyFingerprints.Problem> problems =
        KeyFingerprints.checkAndRecord(store, KeyFingerprints.of(identitySecret, dataKeys, tokens));
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the configured keys are not those the stored data was written with: "
          + problems.stream().map(KeyFingerprints.Problem::problem).collect(Collectors.joining("; "))
          + ". Configure the keys the data was written with; add new data and token keys beside the old ones.");
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

  /** What moderators do: held signatures, approvals, revocations, bulk invalidation, undo. */
  public Moderation moderation() {
    return moderation;
  }

  /** Returning signers: registration, verification, login, password reset. */
  public Accounts accounts() {
    return accounts;
  }

  /**
   * The photos of photo campaigns ({@link PhotoPolicy}): public photos, the mosaic, and their moderation. A
   * photo comes with {@link #sign(SignatureRequest, SignedInSigner, byte[])}.
   */
  public Photos photos() {
    return photos;
  }

  /**
   * Invite friends: a counted signer's invite token, invitations by mail within {@link
   * Builder#invitationLimits}, the "never email me again" link, and each petition's aggregates. Needs a store
   * that keeps invitations ({@link InvitationStore}: the in-memory and JDBC stores do).
   */
  public Invitations invitations() {
    return invitations;
  }

  /** The rights of signers: consent withdrawal, erasure, access, and retention after close. */
  public DataSubjectRights subjects() {
    return subjects;
  }

  /**
   * The petitions' transparency logs: signed checkpoints, entries, proofs and receipts (checkpoints need
   * {@link Builder#logKeys}).
   */
  public TransparencyLog log() {
    return log;
  }

  /**
   * Writes a petition's delivery export to {@code out}: CSV (RFC 4180) at {@code level} ({@link
   * ExportLevel#COUNTS} the totals, {@link ExportLevel#PUBLIC} the public list, {@link ExportLevel#TARGET} the
   * names signers gave, for the official recipient only), whose last record is {@code checkpoint,<signed
   * checkpoint>}: the transparency log's checkpoint the rows correspond to, so the recipient can check the
   * file against the public log. Signs a checkpoint first when the log grew since the latest one.
   *
   * @return the checkpoint written ({@link LogAnswer.Found}), or why nothing was written: an unknown petition,
   *     or no log or keys to sign with ({@link LogAnswer.NotKept})
   * @throws java.io.IOException if {@code out} fails
   */
  public LogAnswer<String> export(String slug, ExportLevel level, java.io.Writer out) throws java.io.IOException {
    Objects.requireNonNull(slug, "slug must not be null");
    Objects.requireNonNull(level, "level must not be null");
    Objects.requireNonNull(out, "out must not be null");
    return exports.export(slug, level, out);
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

  /**
   * Reads the definitions again now if the store says another instance changed one since they were read
   * (every {@link Builder#definitionsRefresh} this happens anyway, on the next lookup). Answers whether they
   * were read again. A store that cannot be reached leaves the cached definitions in use and throws.
   */
  public boolean refreshDefinitions() {
    nextDefinitionsCheck.set(System.nanoTime() + definitionsRefreshNanos);
    long version = store.definitionsVersion();
    if (version == definitionsVersion) {
      return false;
    }
    // The version first: a change saved while the definitions are read raises it again, and the next
    // check reads them once more.
    definitionsVersion = version;
    List<Petition> fresh = store.petitions();
    Set<String> slugs = new HashSet<>();
    for (Petition petition : fresh) {
      petitions.put(petition.slug(), petition);
      slugs.add(petition.slug());
    }
    petitions.keySet().retainAll(slugs);
    return true;
  }

  // One caller per interval checks the store's version; the others use the cache meanwhile.
  private void refreshIfDue() {
    long due = nextDefinitionsCheck.get();
    long now = System.nanoTime();
    if (now - due < 0 || !nextDefinitionsCheck.compareAndSet(due, now + definitionsRefreshNanos)) {
      return;
    }
    try {
      refreshDefinitions();
    } catch (RuntimeException e) {
      // The cached definitions serve until the store answers again; the signing itself will meet the
      // store's failure if there is one.
      LoggerFactory.getLogger(Petitions.class).debug("could not check the petition definitions for changes: {}", e.getClass().getSimpleName());
    }
  }

  /** The petition with this slug. */
  public Optional<Petition> petition(@Nullable String slug) {
    if (slug == null) {
      return Optional.empty();
    }
    refreshIfDue();
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
   * A repeated signing mails what {@link #resend} would.
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
    return signing.sign(request, signer);
  }

  /**
   * Takes a signing with a photo (a petition whose {@link Petition#photos()} accepts one): as {@link
   * #sign(SignatureRequest, SignedInSigner)}, and the photo is checked once the fields are valid — an upload that
   * is not a JPEG or PNG, over the {@link PhotoLimits} (5 MB, 4096 × 4096 by default, read from the header
   * before decoding), truncated or damaged, or sent to a petition that takes none is answered {@link
   * SignResult.Rejected} on the field {@code photo} — then stored with the signature, re-encoded without
   * metadata, held for a moderator under {@link PhotoPolicy#HELD}. A repeated signing keeps the first photo.
   *
   * @param photo the uploaded bytes, or {@code null} for none
   */
  public SignResult sign(SignatureRequest request, @Nullable SignedInSigner signer, byte @Nullable [] photo) {
    Objects.requireNonNull(request, "request must not be null");
    return signing.sign(request, signer, photo);
  }

  /**
   * "Didn't get the mail?": a pending signature of the address gets its confirmation mail again (earlier links
   * keep working), a confirmed one "you have already signed", none nothing; within the {@link ResendLimits}.
   *
   * @param locale the mail's language, or {@code null} for the signature's
   * @return {@link SignResult.Pending} whether or not the address signed; {@link SignResult.Rejected} only for
   *     an unknown petition, one closed past its confirmation grace, or an invalid {@code email}
   */
  public SignResult resend(@Nullable String slug, @Nullable String email, @Nullable Locale locale) {
    return resends.request(petition(slug).orElse(null), email, locale, clock.instant());
  }

  /** Follows a confirmation link. Safe to call twice: the second call changes nothing. */
  public ConfirmResult confirm(@Nullable String token) {
    return confirmation.confirm(token);
  }

  /** Follows a "this wasn't me" link: the signature is removed and the counts corrected. */
  public RevokeResult revoke(@Nullable String token) {
    return revocations.revoke(token);
  }

  /**
   * A server-signed form token for a signing form of petition {@code slug} rendered now: put it in the form's
   * hidden field {@code formToken} (or hand it to an API client); the signing sends it back in {@link
   * SignatureRequest.Builder#formToken}. It holds the petition and the render time, so the fill-time check
   * measures from the server's clock; a signing that brings none, a forged, expired or over-used one is the
   * bot signal {@code bot.form_token} ({@link FormTokenLimits}).
   *
   * @throws IllegalArgumentException for a slug over 150 UTF-8 bytes (no petition has one)
   */
  public String formToken(String slug) {
    Objects.requireNonNull(slug, "slug must not be null");
    if (slug.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 150) {
      throw new IllegalArgumentException("slug must be at most 150 UTF-8 bytes");
    }
    return formTokens.mint(slug, clock.instant());
  }

  /** The petition's counter, or empty for an unknown petition. */
  public Optional<Tally> tally(@Nullable String slug) {
    return petition(slug).map(views::tally);
  }

  /**
   * The latest counted signatures, newest first, as the public may see them.
   *
   * <p>An unknown petition is never an exception, across the API: what reads one answers empty ({@link #tally} an
   * empty Optional, {@code latest} and {@link #organizations} an empty page without a next cursor, {@link
   * #petition} an empty Optional, which tells an unknown petition from one without signatures), and what writes
   * to one ({@link #sign}, {@link #resend}) answers {@link SignResult.Rejected} naming the field {@code petition}.
   *
   * @param cursor {@code null} for the first page, else the {@code next} of the previous page
   * @param limit 1 to 100
   * @throws IllegalArgumentException for a malformed cursor or a bad limit (a caller's mistake, whatever the
   *     petition)
   */
  public SignaturePage latest(@Nullable String slug, @Nullable String cursor, int limit) {
    return page(slug, null, cursor, limit);
  }

  /** The organisations that signed, newest first; paged like {@link #latest}. */
  public SignaturePage organizations(@Nullable String slug, @Nullable String cursor, int limit) {
    return page(slug, SignerKind.ORGANIZATION, cursor, limit);
  }

  private SignaturePage page(@Nullable String slug, @Nullable SignerKind kind, @Nullable String cursor, int limit) {
    Optional<Petition> petition = petition(slug);
    if (petition.isEmpty()) {
      PublicViews.checkPaging(cursor, limit); // a bad limit or cursor fails the same whatever the petition
      return new SignaturePage(List.of(), null, false);
    }
    return views.page(petition.get(), kind, cursor, limit);
  }

  /** The fewest distinct signers two petitions must share before either lists the other; never below 5. */
  public static final int MIN_RELATED_SIGNERS = 5;

  /**
   * "Signers also signed": the petitions most often co-signed by this petition's counted signers (matched by
   * their keyed email hash), most shared first, each shared by at least {@link Builder#relatedMinSigners}
   * distinct signers (5 by default, never fewer), so no single signer can be inferred from the list. Read from
   * the counters the store keeps with every confirmation, revocation, removal and erasure: no scan of
   * signatures. Petitions the store knows no definition of are left out.
   *
   * @param limit 1 to 20
   * @return empty for an unknown petition, else the list (possibly empty)
   * @throws IllegalArgumentException for a limit out of range
   */
  public Optional<List<RelatedPetition>> related(@Nullable String slug, int limit) {
    if (limit < 1 || limit > 20) {
      throw new IllegalArgumentException("limit must be 1 to 20: " + limit);
    }
    Optional<Petition> petition = petition(slug);
    if (petition.isEmpty()) {
      return Optional.empty();
    }
    List<RelatedPetition> related = new java.util.ArrayList<>(limit);
    for (org.petition.store.CoSigningStore.CoSigned shared
        : store.coSigned(petition.get().slug(), relatedMinSigners, limit + 5)) {
      if (shared.signers() < relatedMinSigners) {
        continue; // the store's answer is checked, not trusted, on what protects signers
      }
      petition(shared.petition()).ifPresent(
          other -> related.add(new RelatedPetition(other.slug(), other.title(), other.target())));
      if (related.size() == limit) {
        break;
      }
    }
    return Optional.of(List.copyOf(related));
  }

  /**
   * Deletes pending signatures older than the pending TTL, at most {@code limit}; for the host to schedule.
   *
   * @return how many were deleted
   */
  public int purgePending(int limit) {
    return revocations.purgePending(limit);
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
    private ResendLimits resendLimits = ResendLimits.ofDefaults();
    private FormTokenLimits formTokenLimits = FormTokenLimits.ofDefaults();
    private final List<SignatureCheck> checks = new ArrayList<>();
    private boolean defaultChecks = true;
    private byte @Nullable [] identitySecret;
    private VerdictPolicy policy = VerdictPolicy.bySeverity();
    private boolean silentFraud = true;
    private Milestones milestones = Milestones.ofDefaults();
    private EmailCanonicalizer canonicalizer = EmailCanonicalizer.ofDefaults();
    private DisplayNames displayNames = DisplayNames.ofDefaults();
    private Duration retention = Duration.ofDays(180);
    private AccountStore accountStore = new InMemoryAccountStore();
    private PasswordHasher passwordHasher = PasswordHasher.ofDefaults();
    private PasswordPolicy passwordPolicy = PasswordPolicy.ofDefaults();
    private LoginAttempts loginThrottle = LoginThrottle.ofDefaults();
    private LoginAttempts clientLoginThrottle = LoginThrottle.forClients();
    private @Nullable LimitStore limitStore;
    private Duration definitionsRefresh = Duration.ofSeconds(1);
    private @Nullable LogKeys logKeys;
    private @Nullable PhotoStore photoStore;
    private PhotoLimits photoLimits = PhotoLimits.ofDefaults();
    private InvitationLimits invitationLimits = InvitationLimits.ofDefaults();
    private int relatedMinSigners = MIN_RELATED_SIGNERS;

    private Builder() {}

    /**
     * Where photos of photo campaigns live; in memory by default (with the in-memory store, that store's own
     * {@link InMemorySignatureStore#photos()}). With the JDBC store, a {@link
     * org.petition.store.jdbc.JdbcPhotoStore} on the same data source and schema.
     */
    public Builder photoStore(PhotoStore photoStore) {
      this.photoStore = Objects.requireNonNull(photoStore, "photo store must not be null");
      return this;
    }

    /** What a photo may be (5 MB, 4096 × 4096 pixels by default) and how it is stored. */
    public Builder photoLimits(PhotoLimits photoLimits) {
      this.photoLimits = Objects.requireNonNull(photoLimits, "photo limits must not be null");
      return this;
    }

    /**
     * How invitations are limited: 10 addresses a day per signer, 30 an hour per IP address, 100 a day per
     * network, tokens valid 30 days by default. Counted in the {@link #limitStore} when there is one (shared by
     * instances), else in this instance's memory.
     */
    public Builder invitationLimits(InvitationLimits limits) {
      this.invitationLimits = Objects.requireNonNull(limits, "invitation limits must not be null");
      return this;
    }

    /**
     * The fewest distinct signers two petitions must share before {@link Petitions#related} lists one beside the
     * other: {@link #MIN_RELATED_SIGNERS} (5, the default) or more.
     */
    public Builder relatedMinSigners(int minSigners) {
      if (minSigners < MIN_RELATED_SIGNERS) {
        throw new IllegalArgumentException("related petitions need at least " + MIN_RELATED_SIGNERS
            + " shared signers, so no one signer can be inferred: " + minSigners);
      }
      this.relatedMinSigners = minSigners;
      return this;
    }

    /**
     * The keys that sign the transparency logs' checkpoints (the last one signs, all are published); without
     * them the store's logs are kept but no checkpoint is signed.
     */
    public Builder logKeys(LogKeys logKeys) {
      this.logKeys = Objects.requireNonNull(logKeys, "log keys must not be null");
      return this;
    }

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
      this.identitySecret = secret.clone();
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

    /** How form tokens ({@link Petitions#formToken}) are judged: 1 day, 3 uses each by default. */
    public Builder formTokenLimits(FormTokenLimits limits) {
      this.formTokenLimits = Objects.requireNonNull(limits, "form token limits must not be null");
      return this;
    }

    /** How often one address may be mailed again ({@link Petitions#resend}); 1 a minute, 5 a day by default. */
    public Builder resendLimits(ResendLimits resendLimits) {
      this.resendLimits = Objects.requireNonNull(resendLimits, "resend limits must not be null");
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
      if (limitStore != null) {
        pipeline.replaceAll(this::shared);
        // One store update per signing for the rate limits and the surge counts, not one each.
        pipeline = new ArrayList<>(SharedLimitChecks.merged(pipeline));
      }
      // Always last, and on even without the built-in checks: the one check that reads the store.
      pipeline.add(NearDuplicateCheck.over(store));
      return List.copyOf(pipeline);
    }

    /**
     * Keeps the state of every limit in {@code store}, shared by all instances using it: the rate limits and
     * surge counts of each {@link RateLimitCheck} and {@link SurgeDetector} in the pipeline (built-in or
     * added) that is not shared already, and the login throttles' attempts (per account and per client) when they
     * are {@link LoginThrottle}s, the default. Without it (the default) each
     * instance counts in its own memory, so N instances allow N times the limits.
     */
    public Builder limitStore(LimitStore store) {
      this.limitStore = Objects.requireNonNull(store, "limit store must not be null");
      return this;
    }

    /**
     * How often a lookup checks whether another instance sharing the store changed a petition's definition
     * (one small query; 1 second by default, so a change is seen within about a second): 0 to an hour. A
     * store only this instance writes never reports a change.
     */
    public Builder definitionsRefresh(Duration interval) {
      Objects.requireNonNull(interval, "definitions refresh must not be null");
      if (interval.isNegative() || interval.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("definitions refresh must be between 0 and an hour, was " + interval);
      }
      this.definitionsRefresh = interval;
      return this;
    }

    private SignatureCheck shared(SignatureCheck check) {
      LimitStore store = Objects.requireNonNull(limitStore);
      if (check instanceof RateLimitCheck rates && rates.limitStore().isEmpty()) {
        return rates.sharedIn(store);
      }
      if (check instanceof SurgeDetector surges && surges.limitStore().isEmpty()) {
        return surges.sharedIn(store);
      }
      return check;
    }

    // An in-memory throttle given, or the default, counts in the shared store when there is one.
    private LoginAttempts shared(LoginAttempts attempts) {
      return limitStore != null && attempts instanceof LoginThrottle throttle ? throttle.sharedIn(limitStore)
          : attempts;
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

    /**
     * How failed logins of one account are throttled; the lock doubles every 5 failures by default, and a
     * success forgets them. Any {@link LoginAttempts}, e.g. one counting in a shared database.
     */
    public Builder loginThrottle(LoginAttempts throttle) {
      this.loginThrottle = Objects.requireNonNull(throttle, "login throttle must not be null");
      return this;
    }

    /**
     * How failed logins from one client (the {@code clientKey} of {@link org.petition.account.Accounts#login})
     * are throttled, apart from the account's: {@link LoginThrottle#forClients()} by default (50 failures per
     * lock, up to an hour, never reset by a success).
     */
    public Builder clientLoginThrottle(LoginAttempts throttle) {
      this.clientLoginThrottle = Objects.requireNonNull(throttle, "client login throttle must not be null");
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
