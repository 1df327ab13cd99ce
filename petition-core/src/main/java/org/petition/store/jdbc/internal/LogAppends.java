package org.petition.store.jdbc.internal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.petition.log.Frontier;
import org.petition.log.LogEntry;
import org.petition.log.MerkleTree;
import org.petition.log.SignerCommitments;
import org.petition.store.PetitionStoreException;

// The transparency log's writes: an entry per change to a count, appended inside the transaction that
// changes it (locking the petition's log_head row, after the counters and the consent chains' heads, so
// every transaction takes its locks in one order), with the subtrees it completes and the new frontier.
// A petition's head row is created outside those transactions, with entries for the signatures that
// counted before the log existed; the commitment key is created once per database.
public final class LogAppends {

  /** One change to a count: what the entry records. */
  public record Change(String petition, LogEntry.Type type, long signatureId, long number, Instant at) {

    static Change counted(String petition, long signatureId, long number, Instant at) {
      return new Change(petition, LogEntry.Type.COUNTED, signatureId, number, at);
    }

    static Change uncounted(String petition, long signatureId, long number, Instant at) {
      return new Change(petition, LogEntry.Type.UNCOUNTED, signatureId, number, at);
    }
  }

  private final Transactions transactions;
  private final boolean enabled;
  private final Set<String> ready = ConcurrentHashMap.newKeySet();
  private volatile @Nullable SignerCommitments commitments;

  public LogAppends(Transactions transactions, boolean enabled) {
    this.transactions = transactions;
    this.enabled = enabled;
  }

  public boolean enabled() {
    return enabled;
  }

  boolean isReady(String petition) {
    return !enabled || (commitments != null && ready.contains(petition));
  }

  // On PostgreSQL, sent with the confirmation's own statements (PostgresDialect): the heads locked in the
  // first round trip, after the consent chains' heads; the entries, nodes and heads written in one
  // statement in the second, before its COMMIT. The log adds no round trip to a confirmation batch.
  static final String LOCK_HEADS =
      "SELECT petition, frontier FROM log_head WHERE petition = ANY(CAST(? AS text[])) ORDER BY petition FOR UPDATE";
  // WRITE when the batch completes a tile's subtree (LogTiles: about one batch of 64 in four), WRITE_ENTRIES
  // (no node parameters) otherwise.
  static final String WRITE = "WITH e AS (INSERT INTO log_entry (petition, seq, number, counted, entry)"
      + " SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS boolean[]),"
      + " CAST(? AS bytea[]))),"
      + " n AS (INSERT INTO log_node (petition, level, idx, hash)"
      + " SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS integer[]), CAST(? AS bigint[]), CAST(? AS bytea[])))"
      + " UPDATE log_head h SET size = u.size, frontier = u.frontier"
      + " FROM unnest(CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS bytea[])) AS u (petition, size, frontier)"
      + " WHERE h.petition = u.petition";
  static final String WRITE_ENTRIES = "WITH e AS (INSERT INTO log_entry (petition, seq, number, counted, entry)"
      + " SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS boolean[]),"
      + " CAST(? AS bytea[])))"
      + " UPDATE log_head h SET size = u.size, frontier = u.frontier"
      + " FROM unnest(CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS bytea[])) AS u (petition, size, frontier)"
      + " WHERE h.petition = u.petition";

  // Appends the changes' entries in their order, in the caller's transaction: the heads' lock, then the
  // rows, one statement (a JDBC batch) each.
  void append(Connection connection, List<Change> changes) throws SQLException {
    if (!enabled || changes.isEmpty()) {
      return;
    }
    SignerCommitments keys = requireCommitments();
    LogRows rows = rows(keys, lockHeads(connection, changes), changes);
    try (PreparedStatement statement = connection.prepareStatement(
        "INSERT INTO log_entry (petition, seq, number, counted, entry) VALUES (?, ?, ?, ?, ?)")) {
      for (int i = 0; i < rows.entryPetitions.size(); i++) {
        statement.setString(1, rows.entryPetitions.get(i));
        statement.setLong(2, rows.seqs.get(i));
        statement.setLong(3, rows.numbers.get(i));
        statement.setBoolean(4, rows.counted.get(i));
        statement.setBytes(5, rows.entries.get(i));
        statement.addBatch();
      }
      statement.executeBatch();
    }
    if (!rows.nodePetitions.isEmpty()) {
      try (PreparedStatement statement = connection.prepareStatement(
          "INSERT INTO log_node (petition, level, idx, hash) VALUES (?, ?, ?, ?)")) {
        for (int i = 0; i < rows.nodePetitions.size(); i++) {
          statement.setString(1, rows.nodePetitions.get(i));
          statement.setInt(2, rows.levels.get(i));
          statement.setLong(3, rows.indexes.get(i));
          statement.setBytes(4, rows.hashes.get(i));
          statement.addBatch();
        }
        statement.executeBatch();
      }
    }
    try (PreparedStatement statement = connection.prepareStatement(
        "UPDATE log_head SET size = ?, frontier = ? WHERE petition = ?")) {
      for (Map.Entry<String, Frontier> head : rows.heads.entrySet()) {
        statement.setLong(1, head.getValue().size());
        statement.setBytes(2, head.getValue().toBytes());
        statement.setString(3, head.getKey());
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  // A batch's appends sent with statements of the caller's (PostgreSQL): LOCK_HEADS bound by bindLock, its
  // rows handed to readHeads, then WRITE bound by bindWrite. Empty (no statement at all) when the log is
  // off or nothing counts.
  Batch batch(Collection<String> petitions) {
    return new Batch(enabled ? new TreeSet<>(petitions) : new TreeSet<>());
  }

  final class Batch {
    private final TreeSet<String> petitions;
    private final Map<String, Frontier> heads = new HashMap<>();
    private @Nullable LogRows rows;

    private Batch(TreeSet<String> petitions) {
      this.petitions = petitions;
    }

    boolean isEmpty() {
      return petitions.isEmpty();
    }

    // Binds the petitions as parameter offset + 1; answers offset + 1.
    int bindLock(Connection connection, PreparedStatement statement, int offset) throws SQLException {
      statement.setArray(offset + 1, connection.createArrayOf("text", petitions.toArray()));
      return offset + 1;
    }

    void readHeads(ResultSet row) throws SQLException {
      while (row.next()) {
        heads.put(row.getString(1), Frontier.fromBytes(row.getBytes(2)));
      }
    }

    // The statement that writes the changes' rows (every change of a petition locked here): WRITE, or
    // WRITE_ENTRIES when they complete no tile's subtree. Bound by bindWrite.
    String write(List<Change> changes) throws SQLException {
      LogRows prepared = rows(requireCommitments(), heads, changes);
      rows = prepared;
      return prepared.nodePetitions.isEmpty() ? WRITE_ENTRIES : WRITE;
    }

    // The rows write prepared, bound from offset + 1; answers the last parameter's index.
    int bindWrite(Connection connection, PreparedStatement statement, int offset) throws SQLException {
      LogRows rows = this.rows;
      if (rows == null) {
        throw new IllegalStateException("the log's rows are bound after write(changes)");
      }
      int i = offset;
      statement.setArray(++i, connection.createArrayOf("text", rows.entryPetitions.toArray()));
      statement.setArray(++i, connection.createArrayOf("bigint", rows.seqs.toArray()));
      statement.setArray(++i, connection.createArrayOf("bigint", rows.numbers.toArray()));
      statement.setArray(++i, connection.createArrayOf("boolean", rows.counted.toArray()));
      statement.setArray(++i, connection.createArrayOf("bytea", rows.entries.toArray(new byte[0][])));
      if (!rows.nodePetitions.isEmpty()) {
        statement.setArray(++i, connection.createArrayOf("text", rows.nodePetitions.toArray()));
        statement.setArray(++i, connection.createArrayOf("integer", rows.levels.toArray()));
        statement.setArray(++i, connection.createArrayOf("bigint", rows.indexes.toArray()));
        statement.setArray(++i, connection.createArrayOf("bytea", rows.hashes.toArray(new byte[0][])));
      }
      String[] headPetitions = new String[rows.heads.size()];
      Long[] sizes = new Long[headPetitions.length];
      byte[][] frontiers = new byte[headPetitions.length][];
      int h = 0;
      for (Map.Entry<String, Frontier> head : rows.heads.entrySet()) {
        headPetitions[h] = head.getKey();
        sizes[h] = head.getValue().size();
        frontiers[h++] = head.getValue().toBytes();
      }
      statement.setArray(++i, connection.createArrayOf("text", headPetitions));
      statement.setArray(++i, connection.createArrayOf("bigint", sizes));
      statement.setArray(++i, connection.createArrayOf("bytea", frontiers));
      return i;
    }
  }

  private SignerCommitments requireCommitments() throws SQLException {
    SignerCommitments keys = commitments;
    if (keys == null) {
      throw new SQLException("the log's commitment key is not loaded", "55000");
    }
    return keys;
  }

  // The rows the changes append, column by column, and the heads they leave (the map given is moved on).
  // Only the tiles' subtrees are kept as nodes (LogTiles: levels 8, 16, ...; about one row per 255
  // entries): LogReads computes any other node from them or from the entries.
  private static final class LogRows {
    final List<String> entryPetitions = new ArrayList<>();
    final List<Long> seqs = new ArrayList<>();
    final List<Long> numbers = new ArrayList<>();
    final List<Boolean> counted = new ArrayList<>();
    final List<byte[]> entries = new ArrayList<>();
    final List<String> nodePetitions = new ArrayList<>();
    final List<Integer> levels = new ArrayList<>();
    final List<Long> indexes = new ArrayList<>();
    final List<byte[]> hashes = new ArrayList<>();
    final Map<String, Frontier> heads = new TreeMap<>();
  }

  private static LogRows rows(SignerCommitments keys, Map<String, Frontier> locked, List<Change> changes)
      throws SQLException {
    LogRows rows = new LogRows();
    for (Change change : changes) {
      String petition = change.petition();
      Frontier head = rows.heads.containsKey(petition) ? rows.heads.get(petition) : locked.get(petition);
      if (head == null) {
        throw new SQLException("the log of a petition has no head row", "55000");
      }
      LogEntry entry = new LogEntry(petition, head.size(), change.type(), change.number(), change.at(),
          keys.commit(petition, change.signatureId()));
      byte[] bytes = entry.bytes();
      rows.entryPetitions.add(petition);
      rows.seqs.add(entry.seq());
      rows.numbers.add(change.number());
      rows.counted.add(change.type() == LogEntry.Type.COUNTED);
      rows.entries.add(bytes);
      rows.heads.put(petition, head.append(MerkleTree.leafHash(bytes), (level, index, hash) -> {
        if (LogTiles.keeps(level)) {
          rows.nodePetitions.add(petition);
          rows.levels.add(level);
          rows.indexes.add(index);
          rows.hashes.add(hash);
        }
      }));
    }
    return rows;
  }

  // The heads of the changes' petitions, locked in petition order.
  private static Map<String, Frontier> lockHeads(Connection connection, List<Change> changes) throws SQLException {
    TreeSet<String> petitions = new TreeSet<>();
    for (Change change : changes) {
      petitions.add(change.petition());
    }
    Map<String, Frontier> heads = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT petition, frontier FROM log_head WHERE petition = ? FOR UPDATE")) {
      for (String petition : petitions) {
        statement.setString(1, petition);
        try (ResultSet row = statement.executeQuery()) {
          if (row.next()) {
            heads.put(row.getString(1), Frontier.fromBytes(row.getBytes(2)));
          }
        }
      }
    }
    return heads;
  }

  // ensure, for the store's reads.
  public void ensureOutsideTransactions(String petition) {
    ensure(petition);
  }

  // Creates the petition's log if it has none: its head, and a COUNTED entry for each signature that counts
  // already (a database from before the log), in number order, with the counters locked meanwhile so that
  // no count changes under it.
  void ensure(String petition) {
    if (!enabled || isReady(petition)) {
      return;
    }
    loadCommitments();
    try {
      transactions.write("create a petition's log", connection -> {
        if (hasHead(connection, petition)) {
          return Boolean.FALSE;
        }
        Statements.query(connection, row -> row.getLong(1),
            "SELECT n FROM signature_count WHERE petition = ? ORDER BY country, shard FOR UPDATE", petition);
        List<Change> counted = Statements.query(connection,
            row -> Change.counted(petition, row.getLong("id"), row.getLong("number"), Rows.instant(row, "confirmed_at")),
            "SELECT id, number, confirmed_at FROM signature WHERE petition = ? AND state = 'CONFIRMED'"
                + " AND held = FALSE ORDER BY number", petition);
        Statements.update(connection, "INSERT INTO log_head (petition, size, frontier) VALUES (?, ?, ?)",
            petition, 0L, Frontier.empty().toBytes());
        append(connection, counted);
        return Boolean.TRUE;
      });
    } catch (PetitionStoreException e) {
      // Another instance created it at the same time: its head is there now.
      if (!transactions.read("read a petition's log head", connection -> hasHead(connection, petition))) {
        throw e;
      }
    }
    ready.add(petition);
  }

  private static boolean hasHead(Connection connection, String petition) throws SQLException {
    return !Statements.query(connection, row -> row.getLong(1),
        "SELECT size FROM log_head WHERE petition = ?", petition).isEmpty();
  }

  // The commitment key: read, else created (32 random bytes) by whichever instance comes first.
  private void loadCommitments() {
    if (commitments != null) {
      return;
    }
    byte[] key = readKey();
    if (key == null) {
      byte[] fresh = new byte[SignerCommitments.MIN_KEY_LENGTH];
      new SecureRandom().nextBytes(fresh);
      try {
        transactions.run("create the log's commitment key", connection -> Statements.update(connection,
            "INSERT INTO log_secret (id, commitment_key) VALUES (?, ?)", 1, fresh));
      } catch (PetitionStoreException e) {
        // another instance's key is there now; read it below
      }
      key = readKey();
      if (key == null) {
        throw new IllegalStateException("the log's commitment key could not be created");
      }
    }
    commitments = SignerCommitments.of(key);
  }

  private byte @Nullable [] readKey() {
    List<byte[]> keys = transactions.read("read the log's commitment key", connection -> Statements.query(connection,
        row -> row.getBytes(1), "SELECT commitment_key FROM log_secret WHERE id = 1"));
    return keys.isEmpty() ? null : keys.get(0);
  }
}
