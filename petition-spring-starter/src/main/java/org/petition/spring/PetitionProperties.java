package org.petition.spring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.petition.PhotoPolicy;
import org.petition.privacy.ConsentPurpose;
import org.petition.ResendLimits;
import org.petition.SigningLimits;
import org.petition.privacy.DisplayNamePolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration of petition under the {@code petition} prefix, bound by Spring Boot and enabled by {@link
 * PetitionAutoConfiguration}. It only holds values: {@link PetitionPropertiesMapper} checks them and turns
 * them into the core's builders and the starter's components, naming the property in every error.
 *
 * <p>Secrets (token keys, the identity secret, data keys) come from configuration only, as base64; they
 * are never logged and never echoed in error messages.
 */
@ConfigurationProperties("petition")
public class PetitionProperties {

  private static final SigningLimits DEFAULT_LIMITS = SigningLimits.ofDefaults();
  private static final ResendLimits DEFAULT_RESEND = ResendLimits.ofDefaults();

  /** The site's absolute base URL, such as https://petitions.example.org; confirmation links are built on it. */
  private @Nullable String baseUrl;

  /** Whether a signing refused for fraud is answered as if it had been accepted (errors give bots hints). */
  private boolean silentFraud = true;

  private final Tokens tokens = new Tokens();

  private final Identity identity = new Identity();

  private final Privacy privacy = new Privacy();

  private final Limits limits = new Limits();

  private final Resend resend = new Resend();

  private final MilestoneSettings milestones = new MilestoneSettings();

  /** Petitions created or updated at start-up. */
  private List<Definition> petitions = new ArrayList<>();

  private final Store store = new Store();

  private final Maintenance maintenance = new Maintenance();

  private final Purge purge = new Purge();

  private final Retention retention = new Retention();

  private final Mail mail = new Mail();

  private final Web web = new Web();

  @NestedConfigurationProperty
  private final FormTokenProperties formToken = new FormTokenProperties();

  private final Events events = new Events();

  @NestedConfigurationProperty
  private final InvitationProperties invitations = new InvitationProperties();

  @NestedConfigurationProperty
  private final PetitionLogProperties log = new PetitionLogProperties();

  private final Dev dev = new Dev();

  /** The built-in checks (rate limits, surges, bot signals, disposable domains, content). */
  @NestedConfigurationProperty
  private final PetitionCheckProperties checks = new PetitionCheckProperties();

  public @Nullable String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(@Nullable String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public boolean isSilentFraud() {
    return silentFraud;
  }

  public void setSilentFraud(boolean silentFraud) {
    this.silentFraud = silentFraud;
  }

  public Tokens getTokens() {
    return tokens;
  }

  public Identity getIdentity() {
    return identity;
  }

  public Privacy getPrivacy() {
    return privacy;
  }

  public Limits getLimits() {
    return limits;
  }

  public Resend getResend() {
    return resend;
  }

  public MilestoneSettings getMilestones() {
    return milestones;
  }

  public List<Definition> getPetitions() {
    return petitions;
  }

  public void setPetitions(List<Definition> petitions) {
    this.petitions = petitions;
  }

  public Store getStore() {
    return store;
  }

  public Maintenance getMaintenance() {
    return maintenance;
  }

  public Purge getPurge() {
    return purge;
  }

  public Retention getRetention() {
    return retention;
  }

  public Mail getMail() {
    return mail;
  }

  public FormTokenProperties getFormToken() {
    return formToken;
  }

  public InvitationProperties getInvitations() {
    return invitations;
  }

  public Web getWeb() {
    return web;
  }

  public PetitionLogProperties getLog() {
    return log;
  }

  public Events getEvents() {
    return events;
  }

  public PetitionCheckProperties getChecks() {
    return checks;
  }

  public Dev getDev() {
    return dev;
  }

  /** A key with an id, its secret given in base64. */
  public static class Key {

    /** The key's id, 1-16 of [A-Za-z0-9_-]; written into what the key signs or seals. */
    private @Nullable String id;

    /** The secret, base64 (standard or URL-safe). Never logged. */
    private @Nullable String secret;

    public @Nullable String getId() {
      return id;
    }

    public void setId(@Nullable String id) {
      this.id = id;
    }

    public @Nullable String getSecret() {
      return secret;
    }

    public void setSecret(@Nullable String secret) {
      this.secret = secret;
    }

    @Override
    public String toString() {
      return "Key[id=" + id + ", secret=" + (secret == null ? "unset" : "(set)") + "]";
    }
  }

  /** The keys that sign confirmation and "this wasn't me" links. */
  public static class Tokens {

    /**
     * The key ring, oldest first; the last key signs new links, every key still verifies. Each secret is at
     * least 32 random bytes, base64.
     */
    private List<Key> keys = new ArrayList<>();

    public List<Key> getKeys() {
      return keys;
    }

    public void setKeys(List<Key> keys) {
      this.keys = keys;
    }
  }

  /** The secret keying the hashes that find duplicate emails, phones and names. */
  public static class Identity {

    /** At least 32 random bytes, base64. Must stay the same for the life of the data. */
    private @Nullable String secret;

    public @Nullable String getSecret() {
      return secret;
    }

    public void setSecret(@Nullable String secret) {
      this.secret = secret;
    }

    @Override
    public String toString() {
      return "Identity[secret=" + (secret == null ? "unset" : "(set)") + "]";
    }
  }

  /** The keys that encrypt personal data at rest. */
  public static class Privacy {

    /** AES-256 keys, oldest first; the last one seals new data. Each secret is exactly 32 bytes, base64. */
    private List<Key> keys = new ArrayList<>();

    public List<Key> getKeys() {
      return keys;
    }

    public void setKeys(List<Key> keys) {
      this.keys = keys;
    }
  }

  /** Field lengths and lifetimes; the defaults are core's. */
  public static class Limits {

    /** The most characters in a first or last name. */
    private int maxNameLength = DEFAULT_LIMITS.maxNameLength();

    /** The most characters in an organisation's name. */
    private int maxOrganizationNameLength = DEFAULT_LIMITS.maxOrganizationNameLength();

    /** The most characters in a nickname. */
    private int maxNicknameLength = DEFAULT_LIMITS.maxNicknameLength();

    /** The most characters in a city. */
    private int maxCityLength = DEFAULT_LIMITS.maxCityLength();

    /** The most characters in an affiliation. */
    private int maxAffiliationLength = DEFAULT_LIMITS.maxAffiliationLength();

    /** The most characters in a comment. */
    private int maxCommentLength = DEFAULT_LIMITS.maxCommentLength();

    /** How long a pending signature and its confirmation link live (7 days by default). */
    private Duration pendingTtl = DEFAULT_LIMITS.pendingTtl();

    /** How long a "this wasn't me" link lives (180 days by default). */
    private Duration revokeLinkTtl = DEFAULT_LIMITS.revokeLinkTtl();

    /** How long after a petition closes a pending signature may still be confirmed (24 hours by default). */
    private Duration confirmGraceAfterClose = DEFAULT_LIMITS.confirmGraceAfterClose();

    public int getMaxNameLength() {
      return maxNameLength;
    }

    public void setMaxNameLength(int maxNameLength) {
      this.maxNameLength = maxNameLength;
    }

    public int getMaxOrganizationNameLength() {
      return maxOrganizationNameLength;
    }

    public void setMaxOrganizationNameLength(int maxOrganizationNameLength) {
      this.maxOrganizationNameLength = maxOrganizationNameLength;
    }

    public int getMaxNicknameLength() {
      return maxNicknameLength;
    }

    public void setMaxNicknameLength(int maxNicknameLength) {
      this.maxNicknameLength = maxNicknameLength;
    }

    public int getMaxCityLength() {
      return maxCityLength;
    }

    public void setMaxCityLength(int maxCityLength) {
      this.maxCityLength = maxCityLength;
    }

    public int getMaxAffiliationLength() {
      return maxAffiliationLength;
    }

    public void setMaxAffiliationLength(int maxAffiliationLength) {
      this.maxAffiliationLength = maxAffiliationLength;
    }

    public int getMaxCommentLength() {
      return maxCommentLength;
    }

    public void setMaxCommentLength(int maxCommentLength) {
      this.maxCommentLength = maxCommentLength;
    }

    public Duration getPendingTtl() {
      return pendingTtl;
    }

    public void setPendingTtl(Duration pendingTtl) {
      this.pendingTtl = pendingTtl;
    }

    public Duration getRevokeLinkTtl() {
      return revokeLinkTtl;
    }

    public void setRevokeLinkTtl(Duration revokeLinkTtl) {
      this.revokeLinkTtl = revokeLinkTtl;
    }

    public Duration getConfirmGraceAfterClose() {
      return confirmGraceAfterClose;
    }

    public void setConfirmGraceAfterClose(Duration confirmGraceAfterClose) {
      this.confirmGraceAfterClose = confirmGraceAfterClose;
    }
  }

  /**
   * How often one address may be mailed again: its confirmation link when it signs again or asks for it
   * ({@code POST /api/petitions/{slug}/resends}) while its signature is pending, "already signed" once confirmed.
   * Counted per address in memory; beyond a limit nothing is sent and the answer is the same.
   */
  public static class Resend {

    /** The most mails again to one address in any minute; 0 sends none. */
    private int perMinute = DEFAULT_RESEND.perMinute();

    /** The most mails again to one address in any 24 hours; 0 sends none. */
    private int perDay = DEFAULT_RESEND.perDay();

    /** The most addresses remembered at once (the least used are forgotten first). */
    private long maximumKeys = DEFAULT_RESEND.maximumKeys();

    public int getPerMinute() {
      return perMinute;
    }

    public void setPerMinute(int perMinute) {
      this.perMinute = perMinute;
    }

    public int getPerDay() {
      return perDay;
    }

    public void setPerDay(int perDay) {
      this.perDay = perDay;
    }

    public long getMaximumKeys() {
      return maximumKeys;
    }

    public void setMaximumKeys(long maximumKeys) {
      this.maximumKeys = maximumKeys;
    }
  }

  /** Which counts raise a milestone event. */
  public static class MilestoneSettings {

    /** Whether milestone events are raised at all. */
    private boolean enabled = true;

    /** Percentages of the total goal and of each country goal. */
    private List<Integer> percents = new ArrayList<>(List.of(25, 50, 75, 100));

    /** Absolute counts, optionally to be reached within a time from the petition's opening. */
    private List<Threshold> thresholds = new ArrayList<>();

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public List<Integer> getPercents() {
      return percents;
    }

    public void setPercents(List<Integer> percents) {
      this.percents = percents;
    }

    public List<Threshold> getThresholds() {
      return thresholds;
    }

    public void setThresholds(List<Threshold> thresholds) {
      this.thresholds = thresholds;
    }
  }

  /** An absolute milestone, such as 100,000 signatures within 30 days. */
  public static class Threshold {

    /** The count. */
    private long count;

    /** The window from the petition's opening; zero means whenever. */
    private Duration within = Duration.ZERO;

    public long getCount() {
      return count;
    }

    public void setCount(long count) {
      this.count = count;
    }

    public Duration getWithin() {
      return within;
    }

    public void setWithin(Duration within) {
      this.within = within;
    }
  }

  /** A petition registered at start-up (created, or its definition replaced; signatures are kept). */
  public static class Definition {

    /** The URL id, 1-64 of [a-z0-9-]. */
    private @Nullable String slug;

    /** The title. */
    private @Nullable String title;

    /** The full text. */
    private String text = "";

    /** Whom the petition addresses, such as "U.S. Government". */
    private String target = "";

    /** Who started it. */
    private String author = "";

    /** A free category. */
    private String category = "";

    /** Free tags. */
    private List<String> tags = new ArrayList<>();

    /** The total goal; 0 for none. */
    private long goal;

    /** Goals per ISO 3166-1 alpha-2 country code, such as US=200 and KR=1000. */
    private Map<String, Long> goalsByCountry = new LinkedHashMap<>();

    /** When signing opens (ISO-8601 instant); unset for at once. */
    private @Nullable Instant opensAt;

    /** When signing closes (ISO-8601 instant); unset for never. */
    private @Nullable Instant closesAt;

    /** The documents a signer is shown and must accept when required. */
    private List<Consent> consents = new ArrayList<>();

    /** How signer names are shown in public. */
    private DisplayNamePolicy displayNamePolicy = DisplayNamePolicy.FIRST_NAME_LAST_INITIAL;

    /** Whether listing pages ask search engines not to index them. */
    private boolean noindex;

    /** How many signatures one email may give (more than 1 lets a household share an address). */
    private int signaturesPerEmail = 1;

    /** Whether a signature erased at its owner's request still counts as an anonymous tally. */
    private boolean erasedSignaturesCount;

    /**
     * Whether a signing may carry a photo (a photo campaign): NOT_ACCEPTED (default), HELD (each photo waits for
     * a moderator), or PUBLISHED (public at once once the signature counts).
     */
    private PhotoPolicy photos = PhotoPolicy.NOT_ACCEPTED;

    public PhotoPolicy getPhotos() {
      return photos;
    }

    public void setPhotos(PhotoPolicy photos) {
      this.photos = photos;
    }

    /**
     * The longest personal letter to the target a signer may add, in characters: 0 (the default) invites no
     * letters; 2500 is the White House's online correspondence limit; at most 20000.
     */
    private int letterLimit;

    public @Nullable String getSlug() {
      return slug;
    }

    public void setSlug(@Nullable String slug) {
      this.slug = slug;
    }

    public @Nullable String getTitle() {
      return title;
    }

    public void setTitle(@Nullable String title) {
      this.title = title;
    }

    public String getText() {
      return text;
    }

    public void setText(String text) {
      this.text = text;
    }

    public String getTarget() {
      return target;
    }

    public void setTarget(String target) {
      this.target = target;
    }

    public String getAuthor() {
      return author;
    }

    public void setAuthor(String author) {
      this.author = author;
    }

    public String getCategory() {
      return category;
    }

    public void setCategory(String category) {
      this.category = category;
    }

    public List<String> getTags() {
      return tags;
    }

    public void setTags(List<String> tags) {
      this.tags = tags;
    }

    public long getGoal() {
      return goal;
    }

    public void setGoal(long goal) {
      this.goal = goal;
    }

    public Map<String, Long> getGoalsByCountry() {
      return goalsByCountry;
    }

    public void setGoalsByCountry(Map<String, Long> goalsByCountry) {
      this.goalsByCountry = goalsByCountry;
    }

    public @Nullable Instant getOpensAt() {
      return opensAt;
    }

    public void setOpensAt(@Nullable Instant opensAt) {
      this.opensAt = opensAt;
    }

    public @Nullable Instant getClosesAt() {
      return closesAt;
    }

    public void setClosesAt(@Nullable Instant closesAt) {
      this.closesAt = closesAt;
    }

    public List<Consent> getConsents() {
      return consents;
    }

    public void setConsents(List<Consent> consents) {
      this.consents = consents;
    }

    public DisplayNamePolicy getDisplayNamePolicy() {
      return displayNamePolicy;
    }

    public void setDisplayNamePolicy(DisplayNamePolicy displayNamePolicy) {
      this.displayNamePolicy = displayNamePolicy;
    }

    public boolean isNoindex() {
      return noindex;
    }

    public void setNoindex(boolean noindex) {
      this.noindex = noindex;
    }

    public int getSignaturesPerEmail() {
      return signaturesPerEmail;
    }

    public void setSignaturesPerEmail(int signaturesPerEmail) {
      this.signaturesPerEmail = signaturesPerEmail;
    }

    public boolean isErasedSignaturesCount() {
      return erasedSignaturesCount;
    }

    public void setErasedSignaturesCount(boolean erasedSignaturesCount) {
      this.erasedSignaturesCount = erasedSignaturesCount;
    }

    public int getLetterLimit() {
      return letterLimit;
    }

    public void setLetterLimit(int letterLimit) {
      this.letterLimit = letterLimit;
    }
  }

  /** A consent document; its hash is taken over the exact text shown to signers. */
  public static class Consent {

    /** The id the form sends back, such as "terms". */
    private @Nullable String id;

    /** The version of the text, such as "2015-01". */
    private String version = "1";

    /** Why the consent is asked. */
    private ConsentPurpose purpose = ConsentPurpose.TERMS;

    /** The exact text shown to signers; its SHA-256 is kept with every consent given. */
    private @Nullable String text;

    /** Where the full document can be read, if anywhere. */
    private @Nullable String url;

    /** Whether signing is refused without it; by default, whether the purpose is usually required. */
    private @Nullable Boolean required;

    public @Nullable String getId() {
      return id;
    }

    public void setId(@Nullable String id) {
      this.id = id;
    }

    public String getVersion() {
      return version;
    }

    public void setVersion(String version) {
      this.version = version;
    }

    public ConsentPurpose getPurpose() {
      return purpose;
    }

    public void setPurpose(ConsentPurpose purpose) {
      this.purpose = purpose;
    }

    public @Nullable String getText() {
      return text;
    }

    public void setText(@Nullable String text) {
      this.text = text;
    }

    public @Nullable String getUrl() {
      return url;
    }

    public void setUrl(@Nullable String url) {
      this.url = url;
    }

    public @Nullable Boolean getRequired() {
      return required;
    }

    public void setRequired(@Nullable Boolean required) {
      this.required = required;
    }
  }

  /** The JDBC signature store, used when the application has a DataSource. */
  public static class Store {

    /** Whether the store's schema is migrated with Flyway at start-up; off when a deployment step does it. */
    private boolean migrate = true;

    /**
     * The database schema the store's tables, sequences, Flyway history and mail outbox are in, created when
     * missing: an unquoted SQL identifier in lower case (1 to 63 of a-z, 0-9 and _, not starting with a digit
     * or pg_). A database migrated before this setting existed keeps its tables where its Flyway history is.
     */
    private String schema = "petition";

    /** How many counter rows per petition and country confirmations spread over (1 to 1024). */
    private int counterShards = 16;

    /**
     * The most signings, confirmations or near-duplicate reads arriving together that are written in one
     * transaction (1 to 256; 1 writes each alone). Callers still return only once their own is committed.
     */
    private int batchSize = 64;

    /** How many batches of each kind are written at the same time, each on its own connection. */
    private int concurrentBatches = 1;

    /**
     * Whether rate limits, surge counts and the login throttle are kept in the store's database, so every
     * instance on it enforces one set of limits (on by default with a JDBC store; off: each instance in its
     * own memory).
     */
    private boolean sharedLimits = true;

    /** The most limit states kept in the database (at least 1000); beyond it the soonest to expire go. */
    private long limitStates = 1_000_000;

    public boolean isSharedLimits() {
      return sharedLimits;
    }

    public void setSharedLimits(boolean sharedLimits) {
      this.sharedLimits = sharedLimits;
    }

    public long getLimitStates() {
      return limitStates;
    }

    public void setLimitStates(long limitStates) {
      this.limitStates = limitStates;
    }

    public int getBatchSize() {
      return batchSize;
    }

    public void setBatchSize(int batchSize) {
      this.batchSize = batchSize;
    }

    public int getConcurrentBatches() {
      return concurrentBatches;
    }

    public void setConcurrentBatches(int concurrentBatches) {
      this.concurrentBatches = concurrentBatches;
    }

    public boolean isMigrate() {
      return migrate;
    }

    public String getSchema() {
      return schema;
    }

    public void setSchema(String schema) {
      this.schema = schema;
    }

    public void setMigrate(boolean migrate) {
      this.migrate = migrate;
    }

    public int getCounterShards() {
      return counterShards;
    }

    public void setCounterShards(int counterShards) {
      this.counterShards = counterShards;
    }
  }

  /** The scheduled maintenance: the purge, retention, the mail outbox's cleanup and every other task. */
  public static class Maintenance {

    /**
     * How often the scheduled maintenance runs (1 hour by default; the deprecated petition.purge.interval is
     * used when this is not set).
     */
    private @Nullable Duration interval;

    public @Nullable Duration getInterval() {
      return interval;
    }

    public void setInterval(@Nullable Duration interval) {
      this.interval = interval;
    }
  }

  /** The purge of unconfirmed signatures past the pending TTL, run with the scheduled maintenance. */
  public static class Purge {

    /** Whether unconfirmed signatures past the pending TTL are deleted on a schedule. */
    private boolean enabled = true;

    /** How often the scheduled maintenance runs; replaced by petition.maintenance.interval. */
    private @Nullable Duration interval;

    /** How many signatures one purge statement deletes at most; a run repeats until less are left. */
    private int batchSize = 1000;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * How often the scheduled maintenance runs.
     *
     * @deprecated use {@link Maintenance#getInterval() petition.maintenance.interval}, which wins when both are
     *     set
     */
    @Deprecated
    @DeprecatedConfigurationProperty(replacement = "petition.maintenance.interval",
        reason = "The interval is the whole scheduled maintenance's, not only the purge's.")
    public @Nullable Duration getInterval() {
      return interval;
    }

    /**
     * Sets how often the scheduled maintenance runs.
     *
     * @deprecated use {@link Maintenance#setInterval(Duration) petition.maintenance.interval}
     */
    @Deprecated
    public void setInterval(@Nullable Duration interval) {
      this.interval = interval;
    }

    public int getBatchSize() {
      return batchSize;
    }

    public void setBatchSize(int batchSize) {
      this.batchSize = batchSize;
    }
  }

  /** Retention of signers' personal data after a petition closes (run with the scheduled maintenance). */
  public static class Retention {

    /** Whether personal data of closed petitions is erased on schedule once the period is over. */
    private boolean enabled = true;

    /** How long after a petition closes its signers' personal data is kept (the UK site keeps 6 months). */
    private Duration period = Duration.ofDays(180);

    /** How many signatures one retention step anonymises at most; a run repeats until less are left. */
    private int batchSize = 1000;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getPeriod() {
      return period;
    }

    public void setPeriod(Duration period) {
      this.period = period;
    }

    public int getBatchSize() {
      return batchSize;
    }

    public void setBatchSize(int batchSize) {
      this.batchSize = batchSize;
    }
  }

  /** Delivery of confirmation messages through the application's JavaMailSender. */
  public static class Mail {

    /** Whether messages go through the outbox to the JavaMailSender when the application has one. */
    private boolean enabled = true;

    /** The From address; by default no-reply at the base URL's host. */
    private @Nullable String from;

    /** A Reply-To address, if any. */
    private @Nullable String replyTo;

    /** How often the outbox is polled for messages due (new messages are also sent at once). */
    private Duration pollInterval = Duration.ofSeconds(5);

    /** How many messages one poll sends at most. */
    private int batchSize = 50;

    /** How long a message being sent is reserved for one sender before another may take it. */
    private Duration lease = Duration.ofMinutes(5);

    /** Health turns DOWN when a message has waited longer than this. */
    private Duration maxDelay = Duration.ofMinutes(30);

    /** How long messages that could not be sent are kept for inspection before deletion. */
    private Duration keepFailed = Duration.ofDays(7);

    /**
     * JavaMail's connect, read and write timeouts (mail.smtp.connectiontimeout, timeout, writetimeout), set
     * on the application's JavaMailSenderImpl where it has not set them itself: keep them well below the lease.
     */
    private Duration smtpTimeout = Duration.ofSeconds(10);

    /** The most messages the in-memory outbox (no DataSource) holds; beyond it a signing is answered 503. */
    private int memoryCapacity = 10_000;

    public Duration getSmtpTimeout() {
      return smtpTimeout;
    }

    public void setSmtpTimeout(Duration smtpTimeout) {
      this.smtpTimeout = smtpTimeout;
    }

    public int getMemoryCapacity() {
      return memoryCapacity;
    }

    public void setMemoryCapacity(int memoryCapacity) {
      this.memoryCapacity = memoryCapacity;
    }

    private final Retry retry = new Retry();

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public @Nullable String getFrom() {
      return from;
    }

    public void setFrom(@Nullable String from) {
      this.from = from;
    }

    public @Nullable String getReplyTo() {
      return replyTo;
    }

    public void setReplyTo(@Nullable String replyTo) {
      this.replyTo = replyTo;
    }

    public Duration getPollInterval() {
      return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
      this.pollInterval = pollInterval;
    }

    public int getBatchSize() {
      return batchSize;
    }

    public void setBatchSize(int batchSize) {
      this.batchSize = batchSize;
    }

    public Duration getLease() {
      return lease;
    }

    public void setLease(Duration lease) {
      this.lease = lease;
    }

    public Duration getMaxDelay() {
      return maxDelay;
    }

    public void setMaxDelay(Duration maxDelay) {
      this.maxDelay = maxDelay;
    }

    public Duration getKeepFailed() {
      return keepFailed;
    }

    public void setKeepFailed(Duration keepFailed) {
      this.keepFailed = keepFailed;
    }

    public Retry getRetry() {
      return retry;
    }
  }

  /** Retries of a failed delivery, with exponential backoff. */
  public static class Retry {

    /** The wait after the first failure. */
    private Duration initialBackoff = Duration.ofSeconds(10);

    /** What each further wait is multiplied by. */
    private double multiplier = 2.0;

    /** The longest wait between two attempts. */
    private Duration maxBackoff = Duration.ofHours(1);

    /** Attempts before a message is given up on (about a day with the other defaults). */
    private int maxAttempts = 30;

    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    public double getMultiplier() {
      return multiplier;
    }

    public void setMultiplier(double multiplier) {
      this.multiplier = multiplier;
    }

    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }

    public int getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }
  }

  /** The REST API and the confirmation pages. */
  public static class Web {

    /** Whether the REST API and the /confirm and /revoke pages are served. */
    private boolean enabled = true;

    /**
     * Proxies (CIDRs such as 10.0.0.0/8, or single addresses) whose X-Forwarded-For is believed; empty by
     * default, so the direct peer is the client.
     */
    private List<String> trustedProxies = new ArrayList<>();

    /**
     * The largest request body accepted by every endpoint of the starter (the API's JSON, the /confirm and
     * /revoke forms), in bytes, whether its length is declared or it is streamed (chunked, HTTP/2); a larger one
     * is answered 413 after at most this many bytes plus one have been read. The default fits the longest
     * signing the default field limits allow even with every character escaped in JSON's six-byte form (about 20 KB).
     */
    private int maxBodyBytes = 32 * 1024;

    /**
     * The largest signing with a photo (multipart/form-data to POST /api/petitions/{slug}/signatures) accepted,
     * in bytes, declared or streamed; a larger one is answered 413. The default is the photo's 5 MB and 64 KB for
     * the other fields, so a photo just over 5 MB is answered 422 on photo, a larger body 413.
     */
    private int maxUploadBytes = 5 * 1024 * 1024 + 64 * 1024;

    public int getMaxUploadBytes() {
      return maxUploadBytes;
    }

    public void setMaxUploadBytes(int maxUploadBytes) {
      this.maxUploadBytes = maxUploadBytes;
    }

    /**
     * A path every starter route (the API and the pages behind mail links) and every link in mails is put
     * under, such as /petitions; empty by default (the routes at the root of the application).
     */
    private String basePath = "";

    public String getBasePath() {
      return basePath;
    }

    public void setBasePath(String basePath) {
      this.basePath = basePath;
    }

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public List<String> getTrustedProxies() {
      return trustedProxies;
    }

    public void setTrustedProxies(List<String> trustedProxies) {
      this.trustedProxies = trustedProxies;
    }

    public int getMaxBodyBytes() {
      return maxBodyBytes;
    }

    public void setMaxBodyBytes(int maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
    }
  }

  /** Republishing of core events. */
  public static class Events {

    /** Whether core events are published as Spring application events (listen for PetitionEvent types). */
    private boolean publish = true;

    public boolean isPublish() {
      return publish;
    }

    public void setPublish(boolean publish) {
      this.publish = publish;
    }
  }

  /** Development aids; none is for production. */
  public static class Dev {

    private final DevOutbox outbox = new DevOutbox();

    public DevOutbox getOutbox() {
      return outbox;
    }
  }

  /** The in-memory outbox as a page, when no mail server is configured. */
  public static class DevOutbox {

    /**
     * Whether /dev/petition-outbox shows the confirmation mails kept in memory (no JavaMailSender), as a page and as
     * JSON, to clients on this machine (loopback) only. It shows addresses and live links.
     */
    private boolean enabled;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }
}
