package org.petition.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.petition.ConsentPurpose;
import org.petition.privacy.ConsentChain;
import org.petition.privacy.ConsentLedger;
import org.petition.privacy.ConsentRecord;
import org.petition.privacy.VerificationReport;
import org.petition.privacy.WithdrawResult;
import org.petition.store.jdbc.internal.BulkInsert;
import org.petition.store.jdbc.internal.BulkInsert.Type;
import org.petition.store.jdbc.internal.Rows;
import org.petition.store.jdbc.internal.Schema;
import org.petition.store.jdbc.internal.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ConsentLedger} in PostgreSQL 15+ (or H2 2.x) over a {@link DataSource}: records in {@code
 * consent_record}, each chain's head in its own row of {@code consent_chain_head}. Safe for several
 * application instances sharing one database.
 *
 * <p>An append locks only its chain's head row ({@code SELECT ... FOR UPDATE}), links the record after the
 * head, inserts it and moves the head, in one transaction: each chain stays dense and linked, and appends
 * for subjects of different chains never wait for each other. {@link #withdraw} reads the subject's
 * records under that same lock, so a withdrawal cannot race a grant of the same chain. {@link
 * JdbcSignatureStore} appends a signature's grants this way inside its confirming transaction.
 *
 * <p>{@link #verify()} walks each chain in sequence order in one snapshot (REPEATABLE READ, no locks), a
 * thousand records at a time, and checks it against the head kept apart: a changed, removed, reordered or
 * truncated record shows. Record instants are kept exactly (the timestamp column to the microsecond, the
 * nanoseconds beside it), since they are hashed. Thread-safe and immutable; build one with {@link
 * #builder(DataSource)}, or take the one of a {@link JdbcSignatureStore}.
 */
public final class JdbcConsentLedger implements ConsentLedger {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcConsentLedger.class);
  private static final int VERIFY_BATCH = 1000;
  private static final String COLUMNS = "chain, sequence, subject, petition, purpose, document_id, document_version,"
      + " document_sha256, action, at, at_nanos, form_id, truncated_ip, user_agent_sha256, locale, previous_hash,"
      + " hash";

  private final Transactions transactions;
  private final ConsentChain chains;
  private final boolean postgres;
  private volatile boolean headsReady;

  JdbcConsentLedger(Transactions transactions, ConsentChain chains, boolean postgres) {
    this.transactions = Objects.requireNonNull(transactions, "transactions must not be null");
    this.chains = Objects.requireNonNull(chains, "chains must not be null");
    this.postgres = postgres;
  }

  /** A builder of a ledger over this data source (ideally a connection pool). */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /** The chains records are sharded into. */
  public ConsentChain chains() {
    return chains;
  }

  @Override
  public ConsentRecord append(ConsentRecord.Draft draft) {
    requireGrant(draft);
    ensureHeads();
    return transactions.write("append consent", connection -> appendAll(connection, List.of(draft)).get(0));
  }

  /**
   * Appends grants of one subject, in order, on the caller's transaction: locks the chain's head row until
   * the caller commits or rolls back. Used by the store inside its confirming transaction.
   */
  List<ConsentRecord> appendAll(Connection connection, List<ConsentRecord.Draft> drafts) throws SQLException {
    return appendGroups(connection, List.of(drafts));
  }

  /**
   * Appends several subjects' grants (one group per subject, each in order) on the caller's transaction,
   * with one statement per step whatever their number: the heads of the chains involved are locked in
   * ascending chain order (so two batches cannot deadlock on them), the records linked here, inserted as
   * one batch, and the heads moved as one batch. Answers the records in the order of the drafts.
   */
  List<ConsentRecord> appendGroups(Connection connection, List<List<ConsentRecord.Draft>> groups)
      throws SQLException {
    GroupAppend append = prepareAppend(groups);
    if (append.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement statement = connection.prepareStatement(LOCK_HEADS)) {
      append.bindLock(connection, statement, 0);
      try (ResultSet rows = statement.executeQuery()) {
        append.readHeads(rows);
      }
    }
    return append.write(connection, null);
  }

  /** Locks the chain heads of a {@link GroupAppend}, in chain order; its one parameter is an integer array. */
  static final String LOCK_HEADS =
      "SELECT chain, sequence, hash FROM consent_chain_head WHERE chain = ANY(?) ORDER BY chain FOR UPDATE";

  /**
   * Checks the drafts of an append of several subjects' grants (one group per subject, each in order) and
   * answers its steps, for a caller that sends the head lock together with statements of its own.
   */
  GroupAppend prepareAppend(List<List<ConsentRecord.Draft>> groups) {
    TreeMap<Integer, Head> heads = new TreeMap<>();
    int total = 0;
    for (List<ConsentRecord.Draft> drafts : groups) {
      if (drafts.isEmpty()) {
        continue;
      }
      String subject = drafts.get(0).subject();
      for (ConsentRecord.Draft draft : drafts) {
        requireGrant(draft);
        if (!draft.subject().equals(subject)) {
          throw new IllegalArgumentException("drafts appended together must share a subject");
        }
      }
      heads.put(chains.chainOf(subject), NO_HEAD);
      total += drafts.size();
    }
    return new GroupAppend(groups, heads, total);
  }

  /**
   * An append in three steps on the caller's transaction: {@link #LOCK_HEADS} (bound by {@link #bindLock}),
   * its rows handed to {@link #readHeads}, then {@link #write}, which links the records after the locked
   * heads, inserts them and moves the heads.
   */
  final class GroupAppend {
    private final List<List<ConsentRecord.Draft>> groups;
    private final TreeMap<Integer, Head> heads;
    private final int total;

    private GroupAppend(List<List<ConsentRecord.Draft>> groups, TreeMap<Integer, Head> heads, int total) {
      this.groups = groups;
      this.heads = heads;
      this.total = total;
    }

    /** Whether there is nothing to append (no head to lock, nothing to write). */
    boolean isEmpty() {
      return total == 0;
    }

    /** Binds the lock's chains as parameter {@code offset + 1}; answers {@code offset + 1}. */
    int bindLock(Connection connection, PreparedStatement statement, int offset) throws SQLException {
      statement.setArray(offset + 1, connection.createArrayOf("INTEGER", heads.keySet().toArray()));
      return offset + 1;
    }

    /** Reads the locked heads. */
    void readHeads(ResultSet rows) throws SQLException {
      JdbcConsentLedger.readHeads(rows, heads);
    }

    /**
     * Links, inserts and moves the heads; answers the records in the order of the drafts. On PostgreSQL,
     * given {@code committing}, the transaction commits with these statements: nothing may follow them.
     */
    List<ConsentRecord> write(Connection connection, Transactions.@Nullable Committing committing)
        throws SQLException {
      List<ConsentRecord> records = new ArrayList<>(total);
      for (List<ConsentRecord.Draft> drafts : groups) {
        for (ConsentRecord.Draft draft : drafts) {
          int chain = chains.chainOf(draft.subject());
          Head head = heads.get(chain);
          ConsentRecord record = chains.link(draft, previous(head, draft));
          heads.put(chain, new Head(chain, record.sequence(), record.hash()));
          records.add(record);
        }
      }
      if (postgres) {
        insertAndMoveHeads(connection, records, heads.values(), committing);
      } else {
        insert(connection, records);
        moveHeads(connection, heads.values());
      }
      return records;
    }
  }

  private static void requireGrant(ConsentRecord.Draft draft) {
    Objects.requireNonNull(draft, "draft must not be null");
    if (draft.action() != ConsentRecord.Action.GRANTED) {
      throw new IllegalArgumentException("append takes grants only; use withdraw to withdraw a consent");
    }
  }

  @Override
  public WithdrawResult withdraw(
      String subject, String petition, ConsentPurpose purpose, Instant at, ConsentRecord.Evidence evidence) {
    Objects.requireNonNull(subject, "subject must not be null");
    Objects.requireNonNull(petition, "petition must not be null");
    Objects.requireNonNull(purpose, "purpose must not be null");
    Objects.requireNonNull(at, "at must not be null");
    Objects.requireNonNull(evidence, "evidence must not be null");
    int chain = chains.chainOf(subject);
    ensureHeads();
    return transactions.write("withdraw consent", connection -> {
      // Under the head's lock no other append of this chain runs: what is read is what is in force.
      Head head = lockHead(connection, chain);
      Optional<ConsentRecord.Draft> withdrawal =
          ConsentLedger.withdrawalOf(recordsOf(connection, subject), petition, purpose, at, evidence);
      if (withdrawal.isEmpty()) {
        return new WithdrawResult.NotGranted();
      }
      return new WithdrawResult.Withdrawn(add(connection, head, withdrawal.get()));
    });
  }

  @Override
  public List<ConsentRecord> recordsOf(String subject) {
    Objects.requireNonNull(subject, "subject must not be null");
    chains.chainOf(subject); // refuses what is not a subject, as the in-memory ledger does
    return transactions.read("read consent records", connection -> recordsOf(connection, subject));
  }

  private static List<ConsentRecord> recordsOf(Connection connection, String subject) throws SQLException {
    List<ConsentRecord> records = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT " + COLUMNS + " FROM consent_record WHERE subject = ? ORDER BY sequence")) {
      statement.setString(1, subject);
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          records.add(readable(row));
        }
      }
    }
    return records;
  }

  @Override
  public VerificationReport verify() {
    long total = 0;
    for (int chain = 0; chain < chains.chainCount(); chain++) {
      int current = chain;
      VerificationReport report = transactions.snapshot("verify consent chain", connection -> verify(connection, current));
      if (report instanceof VerificationReport.Ok ok) {
        total += ok.recordsChecked();
      } else {
        LOG.warn("consent chain {} is broken at {}: {}", chain, ((VerificationReport.Broken) report).sequence(),
            ((VerificationReport.Broken) report).problem());
        return report;
      }
    }
    return new VerificationReport.Ok(total);
  }

  private VerificationReport verify(Connection connection, int chain) throws SQLException {
    String head = null;
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT hash FROM consent_chain_head WHERE chain = ?")) {
      statement.setInt(1, chain);
      try (ResultSet row = statement.executeQuery()) {
        if (row.next()) {
          head = row.getString(1);
        }
      }
    }
    // A missing head row means an empty chain: any record found is then a tail the head does not know.
    ChainCursor records = new ChainCursor(connection, chain);
    try {
      return chains.verify(chain, records, head == null ? ConsentChain.GENESIS_HASH : head);
    } catch (Unreadable e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      return new VerificationReport.Broken(chain, records.position, VerificationReport.Problem.HASH_MISMATCH,
          "record holds a value no record can have (" + e.getMessage() + ")");
    }
  }

  /**
   * The records of one chain in stored sequence order, read a batch at a time. A row that cannot be read
   * as a record ends the iteration with {@link Unreadable} once every record before it was handed out, so
   * {@link #position} is then its position.
   */
  private static final class ChainCursor implements Iterable<ConsentRecord>, Iterator<ConsentRecord> {
    private final Connection connection;
    private final int chain;
    private final List<ConsentRecord> batch = new ArrayList<>(VERIFY_BATCH);
    private int next;
    private long afterSequence = Long.MIN_VALUE;
    private boolean exhausted;
    private @Nullable String unreadable;
    long position; // how many records were handed out

    ChainCursor(Connection connection, int chain) {
      this.connection = connection;
      this.chain = chain;
    }

    @Override
    public Iterator<ConsentRecord> iterator() {
      return this;
    }

    @Override
    public boolean hasNext() {
      if (next < batch.size()) {
        return true;
      }
      if (unreadable != null) {
        throw new Unreadable(unreadable);
      }
      if (exhausted) {
        return false;
      }
      batch.clear();
      next = 0;
      int rows = 0;
      try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
          + " FROM consent_record WHERE chain = ? AND sequence > ? ORDER BY sequence LIMIT " + VERIFY_BATCH)) {
        statement.setInt(1, chain);
        statement.setLong(2, afterSequence);
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            rows++;
            afterSequence = row.getLong("sequence");
            try {
              batch.add(record(row));
            } catch (IllegalArgumentException | NullPointerException | java.time.DateTimeException e) {
              unreadable = e.getClass().getSimpleName();
              break;
            }
          }
        }
      } catch (SQLException e) {
        throw new Unreadable(e);
      }
      exhausted = unreadable != null || rows < VERIFY_BATCH;
      return hasNext();
    }

    @Override
    public ConsentRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      position++;
      return batch.get(next++);
    }
  }

  /** A stored record that cannot be turned into a {@link ConsentRecord}, or a failed read. */
  private static final class Unreadable extends RuntimeException {
    Unreadable(String message) {
      super(message, null, false, false);
    }

    Unreadable(SQLException cause) {
      super(cause);
    }
  }

  /** A head row, locked by the current transaction. */
  private record Head(int chain, long sequence, String hash) {}

  private static final Head NO_HEAD = new Head(-1, -1, ConsentChain.GENESIS_HASH);

  private static Head lockHead(Connection connection, int chain) throws SQLException {
    TreeMap<Integer, Head> heads = new TreeMap<>();
    heads.put(chain, NO_HEAD);
    lockHeads(connection, heads);
    return heads.get(chain);
  }

  /** Locks the head rows of the map's chains, in ascending chain order, and fills the map with them. */
  private static void lockHeads(Connection connection, TreeMap<Integer, Head> heads) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(LOCK_HEADS)) {
      statement.setArray(1, connection.createArrayOf("INTEGER", heads.keySet().toArray()));
      try (ResultSet rows = statement.executeQuery()) {
        readHeads(rows, heads);
      }
    }
  }

  /** Reads the rows of {@link #LOCK_HEADS} into the heads asked for; every one must be there. */
  private static void readHeads(ResultSet row, TreeMap<Integer, Head> heads) throws SQLException {
    int found = 0;
    while (row.next()) {
      int chain = row.getInt(1);
      heads.put(chain, new Head(chain, row.getLong(2), row.getString(3)));
      found++;
    }
    if (found != heads.size()) {
      // Heads are created when the ledger is built; a missing one is a damaged schema.
      throw new SQLException("consent chain head missing", "55000");
    }
  }

  /** Links a draft after the locked head, inserts it and moves the head. */
  private ConsentRecord add(Connection connection, Head head, ConsentRecord.Draft draft) throws SQLException {
    ConsentRecord record = chains.link(draft, previous(head, draft));
    insert(connection, List.of(record));
    moveHeads(connection, List.of(new Head(head.chain(), record.sequence(), record.hash())));
    return record;
  }

  private void insert(Connection connection, List<ConsentRecord> records) throws SQLException {
    RECORDS.insert(connection, postgres, records, row -> { });
  }

  private static final BulkInsert<ConsentRecord> RECORDS = BulkInsert.<ConsentRecord>into("consent_record")
      .column("chain", Type.INTEGER, record -> (int) record.chain())
      .column("sequence", Type.BIGINT, ConsentRecord::sequence)
      .column("subject", Type.TEXT, ConsentRecord::subject)
      .column("petition", Type.TEXT, ConsentRecord::petition)
      .column("purpose", Type.TEXT, record -> record.purpose().name())
      .column("document_id", Type.TEXT, ConsentRecord::documentId)
      .column("document_version", Type.TEXT, ConsentRecord::documentVersion)
      .column("document_sha256", Type.TEXT, ConsentRecord::documentSha256)
      .column("action", Type.TEXT, record -> record.action().name())
      .column("at", Type.TIMESTAMPTZ, ConsentRecord::at)
      .column("at_nanos", Type.INTEGER, record -> record.at().getNano())
      .column("form_id", Type.TEXT, record -> record.evidence().formId())
      .column("truncated_ip", Type.TEXT, record -> record.evidence().truncatedIp())
      .column("user_agent_sha256", Type.TEXT, record -> record.evidence().userAgentSha256())
      .column("locale", Type.TEXT, record -> record.evidence().locale())
      .column("previous_hash", Type.TEXT, ConsentRecord::previousHash)
      .column("hash", Type.TEXT, ConsentRecord::hash)
      .build();

  /**
   * PostgreSQL: the records inserted and the heads moved by two statements sent together, so one round trip
   * whatever their number (the heads are locked by this transaction, so the join updates each exactly once).
   */
  private static void insertAndMoveHeads(Connection connection, List<ConsentRecord> records,
      Collection<Head> heads, Transactions.@Nullable Committing committing) throws SQLException {
    Integer[] chains = new Integer[heads.size()];
    Long[] sequences = new Long[heads.size()];
    String[] hashes = new String[heads.size()];
    int h = 0;
    for (Head head : heads) {
      chains[h] = head.chain();
      sequences[h] = head.sequence();
      hashes[h++] = head.hash();
    }
    try (PreparedStatement statement = connection.prepareStatement(RECORDS.arraySql() + ";"
        + " UPDATE consent_chain_head h SET sequence = m.sequence, hash = m.hash"
        + " FROM unnest(CAST(? AS integer[]), CAST(? AS bigint[]), CAST(? AS text[])) AS m (chain, sequence, hash)"
        + " WHERE h.chain = m.chain" + (committing != null ? Transactions.COMMIT : ""))) {
      int i = RECORDS.bindArrays(connection, statement, 0, records);
      statement.setArray(++i, connection.createArrayOf("integer", chains));
      statement.setArray(++i, connection.createArrayOf("bigint", sequences));
      statement.setArray(++i, connection.createArrayOf("text", hashes));
      if (committing != null) {
        committing.now();
      }
      statement.execute();
    }
  }

  private static void moveHeads(Connection connection, Iterable<Head> heads) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("UPDATE consent_chain_head SET sequence = ?, hash = ? WHERE chain = ?")) {
      for (Head head : heads) {
        statement.setLong(1, head.sequence());
        statement.setString(2, head.hash());
        statement.setInt(3, head.chain());
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  /**
   * The record {@link ConsentChain#link} links after: only its chain, sequence and hash are read, and they
   * come from the head row, so an append never depends on the last record still being there.
   */
  private static @Nullable ConsentRecord previous(Head head, ConsentRecord.Draft draft) {
    if (head.sequence() < 0) {
      return null;
    }
    return new ConsentRecord(head.chain(), head.sequence(), draft.subject(), draft.petition(), draft.purpose(),
        draft.documentId(), draft.documentVersion(), draft.documentSha256(), draft.action(), draft.at(),
        draft.evidence(), ConsentChain.GENESIS_HASH, head.hash());
  }

  /** A record read for a caller: a value no record can have is a failed read. */
  private static ConsentRecord readable(ResultSet row) throws SQLException {
    try {
      return record(row);
    } catch (IllegalArgumentException | NullPointerException | java.time.DateTimeException e) {
      throw new SQLException("a consent record holds a value no record can have", "22000", e);
    }
  }

  private static ConsentRecord record(ResultSet row) throws SQLException {
    OffsetDateTime at = row.getObject("at", OffsetDateTime.class);
    Instant instant = Instant.ofEpochSecond(at.toEpochSecond(), row.getInt("at_nanos"));
    return new ConsentRecord(
        row.getInt("chain"),
        row.getLong("sequence"),
        row.getString("subject"),
        row.getString("petition"),
        ConsentPurpose.valueOf(row.getString("purpose")),
        row.getString("document_id"),
        row.getString("document_version"),
        row.getString("document_sha256"),
        ConsentRecord.Action.valueOf(row.getString("action")),
        instant,
        new ConsentRecord.Evidence(row.getString("form_id"), row.getString("truncated_ip"),
            row.getString("user_agent_sha256"), row.getString("locale")),
        row.getString("previous_hash"),
        row.getString("hash"));
  }

  /**
   * Creates the head rows of every chain that has none, once per ledger, each auto-committed (a concurrent
   * creator is harmless), after checking that the database's ledger was not built with another number of
   * chains. Called before any transaction that appends, never inside one.
   *
   * @throws IllegalStateException when the database's ledger has another number of chains
   */
  void ensureHeads() {
    if (headsReady) {
      return;
    }
    transactions.read("prepare consent chains", connection -> {
      Set<Integer> present = new HashSet<>();
      try (PreparedStatement statement = connection.prepareStatement("SELECT chain FROM consent_chain_head");
          ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          present.add(row.getInt(1));
        }
      }
      int count = chains.chainCount();
      boolean foreign = present.stream().anyMatch(chain -> chain >= count);
      if (!foreign && !present.isEmpty() && present.size() < count) {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM consent_record WHERE chain >= 0 FETCH FIRST 1 ROWS ONLY");
            ResultSet row = statement.executeQuery()) {
          foreign = row.next(); // records linked under a smaller count would now belong elsewhere
        }
      }
      if (foreign) {
        throw new IllegalStateException("the consent ledger in this database was built with " + present.size()
            + " chains, not " + count + ": the chain count is fixed for the life of a ledger");
      }
      try (PreparedStatement statement = connection.prepareStatement(
          "INSERT INTO consent_chain_head (chain, sequence, hash) VALUES (?, -1, ?)")) {
        for (int chain = 0; chain < count; chain++) {
          if (present.contains(chain)) {
            continue;
          }
          statement.setInt(1, chain);
          statement.setString(2, ConsentChain.GENESIS_HASH);
          try {
            statement.executeUpdate();
          } catch (SQLException e) {
            if (!Transactions.isUniqueViolation(e)) {
              throw e;
            }
          }
        }
      }
      return null;
    });
    headsReady = true;
  }

  @Override
  public String toString() {
    return "JdbcConsentLedger[chains=" + chains.chainCount() + "]";
  }

  /** A builder of {@link JdbcConsentLedger}. */
  public static final class Builder {
    private final DataSource dataSource;
    private ConsentChain chains = ConsentChain.ofDefaults();
    private boolean migrate = true;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
    }

    /** The chains records are sharded into (default 16); fixed for the life of a database. */
    public Builder chains(ConsentChain chains) {
      this.chains = Objects.requireNonNull(chains, "chains must not be null");
      return this;
    }

    /** Whether {@link #build()} migrates the schema with Flyway (default true). */
    public Builder migrate(boolean migrate) {
      this.migrate = migrate;
      return this;
    }

    /**
     * Checks that the database answers, migrates it when asked, creates missing chain heads and returns the
     * ledger.
     *
     * @throws IllegalStateException when the database cannot be reached, is not PostgreSQL or H2, cannot
     *     be migrated, or its ledger has another number of chains
     */
    public JdbcConsentLedger build() {
      String product = Schema.checkReachable(dataSource);
      if (migrate) {
        Schema.migrate(dataSource);
      }
      JdbcConsentLedger ledger =
          new JdbcConsentLedger(new Transactions(dataSource), chains, product.startsWith("PostgreSQL"));
      if (migrate) {
        ledger.ensureHeads(); // otherwise on first use, as the schema may not be there yet
      }
      return ledger;
    }
  }
}
