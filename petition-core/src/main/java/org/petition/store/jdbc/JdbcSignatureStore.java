package org.petition.store.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.petition.Petition;
import org.petition.SignerKind;
import org.petition.log.Frontier;
import org.petition.log.LogEntry;
import org.petition.privacy.ConsentChain;
import org.petition.privacy.ConsentLedger;
import org.petition.store.ConfirmOutcome;
import org.petition.store.Counts;
import org.petition.store.HouseholdMember;
import org.petition.store.InsertOutcome;
import org.petition.store.KeyFingerprint;
import org.petition.store.KeyFingerprintStore;
import org.petition.store.ModerationAction;
import org.petition.store.NewSignature;
import org.petition.store.PetitionStoreException;
import org.petition.store.RemoveOutcome;
import org.petition.store.SignatureCriteria;
import org.petition.store.SignatureStore;
import org.petition.store.StoredSignature;
import org.petition.store.jdbc.internal.CoSignings;
import org.petition.store.jdbc.internal.Confirmations;
import org.petition.store.jdbc.internal.ConsentAppends;
import org.petition.store.jdbc.internal.Counters;
import org.petition.store.jdbc.internal.DefinitionListener;
import org.petition.store.jdbc.internal.CountingSetup;
import org.petition.store.jdbc.internal.Dialect;
import org.petition.store.jdbc.internal.FreshPlans;
import org.petition.store.jdbc.internal.GroupCommit;
import org.petition.store.jdbc.internal.LimitStates;
import org.petition.store.jdbc.internal.LogAppends;
import org.petition.store.jdbc.internal.LogReads;
import org.petition.store.jdbc.internal.KeyFingerprintRows;
import org.petition.store.jdbc.internal.InvitationRows;
import org.petition.store.InvitationStore;
import org.petition.store.jdbc.internal.ModerationLog;
import org.petition.store.jdbc.internal.NearDuplicates;
import org.petition.store.jdbc.internal.PendingPurge;
import org.petition.store.jdbc.internal.Removals;
import org.petition.store.jdbc.internal.SavedPetitions;
import org.petition.store.jdbc.internal.Schema;
import org.petition.store.jdbc.internal.Sequences;
import org.petition.store.jdbc.internal.SignatureInserts;
import org.petition.store.jdbc.internal.SignatureReads;
import org.petition.store.jdbc.internal.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SignatureStore} in PostgreSQL 15+ (or H2 2.x) over a {@link DataSource}, safe for several
 * application instances sharing one database: the database itself enforces uniqueness (unique indexes on
 * the email and phone keys of live and removed signatures) and atomicity (each operation is one
 * transaction).
 *
 * <p>{@link #consentLedger()} is a {@link JdbcConsentLedger} in the same database: a confirmation appends the
 * signature's consent grants to it in the confirming transaction, locking only the head row of the
 * subject's chain, so the signature is confirmed and counted together with its ledger records or not at
 * all. Moderators' actions are kept in {@code moderation_action}.
 *
 * <p>Counts are kept in a sharded counter table, so concurrent confirmations update different rows and a
 * count is read in time independent of the number of signatures. Numbers come from one database sequence
 * per petition: they follow counting order and are unique, but may have gaps (a number taken by a
 * transaction that then failed or lost a race is not reused).
 *
 * <p>Signatures can only be stored for a saved petition (a foreign key); inserting one for an unknown petition
 * fails with a {@link PetitionStoreException}. Instants are kept to the microsecond (truncated). Thread-safe
 * and immutable; build one with {@link
 * #builder(DataSource)}. The tables are in a database schema of their own, {@code petition} unless {@link
 * Builder#schema} says otherwise, migrated with Flyway on build and recorded in {@code
 * petition_schema_history} there, so they never meet the application's own tables of the same names (a
 * database migrated before there was a schema setting keeps its tables where its history is).
 */
public final class JdbcSignatureStore implements SignatureStore, KeyFingerprintStore, InvitationStore {

  /** The database schema of the store's tables unless {@link Builder#schema} says otherwise. */
  public static final String DEFAULT_SCHEMA = Schema.DEFAULT;

  private static final Logger LOG = LoggerFactory.getLogger(JdbcSignatureStore.class);

  /**
   * Checks a schema name as {@link Builder#schema} does: an unquoted SQL identifier in lower case, 1 to 63 of
   * {@code [a-z0-9_]}, not starting with a digit or {@code pg_}.
   *
   * @return the name
   * @throws IllegalArgumentException saying what a schema name must be
   */
  public static String checkSchema(String schema) {
    return Schema.checkName(schema);
  }

  // A facade: each job is a class of its own in the internal package, over one Transactions, and what
  // PostgreSQL and H2 are sent differently is the Dialect's, chosen once in build().
  private final Transactions transactions;
  private final int counterShards;
  private final int batchSize;
  private final int concurrentBatches;
  private final JdbcConsentLedger ledger;
  private final FreshPlans freshPlans;
  private final SavedPetitions petitions;
  private final SignatureReads reads;
  private final SignatureInserts inserts;
  private final NearDuplicates nearDuplicates;
  private final Confirmations confirmations;
  private final Removals removals;
  private final ModerationLog moderationLog;
  private final Counters counters;
  private final PendingPurge purge;
  private final boolean postgres;
  private final DataSource dataSource;
  private final LogAppends logs;
  private final LogReads logReads;
  private final KeyFingerprintRows keyFingerprints;
  private final InvitationRows invitations;
  private final CoSignings coSignings;

  private JdbcSignatureStore(Builder builder, Dialect dialect, @Nullable String schema, boolean postgres) {
    this.transactions = new Transactions(builder.dataSource, schema, postgres);
    this.postgres = postgres;
    this.dataSource = builder.dataSource;
    this.counterShards = builder.counterShards;
    this.batchSize = builder.batchSize;
    this.concurrentBatches = builder.concurrentBatches;
    ConsentAppends appends = new ConsentAppends(transactions, builder.consentChains, dialect);
    this.ledger = new JdbcConsentLedger(transactions, appends);
    this.freshPlans = new FreshPlans(dialect, builder.freshPlansBelow);
    Sequences sequences = new Sequences(transactions);
    this.counters = new Counters(transactions, counterShards);
    this.logs = new LogAppends(transactions, builder.transparencyLog);
    this.logReads = new LogReads(transactions);
    CountingSetup setup = new CountingSetup(sequences, counters, logs);
    this.petitions = new SavedPetitions(transactions, sequences, counters, postgres);
    this.reads = new SignatureReads(transactions, freshPlans);
    this.coSignings = new CoSignings(transactions, postgres, builder.coSigning);
    this.inserts = new SignatureInserts(transactions, dialect, freshPlans, setup, sequences, counters, appends,
        batchSize, concurrentBatches, coSignings);
    this.nearDuplicates = new NearDuplicates(transactions, dialect, freshPlans, batchSize, concurrentBatches);
    this.confirmations = new Confirmations(transactions, dialect, freshPlans, reads, setup, sequences, counters,
        appends, batchSize, concurrentBatches, coSignings);
    this.removals = new Removals(transactions, dialect, reads, setup, sequences, counters, coSignings);
    this.moderationLog = new ModerationLog(transactions);
    this.purge = new PendingPurge(transactions);
    this.keyFingerprints = new KeyFingerprintRows(transactions);
    this.invitations = new InvitationRows(transactions);
    if (builder.migrate) {
      appends.ensureHeads(); // otherwise on first use, as the schema may not be there yet
    }
  }

  /**
   * Runs {@code onChange} whenever an instance sharing this database saves a petition's definition, soon
   * after: on PostgreSQL through LISTEN/NOTIFY, by a daemon thread holding one connection of the data source
   * until the returned handle is closed (give the pool one more connection for it). On H2 it does nothing
   * and the handle closes nothing: {@link org.petition.Petitions} polls {@link #definitionsVersion} anyway.
   * The starter wires this to {@link org.petition.Petitions#refreshDefinitions}.
   */
  public AutoCloseable onDefinitionsChanged(Runnable onChange) {
    Objects.requireNonNull(onChange, "onChange must not be null");
    if (!postgres) {
      return () -> {};
    }
    return new DefinitionListener(dataSource, onChange);
  }

  /** The limit states in this store's database and schema ({@link JdbcLimitStore}). */
  LimitStates limitStates(byte[] secret, long maximumStates) {
    return new LimitStates(transactions, postgres, secret, maximumStates);
  }

  /** The most signings, confirmations or near-duplicate reads written in one transaction. */
  public int batchSize() {
    return batchSize;
  }

  /** How many batches of each kind may be written at the same time. */
  public int concurrentBatches() {
    return concurrentBatches;
  }

  /** How pending signings have been batched so far. */
  public GroupCommitStatistics signingBatches() {
    return statistics(inserts.groupCommit());
  }

  /** How confirmations have been batched so far. */
  public GroupCommitStatistics confirmationBatches() {
    return statistics(confirmations.groupCommit());
  }

  /** How near-duplicate reads (one per signing giving a city or network) have been batched so far. */
  public GroupCommitStatistics nearDuplicateBatches() {
    return statistics(nearDuplicates.groupCommit());
  }

  private static GroupCommitStatistics statistics(GroupCommit<?, ?> commit) {
    return new GroupCommitStatistics(commit.batches(), commit.batchedItems(), commit.aloneItems(),
        Duration.ofNanos(commit.writingNanos()));
  }

  /** A builder of a store over this data source (ideally a connection pool). */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /** How many counter rows a petition's count is spread over, per country. */
  public int counterShards() {
    return counterShards;
  }

  @Override
  public void savePetition(Petition petition) {
    Objects.requireNonNull(petition, "petition must not be null");
    petitions.save(petition);
  }

  /** The highest version of any saved definition; one query on an index-free column of a small table. */
  @Override
  public long definitionsVersion() {
    return petitions.version();
  }

  @Override
  public Optional<Petition> petition(String slug) {
    Objects.requireNonNull(slug, "slug must not be null");
    return petitions.find(slug);
  }

  @Override
  public List<Petition> petitions() {
    return petitions.all();
  }

  /**
   * Pending signings are group-committed: on PostgreSQL a batch is one statement, where a row meeting a
   * unique key is skipped and its signing run alone, which names the signature in the way; on H2 multi-row
   * inserts, where a conflict fails the batch and every signing of it then runs alone.
   */
  @Override
  public InsertOutcome insert(NewSignature signature, boolean confirmedNow) {
    Objects.requireNonNull(signature, "signature must not be null");
    return inserts.insert(signature, confirmedNow);
  }

  @Override
  public Optional<StoredSignature> find(long id) {
    return reads.find(id);
  }

  @Override
  public List<HouseholdMember> household(String petition, byte[] emailKey) {
    Objects.requireNonNull(petition, "petition must not be null");
    Objects.requireNonNull(emailKey, "emailKey must not be null");
    return reads.household(petition, emailKey);
  }

  /** Reads asked together are group-committed: one query per petition for all their name keys. */
  @Override
  public boolean hasNearDuplicate(String petition, byte[] nameKey, @Nullable String city, byte @Nullable [] networkKey) {
    Objects.requireNonNull(petition, "petition must not be null");
    Objects.requireNonNull(nameKey, "nameKey must not be null");
    if (city == null && networkKey == null) {
      return false;
    }
    return nearDuplicates.exists(new NearDuplicates.Check(petition, nameKey, city, networkKey));
  }

  /**
   * Confirmations are group-committed: a batch is one transaction with one statement per step whatever its
   * size (on PostgreSQL three round trips in all), appending every consent grant to the ledger with it.
   */
  @Override
  public ConfirmOutcome confirm(long id, Instant now) {
    Objects.requireNonNull(now, "now must not be null");
    return confirmations.confirm(id, now);
  }

  @Override
  public RemoveOutcome revoke(long id, Instant now) {
    Objects.requireNonNull(now, "now must not be null");
    return removals.revoke(id, now);
  }

  @Override
  public ConsentLedger consentLedger() {
    return ledger;
  }

  @Override
  public List<StoredSignature> held(String petition, long afterId, int limit) {
    Objects.requireNonNull(petition, "petition must not be null");
    if (limit <= 0) {
      return List.of();
    }
    return reads.held(petition, afterId, limit);
  }

  @Override
  public ConfirmOutcome approve(long id, Instant now) {
    Objects.requireNonNull(now, "now must not be null");
    return confirmations.approve(id, now);
  }

  @Override
  public RemoveOutcome remove(long id, Instant now) {
    Objects.requireNonNull(now, "now must not be null");
    return removals.remove(id, now);
  }

  @Override
  public boolean restore(long id, Instant now) {
    Objects.requireNonNull(now, "now must not be null");
    return removals.restore(id, now);
  }

  @Override
  public List<StoredSignature> search(String petition, SignatureCriteria criteria, long afterId, int limit) {
    Objects.requireNonNull(petition, "petition must not be null");
    Objects.requireNonNull(criteria, "criteria must not be null");
    if (limit <= 0) {
      return List.of();
    }
    return reads.search(petition, criteria, afterId, limit);
  }

  @Override
  public List<StoredSignature> bySubject(byte[] emailKey) {
    Objects.requireNonNull(emailKey, "emailKey must not be null");
    if (emailKey.length == 0) {
      return List.of(); // erased signatures hold no key: nobody's
    }
    return reads.bySubject(emailKey);
  }

  @Override
  public RemoveOutcome erase(long id, boolean keepCounting, Instant now) {
    Objects.requireNonNull(now, "now must not be null");
    return removals.erase(id, keepCounting, now);
  }

  @Override
  public int anonymise(String petition, int limit) {
    Objects.requireNonNull(petition, "petition must not be null");
    if (limit <= 0) {
      return 0;
    }
    return removals.anonymise(petition, limit);
  }

  @Override
  public boolean logEnabled() {
    return logs.enabled();
  }

  @Override
  public Frontier logFrontier(String petition) {
    Objects.requireNonNull(petition, "petition must not be null");
    if (!logs.enabled()) {
      return Frontier.empty();
    }
    // A petition whose log was never created (a database from before the log) gets it now, with its
    // counted signatures, so its first checkpoint already adds up to its count.
    if (petitions.find(petition).isPresent()) {
      logs.ensureOutsideTransactions(petition);
    }
    return logReads.frontier(petition);
  }

  @Override
  public List<byte[]> logEntries(String petition, long start, long end) {
    Objects.requireNonNull(petition, "petition must not be null");
    return logReads.entries(petition, start, end);
  }

  @Override
  public byte[] logNode(String petition, int level, long index) {
    Objects.requireNonNull(petition, "petition must not be null");
    return logReads.node(petition, level, index);
  }

  @Override
  public Optional<LogEntry> countedEntry(String petition, long number) {
    Objects.requireNonNull(petition, "petition must not be null");
    return logReads.counted(petition, number);
  }

  @Override
  public void saveCheckpoint(String petition, long size, String signedNote, Instant at) {
    Objects.requireNonNull(petition, "petition must not be null");
    Objects.requireNonNull(signedNote, "signedNote must not be null");
    Objects.requireNonNull(at, "at must not be null");
    logReads.saveCheckpoint(petition, size, signedNote, at);
  }

  @Override
  public Optional<String> latestCheckpoint(String petition) {
    Objects.requireNonNull(petition, "petition must not be null");
    return logReads.latestCheckpoint(petition);
  }

  @Override
  public ModerationAction recordModeration(ModerationAction action) {
    Objects.requireNonNull(action, "action must not be null");
    return moderationLog.record(action);
  }

  @Override
  public boolean markUndone(long actionId, Instant at, String moderator) {
    Objects.requireNonNull(at, "at must not be null");
    Objects.requireNonNull(moderator, "moderator must not be null");
    return moderationLog.markUndone(actionId, at, moderator);
  }

  @Override
  public Optional<ModerationAction> moderationAction(long actionId) {
    return moderationLog.find(actionId);
  }

  @Override
  public List<ModerationAction> moderationLog(String petition, int limit) {
    Objects.requireNonNull(petition, "petition must not be null");
    if (limit <= 0) {
      return List.of();
    }
    return moderationLog.log(petition, limit);
  }

  @Override
  public List<CoSigned> coSigned(String petition, long minSigners, int limit) {
    return coSignings.read(petition, minSigners, limit);
  }

  @Override
  public Counts counts(String petition) {
    Objects.requireNonNull(petition, "petition must not be null");
    return counters.read(petition);
  }

  @Override
  public List<StoredSignature> latest(String petition, @Nullable SignerKind kind, long beforeNumber, int limit) {
    Objects.requireNonNull(petition, "petition must not be null");
    if (limit <= 0) {
      return List.of();
    }
    return reads.latest(petition, kind, beforeNumber, limit);
  }

  @Override
  public List<StoredSignature> purgePending(Instant cutoff, int limit) {
    Objects.requireNonNull(cutoff, "cutoff must not be null");
    if (limit <= 0) {
      return List.of();
    }
    return purge.purge(cutoff, limit);
  }

  @Override
  public List<KeyFingerprint> keyFingerprints() {
    return keyFingerprints.all();
  }

  @Override
  public void recordKeyFingerprints(List<KeyFingerprint> fingerprints) {
    Objects.requireNonNull(fingerprints, "fingerprints must not be null");
    keyFingerprints.record(fingerprints, Instant.now());
  }

  // The batch paths of the three group commits, for tests that hand them a batch of their making.
  List<@Nullable InsertOutcome> insertPending(List<NewSignature> signatures) {
    return inserts.insertPending(signatures);
  }

  List<@Nullable ConfirmOutcome> confirmAll(List<Confirmations.Confirmation> batch) {
    return confirmations.confirmAll(batch);
  }

  List<@Nullable Boolean> nearDuplicates(List<NearDuplicates.Check> checks) {
    return nearDuplicates.answerAll(checks);
  }

  @Override
  public boolean recordInvitation(String petition, byte[] emailKey, Instant at) {
    return invitations.record(petition, emailKey, at);
  }

  @Override
  public void forgetInvitation(String petition, byte[] emailKey) {
    invitations.forget(petition, emailKey);
  }

  @Override
  public void suppress(byte[] emailKey, Instant at) {
    invitations.suppress(emailKey, at);
  }

  @Override
  public boolean suppressed(byte[] emailKey) {
    return invitations.suppressed(emailKey);
  }

  @Override
  public void attributeToInvitation(String petition, long signatureId) {
    invitations.attribute(petition, signatureId);
  }

  @Override
  public long invitationsSent(String petition) {
    return invitations.sent(petition);
  }

  @Override
  public long signaturesFromInvitations(String petition) {
    return invitations.signatures(petition);
  }

  @Override
  public List<Invited> invitationsOf(byte[] emailKey) {
    return invitations.of(emailKey);
  }

  @Override
  public Optional<Instant> suppressedAt(byte[] emailKey) {
    return invitations.suppressedAt(emailKey);
  }

  @Override
  public int forgetInvitee(byte[] emailKey) {
    return invitations.forgetInvitee(emailKey);
  }

  @Override
  public int forgetPetition(String petition) {
    return invitations.forgetPetition(petition);
  }

  @Override
  public String toString() {
    return "JdbcSignatureStore[counterShards=" + counterShards + ", batchSize=" + batchSize + ", concurrentBatches="
        + concurrentBatches + "]";
  }

  /** A builder of {@link JdbcSignatureStore}; every setter checks its argument. */
  public static final class Builder {
    private static final int MAX_SHARDS = 1024;
    private static final int MAX_BATCH = 256;

    private final DataSource dataSource;
    private int counterShards = 16;
    private boolean migrate = true;
    private ConsentChain consentChains = ConsentChain.ofDefaults();
    private int batchSize = 64;
    private int concurrentBatches = 1;
    private long freshPlansBelow = FreshPlans.DEFAULT_BELOW;
    private String schema = Schema.DEFAULT;
    private boolean transparencyLog = true;
    private boolean coSigning = true;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
    }

    /**
     * How many counter rows per petition and country confirmations spread over (default 16, at most 1024).
     * More shards mean fewer confirmers waiting on the same row and slightly slower count reads. Instances
     * sharing a database may use different values.
     */
    public Builder counterShards(int counterShards) {
      if (counterShards < 1 || counterShards > MAX_SHARDS) {
        throw new IllegalArgumentException(
            "counterShards must be between 1 and " + MAX_SHARDS + ", was " + counterShards);
      }
      this.counterShards = counterShards;
      return this;
    }

    /**
     * Whether the store appends each petition's transparency log with every change to its count (default
     * true), in the same transaction as the change; see {@link org.petition.store.LogStore}. Without it,
     * nothing is appended and the log reads empty: entries missed meanwhile are never written afterwards, so
     * turning it back on later leaves logs that no longer add up to the counts.
     */
    public Builder transparencyLog(boolean transparencyLog) {
      this.transparencyLog = transparencyLog;
      return this;
    }

    /**
     * Whether the store keeps "signers also signed" (default true): each counted signature linked to its
     * signer's email key and the pair counters moved in the transaction that changes the count (see {@link
     * org.petition.store.CoSigningStore}). Without it nothing is kept and {@link JdbcSignatureStore#coSigned} answers nothing; pairs
     * missed meanwhile are never counted afterwards.
     */
    public Builder coSigning(boolean coSigning) {
      this.coSigning = coSigning;
      return this;
    }

    /**
     * Whether {@link #build()} migrates the schema with Flyway (default true). Turn it off when the schema
     * is migrated by a deployment step; the store then only checks that the database answers.
     */
    public Builder migrate(boolean migrate) {
      this.migrate = migrate;
      return this;
    }

    /**
     * The chains the consent ledger is sharded into (default {@link ConsentChain#ofDefaults()}, 16). Fixed
     * for the life of a database: every instance sharing it must use the same.
     */
    public Builder consentChains(ConsentChain consentChains) {
      this.consentChains = Objects.requireNonNull(consentChains, "consentChains must not be null");
      return this;
    }

    /**
     * The most pending signings, or confirmations, written in one transaction when several arrive at once
     * (default 64, at most 256; 1 writes each in its own). Callers still return only after their own
     * signing or confirmation is committed; batching saves commits and round trips under load, and a lone
     * call is written alone, without waiting for company.
     */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1 || batchSize > MAX_BATCH) {
        throw new IllegalArgumentException("batchSize must be between 1 and " + MAX_BATCH + ", was " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /**
     * How many batches of each kind (signings, confirmations, near-duplicate reads) may be written at the
     * same time, each on its own connection (default 1). One makes the biggest batches: callers arriving
     * while a batch is written queue for the next. More lets a database with many cores work on several;
     * on a 2-core server two measured slower (smaller batches, and confirmation batches waiting for each
     * other's consent chain heads; development runs noted in petition-benchmarks/RESULTS.md).
     */
    public Builder concurrentBatches(int concurrentBatches) {
      if (concurrentBatches < 1) {
        throw new IllegalArgumentException("concurrentBatches must be at least 1, was " + concurrentBatches);
      }
      this.concurrentBatches = concurrentBatches;
      return this;
    }

    /**
     * The database schema the store's tables, sequences and Flyway history are in (default {@code
     * petition}), created when missing: an unquoted SQL identifier in lower case, such as {@code petition} or
     * {@code petition_store} (on H2 it names the upper-case schema, as unquoted names do there). The store
     * switches each connection it takes to it and back, so the data source needs no schema setting. A
     * database migrated before there was this setting keeps its tables where its Flyway history is.
     */
    public Builder schema(String schema) {
      this.schema = Schema.checkName(schema);
      return this;
    }

    /** For tests: the highest signature id below which hot statements are planned afresh (FreshPlans). */
    Builder freshPlansBelow(long id) {
      if (id < 0) {
        throw new IllegalArgumentException("id must not be negative, was " + id);
      }
      this.freshPlansBelow = id;
      return this;
    }

    /**
     * Checks that the database answers, migrates it when asked, prepares the consent ledger's chain heads
     * and returns the store.
     *
     * @throws IllegalStateException when the database cannot be reached, is not PostgreSQL or H2, cannot
     *     be migrated, or its consent ledger has another number of chains
     */
    public JdbcSignatureStore build() {
      String product = Schema.checkReachable(dataSource);
      String located = Schema.locate(dataSource, schema);
      if (migrate) {
        Schema.migrate(dataSource, located);
      }
      JdbcSignatureStore store =
          new JdbcSignatureStore(this, Dialect.of(product), located, product.startsWith("PostgreSQL"));
      store.freshPlans.seeIdsDrawnSoFar(store.transactions);
      LOG.info("petition store ready on {} in schema {} with {} counter shards, batches of up to {} ({} at a time)",
          product, located != null ? located : "(the connections' default)", counterShards, batchSize,
          concurrentBatches);
      return store;
    }
  }
}
