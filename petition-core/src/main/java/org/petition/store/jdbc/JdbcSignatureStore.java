package org.petition.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.petition.Petition;
import org.petition.SignerKind;
import org.petition.privacy.ConsentChain;
import org.petition.privacy.ConsentLedger;
import org.petition.privacy.ConsentRecord;
import org.petition.store.ConfirmOutcome;
import org.petition.store.ConsentGrant;
import org.petition.store.Counts;
import org.petition.store.HouseholdMember;
import org.petition.store.InsertOutcome;
import org.petition.store.ModerationAction;
import org.petition.store.NewSignature;
import org.petition.store.PetitionStoreException;
import org.petition.store.RemoveOutcome;
import org.petition.store.SignatureCriteria;
import org.petition.store.SignatureState;
import org.petition.store.SignatureStore;
import org.petition.store.StoredSignature;
import org.petition.store.Subjects;
import org.petition.store.jdbc.internal.BulkInsert;
import org.petition.store.jdbc.internal.BulkInsert.Type;
import org.petition.store.jdbc.internal.Codecs;
import org.petition.store.jdbc.internal.FreshPlans;
import org.petition.store.jdbc.internal.GroupCommit;
import org.petition.store.jdbc.internal.MultiRowInsert;
import org.petition.store.jdbc.internal.Rows;
import org.petition.store.jdbc.internal.Schema;
import org.petition.store.jdbc.internal.SequenceNames;
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
 * #builder(DataSource)}. The schema is migrated with Flyway on build, recorded in {@code
 * petition_schema_history}, so it can share a database and schema with the application's own tables.
 */
public final class JdbcSignatureStore implements SignatureStore {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcSignatureStore.class);
  private static final String LIVE = "('PENDING', 'CONFIRMED')";
  /** How often an insert is retried when the signature that blocked it is gone by the time it is read. */
  private static final int INSERT_ATTEMPTS = 5;

  private final Transactions transactions;
  private final int counterShards;
  private final JdbcConsentLedger ledger;
  // Database objects known to exist, so each is ensured once per store rather than on every call.
  private final Set<String> readySequences = ConcurrentHashMap.newKeySet();
  // The highest signature id this store has seen: the signature table cannot be smaller than the rows these
  // ids once named, less purged ones. Below freshPlansBelow, hot statements are planned afresh (FreshPlans).
  private final AtomicLong highestId = new AtomicLong();
  private final long freshPlansBelow;
  // Petitions are few and their sequence names are asked for on every confirmation: checked and built once.
  private final Map<String, String> sequenceNames = new ConcurrentHashMap<>();
  private final Set<String> readyCounters = ConcurrentHashMap.newKeySet();
  // PostgreSQL takes arrays, several statements in one round trip and ON CONFLICT DO NOTHING; H2 none of these.
  private final boolean postgres;
  private final int batchSize;
  private final int concurrentBatches;
  private final GroupCommit<NewSignature, InsertOutcome> pendingInserts;
  private final GroupCommit<Confirmation, ConfirmOutcome> confirmations;
  private final GroupCommit<NearDuplicateCheck, Boolean> nearDuplicateChecks;

  private JdbcSignatureStore(Builder builder, boolean postgres) {
    this.transactions = new Transactions(builder.dataSource);
    this.counterShards = builder.counterShards;
    this.ledger = new JdbcConsentLedger(transactions, builder.consentChains, postgres);
    this.postgres = postgres;
    this.batchSize = builder.batchSize;
    this.concurrentBatches = builder.concurrentBatches;
    this.freshPlansBelow = builder.freshPlansBelow;
    this.pendingInserts = new GroupCommit<>(batchSize, concurrentBatches, this::insertPending, this::insertOne);
    this.confirmations = new GroupCommit<>(batchSize, concurrentBatches, this::confirmAll, this::confirmOne);
    this.nearDuplicateChecks = new GroupCommit<>(batchSize, concurrentBatches, this::nearDuplicates,
        this::nearDuplicate);
    if (builder.migrate) {
      ledger.ensureHeads(); // otherwise on first use, as the schema may not be there yet
    }
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
    return statistics(pendingInserts);
  }

  /** How confirmations have been batched so far. */
  public GroupCommitStatistics confirmationBatches() {
    return statistics(confirmations);
  }

  /** How near-duplicate reads (one per signing giving a city or network) have been batched so far. */
  public GroupCommitStatistics nearDuplicateBatches() {
    return statistics(nearDuplicateChecks);
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
    String sequence = ensureSequence(petition.slug());
    String update = "UPDATE petition SET title = ?, text = ?, target = ?, author = ?, category = ?, tags = ?, goal = ?,"
        + " goals_by_country = ?, opens_at = ?, closes_at = ?, consents = ?, display_name_policy = ?, noindex = ?,"
        + " signatures_per_email = ?, erased_signatures_count = ?, number_sequence = ? WHERE slug = ?";
    String insert = "INSERT INTO petition (title, text, target, author, category, tags, goal, goals_by_country,"
        + " opens_at, closes_at, consents, display_name_policy, noindex, signatures_per_email,"
        + " erased_signatures_count, number_sequence, slug) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    transactions.read("save petition", connection -> {
      // Update, else insert, else (another instance inserted it meanwhile) update: no dialect-specific upsert.
      for (int attempt = 0; attempt < 3; attempt++) {
        if (executePetition(connection, update, petition, sequence) == 1) {
          return null;
        }
        try {
          executePetition(connection, insert, petition, sequence);
          return null;
        } catch (SQLException e) {
          if (!Transactions.isUniqueViolation(e)) {
            throw e;
          }
        }
      }
      throw new SQLException("petition kept changing while being saved", "40001");
    });
    // Counter rows for no country and for each goal country now, so the first confirmations find them.
    ensureCounters(petition.slug(), "");
    petition.goalsByCountry().keySet().forEach(country -> ensureCounters(petition.slug(), country));
  }

  private static int executePetition(Connection connection, String sql, Petition petition, String sequence)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int i = 0;
      statement.setString(++i, petition.title());
      statement.setString(++i, petition.text());
      statement.setString(++i, petition.target());
      statement.setString(++i, petition.author());
      statement.setString(++i, petition.category());
      statement.setString(++i, Codecs.tags(petition.tags()));
      statement.setLong(++i, petition.goal());
      statement.setString(++i, Codecs.goals(petition.goalsByCountry()));
      Rows.setInstant(statement, ++i, petition.opensAt());
      Rows.setInstant(statement, ++i, petition.closesAt());
      statement.setString(++i, Codecs.consentDocuments(petition.consents()));
      statement.setString(++i, petition.displayNamePolicy().name());
      statement.setBoolean(++i, petition.noindex());
      statement.setInt(++i, petition.signaturesPerEmail());
      statement.setBoolean(++i, petition.erasedSignaturesCount());
      statement.setString(++i, sequence);
      statement.setString(++i, petition.slug());
      return statement.executeUpdate();
    }
  }

  @Override
  public Optional<Petition> petition(String slug) {
    Objects.requireNonNull(slug, "slug must not be null");
    return transactions.read("read petition", connection -> {
      try (PreparedStatement statement =
          connection.prepareStatement("SELECT " + Rows.PETITION_COLUMNS + " FROM petition WHERE slug = ?")) {
        statement.setString(1, slug);
        try (ResultSet row = statement.executeQuery()) {
          return row.next() ? Optional.of(Rows.petition(row)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public List<Petition> petitions() {
    return transactions.read("list petitions", connection -> {
      List<Petition> petitions = new ArrayList<>();
      try (PreparedStatement statement =
              connection.prepareStatement("SELECT " + Rows.PETITION_COLUMNS + " FROM petition ORDER BY slug");
          ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          petitions.add(Rows.petition(row));
        }
      }
      return petitions;
    });
  }

  @Override
  public InsertOutcome insert(NewSignature signature, boolean confirmedNow) {
    Objects.requireNonNull(signature, "signature must not be null");
    InsertOutcome outcome = confirmedNow ? insertAlone(signature, true) : pendingInserts.submit(signature);
    if (outcome instanceof InsertOutcome.Inserted inserted) {
      seen(inserted.id());
    }
    return outcome;
  }

  /**
   * Pending signatures arriving together, inserted in one transaction: on PostgreSQL with one statement
   * (see {@link #insertPendingOnPostgres}), where a row that conflicts with a unique key is skipped and its
   * signing left to {@link #insertAlone}, which names the signature in the way; on H2 with multi-row
   * inserts, where a conflict fails the batch and every signing then runs alone.
   */
  List<@Nullable InsertOutcome> insertPending(List<NewSignature> signatures) {
    if (postgres) {
      return transactions.write(signatures.size() == 1 ? "insert signature" : "insert signatures",
          (connection, committing) -> insertPendingOnPostgres(connection, signatures, committing));
    }
    return transactions.write("insert signatures", connection -> {
      long[] ids = nextValues(connection, "signature_id_seq", signatures.size());
      List<SignatureRow> rows = new ArrayList<>(signatures.size());
      for (int i = 0; i < ids.length; i++) {
        rows.add(new SignatureRow(ids[i], signatures.get(i), false, 0));
      }
      // H2 has no ON CONFLICT: a conflict fails the batch, whose signings then run alone.
      SIGNATURE_ROWS.insert(connection, false, rows, row -> { });
      Set<Long> inserted = new HashSet<>();
      for (long id : ids) {
        inserted.add(id);
      }
      List<PurgeQueueRow> queued = new ArrayList<>(inserted.size());
      for (SignatureRow row : rows) {
        if (inserted.contains(row.id())) {
          queued.add(new PurgeQueueRow(row.signature().signedAt(), row.id()));
        }
      }
      PURGE_QUEUE_ROWS.insert(connection, false, queued, row -> { });
      List<@Nullable InsertOutcome> outcomes = new ArrayList<>(signatures.size());
      for (long id : ids) {
        outcomes.add(inserted.contains(id) ? new InsertOutcome.Inserted(id) : null);
      }
      return outcomes;
    });
  }

  /**
   * Pending signatures inserted on PostgreSQL with one statement, sent with the commit (one round trip for
   * the batch): ids drawn by the statement, rows meeting a unique key skipped, the inserted ones queued for the
   * purge, and each inserted row's position in the batch answered with its id.
   */
  private static List<@Nullable InsertOutcome> insertPendingOnPostgres(Connection connection,
      List<NewSignature> signatures, Transactions.Committing committing) throws SQLException {
    List<@Nullable InsertOutcome> outcomes = new ArrayList<>(Collections.nCopies(signatures.size(), null));
    try (PreparedStatement statement = connection.prepareStatement(INSERT_PENDING + Transactions.COMMIT)) {
      PENDING_COLUMNS.bindArrays(connection, statement, 0, signatures);
      committing.now();
      statement.execute();
      try (ResultSet row = statement.getResultSet()) {
        while (row.next()) {
          outcomes.set((int) row.getLong(1) - 1, new InsertOutcome.Inserted(row.getLong(2)));
        }
      }
    }
    return outcomes;
  }

  private static final BulkInsert<NewSignature> PENDING_COLUMNS = signatureColumns(
      BulkInsert.<NewSignature>into("signature"), signature -> signature, signature -> false, signature -> 0L)
      .build();

  private static final String INSERT_PENDING = "WITH v AS (SELECT nextval('signature_id_seq') AS id, v.* FROM "
      + PENDING_COLUMNS.unnestSql() + " WITH ORDINALITY AS v (" + PENDING_COLUMNS.columnList() + ", ord)),"
      + " i AS (INSERT INTO signature (id, " + PENDING_COLUMNS.columnList() + ") SELECT id, "
      + PENDING_COLUMNS.columnList() + " FROM v ORDER BY ord ON CONFLICT DO NOTHING RETURNING id, signed_at),"
      + " q AS (INSERT INTO signature_purge_queue (signed_at, signature_id) SELECT signed_at, id FROM i)"
      + " SELECT v.ord, v.id FROM v JOIN i ON i.id = v.id";

  /** A signing to insert, with the id drawn for it, and its number if it counts at once (else 0). */
  private record SignatureRow(long id, NewSignature signature, boolean confirmed, long number) {}

  /** A pending signature's entry in the purge's queue. */
  private record PurgeQueueRow(Instant signedAt, long id) {}

  private static final BulkInsert<PurgeQueueRow> PURGE_QUEUE_ROWS =
      BulkInsert.<PurgeQueueRow>into("signature_purge_queue")
          .column("signed_at", Type.TIMESTAMPTZ, PurgeQueueRow::signedAt)
          .column("signature_id", Type.BIGINT, PurgeQueueRow::id)
          .build();

  /** A counted signature's entry in the latest-signatures list. */
  private record NumberRow(String petition, long number, SignerKind kind, long id) {}

  private static final BulkInsert<NumberRow> NUMBER_ROWS = BulkInsert.<NumberRow>into("signature_number")
      .column("petition", Type.TEXT, NumberRow::petition)
      .column("number", Type.BIGINT, NumberRow::number)
      .column("kind", Type.TEXT, row -> row.kind().name())
      .column("signature_id", Type.BIGINT, NumberRow::id)
      .build();

  private void insertNumber(Connection connection, String petition, long number, SignerKind kind, long id)
      throws SQLException {
    NUMBER_ROWS.insert(connection, postgres, List.of(new NumberRow(petition, number, kind, id)), row -> { });
  }

  private void enqueueForPurge(Connection connection, Instant signedAt, long id) throws SQLException {
    PURGE_QUEUE_ROWS.insert(connection, postgres, List.of(new PurgeQueueRow(signedAt, id)), row -> { });
  }

  private static BulkInsert.Builder<SignatureRow> signatureColumns() {
    return signatureColumns(BulkInsert.<SignatureRow>into("signature").column("id", Type.BIGINT, SignatureRow::id),
        SignatureRow::signature, SignatureRow::confirmed, SignatureRow::number);
  }

  /** Every column of a signature row but its id, read through the given functions from rows of type R. */
  private static <R> BulkInsert.Builder<R> signatureColumns(BulkInsert.Builder<R> builder,
      Function<R, NewSignature> signature, Function<R, Boolean> confirmed, Function<R, Long> number) {
    return builder
        .column("petition", Type.TEXT, row -> signature.apply(row).petition())
        .column("state", Type.TEXT,
            row -> (confirmed.apply(row) ? SignatureState.CONFIRMED : SignatureState.PENDING).name())
        .column("number", Type.BIGINT, number::apply)
        .column("confirmed_at", Type.TIMESTAMPTZ, row -> confirmed.apply(row) ? signature.apply(row).signedAt() : null)
        .column("kind", Type.TEXT, row -> signature.apply(row).kind().name())
        .column("email_key", Type.BYTEA, row -> signature.apply(row).emailKey())
        .column("household_slot", Type.INTEGER, row -> signature.apply(row).householdSlot())
        .column("phone_key", Type.BYTEA, row -> signature.apply(row).phoneKey())
        .column("name_key", Type.BYTEA, row -> signature.apply(row).nameKey())
        .column("network_key", Type.BYTEA, row -> signature.apply(row).networkKey())
        .column("display_name", Type.TEXT, row -> signature.apply(row).displayName())
        .column("nickname", Type.BOOLEAN, row -> signature.apply(row).nickname())
        .column("comment", Type.TEXT, row -> signature.apply(row).comment())
        .column("comment_hidden", Type.BOOLEAN, row -> signature.apply(row).commentHidden())
        .column("affiliation", Type.TEXT, row -> signature.apply(row).affiliation())
        .column("city", Type.TEXT, row -> signature.apply(row).city())
        .column("country", Type.TEXT, row -> signature.apply(row).country())
        .column("email_domain", Type.TEXT, row -> signature.apply(row).emailDomain())
        .column("network", Type.TEXT, row -> signature.apply(row).network())
        .column("sealed_personal_data", Type.BYTEA, row -> signature.apply(row).sealedPersonalData())
        .column("signed_at", Type.TIMESTAMPTZ, row -> signature.apply(row).signedAt())
        .column("held", Type.BOOLEAN, row -> signature.apply(row).held())
        .column("findings", Type.TEXT, row -> Codecs.findings(signature.apply(row).findings()))
        .column("consents", Type.TEXT, row -> Codecs.consentGrants(signature.apply(row).consents()))
        .column("form_id", Type.TEXT, row -> signature.apply(row).formId())
        .column("user_agent_hash", Type.TEXT, row -> signature.apply(row).userAgentHash())
        .column("locale", Type.TEXT, row -> signature.apply(row).locale());
  }

  private static final BulkInsert<SignatureRow> SIGNATURE_ROWS = signatureColumns().build();

  /**
   * One pending signing in a transaction of its own. On PostgreSQL the batch's one statement is tried first
   * (half the round trips of {@link #insertAlone}); a signing it skips meets a unique key, and insertAlone
   * says which signature holds it.
   */
  private InsertOutcome insertOne(NewSignature signature) {
    if (postgres) {
      InsertOutcome outcome = insertPending(List.of(signature)).get(0);
      if (outcome != null) {
        return outcome;
      }
    }
    return insertAlone(signature, false);
  }

  /** One signing in its own transaction: the path for confirmed-at-once signings and batch leftovers. */
  private InsertOutcome insertAlone(NewSignature signature, boolean confirmedNow) {
    boolean counted = confirmedNow && !signature.held();
    if (confirmedNow) {
      ledger.ensureHeads();
    }
    if (counted) {
      ensureSequence(signature.petition());
      ensureCounters(signature.petition(), countryKey(signature.country()));
    }
    return transactions.write("insert signature", connection -> {
      for (int attempt = 0; attempt < INSERT_ATTEMPTS; attempt++) {
        long id = nextValue(connection, "signature_id_seq");
        long number = counted ? nextValue(connection, sequenceOf(signature.petition())) : 0;
        try {
          insertRow(connection, id, signature, confirmedNow, number);
        } catch (SQLException e) {
          if (!Transactions.isUniqueViolation(e)) {
            throw e;
          }
          // PostgreSQL has aborted the transaction: roll back, then name the live signature in the way.
          connection.rollback();
          InsertOutcome duplicate = duplicateOf(connection, signature);
          if (duplicate != null) {
            return duplicate;
          }
          continue; // the blocking signature was revoked or purged meanwhile: its keys are free now
        }
        if (counted) {
          insertNumber(connection, signature.petition(), number, signature.kind(), id);
          addToCount(connection, signature.petition(), signature.country(), +1);
        }
        if (confirmedNow) {
          appendGrants(connection, signature, signature.signedAt());
        } else {
          enqueueForPurge(connection, signature.signedAt(), id);
        }
        return new InsertOutcome.Inserted(id);
      }
      throw new SQLException("signature keys kept changing while inserting", "40001");
    });
  }

  private void insertRow(Connection connection, long id, NewSignature s, boolean confirmed, long number)
      throws SQLException {
    SIGNATURE_ROWS.insert(connection, postgres, List.of(new SignatureRow(id, s, confirmed, number)), row -> { });
  }

  /**
   * The signature holding the email (checked first, as the in-memory store does) or phone key: a live one,
   * or one a moderator removed, which keeps its keys. Rows that no longer hold their keys have them NULL.
   */
  private static @Nullable InsertOutcome duplicateOf(Connection connection, NewSignature signature)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM signature"
        + " WHERE petition = ? AND email_key = ? AND household_slot = ?")) {
      statement.setString(1, signature.petition());
      statement.setBytes(2, signature.emailKey());
      statement.setInt(3, signature.householdSlot());
      try (ResultSet row = statement.executeQuery()) {
        if (row.next()) {
          return new InsertOutcome.DuplicateEmail(row.getLong(1));
        }
      }
    }
    if (signature.phoneKey() != null) {
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT id FROM signature WHERE petition = ? AND phone_key = ?")) {
        statement.setString(1, signature.petition());
        statement.setBytes(2, signature.phoneKey());
        try (ResultSet row = statement.executeQuery()) {
          if (row.next()) {
            return new InsertOutcome.DuplicatePhone(row.getLong(1));
          }
        }
      }
    }
    return null;
  }

  @Override
  public Optional<StoredSignature> find(long id) {
    return transactions.read("find signature", connection -> Optional.ofNullable(select(connection, id, false)));
  }

  private @Nullable StoredSignature select(Connection connection, long id, boolean forUpdate)
      throws SQLException {
    boolean fresh = freshPlans();
    String sql = "SELECT " + Rows.SIGNATURE_COLUMNS + " FROM signature WHERE id = ?" + (forUpdate ? " FOR UPDATE" : "");
    try (PreparedStatement statement = connection.prepareStatement(FreshPlans.sql(sql, fresh))) {
      statement.setLong(1, id);
      try (ResultSet row = FreshPlans.executeQuery(statement, fresh)) {
        return row.next() ? Rows.signature(row) : null;
      }
    }
  }

  @Override
  public List<HouseholdMember> household(String petition, byte[] emailKey) {
    Objects.requireNonNull(petition, "petition must not be null");
    Objects.requireNonNull(emailKey, "emailKey must not be null");
    return transactions.read("read household", connection -> {
      List<HouseholdMember> members = new ArrayList<>();
      boolean fresh = freshPlans();
      try (PreparedStatement statement = connection.prepareStatement(FreshPlans.sql("SELECT id, household_slot,"
          + " name_key FROM signature WHERE petition = ? AND email_key = ? AND state IN " + LIVE
          + " ORDER BY household_slot", fresh))) {
        statement.setString(1, petition);
        statement.setBytes(2, emailKey);
        try (ResultSet row = FreshPlans.executeQuery(statement, fresh)) {
          while (row.next()) {
            byte[] nameKey = row.getBytes(3); // NULL once erased while it keeps counting
            members.add(new HouseholdMember(row.getLong(1), row.getInt(2), nameKey == null ? new byte[0] : nameKey));
          }
        }
      }
      return members;
    });
  }

  @Override
  public boolean hasNearDuplicate(String petition, byte[] nameKey, @Nullable String city, byte @Nullable [] networkKey) {
    Objects.requireNonNull(petition, "petition must not be null");
    Objects.requireNonNull(nameKey, "nameKey must not be null");
    if (city == null && networkKey == null) {
      return false;
    }
    return nearDuplicateChecks.submit(new NearDuplicateCheck(petition, nameKey, city, networkKey));
  }

  /** A near-duplicate question waiting for its query. */
  record NearDuplicateCheck(String petition, byte[] nameKey, @Nullable String city, byte @Nullable [] networkKey) {
    // The few live rows sharing the name key are compared here rather than in SQL: LOWER() depends on the
    // database's locale, Locale.ROOT lower-casing does not.
    boolean matches(@Nullable String otherCity, byte @Nullable [] otherNetwork) {
      if (city != null && otherCity != null && otherCity.toLowerCase(Locale.ROOT).equals(city.toLowerCase(Locale.ROOT))) {
        return true;
      }
      return networkKey != null && otherNetwork != null && Arrays.equals(networkKey, otherNetwork);
    }
  }

  /** Near-duplicate questions asked together: one query per petition for all their name keys. */
  List<@Nullable Boolean> nearDuplicates(List<NearDuplicateCheck> checks) {
    return transactions.read("near-duplicate check", connection -> {
      Map<String, List<NearDuplicateCheck>> byPetition = new HashMap<>();
      for (NearDuplicateCheck check : checks) {
        byPetition.computeIfAbsent(check.petition(), p -> new ArrayList<>()).add(check);
      }
      Map<NearDuplicateCheck, Boolean> answers = new IdentityHashMap<>();
      boolean fresh = freshPlans();
      try (PreparedStatement statement = connection.prepareStatement(FreshPlans.sql("SELECT name_key, city,"
          + " network_key FROM signature WHERE petition = ? AND name_key = ANY(?) AND state IN " + LIVE, fresh))) {
        for (Map.Entry<String, List<NearDuplicateCheck>> group : byPetition.entrySet()) {
          // byte[][], not Object[]: the PostgreSQL driver encodes only the former as a bytea array.
          byte[][] keys = new byte[group.getValue().size()][];
          for (int i = 0; i < keys.length; i++) {
            keys[i] = group.getValue().get(i).nameKey();
          }
          statement.setString(1, group.getKey());
          statement.setArray(2, connection.createArrayOf(postgres ? "bytea" : "BINARY VARYING", keys));
          try (ResultSet row = FreshPlans.executeQuery(statement, fresh)) {
            while (row.next()) {
              byte[] nameKey = row.getBytes(1);
              for (NearDuplicateCheck check : group.getValue()) {
                if (Arrays.equals(check.nameKey(), nameKey) && check.matches(row.getString(2), row.getBytes(3))) {
                  answers.put(check, Boolean.TRUE);
                }
              }
            }
          }
        }
      }
      List<@Nullable Boolean> outcomes = new ArrayList<>(checks.size());
      for (NearDuplicateCheck check : checks) {
        outcomes.add(answers.getOrDefault(check, Boolean.FALSE));
      }
      return outcomes;
    });
  }

  /** One near-duplicate question on its own. */
  private boolean nearDuplicate(NearDuplicateCheck check) {
    return transactions.read("near-duplicate check", connection -> {
      boolean fresh = freshPlans();
      try (PreparedStatement statement = connection.prepareStatement(FreshPlans.sql("SELECT city, network_key"
          + " FROM signature WHERE petition = ? AND name_key = ? AND state IN " + LIVE, fresh))) {
        statement.setString(1, check.petition());
        statement.setBytes(2, check.nameKey());
        try (ResultSet row = FreshPlans.executeQuery(statement, fresh)) {
          while (row.next()) {
            if (check.matches(row.getString(1), row.getBytes(2))) {
              return true;
            }
          }
        }
      }
      return false;
    });
  }

  @Override
  public ConfirmOutcome confirm(long id, Instant now) {
    Objects.requireNonNull(now, "now must not be null");
    ledger.ensureHeads();
    return confirmations.submit(new Confirmation(id, now));
  }

  /** A confirmation waiting for its transaction. */
  record Confirmation(long id, Instant at) {}

  /**
   * Confirmations arriving together, in one transaction with one statement per step whatever their number:
   * the rows locked in id order, the numbers drawn per petition, the rows updated as one batch, each
   * petition and country's count moved once on one shard, and every consent appended to the ledger (on
   * PostgreSQL several of these steps are sent together: see {@link #confirmLockedOnPostgres}). What this
   * cannot settle here (a petition or country whose sequence or counters do not exist yet, the same signature
   * twice) is left to {@link #confirmAlone}.
   */
  List<@Nullable ConfirmOutcome> confirmAll(List<Confirmation> confirmations) {
    return confirmAll(confirmations, "confirm signatures");
  }

  private List<@Nullable ConfirmOutcome> confirmAll(List<Confirmation> confirmations, String operation) {
    return transactions.write(operation, (connection, committing) -> {
      int n = confirmations.size();
      TreeSet<Long> ids = new TreeSet<>();
      for (Confirmation confirmation : confirmations) {
        ids.add(confirmation.id());
      }
      Map<Long, StoredSignature> rows = new HashMap<>();
      seen(ids.last());
      // On PostgreSQL the setting holds for the statements that follow in this transaction too.
      boolean fresh = freshPlans();
      // One lock order for every batch (by id), so two batches cannot deadlock on their rows.
      try (PreparedStatement statement = connection.prepareStatement(FreshPlans.sql(
          "SELECT " + Rows.SIGNATURE_COLUMNS + " FROM signature WHERE id = ANY(?) ORDER BY id FOR UPDATE", fresh))) {
        statement.setArray(1, connection.createArrayOf("BIGINT", ids.toArray()));
        try (ResultSet row = FreshPlans.executeQuery(statement, fresh)) {
          while (row.next()) {
            StoredSignature signature = Rows.signature(row);
            rows.put(signature.id(), signature);
          }
        }
      }
      List<@Nullable ConfirmOutcome> outcomes = new ArrayList<>(Collections.nCopies(n, null));
      List<Integer> confirming = new ArrayList<>(n);
      Set<Long> seen = new HashSet<>();
      for (int i = 0; i < n; i++) {
        StoredSignature current = rows.get(confirmations.get(i).id());
        if (current == null || current.state() != SignatureState.PENDING) {
          outcomes.set(i, settled(current));
          continue;
        }
        boolean held = current.data().held();
        if (!seen.add(current.id()) || (!held && !ready(current.petition(), current.data().country()))) {
          continue; // alone, after this batch: it then sees this batch's confirmation, or creates the counters
        }
        confirming.add(i);
      }
      if (postgres) {
        confirmLockedOnPostgres(connection, confirmations, rows, confirming, outcomes, committing);
        return outcomes;
      }
      Map<String, Integer> numbersNeeded = new HashMap<>();
      for (int i : confirming) {
        StoredSignature current = rows.get(confirmations.get(i).id());
        if (!current.data().held()) {
          numbersNeeded.merge(current.petition(), 1, Integer::sum);
        }
      }
      Map<String, ArrayDeque<Long>> numbers = new HashMap<>();
      for (Map.Entry<String, Integer> needed : new TreeMap<>(numbersNeeded).entrySet()) {
        long[] drawn = nextValues(connection, sequenceOf(needed.getKey()), needed.getValue());
        Arrays.sort(drawn);
        ArrayDeque<Long> queue = new ArrayDeque<>(drawn.length);
        for (long number : drawn) {
          queue.add(number);
        }
        numbers.put(needed.getKey(), queue);
      }
      TreeMap<String, Integer> countDeltas = new TreeMap<>();
      List<NumberRow> numbered = new ArrayList<>(confirming.size());
      List<List<ConsentRecord.Draft>> grants = new ArrayList<>(confirming.size());
      List<ConfirmedRow> confirmed = new ArrayList<>(confirming.size());
      for (int i : confirming) {
        StoredSignature current = rows.get(confirmations.get(i).id());
        Instant at = confirmations.get(i).at();
        boolean held = current.data().held();
        long number = held ? 0 : numbers.get(current.petition()).removeFirst();
        confirmed.add(new ConfirmedRow(current.id(), number, at));
        String country = current.data().country();
        if (!held) {
          countDeltas.merge(counterKey(current.petition(), countryKey(country)), 1, Integer::sum);
          numbered.add(new NumberRow(current.petition(), number, current.data().kind(), current.id()));
        }
        grants.add(grantDrafts(current.data(), at));
        outcomes.set(i, held ? new ConfirmOutcome.Held() : new ConfirmOutcome.Counted(number, country));
      }
      markConfirmed(connection, confirmed, numbered); // the rows are locked and pending: each updates
      addToCounts(connection, countDeltas);
      ledger.appendGroups(connection, grants);
      return outcomes;
    });
  }

  /**
   * The rest of a confirmation batch on PostgreSQL, in two round trips whatever its size (three in all with
   * the rows' lock): (1) the rows updated (numbers drawn by the update itself from each petition's sequence),
   * the counted ones inserted into signature_number, the counters moved and the ledger's chain heads locked,
   * all sent together; (2) the consent records inserted, the heads moved and the transaction committed.
   */
  private void confirmLockedOnPostgres(Connection connection, List<Confirmation> confirmations,
      Map<Long, StoredSignature> rows, List<Integer> confirming, List<@Nullable ConfirmOutcome> outcomes,
      Transactions.Committing committing) throws SQLException {
    int m = confirming.size();
    if (m == 0) {
      return;
    }
    Long[] ids = new Long[m];
    String[] sequences = new String[m];
    String[] times = new String[m];
    TreeMap<String, Integer> countDeltas = new TreeMap<>();
    List<List<ConsentRecord.Draft>> grants = new ArrayList<>(m);
    for (int k = 0; k < m; k++) {
      Confirmation confirmation = confirmations.get(confirming.get(k));
      StoredSignature current = rows.get(confirmation.id());
      boolean held = current.data().held();
      ids[k] = current.id();
      sequences[k] = held ? null : sequenceOf(current.petition());
      times[k] = Rows.arrayElement(confirmation.at());
      if (!held) {
        countDeltas.merge(counterKey(current.petition(), countryKey(current.data().country())), 1, Integer::sum);
      }
      grants.add(grantDrafts(current.data(), confirmation.at()));
    }
    JdbcConsentLedger.GroupAppend append = ledger.prepareAppend(grants);
    StringBuilder sql = new StringBuilder(CONFIRM_ROWS);
    for (int d = 0; d < countDeltas.size(); d++) {
      sql.append("; ").append(ADD_TO_COUNT); // in key order, as every transaction moving counters
    }
    if (!append.isEmpty()) {
      sql.append("; ").append(JdbcConsentLedger.LOCK_HEADS);
    }
    Map<Long, Long> numbers = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      statement.setArray(1, connection.createArrayOf("bigint", ids));
      statement.setArray(2, connection.createArrayOf("text", sequences));
      statement.setArray(3, connection.createArrayOf("timestamptz", times));
      int i = 3;
      for (Map.Entry<String, Integer> delta : countDeltas.entrySet()) {
        i = bindCountDelta(statement, i, delta.getKey(), delta.getValue());
      }
      if (!append.isEmpty()) {
        append.bindLock(connection, statement, i);
      }
      statement.execute();
      try (ResultSet row = statement.getResultSet()) {
        while (row.next()) {
          numbers.put(row.getLong(1), row.getLong(2));
        }
      }
      if (numbers.size() != m) {
        throw new SQLException("locked pending signatures did not all update", "55000");
      }
      for (int d = 0; d < countDeltas.size(); d++) {
        if (statement.getMoreResults() || statement.getUpdateCount() != 1) {
          // Counter rows are ensured before every transaction that counts; their absence is a broken schema.
          throw new SQLException("counter shard missing for a petition", "55000");
        }
      }
      if (!append.isEmpty()) {
        if (!statement.getMoreResults()) {
          throw new SQLException("the chain heads' lock answered no rows", "55000");
        }
        try (ResultSet heads = statement.getResultSet()) {
          append.readHeads(heads);
        }
      }
    }
    for (int k = 0; k < m; k++) {
      int index = confirming.get(k);
      StoredSignature current = rows.get(confirmations.get(index).id());
      outcomes.set(index, current.data().held() ? new ConfirmOutcome.Held()
          : new ConfirmOutcome.Counted(numbers.get(current.id()), current.data().country()));
    }
    append.write(connection, committing); // last: it commits
  }

  /**
   * Below this highest signature id, the signature table may be small enough that a plan kept for later
   * would scan it (see {@link FreshPlans}). A scan is the cheaper plan for a batch's lookups only up to a few
   * hundred rows; past this id the table holds thousands even if nine signings in ten were purged unconfirmed.
   */
  private static final long DEFAULT_FRESH_PLANS_BELOW = 20_000;

  /** Whether hot statements are planned afresh now (PostgreSQL only). */
  private boolean freshPlans() {
    return postgres && highestId.get() < freshPlansBelow;
  }

  /** Starts from the ids drawn before this store was built (by it or any other): a table may be big already. */
  private void seeIdsDrawnSoFar() {
    if (!postgres) {
      return;
    }
    try {
      seen(transactions.read("read the signature id sequence", connection -> {
        try (PreparedStatement statement = connection.prepareStatement("SELECT last_value FROM signature_id_seq");
            ResultSet row = statement.executeQuery()) {
          return row.next() ? row.getLong(1) : 0L;
        }
      }));
    } catch (PetitionStoreException e) {
      // Not migrated yet (built with migrate(false)): statements are planned afresh until ids show a big table.
      LOG.debug("signature id sequence not readable yet: {}", e.getMessage());
    }
  }

  /** Notes a signature id seen: the table has grown at least this far. */
  private void seen(long id) {
    if (id > highestId.get()) {
      highestId.accumulateAndGet(id, Math::max);
    }
  }

  // The rows joined to arrays of ids, number sequences (NULL: held, number 0) and times; the counted ones
  // listed by number from the update's own rows; the numbers answered.
  private static final String CONFIRM_ROWS = "WITH c AS (SELECT * FROM unnest(CAST(? AS bigint[]),"
      + " CAST(? AS text[]), CAST(? AS timestamptz[])) AS c (id, sequence, at)),"
      + " u AS (UPDATE signature s SET state = 'CONFIRMED', confirmed_at = c.at,"
      + " number = CASE WHEN c.sequence IS NULL THEN 0 ELSE nextval(CAST(c.sequence AS regclass)) END"
      + " FROM c WHERE s.id = c.id AND s.state = 'PENDING' RETURNING s.id, s.number, s.petition, s.kind),"
      + " n AS (INSERT INTO signature_number (petition, number, kind, signature_id)"
      + " SELECT petition, number, kind, id FROM u WHERE number > 0)"
      + " SELECT id, number FROM u";

  /**
   * One confirmation in a transaction of its own. On PostgreSQL the batch's statements take half the round
   * trips of {@link #confirmAlone}'s, so they are tried first; what they leave (a counter or sequence to
   * create first) goes to confirmAlone.
   */
  private ConfirmOutcome confirmOne(Confirmation confirmation) {
    if (postgres) {
      ConfirmOutcome outcome = confirmAll(List.of(confirmation), "confirm signature").get(0);
      if (outcome != null) {
        return outcome;
      }
    }
    return confirmAlone(confirmation.id(), confirmation.at());
  }

  /** A signature confirmed by a batch: its number (0 if held) and when. */
  private record ConfirmedRow(long id, long number, Instant at) {}

  /** H2: marks locked pending rows confirmed with one JDBC batch, and lists the counted ones by number. */
  private static void markConfirmed(Connection connection, List<ConfirmedRow> rows, List<NumberRow> numbered)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement("UPDATE signature"
        + " SET state = 'CONFIRMED', number = ?, confirmed_at = ? WHERE id = ? AND state = 'PENDING'")) {
      for (ConfirmedRow row : rows) {
        statement.setLong(1, row.number());
        Rows.setInstant(statement, 2, row.at());
        statement.setLong(3, row.id());
        statement.addBatch();
      }
      statement.executeBatch();
    }
    NUMBER_ROWS.insert(connection, false, numbered, row -> { });
  }

  /** One confirmation in its own transaction: a lone confirmation, or one a batch left. */
  private ConfirmOutcome confirmAlone(long id, Instant now) {
    while (true) {
      Object outcome = transactions.write("confirm signature", connection -> {
        // Locked, so what is decided from the row (held or not, its country) still holds at the update: an
        // approval committing in between would otherwise leave a confirmed, uncounted signature.
        StoredSignature current = select(connection, id, true);
        if (current == null || current.state() != SignatureState.PENDING) {
          return settled(current);
        }
        boolean held = current.data().held();
        String country = current.data().country();
        if (!held && !ready(current.petition(), country)) {
          return new Setup(current.petition(), country);
        }
        long number = held ? 0 : nextValue(connection, sequenceOf(current.petition()));
        int updated;
        try (PreparedStatement statement = connection.prepareStatement("UPDATE signature"
            + " SET state = 'CONFIRMED', number = ?, confirmed_at = ? WHERE id = ? AND state = 'PENDING'")) {
          statement.setLong(1, number);
          Rows.setInstant(statement, 2, now);
          statement.setLong(3, id);
          updated = statement.executeUpdate();
        }
        if (updated == 0) {
          // Another transaction confirmed, revoked or purged it first; its number, if taken, is a gap.
          return settled(select(connection, id, false));
        }
        if (!held) {
          insertNumber(connection, current.petition(), number, current.data().kind(), id);
          addToCount(connection, current.petition(), country, +1);
        }
        // Last, so the chain's head is locked only for the end of the transaction.
        appendGrants(connection, current.data(), now);
        return held ? new ConfirmOutcome.Held() : new ConfirmOutcome.Counted(number, country);
      });
      if (outcome instanceof Setup setup) {
        setup.run(this);
        continue;
      }
      return (ConfirmOutcome) outcome;
    }
  }

  /** What confirming a signature that is no longer pending answers. */
  private static ConfirmOutcome settled(@Nullable StoredSignature signature) {
    if (signature == null) {
      return new ConfirmOutcome.NotFound();
    }
    return switch (signature.state()) {
      case CONFIRMED -> new ConfirmOutcome.AlreadyConfirmed(signature.number());
      case REVOKED, REMOVED -> new ConfirmOutcome.Gone();
      case PENDING -> throw new IllegalStateException("a pending signature is not settled");
    };
  }

  @Override
  public RemoveOutcome revoke(long id, Instant now) {
    Objects.requireNonNull(now, "now must not be null");
    return retryingSetup(() -> transactions.write("revoke signature", connection -> {
      // The row lock orders this against a concurrent confirm: whichever commits first, the other sees it.
      StoredSignature current = select(connection, id, true);
      if (current == null) {
        return new RemoveOutcome.NotFound();
      }
      return revokeLocked(connection, current);
    }));
  }

  /** Revokes a signature whose row the transaction has locked. */
  private Object revokeLocked(Connection connection, StoredSignature current) throws SQLException {
    if (!live(current)) {
      return new RemoveOutcome.AlreadyGone();
    }
    boolean wasCounted = current.counted();
    String country = current.data().country();
    if (wasCounted && !ready(current.petition(), country)) {
      return new Setup(current.petition(), country);
    }
    erase(connection, current.id());
    if (wasCounted) {
      addToCount(connection, current.petition(), country, -1);
    }
    return new RemoveOutcome.Removed(wasCounted, country);
  }

  /**
   * Erases everything personal or identifying and frees the keys; keeps what the tally and the audit need
   * (state REVOKED, number, country, signing time, findings, consents given, locale).
   */
  private static void erase(Connection connection, long id) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("UPDATE signature SET state = 'REVOKED',"
        + " email_key = NULL, phone_key = NULL, name_key = NULL, network_key = NULL, display_name = NULL,"
        + " nickname = FALSE, comment = NULL, comment_hidden = TRUE, affiliation = NULL, city = NULL,"
        + " email_domain = NULL, network = NULL, sealed_personal_data = NULL, form_id = NULL,"
        + " user_agent_hash = NULL WHERE id = ?")) {
      statement.setLong(1, id);
      statement.executeUpdate();
    }
  }

  /** What erasure that keeps counting and retention clear: every key but (maybe) the email's, sealed data. */
  private static final String ANONYMISE = "phone_key = NULL, name_key = NULL, network_key = NULL,"
      + " email_domain = NULL, network = NULL, sealed_personal_data = NULL, form_id = NULL, user_agent_hash = NULL";

  @Override
  public ConsentLedger consentLedger() {
    return ledger;
  }

  /** The consents given on the form, appended as grants of the signer's subject, on this transaction. */
  private void appendGrants(Connection connection, NewSignature signature, Instant now) throws SQLException {
    ledger.appendAll(connection, grantDrafts(signature, now));
  }

  private static List<ConsentRecord.Draft> grantDrafts(NewSignature signature, Instant now) {
    if (signature.consents().isEmpty()) {
      return List.of();
    }
    String subject = Subjects.of(signature.emailKey());
    ConsentRecord.Evidence evidence = new ConsentRecord.Evidence(
        signature.formId(), signature.network(), signature.userAgentHash(), signature.locale());
    List<ConsentRecord.Draft> drafts = new ArrayList<>(signature.consents().size());
    for (ConsentGrant grant : signature.consents()) {
      drafts.add(new ConsentRecord.Draft(subject, signature.petition(), grant.purpose(), grant.documentId(),
          grant.version(), grant.sha256(), ConsentRecord.Action.GRANTED, now, evidence));
    }
    return drafts;
  }

  @Override
  public List<StoredSignature> held(String petition, long afterId, int limit) {
    Objects.requireNonNull(petition, "petition must not be null");
    if (limit <= 0) {
      return List.of();
    }
    // Keyset-paged on (petition, held, id). Retention takes a signature off the list (name_key is then NULL).
    return transactions.read("read held signatures", connection -> signatures(connection, "SELECT "
        + Rows.SIGNATURE_COLUMNS + " FROM signature WHERE petition = ? AND held = TRUE AND id > ? AND state IN "
        + LIVE + " AND name_key IS NOT NULL ORDER BY id LIMIT ?", petition, afterId, limit));
  }

  @Override
  public ConfirmOutcome approve(long id, Instant now) {
    Objects.requireNonNull(now, "now must not be null");
    return retryingSetup(() -> transactions.write("approve signature", connection -> {
      StoredSignature current = select(connection, id, true);
      if (current == null) {
        return new ConfirmOutcome.NotFound();
      }
      if (!live(current)) {
        return new ConfirmOutcome.Gone();
      }
      if (!current.data().held()) {
        return new ConfirmOutcome.AlreadyConfirmed(current.number());
      }
      if (current.state() == SignatureState.PENDING) {
        update(connection, "UPDATE signature SET held = FALSE WHERE id = ?", id);
        return new ConfirmOutcome.Held(); // not counted yet: it counts once its owner confirms it
      }
      String country = current.data().country();
      if (!ready(current.petition(), country)) {
        return new Setup(current.petition(), country);
      }
      long number = nextValue(connection, sequenceOf(current.petition()));
      update(connection, "UPDATE signature SET held = FALSE, number = ? WHERE id = ?", number, id);
      insertNumber(connection, current.petition(), number, current.data().kind(), id);
      addToCount(connection, current.petition(), country, +1);
      return new ConfirmOutcome.Counted(number, country);
    }));
  }

  @Override
  public RemoveOutcome remove(long id, Instant now) {
    Objects.requireNonNull(now, "now must not be null");
    return retryingSetup(() -> transactions.write("remove signature", connection -> {
      StoredSignature current = select(connection, id, true);
      if (current == null) {
        return new RemoveOutcome.NotFound();
      }
      if (!live(current)) {
        return new RemoveOutcome.AlreadyGone();
      }
      boolean wasCounted = current.counted();
      String country = current.data().country();
      if (wasCounted && !ready(current.petition(), country)) {
        return new Setup(current.petition(), country);
      }
      // Keys and data stay: the same address cannot simply sign again, and restore can undo this.
      update(connection, "UPDATE signature SET state = 'REMOVED' WHERE id = ?", id);
      if (wasCounted) {
        addToCount(connection, current.petition(), country, -1);
      }
      return new RemoveOutcome.Removed(wasCounted, country);
    }));
  }

  @Override
  public boolean restore(long id, Instant now) {
    Objects.requireNonNull(now, "now must not be null");
    return retryingSetup(() -> transactions.write("restore signature", connection -> {
      StoredSignature current = select(connection, id, true);
      if (current == null || current.state() != SignatureState.REMOVED) {
        return Boolean.FALSE;
      }
      if (current.confirmedAt() == null) {
        update(connection, "UPDATE signature SET state = 'PENDING' WHERE id = ?", id);
        // Its queue entry may be gone (the purge drops those of signatures no longer pending): one again.
        update(connection, "DELETE FROM signature_purge_queue WHERE signed_at = ? AND signature_id = ?",
            current.data().signedAt(), id);
        enqueueForPurge(connection, current.data().signedAt(), id);
        return Boolean.TRUE;
      }
      boolean counts = !current.data().held();
      String country = current.data().country();
      if (counts && !ready(current.petition(), country)) {
        return new Setup(current.petition(), country);
      }
      // Back under its old number, whose entry in the latest list is still there; a new one only if it never
      // had one.
      boolean newNumber = counts && current.number() == 0;
      long number = newNumber ? nextValue(connection, sequenceOf(current.petition())) : current.number();
      update(connection, "UPDATE signature SET state = 'CONFIRMED', number = ? WHERE id = ?", number, id);
      if (newNumber) {
        insertNumber(connection, current.petition(), number, current.data().kind(), id);
      }
      if (counts) {
        addToCount(connection, current.petition(), country, +1);
      }
      return Boolean.TRUE;
    }));
  }

  @Override
  public List<StoredSignature> search(String petition, SignatureCriteria criteria, long afterId, int limit) {
    Objects.requireNonNull(petition, "petition must not be null");
    Objects.requireNonNull(criteria, "criteria must not be null");
    if (limit <= 0) {
      return List.of();
    }
    // Every criterion but the display-name pattern (a Java regular expression) is a condition in SQL.
    StringBuilder sql = new StringBuilder("SELECT " + Rows.SIGNATURE_COLUMNS
        + " FROM signature WHERE petition = ? AND state <> 'REVOKED' AND id > ?");
    List<Object> parameters = new ArrayList<>();
    parameters.add(petition);
    parameters.add(0L); // the keyset position, replaced for each batch
    if (criteria.network() != null) {
      sql.append(" AND network = ?");
      parameters.add(criteria.network());
    }
    if (criteria.networkPrefix() != null) {
      sql.append(" AND network LIKE ? ESCAPE '\\'");
      parameters.add(likePrefix(criteria.networkPrefix()));
    }
    if (criteria.emailDomain() != null) {
      sql.append(" AND email_domain = ?");
      parameters.add(criteria.emailDomain());
    }
    if (criteria.emailKey() != null) {
      sql.append(" AND email_key = ?");
      parameters.add(criteria.emailKey());
    }
    if (criteria.displayNamePattern() != null) {
      sql.append(" AND display_name IS NOT NULL");
    }
    if (criteria.country() != null) {
      sql.append(" AND country = ?");
      parameters.add(criteria.country());
    }
    if (criteria.signedFrom() != null) {
      sql.append(" AND signed_at >= ?");
      parameters.add(criteria.signedFrom());
    }
    if (criteria.signedUntil() != null) {
      sql.append(" AND signed_at < ?");
      parameters.add(criteria.signedUntil());
    }
    sql.append(" ORDER BY id LIMIT ?");
    boolean filtered = criteria.displayNamePattern() != null;
    int batch = filtered ? Math.max(limit, 200) : limit;
    parameters.add(batch);
    // One snapshot for every batch, so a page is consistent even when it takes several reads.
    return transactions.snapshot("search signatures", connection -> {
      List<StoredSignature> page = new ArrayList<>(Math.min(limit, 100));
      long after = afterId;
      while (true) {
        parameters.set(1, after);
        List<StoredSignature> rows = signatures(connection, sql.toString(), parameters.toArray());
        for (StoredSignature row : rows) {
          if (!filtered || criteria.matches(row)) {
            page.add(row);
            if (page.size() == limit) {
              return page;
            }
          }
          after = row.id();
        }
        if (rows.size() < batch) {
          return page;
        }
      }
    });
  }

  /** A LIKE pattern matching text that starts with {@code prefix}, with {@code \} as the escape. */
  private static String likePrefix(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  @Override
  public List<StoredSignature> bySubject(byte[] emailKey) {
    Objects.requireNonNull(emailKey, "emailKey must not be null");
    if (emailKey.length == 0) {
      return List.of(); // erased signatures hold no key: nobody's
    }
    return transactions.read("read signatures of a subject", connection -> signatures(connection,
        "SELECT " + Rows.SIGNATURE_COLUMNS + " FROM signature WHERE email_key = ? ORDER BY id", emailKey));
  }

  @Override
  public RemoveOutcome erase(long id, boolean keepCounting, Instant now) {
    Objects.requireNonNull(now, "now must not be null");
    return retryingSetup(() -> transactions.write("erase signature", connection -> {
      StoredSignature current = select(connection, id, true);
      if (current == null) {
        return new RemoveOutcome.NotFound();
      }
      if (current.state() == SignatureState.REMOVED) {
        // A moderator's removal kept the data for review; erasure on request takes precedence.
        erase(connection, id);
        return new RemoveOutcome.Removed(false, current.data().country());
      }
      if (!(keepCounting && current.counted())) {
        return revokeLocked(connection, current);
      }
      // Still counted: the email key stays so the same person cannot count twice; the rest goes.
      update(connection, "UPDATE signature SET " + ANONYMISE + " WHERE id = ?", id);
      return new RemoveOutcome.Removed(false, current.data().country());
    }));
  }

  @Override
  public int anonymise(String petition, int limit) {
    Objects.requireNonNull(petition, "petition must not be null");
    if (limit <= 0) {
      return 0;
    }
    return transactions.write("anonymise signatures", connection -> {
      // name_key IS NOT NULL exactly while the sealed data is there (every erasure clears both). Ordered by
      // name_key, the (petition, name_key) index finds those rows without visiting the ones already done (its
      // NULLs come last), however the petition's rows lie in the table.
      List<Long> ids = new ArrayList<>();
      try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM signature WHERE petition = ?"
          + " AND name_key IS NOT NULL AND sealed_personal_data IS NOT NULL ORDER BY name_key LIMIT ? FOR UPDATE")) {
        statement.setString(1, petition);
        statement.setInt(2, limit);
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            ids.add(row.getLong(1));
          }
        }
      }
      int changed = 0;
      try (PreparedStatement statement = connection.prepareStatement("UPDATE signature SET email_key = NULL, "
          + ANONYMISE + " WHERE id = ? AND sealed_personal_data IS NOT NULL")) {
        for (long id : ids) {
          statement.setLong(1, id);
          changed += statement.executeUpdate();
        }
      }
      return changed;
    });
  }

  @Override
  public ModerationAction recordModeration(ModerationAction action) {
    Objects.requireNonNull(action, "action must not be null");
    return transactions.write("record moderation", connection -> {
      long id = nextValue(connection, "moderation_action_id_seq");
      try (PreparedStatement statement = connection.prepareStatement("INSERT INTO moderation_action (id, petition,"
          + " kind, moderator, reason, criteria, signature_ids, at, undone_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        int i = 0;
        statement.setLong(++i, id);
        statement.setString(++i, action.petition());
        statement.setString(++i, action.kind().name());
        statement.setString(++i, action.moderator());
        statement.setString(++i, action.reason());
        Rows.setString(statement, ++i, action.criteria());
        statement.setString(++i, Codecs.ids(action.signatureIds()));
        Rows.setInstant(statement, ++i, action.at());
        Rows.setInstant(statement, ++i, action.undoneAt());
        statement.executeUpdate();
      }
      return moderationAction(connection, id).orElseThrow();
    });
  }

  @Override
  public void markUndone(long actionId, Instant at) {
    Objects.requireNonNull(at, "at must not be null");
    transactions.read("mark moderation undone", connection -> {
      try (PreparedStatement statement =
          connection.prepareStatement("UPDATE moderation_action SET undone_at = ? WHERE id = ?")) {
        Rows.setInstant(statement, 1, at);
        statement.setLong(2, actionId);
        statement.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Optional<ModerationAction> moderationAction(long actionId) {
    return transactions.read("read moderation", connection -> moderationAction(connection, actionId));
  }

  private static Optional<ModerationAction> moderationAction(Connection connection, long id) throws SQLException {
    List<ModerationAction> actions = moderationActions(connection,
        "SELECT " + Rows.MODERATION_COLUMNS + " FROM moderation_action WHERE id = ?", id);
    return actions.isEmpty() ? Optional.empty() : Optional.of(actions.get(0));
  }

  @Override
  public List<ModerationAction> moderationLog(String petition, int limit) {
    Objects.requireNonNull(petition, "petition must not be null");
    if (limit <= 0) {
      return List.of();
    }
    return transactions.read("read moderation log", connection -> moderationActions(connection, "SELECT "
        + Rows.MODERATION_COLUMNS + " FROM moderation_action WHERE petition = ? ORDER BY id DESC LIMIT ?",
        petition, limit));
  }

  private static List<ModerationAction> moderationActions(Connection connection, String sql, Object... parameters)
      throws SQLException {
    return query(connection, Rows::moderationAction, sql, parameters);
  }

  private static List<StoredSignature> signatures(Connection connection, String sql, Object... parameters)
      throws SQLException {
    return query(connection, Rows::signature, sql, parameters);
  }

  /** Reads one row's worth of a result; may throw as JDBC does. */
  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private static <T> List<T> query(Connection connection, RowReader<T> reader, String sql, Object... parameters)
      throws SQLException {
    List<T> rows = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          rows.add(reader.read(row));
        }
      }
    }
    return rows;
  }

  private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      return statement.executeUpdate();
    }
  }

  private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      Object value = parameters[i];
      if (value instanceof String text) {
        statement.setString(i + 1, text);
      } else if (value instanceof Long number) {
        statement.setLong(i + 1, number);
      } else if (value instanceof Integer number) {
        statement.setInt(i + 1, number);
      } else if (value instanceof byte[] bytes) {
        statement.setBytes(i + 1, bytes);
      } else if (value instanceof Instant instant) {
        Rows.setInstant(statement, i + 1, instant);
      } else {
        throw new IllegalArgumentException("cannot bind a " + value.getClass().getSimpleName());
      }
    }
  }

  private static boolean live(StoredSignature signature) {
    return signature.state() == SignatureState.PENDING || signature.state() == SignatureState.CONFIRMED;
  }

  /** Runs a transaction again after creating the database objects it found missing ({@link Setup}). */
  @SuppressWarnings("unchecked")
  private <T> T retryingSetup(java.util.function.Supplier<Object> transaction) {
    while (true) {
      Object outcome = transaction.get();
      if (outcome instanceof Setup setup) {
        setup.run(this);
        continue;
      }
      return (T) outcome;
    }
  }

  @Override
  public Counts counts(String petition) {
    Objects.requireNonNull(petition, "petition must not be null");
    return transactions.read("read counts", connection -> {
      long total = 0;
      Map<String, Long> byCountry = new HashMap<>();
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT country, SUM(n) FROM signature_count WHERE petition = ? GROUP BY country")) {
        statement.setString(1, petition);
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            String country = row.getString(1);
            long n = row.getLong(2);
            total += n;
            if (!country.isEmpty() && n > 0) {
              byCountry.put(country, n);
            }
          }
        }
      }
      return new Counts(total, byCountry);
    });
  }

  @Override
  public List<StoredSignature> latest(String petition, @Nullable SignerKind kind, long beforeNumber, int limit) {
    Objects.requireNonNull(petition, "petition must not be null");
    if (limit <= 0) {
      return List.of();
    }
    // Keyset pagination on signature_number (petition[, kind], number DESC), each entry's signature by its
    // key. An entry whose signature no longer counts (revoked, removed, held) is skipped. A signature counts
    // under one number all its life (approve and restore number only one that never had a number), so its
    // number need not be compared: doing so in the join made PostgreSQL expect one row and scan them all.
    String sql = "SELECT " + SIGNATURE_COLUMNS_OF_S + " FROM signature_number n JOIN signature s ON s.id = n.signature_id"
        + " WHERE n.petition = ?" + (kind == null ? "" : " AND n.kind = ?")
        + " AND n.number < ? AND s.state = 'CONFIRMED' AND NOT s.held ORDER BY n.number DESC LIMIT ?";
    boolean fresh = freshPlans();
    return transactions.read("read latest signatures", connection -> {
      List<StoredSignature> page = new ArrayList<>(Math.min(limit, 100));
      try (PreparedStatement statement = connection.prepareStatement(FreshPlans.sql(sql, fresh))) {
        int i = 0;
        statement.setString(++i, petition);
        if (kind != null) {
          statement.setString(++i, kind.name());
        }
        statement.setLong(++i, beforeNumber);
        statement.setInt(++i, limit);
        try (ResultSet row = FreshPlans.executeQuery(statement, fresh)) {
          while (row.next()) {
            page.add(Rows.signature(row));
          }
        }
      }
      return page;
    });
  }

  private static final String SIGNATURE_COLUMNS_OF_S = "s." + Rows.SIGNATURE_COLUMNS.replace(", ", ", s.");

  @Override
  public List<StoredSignature> purgePending(Instant cutoff, int limit) {
    Objects.requireNonNull(cutoff, "cutoff must not be null");
    if (limit <= 0) {
      return List.of();
    }
    return transactions.write("purge pending signatures", connection -> {
      List<StoredSignature> purged = new ArrayList<>();
      // The queue's head may be entries of signatures confirmed or revoked since: they are dropped on the way,
      // so each pass moves the head on, and passes go on until enough are purged or the head is past cutoff.
      while (purged.size() < limit) {
        List<Instant> queuedAt = new ArrayList<>();
        List<Long> queuedIds = new ArrayList<>();
        // SKIP LOCKED: entries another purge holds are its own.
        try (PreparedStatement statement = connection.prepareStatement("SELECT signed_at, signature_id"
            + " FROM signature_purge_queue WHERE signed_at < ? ORDER BY signed_at, signature_id LIMIT ?"
            + " FOR UPDATE SKIP LOCKED")) {
          Rows.setInstant(statement, 1, cutoff);
          statement.setInt(2, limit - purged.size());
          try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
              queuedAt.add(Rows.instant(row, "signed_at"));
              queuedIds.add(row.getLong(2));
            }
          }
        }
        if (queuedIds.isEmpty()) {
          break;
        }
        // SKIP LOCKED: a signature being confirmed right now is not waited for, and keeps its entry for the
        // next purge (it is no longer pending once that transaction commits).
        Map<Long, StoredSignature> pending = new HashMap<>();
        Set<Long> busy = new HashSet<>(queuedIds);
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + Rows.SIGNATURE_COLUMNS
            + " FROM signature WHERE id = ANY(?) ORDER BY id FOR UPDATE SKIP LOCKED")) {
          statement.setArray(1, connection.createArrayOf("BIGINT", queuedIds.toArray()));
          try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
              StoredSignature signature = Rows.signature(row);
              busy.remove(signature.id());
              if (signature.state() == SignatureState.PENDING) {
                pending.put(signature.id(), signature);
              }
            }
          }
        }
        // A signature neither locked here nor found is gone (deleted): its entry goes too.
        Set<Long> absent = absentSignatures(connection, busy);
        busy.removeAll(absent);
        try (PreparedStatement deleteSignature =
                connection.prepareStatement("DELETE FROM signature WHERE id = ? AND state = 'PENDING'");
            PreparedStatement dequeue = connection.prepareStatement(
                "DELETE FROM signature_purge_queue WHERE signed_at = ? AND signature_id = ?")) {
          for (int i = 0; i < queuedIds.size(); i++) {
            long id = queuedIds.get(i);
            if (busy.contains(id)) {
              continue;
            }
            StoredSignature signature = pending.get(id);
            if (signature != null) {
              deleteSignature.setLong(1, id);
              deleteSignature.addBatch();
              purged.add(signature); // locked and pending: its delete succeeds
            }
            Rows.setInstant(dequeue, 1, queuedAt.get(i));
            dequeue.setLong(2, id);
            dequeue.addBatch();
          }
          if (!pending.isEmpty()) {
            deleteSignature.executeBatch();
          }
          dequeue.executeBatch();
        }
        if (!busy.isEmpty()) {
          break; // entries whose signature others are writing: this transaction holds them, the next purge takes them
        }
      }
      purged.sort(Comparator.comparing((StoredSignature signature) -> signature.data().signedAt())
          .thenComparingLong(StoredSignature::id));
      return purged;
    });
  }

  /** Which of these signature ids have no row (the purge could not lock them because they are not there). */
  private static Set<Long> absentSignatures(Connection connection, Set<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return Set.of();
    }
    Set<Long> absent = new HashSet<>(ids);
    try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM signature WHERE id = ANY(?)")) {
      statement.setArray(1, connection.createArrayOf("BIGINT", ids.toArray()));
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          absent.remove(row.getLong(1));
        }
      }
    }
    return absent;
  }

  private String sequenceOf(String petition) {
    String name = sequenceNames.get(petition);
    return name != null ? name : sequenceNames.computeIfAbsent(petition, SequenceNames::of);
  }

  /** Whether the petition's sequence and the counter rows for this country are known to exist. */
  private boolean ready(String petition, @Nullable String country) {
    return readySequences.contains(sequenceOf(petition))
        && readyCounters.contains(counterKey(petition, countryKey(country)));
  }

  private static String counterKey(String petition, String country) {
    return petition + '\u0000' + country;
  }

  /**
   * Database objects a transaction found missing: it commits having changed nothing, they are created with
   * auto-committed statements, and the transaction runs again. Happens once per store, petition and country.
   */
  private record Setup(String petition, @Nullable String country) {
    void run(JdbcSignatureStore store) {
      store.ensureSequence(petition);
      store.ensureCounters(petition, countryKey(country));
    }
  }

  private static String countryKey(@Nullable String country) {
    return country == null ? "" : country;
  }

  /** Adds {@code delta} to one random counter shard of the petition and country, under its row lock only. */
  private void addToCount(Connection connection, String petition, @Nullable String country, int delta)
      throws SQLException {
    TreeMap<String, Integer> deltas = new TreeMap<>();
    deltas.put(counterKey(petition, countryKey(country)), delta);
    addToCounts(connection, deltas);
  }

  /**
   * Adds each delta (keyed by {@link #counterKey}) to one random shard of its petition and country, as one
   * batch, in key order.
   */
  private void addToCounts(Connection connection, TreeMap<String, Integer> deltas) throws SQLException {
    if (deltas.isEmpty()) {
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement(ADD_TO_COUNT)) {
      for (Map.Entry<String, Integer> delta : deltas.entrySet()) {
        bindCountDelta(statement, 0, delta.getKey(), delta.getValue());
        statement.addBatch();
      }
      for (int updated : statement.executeBatch()) {
        if (updated == 0) {
          // Counter rows are ensured before every transaction that counts; their absence is a broken schema.
          throw new SQLException("counter shard missing for a petition", "55000");
        }
      }
    }
  }

  private static final String ADD_TO_COUNT =
      "UPDATE signature_count SET n = n + ? WHERE petition = ? AND country = ? AND shard = ?";

  /** Binds {@link #ADD_TO_COUNT} after parameter {@code offset}, on a random shard; answers the last bound. */
  private int bindCountDelta(PreparedStatement statement, int offset, String counterKey, int delta)
      throws SQLException {
    int split = counterKey.indexOf('\u0000');
    statement.setLong(offset + 1, delta);
    statement.setString(offset + 2, counterKey.substring(0, split));
    statement.setString(offset + 3, counterKey.substring(split + 1));
    statement.setInt(offset + 4, ThreadLocalRandom.current().nextInt(counterShards));
    return offset + 4;
  }

  /** The next {@code count} values of a sequence, drawn with one statement. */
  private static long[] nextValues(Connection connection, String sequence, int count) throws SQLException {
    long[] values = new long[count];
    // GENERATE_SERIES exists in PostgreSQL and H2; the name is [a-z0-9_] only (SequenceNames checks it).
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT nextval('" + sequence + "') FROM GENERATE_SERIES(1, ?)")) {
      statement.setInt(1, count);
      try (ResultSet row = statement.executeQuery()) {
        for (int i = 0; i < count; i++) {
          if (!row.next()) {
            throw new SQLException("the sequence gave fewer values than asked", "55000");
          }
          values[i] = row.getLong(1);
        }
      }
    }
    return values;
  }

  private static long nextValue(Connection connection, String sequence) throws SQLException {
    // Sequences are outside transactions, so numbering never makes one confirmer wait for another.
    return nextValues(connection, sequence, 1)[0];
  }

  /** Creates the petition's number sequence unless it exists; returns its name. */
  private String ensureSequence(String petition) {
    String sequence = sequenceOf(petition);
    if (readySequences.contains(sequence)) {
      return sequence;
    }
    transactions.read("create number sequence", connection -> {
      try (Statement statement = connection.createStatement()) {
        // The name is [a-z0-9_] only (SequenceNames checks the slug), so concatenating it is safe.
        statement.execute("CREATE SEQUENCE IF NOT EXISTS " + sequence + " START WITH 1 INCREMENT BY 1");
      } catch (SQLException e) {
        // Two instances creating it at once: PostgreSQL may report the loser as a duplicate; it exists now.
        if (!Transactions.isUniqueViolation(e) && !"42P07".equals(e.getSQLState())) {
          throw e;
        }
      }
      return null;
    });
    readySequences.add(sequence);
    return sequence;
  }

  /** Creates the counter shard rows of a petition and country that do not exist yet. */
  private void ensureCounters(String petition, String country) {
    String key = counterKey(petition, country);
    if (readyCounters.contains(key)) {
      return;
    }
    transactions.read("create counter shards", connection -> {
      Set<Integer> present = new HashSet<>();
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT shard FROM signature_count WHERE petition = ? AND country = ?")) {
        statement.setString(1, petition);
        statement.setString(2, country);
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            present.add(row.getInt(1));
          }
        }
      }
      try (PreparedStatement statement = connection.prepareStatement(
          "INSERT INTO signature_count (petition, country, shard, n) VALUES (?, ?, ?, 0)")) {
        for (int shard = 0; shard < counterShards; shard++) {
          if (present.contains(shard)) {
            continue;
          }
          statement.setString(1, petition);
          statement.setString(2, country);
          statement.setInt(3, shard);
          try {
            statement.executeUpdate(); // auto-committed one by one, so a concurrent creator is harmless
          } catch (SQLException e) {
            if (!Transactions.isUniqueViolation(e)) {
              throw e;
            }
          }
        }
      }
      return null;
    });
    readyCounters.add(key);
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
    private long freshPlansBelow = DEFAULT_FRESH_PLANS_BELOW;

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
      if (migrate) {
        Schema.migrate(dataSource);
      }
      JdbcSignatureStore store = new JdbcSignatureStore(this, product.startsWith("PostgreSQL"));
      store.seeIdsDrawnSoFar();
      LOG.info("petition store ready on {} with {} counter shards, batches of up to {} ({} at a time)", product,
          counterShards, batchSize, concurrentBatches);
      return store;
    }
  }
}
