package org.petition.spring;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.petition.privacy.ConsentDocument;
import org.petition.Milestones;
import org.petition.Petition;
import org.petition.FormTokenLimits;
import org.petition.invite.InvitationLimits;
import org.petition.Petitions;
import org.petition.log.LogKeys;
import org.petition.ResendLimits;
import org.petition.SigningLimits;
import org.petition.privacy.DataKey;
import org.petition.privacy.DataKeys;
import org.petition.spring.mail.MailDelivery;
import org.petition.spring.mail.MailDeliveryWorker;
import org.petition.spring.mail.MailOutbox;
import org.petition.spring.mail.RetryPolicy;
import org.petition.spring.web.TrustedProxies;
import org.petition.store.jdbc.JdbcLimitStore;
import org.petition.store.jdbc.JdbcSignatureStore;
import org.petition.token.TokenKey;
import org.petition.token.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where {@link PetitionProperties} are checked: each value goes through the public builder of
 * the core or of the starter's component it configures, and the builder's own rule decides; the few plain
 * values no builder takes (intervals, batch sizes) are checked here. Every failure is a {@link
 * PetitionConfigurationException} naming the property and saying what to do; no message contains a secret.
 *
 * <p>Only core types and the starter's own plain types appear here, never a class of an optional module, so
 * the mapper loads whatever the application's classpath.
 */
public final class PetitionPropertiesMapper {

  /** How often the scheduled maintenance runs when neither interval property is set. */
  public static final Duration DEFAULT_MAINTENANCE_INTERVAL = Duration.ofHours(1);

  private static final Logger LOG = LoggerFactory.getLogger(PetitionPropertiesMapper.class);

  private static final String GENERATE = "Generate one with `openssl rand -base64 32` and keep it in your secret store"
      + " (an environment variable such as %s, or a config server), never in source code.";
  private static final String LENGTH = "Use a length between 1 and 1,000,000.";
  private static final String POSITIVE_DURATION = "Use a positive duration such as %s.";
  private static final String POSITIVE_NUMBER = "Use a positive number such as %s.";

  private static final Pattern KEY_PROPERTY = Pattern.compile("^keys\\[\\d+]\\.(name|seed)");

  private PetitionPropertiesMapper() {}

  // ---- petition-core ----

  /** The base URL, checked. */
  public static String baseUrl(PetitionProperties properties) {
    return required(properties.getBaseUrl(), "petition.base-url",
        "the site's absolute URL, such as https://petitions.example.org: confirmation links in mails are built on"
            + " it");
  }

  /** The host of the base URL, for a default From address. */
  public static String baseHost(PetitionProperties properties) {
    try {
      String host = URI.create(baseUrl(properties)).getHost();
      return host == null ? "localhost" : host;
    } catch (IllegalArgumentException e) {
      return "localhost";
    }
  }

  /** The token key ring. */
  public static Tokens tokens(PetitionProperties properties) {
    List<PetitionProperties.Key> keys = properties.getTokens().getKeys();
    if (keys.isEmpty()) {
      throw new PetitionConfigurationException("petition.tokens.keys", "no token key is set",
          "Set petition.tokens.keys[0].id (such as k1) and petition.tokens.keys[0].secret (base64, at least 32"
              + " random bytes). " + String.format(GENERATE, "PETITION_TOKENS_KEYS_0_SECRET"), null);
    }
    List<TokenKey> ring = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      PetitionProperties.Key key = keys.get(i);
      String prefix = "petition.tokens.keys[" + i + "]";
      String id = required(key.getId(), prefix + ".id", "a short id such as k1");
      String secret = required(key.getSecret(), prefix + ".secret",
          "base64 of at least 32 random bytes. " + String.format(GENERATE, "PETITION_TOKENS_KEYS_" + i + "_SECRET"));
      ring.add(apply(prefix, "Use an id of 1-16 of [A-Za-z0-9_-] and a base64 secret of at least 32 random bytes. "
          + String.format(GENERATE, "PETITION_TOKENS_KEYS_" + i + "_SECRET"), () -> TokenKey.ofBase64(id, secret)));
    }
    return apply("petition.tokens.keys", "Give each key its own id.", () -> Tokens.of(ring));
  }

  /**
   * The transparency log's signing keys, or null when {@code petition.log.enabled} is false; with the log on,
   * a missing or invalid key stops start-up naming its property.
   */
  public static @Nullable LogKeys logKeys(PetitionProperties properties) {
    PetitionLogProperties log = properties.getLog();
    if (!log.isEnabled()) {
      return null;
    }
    String action = "Set petition.log.keys[0].name (such as " + baseHost(properties) + "/log) and"
        + " petition.log.keys[0].seed (base64 of 32 random bytes), or set petition.log.enabled=false. "
        + String.format(GENERATE, "PETITION_LOG_KEYS_0_SEED");
    if (log.getKeys().isEmpty()) {
      throw new PetitionConfigurationException("petition.log.keys[0].seed",
          "no checkpoint signing key is set while the transparency log is enabled", action, null);
    }
    List<LogKeys.Spec> specs = log.getKeys().stream()
        .map(key -> new LogKeys.Spec(orEmpty(key.getName()), orEmpty(key.getSeed()))).toList();
    try {
      return LogKeys.fromSpecs(specs);
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      // LogKeys names the key as keys[i].name or keys[i].seed; the property is that under petition.log.
      Matcher named = KEY_PROPERTY.matcher(message);
      String property = named.find() ? "petition.log." + named.group() : "petition.log.keys";
      throw new PetitionConfigurationException(property, message, action, null);
    }
  }

  private static String orEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }

  /** How often checkpoints are signed. */
  public static Duration checkpointInterval(PetitionProperties properties) {
    return positive(properties.getLog().getCheckpointInterval(), "petition.log.checkpoint-interval", "10s");
  }

  /** The identity secret's bytes. */
  public static byte[] identitySecret(PetitionProperties properties) {
    String property = "petition.identity.secret";
    String action = "Set petition.identity.secret to base64 of at least 32 random bytes; it must stay the same for"
        + " the life of the data. " + String.format(GENERATE, "PETITION_IDENTITY_SECRET");
    String secret = properties.getIdentity().getSecret();
    if (secret == null || secret.isBlank()) {
      throw new PetitionConfigurationException(property, "is not set", action, null);
    }
    byte[] bytes = base64(secret, property, action);
    if (bytes.length < TokenKey.MINIMUM_SECRET_BYTES) {
      throw new PetitionConfigurationException(property,
          "must be at least " + TokenKey.MINIMUM_SECRET_BYTES + " bytes, was " + bytes.length, action, null);
    }
    return bytes;
  }

  /** The personal-data key ring. */
  public static DataKeys dataKeys(PetitionProperties properties) {
    List<PetitionProperties.Key> keys = properties.getPrivacy().getKeys();
    if (keys.isEmpty()) {
      throw new PetitionConfigurationException("petition.privacy.keys", "no personal data key is set",
          "Set petition.privacy.keys[0].id (such as d1) and petition.privacy.keys[0].secret (base64 of exactly 32"
              + " random bytes, an AES-256 key). " + String.format(GENERATE, "PETITION_PRIVACY_KEYS_0_SECRET"), null);
    }
    List<DataKey> ring = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      PetitionProperties.Key key = keys.get(i);
      String prefix = "petition.privacy.keys[" + i + "]";
      String action = "Use an id of 1-16 of [A-Za-z0-9_-] and base64 of exactly 32 random bytes. "
          + String.format(GENERATE, "PETITION_PRIVACY_KEYS_" + i + "_SECRET");
      String id = required(key.getId(), prefix + ".id", "a short id such as d1");
      String secret = required(key.getSecret(), prefix + ".secret", action);
      byte[] bytes = base64(secret, prefix + ".secret", action);
      ring.add(apply(prefix, action, () -> new DataKey(id, bytes)));
    }
    return apply("petition.privacy.keys", "Give each key its own id.", () -> DataKeys.of(ring));
  }

  /** The signing limits, each through its setter on {@link SigningLimits.Builder}. */
  public static SigningLimits limits(PetitionProperties properties) {
    PetitionProperties.Limits limits = properties.getLimits();
    SigningLimits.Builder builder = SigningLimits.builder();
    String prefix = "petition.limits.";
    apply(prefix + "max-name-length", LENGTH, () -> builder.maxNameLength(limits.getMaxNameLength()));
    apply(prefix + "max-organization-name-length", LENGTH,
        () -> builder.maxOrganizationNameLength(limits.getMaxOrganizationNameLength()));
    apply(prefix + "max-nickname-length", LENGTH, () -> builder.maxNicknameLength(limits.getMaxNicknameLength()));
    apply(prefix + "max-city-length", LENGTH, () -> builder.maxCityLength(limits.getMaxCityLength()));
    apply(prefix + "max-affiliation-length", LENGTH,
        () -> builder.maxAffiliationLength(limits.getMaxAffiliationLength()));
    apply(prefix + "max-comment-length", LENGTH, () -> builder.maxCommentLength(limits.getMaxCommentLength()));
    apply(prefix + "pending-ttl", String.format(POSITIVE_DURATION, "7d"),
        () -> builder.pendingTtl(limits.getPendingTtl()));
    apply(prefix + "revoke-link-ttl", String.format(POSITIVE_DURATION, "180d"),
        () -> builder.revokeLinkTtl(limits.getRevokeLinkTtl()));
    apply(prefix + "confirm-grace-after-close", "Use a duration of zero or more, such as 24h.",
        () -> builder.confirmGraceAfterClose(limits.getConfirmGraceAfterClose()));
    return builder.build();
  }

  /** The resend limits ({@code petition.resend.*}), each through its setter on {@link ResendLimits.Builder}. */
  public static ResendLimits resendLimits(PetitionProperties properties) {
    PetitionProperties.Resend resend = properties.getResend();
    ResendLimits.Builder builder = ResendLimits.builder();
    String prefix = "petition.resend.";
    apply(prefix + "per-minute", "Use 0 (no mail again) to 1,000, such as 1.",
        () -> builder.perMinute(resend.getPerMinute()));
    apply(prefix + "per-day", "Use 0 (no mail again) to 10,000, such as 5.", () -> builder.perDay(resend.getPerDay()));
    apply(prefix + "maximum-keys", String.format(POSITIVE_NUMBER, "100000"),
        () -> builder.maximumKeys(resend.getMaximumKeys()));
    return apply(prefix + "per-minute", "Allow no more a minute than petition.resend.per-day allows a day.",
        builder::build);
  }

  /** The form token limits ({@code petition.form-token.*}), each through its setter on {@link FormTokenLimits.Builder}. */
  public static FormTokenLimits formTokenLimits(PetitionProperties properties) {
    FormTokenProperties formToken = properties.getFormToken();
    FormTokenLimits.Builder builder = FormTokenLimits.builder();
    String prefix = "petition.form-token.";
    apply(prefix + "ttl", "Use a duration from 1m to 30d, such as 1d.", () -> builder.ttl(formToken.getTtl()));
    apply(prefix + "max-uses", "Use 1 to 100, such as 3.", () -> builder.maxUses(formToken.getMaxUses()));
    apply(prefix + "maximum-tracked", "Use 1000 or more, such as 100000.",
        () -> builder.maximumTracked(formToken.getMaximumTracked()));
    return builder.build();
  }

  /** The invitation limits ({@code petition.invitations.*}), each through its setter on {@link InvitationLimits.Builder}. */
  public static InvitationLimits invitationLimits(PetitionProperties properties) {
    InvitationProperties invitations = properties.getInvitations();
    InvitationLimits.Builder builder = InvitationLimits.builder();
    String prefix = "petition.invitations.";
    apply(prefix + "per-signer-per-day", "Use 0 (no invitations) to 1000, such as 10.",
        () -> builder.perSignerPerDay(invitations.getPerSignerPerDay()));
    apply(prefix + "per-ip-per-hour", "Use 1 to 100000, such as 30.",
        () -> builder.perIpPerHour(invitations.getPerIpPerHour()));
    apply(prefix + "per-network-per-day", "Use 1 to 1000000, such as 100.",
        () -> builder.perNetworkPerDay(invitations.getPerNetworkPerDay()));
    apply(prefix + "token-ttl", "Use a duration from 1m to 365d, such as 30d.",
        () -> builder.tokenTtl(invitations.getTokenTtl()));
    apply(prefix + "suppress-link-ttl", "Use a duration from 1d to 7300d, such as 1825d.",
        () -> builder.suppressLinkTtl(invitations.getSuppressLinkTtl()));
    apply(prefix + "sign-path", "Use a path such as /p/{slug}.", () -> builder.signPath(invitations.getSignPath()));
    return builder.build();
  }

  /** The milestones. */
  public static Milestones milestones(PetitionProperties properties) {
    PetitionProperties.MilestoneSettings settings = properties.getMilestones();
    if (!settings.isEnabled()) {
      return Milestones.none();
    }
    Milestones milestones = apply("petition.milestones.percents", "Use percents between 1 and 1000.",
        () -> Milestones.none().withPercents(settings.getPercents().stream().mapToInt(Integer::intValue).toArray()));
    List<PetitionProperties.Threshold> thresholds = settings.getThresholds();
    for (int i = 0; i < thresholds.size(); i++) {
      PetitionProperties.Threshold threshold = thresholds.get(i);
      Milestones before = milestones;
      milestones = apply("petition.milestones.thresholds[" + i + "]",
          "Use a positive count and a window of zero (whenever) or more.",
          () -> before.withThreshold(threshold.getCount(), threshold.getWithin()));
    }
    return milestones;
  }

  /** The petitions defined in configuration. */
  public static List<Petition> petitions(PetitionProperties properties) {
    List<Petition> petitions = new ArrayList<>();
    List<PetitionProperties.Definition> definitions = properties.getPetitions();
    for (int i = 0; i < definitions.size(); i++) {
      petitions.add(petition(definitions.get(i), "petition.petitions[" + i + "]"));
    }
    return petitions;
  }

  /**
   * One petition definition; {@code prefix} names it in errors. A value its setter refuses is named itself;
   * what only the whole definition can judge (the slug's form, dates in order) names the definition.
   */
  public static Petition petition(PetitionProperties.Definition definition, String prefix) {
    String slug = required(definition.getSlug(), prefix + ".slug", "1-64 of [a-z0-9-], such as save-the-park");
    String title = required(definition.getTitle(), prefix + ".title", "the petition's title");
    String fix = "Fix the petition's definition.";
    Petition.Builder builder = apply(prefix, fix, () -> Petition.builder(slug)
        .title(title)
        .text(definition.getText())
        .target(definition.getTarget())
        .author(definition.getAuthor())
        .category(definition.getCategory())
        .opensAt(definition.getOpensAt())
        .closesAt(definition.getClosesAt())
        .displayNamePolicy(definition.getDisplayNamePolicy())
        .noindex(definition.isNoindex())
        .erasedSignaturesCount(definition.isErasedSignaturesCount())
        .photos(definition.getPhotos()));
    apply(prefix + ".goal", "Use a goal of 0 (none) or more.", () -> builder.goal(definition.getGoal()));
    apply(prefix + ".signatures-per-email", String.format(POSITIVE_NUMBER, "1"),
        () -> builder.signaturesPerEmail(definition.getSignaturesPerEmail()));
    apply(prefix + ".letter-limit", "Use 0 (no letters) to " + Petition.MAX_LETTER_LIMIT
        + " characters, such as 2500.", () -> builder.letterLimit(definition.getLetterLimit()));
    apply(prefix + ".tags", "Leave no tag empty.", () -> {
      definition.getTags().forEach(builder::tag);
      return builder;
    });
    definition.getGoalsByCountry().forEach((country, goal) -> apply(prefix + ".goals-by-country." + country,
        String.format(POSITIVE_NUMBER, "1000"), () -> builder.goal(country, goal == null ? 0 : goal)));
    List<PetitionProperties.Consent> consents = definition.getConsents();
    for (int i = 0; i < consents.size(); i++) {
      builder.consent(consent(consents.get(i), prefix + ".consents[" + i + "]"));
    }
    return apply(prefix, fix, builder::build);
  }

  private static ConsentDocument consent(PetitionProperties.Consent consent, String prefix) {
    String id = required(consent.getId(), prefix + ".id", "a short id the form sends back, such as terms");
    String text = required(consent.getText(), prefix + ".text", "the exact text shown to signers");
    return apply(prefix, "Use an id of 1-64 of [a-z0-9_-] and a version of 1-64 characters.", () -> {
      ConsentDocument document = ConsentDocument.ofText(id, consent.getVersion(), consent.getPurpose(), text);
      Boolean required = consent.getRequired();
      return required == null || required == document.required()
          ? document
          : new ConsentDocument(document.id(), document.version(), document.sha256(), document.purpose(), required);
    });
  }

  /**
   * Applies every setting that has a {@link Petitions.Builder} method, leaving the store, sender, clock and
   * checks to the caller.
   */
  public static Petitions.Builder configure(Petitions.Builder builder, PetitionProperties properties) {
    String baseUrl = baseUrl(properties);
    // Links in mails lead to where the pages are served: under petition.web.base-path.
    String linkBase = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl)
        + basePath(properties);
    apply("petition.base-url", "Use an absolute http(s) URL such as https://petitions.example.org.",
        () -> builder.baseUrl(linkBase));
    builder.identitySecret(identitySecret(properties))
        .limits(limits(properties))
        .resendLimits(resendLimits(properties))
        .formTokenLimits(formTokenLimits(properties))
        .invitationLimits(invitationLimits(properties))
        .milestones(milestones(properties))
        .silentFraud(properties.isSilentFraud());
    return apply("petition.retention.period", "Set a period of zero or more, such as 180d.",
        () -> builder.retention(properties.getRetention().getPeriod()));
  }

  // ---- the JDBC store ----

  /** Applies {@code petition.store.*} to the JDBC store's builder. */
  public static JdbcSignatureStore.Builder jdbcStore(JdbcSignatureStore.Builder builder,
      PetitionProperties properties) {
    PetitionProperties.Store store = properties.getStore();
    apply("petition.store.schema", SCHEMA_ACTION, () -> builder.schema(storeSchema(properties)));
    apply("petition.store.counter-shards", "Use a number of counter shards between 1 and 1024.",
        () -> builder.counterShards(store.getCounterShards()));
    apply("petition.store.batch-size", "Use a batch size between 1 (no batching) and 256.",
        () -> builder.batchSize(store.getBatchSize()));
    apply("petition.store.concurrent-batches", "Use at least 1 concurrent batch.",
        () -> builder.concurrentBatches(store.getConcurrentBatches()));
    builder.transparencyLog(properties.getLog().isEnabled());
    return builder.migrate(store.isMigrate());
  }

  /**
   * The shared limit store over {@code store}: its keys hashed with a secret derived from the identity secret
   * (HMAC-SHA256 of a fixed label), so instances sharing the identity secret share the limits' keys, and
   * the cap {@code petition.store.limit-states}.
   */
  public static JdbcLimitStore limitStore(JdbcSignatureStore store, PetitionProperties properties) {
    byte[] secret;
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(identitySecret(properties), "HmacSHA256"));
      secret = mac.doFinal("petition limit state keys".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
    }
    JdbcLimitStore.Builder builder = JdbcLimitStore.builder(store).secret(secret);
    apply("petition.store.limit-states", "Use at least 1000 limit states.",
        () -> builder.maximumStates(properties.getStore().getLimitStates()));
    return builder.build();
  }

  private static final String SCHEMA_ACTION = "Set petition.store.schema to a lower-case unquoted SQL identifier,"
      + " such as petition (the default) or petition_store.";

  /**
   * The store's database schema, {@code petition.store.schema}, checked: an unquoted lower-case SQL
   * identifier.
   *
   * @throws PetitionConfigurationException naming the property when it is not one
   */
  public static String storeSchema(PetitionProperties properties) {
    String schema = properties.getStore().getSchema();
    return apply("petition.store.schema", SCHEMA_ACTION,
        () -> JdbcSignatureStore.checkSchema(schema == null ? "" : schema.strip()));
  }

  // ---- the scheduled maintenance ----

  /**
   * How often the scheduled maintenance runs: {@code petition.maintenance.interval}, else the deprecated
   * {@code petition.purge.interval}, else one hour.
   */
  public static Duration maintenanceInterval(PetitionProperties properties) {
    Duration interval = properties.getMaintenance().getInterval();
    String property = "petition.maintenance.interval";
    if (interval == null) {
      @SuppressWarnings("deprecation")
      Duration deprecated = properties.getPurge().getInterval();
      if (deprecated == null) {
        return DEFAULT_MAINTENANCE_INTERVAL;
      }
      LOG.warn("petition.purge.interval is deprecated: set petition.maintenance.interval instead");
      interval = deprecated;
      property = "petition.purge.interval";
    }
    return positive(interval, property, "1h");
  }

  /** How many unconfirmed signatures one purge statement deletes at most. */
  public static int purgeBatchSize(PetitionProperties properties) {
    return positive(properties.getPurge().getBatchSize(), "petition.purge.batch-size", "1000");
  }

  /** How many signatures one retention step anonymises at most. */
  public static int retentionBatchSize(PetitionProperties properties) {
    return positive(properties.getRetention().getBatchSize(), "petition.retention.batch-size", "1000");
  }

  // ---- mail ----

  /** The From address: {@code petition.mail.from}, else no-reply at the base URL's host. */
  public static String mailFrom(PetitionProperties properties) {
    String from = properties.getMail().getFrom();
    return from == null || from.isBlank() ? "no-reply@" + baseHost(properties) : from.strip();
  }

  /** The Reply-To address, if any. */
  public static @Nullable String mailReplyTo(PetitionProperties properties) {
    String replyTo = properties.getMail().getReplyTo();
    return replyTo == null || replyTo.isBlank() ? null : replyTo.strip();
  }

  /** The retries of a failed delivery ({@code petition.mail.retry.*}). */
  public static RetryPolicy mailRetry(PetitionProperties properties) {
    PetitionProperties.Retry retry = properties.getMail().getRetry();
    String prefix = "petition.mail.retry.";
    RetryPolicy.Builder builder = RetryPolicy.builder();
    apply(prefix + "initial-backoff", String.format(POSITIVE_DURATION, "10s"),
        () -> builder.initialBackoff(retry.getInitialBackoff()));
    apply(prefix + "multiplier", "Use a multiplier of at least 1, such as 2.",
        () -> builder.multiplier(retry.getMultiplier()));
    apply(prefix + "max-backoff", "Use a duration no shorter than the initial backoff, such as 1h.",
        () -> builder.maxBackoff(retry.getMaxBackoff()));
    apply(prefix + "max-attempts", String.format(POSITIVE_NUMBER, "30"),
        () -> builder.maxAttempts(retry.getMaxAttempts()));
    return apply(prefix + "max-backoff", "Use a duration no shorter than the initial backoff, such as 1h.",
        builder::build);
  }

  /** The worker that sends what the outbox holds ({@code petition.mail.*}). */
  public static MailDeliveryWorker mailDeliveryWorker(MailOutbox outbox, MailDelivery delivery, Clock clock,
      PetitionProperties properties) {
    PetitionProperties.Mail mail = properties.getMail();
    MailDeliveryWorker.Builder builder = MailDeliveryWorker.builder(outbox, delivery)
        .retry(mailRetry(properties))
        .clock(clock);
    apply("petition.mail.poll-interval", String.format(POSITIVE_DURATION, "5s"),
        () -> builder.pollInterval(mail.getPollInterval()));
    apply("petition.mail.lease", String.format(POSITIVE_DURATION, "5m"), () -> builder.lease(mail.getLease()));
    apply("petition.mail.batch-size", String.format(POSITIVE_NUMBER, "50"),
        () -> builder.batchSize(mail.getBatchSize()));
    return builder.build();
  }

  /** How long a message may wait before health turns DOWN. */
  public static Duration mailMaxDelay(PetitionProperties properties) {
    return positive(properties.getMail().getMaxDelay(), "petition.mail.max-delay", "30m");
  }

  /** JavaMail's timeouts ({@code petition.mail.smtp-timeout}): positive, and shorter than a third of the lease. */
  public static Duration mailSmtpTimeout(PetitionProperties properties) {
    Duration timeout = positive(properties.getMail().getSmtpTimeout(), "petition.mail.smtp-timeout", "10s");
    Duration lease = positive(properties.getMail().getLease(), "petition.mail.lease", "5m");
    if (timeout.multipliedBy(4).compareTo(lease) > 0) {
      // One send (connect, write, read) must end well within the three quarters of the lease left after a renewal.
      throw new PetitionConfigurationException("petition.mail.smtp-timeout",
          "must be at most a quarter of petition.mail.lease (" + lease + "), was " + timeout,
          "Use a shorter timeout, such as 10s, or a longer lease.", null);
    }
    return timeout;
  }

  /** The capacity of the in-memory mail outbox ({@code petition.mail.memory-capacity}). */
  public static int mailMemoryCapacity(PetitionProperties properties) {
    return positive(properties.getMail().getMemoryCapacity(), "petition.mail.memory-capacity", "10000");
  }

  /** How long messages given up on are kept. */
  public static Duration mailKeepFailed(PetitionProperties properties) {
    Duration keep = properties.getMail().getKeepFailed();
    if (keep == null || keep.isNegative()) {
      throw new PetitionConfigurationException("petition.mail.keep-failed", "must not be negative, was " + keep,
          "Use a duration of zero (delete at once) or more, such as 7d.", null);
    }
    return keep;
  }

  // ---- web ----

  /** The trusted proxies of {@code petition.web.trusted-proxies}. */
  public static TrustedProxies trustedProxies(PetitionProperties properties) {
    return trustedProxies(properties.getWeb().getTrustedProxies());
  }

  /** Trusted proxies from the entries of {@code petition.web.trusted-proxies}, each named in errors. */
  public static TrustedProxies trustedProxies(List<String> entries) {
    TrustedProxies.Builder builder = TrustedProxies.builder();
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i) == null ? "" : entries.get(i).strip();
      apply("petition.web.trusted-proxies[" + i + "]",
          "Use an address literal such as 10.0.0.1 or a CIDR such as 10.0.0.0/8 or 2001:db8::/32;"
              + " host names are not looked up.", () -> builder.add(entry));
    }
    return builder.build();
  }

  /**
   * {@code petition.web.base-path}: empty, or {@code /} and segments of letters, digits, {@code - . _ ~}
   * separated by single slashes, without a trailing slash (such as {@code /petitions}).
   */
  public static String basePath(PetitionProperties properties) {
    String path = properties.getWeb().getBasePath();
    if (path == null || path.isEmpty()) {
      return "";
    }
    if (!BASE_PATH.matcher(path).matches()) {
      throw new PetitionConfigurationException("petition.web.base-path", "is not a path prefix: '" + path + "'",
          "Use an empty value or a path such as /petitions: a leading slash, segments of letters, digits, '-', '.',"
              + " '_' or '~', and no trailing slash.", null);
    }
    return path;
  }

  private static final java.util.regex.Pattern BASE_PATH =
      java.util.regex.Pattern.compile("(/[A-Za-z0-9._~-]+)+");

  /** The largest request body the starter's endpoints read, in bytes. */
  public static int maxBodyBytes(PetitionProperties properties) {
    return positive(properties.getWeb().getMaxBodyBytes(), "petition.web.max-body-bytes", "32768");
  }

  /**
   * The largest signing with a photo ({@code multipart/form-data}) read, in bytes: the photo's 5 MB and room
   * for the other fields by default; at least {@code petition.web.max-body-bytes}.
   */
  public static int maxUploadBytes(PetitionProperties properties) {
    int upload = positive(properties.getWeb().getMaxUploadBytes(), "petition.web.max-upload-bytes", "5308416");
    if (upload < maxBodyBytes(properties)) {
      throw new PetitionConfigurationException("petition.web.max-upload-bytes",
          "must be at least petition.web.max-body-bytes (" + maxBodyBytes(properties) + "), was " + upload,
          "Raise it, or lower petition.web.max-body-bytes.", null);
    }
    return upload;
  }

  // ---- helpers ----

  /**
   * Runs one builder call; what it refuses becomes a {@link PetitionConfigurationException} naming the
   * property, with the builder's message. The builders given secrets here (token and data keys) never quote
   * them, and the exception's cause, which might, is left out.
   */
  private static <T> T apply(String property, String action, Setting<T> setting) {
    try {
      return setting.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new PetitionConfigurationException(property, String.valueOf(e.getMessage()), action, null);
    }
  }

  /** A builder call. */
  @FunctionalInterface
  private interface Setting<T> {
    T get();
  }

  private static Duration positive(@Nullable Duration value, String property, String example) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new PetitionConfigurationException(property, "must be positive, was " + value,
          String.format(POSITIVE_DURATION, example), null);
    }
    return value;
  }

  private static int positive(int value, String property, String example) {
    if (value < 1) {
      throw new PetitionConfigurationException(property, "must be positive, was " + value,
          String.format(POSITIVE_NUMBER, example), null);
    }
    return value;
  }

  private static String required(@Nullable String value, String property, String what) {
    if (value == null || value.isBlank()) {
      throw new PetitionConfigurationException(property, "is not set", "Set " + property + ": " + what + ".", null);
    }
    return value.strip();
  }

  private static byte[] base64(String value, String property, String action) {
    String trimmed = value.strip();
    try {
      return trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
          ? Base64.getUrlDecoder().decode(trimmed)
          : Base64.getDecoder().decode(trimmed);
    } catch (IllegalArgumentException e) {
      // The decoder's message may quote a character of the secret: leave it out.
      throw new PetitionConfigurationException(property, "is not valid base64", action, null);
    }
  }
}
