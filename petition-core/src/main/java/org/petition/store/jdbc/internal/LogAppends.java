package org.petition.store.jdbc.internal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  // Appends the changes' entries in their order, in the caller's transaction.
  void append(Connection connection, List<Change> changes) throws SQLException {
    if (!enabled || changes.isEmpty()) {
      return;
    }
    SignerCommitments keys = commitments;
    if (keys == null) {
      throw new SQLException("the log's commitment key is not loaded", "55000");
    }
    Map<String, Frontier> heads = lockHeads(connection, changes);
    List<Object[]> entries = new ArrayList<>(changes.size());
    List<Object[]> nodes = new ArrayList<>(changes.size() * 2);
    for (Change change : changes) {
      Frontier head = heads.get(change.petition());
      if (head == null) {
        throw new SQLException("the log of a petition has no head row", "55000");
      }
      String petition = change.petition();
      LogEntry entry = new LogEntry(petition, head.size(), change.type(), change.number(), change.at(),
          keys.commit(petition, change.signatureId()));
      byte[] bytes = entry.bytes();
      entries.add(new Object[] {petition, entry.seq(), change.number(), change.type() == LogEntry.Type.COUNTED, bytes});
      heads.put(petition, head.append(MerkleTree.leafHash(bytes),
          (level, index, hash) -> nodes.add(new Object[] {petition, level, index, hash})));
    }
    try (PreparedStatement statement = connection.prepareStatement(
        "INSERT INTO log_entry (petition, seq, number, counted, entry) VALUES (?, ?, ?, ?, ?)")) {
      for (Object[] row : entries) {
        statement.setString(1, (String) row[0]);
        statement.setLong(2, (Long) row[1]);
        statement.setLong(3, (Long) row[2]);
        statement.setBoolean(4, (Boolean) row[3]);
        statement.setBytes(5, (byte[]) row[4]);
        statement.addBatch();
      }
      statement.executeBatch();
    }
    try (PreparedStatement statement = connection.prepareStatement(
        "INSERT INTO log_node (petition, level, idx, hash) VALUES (?, ?, ?, ?)")) {
      for (Object[] row : nodes) {
        statement.setString(1, (String) row[0]);
        statement.setInt(2, (Integer) row[1]);
        statement.setLong(3, (Long) row[2]);
        statement.setBytes(4, (byte[]) row[3]);
        statement.addBatch();
      }
      statement.executeBatch();
    }
    try (PreparedStatement statement = connection.prepareStatement(
        "UPDATE log_head SET size = ?, frontier = ? WHERE petition = ?")) {
      for (Map.Entry<String, Frontier> head : heads.entrySet()) {
        statement.setLong(1, head.getValue().size());
        statement.setBytes(2, head.getValue().toBytes());
        statement.setString(3, head.getKey());
        statement.addBatch();
      }
      statement.executeBatch();
    }
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
