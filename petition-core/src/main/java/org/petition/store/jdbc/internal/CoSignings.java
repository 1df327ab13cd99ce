package org.petition.store.jdbc.internal;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.petition.store.CoSigningStore.CoSigned;
import org.petition.store.StoredSignature;

/**
 * "Signers also signed" in the database (V13): {@code co_signer} links each counted signature to its signer's
 * email key, {@code co_signed} counts the distinct signers of each ordered pair of petitions. Each method runs
 * inside the transaction that changes the count, before the consent ledger's and the log's hot heads are locked.
 *
 * <p>Cost per transaction, whatever the batch's size: on PostgreSQL one round trip (the signers' advisory
 * locks, the read of their other petitions, the links inserted: three statements sent together), and one more only
 * when a pair moves (a signer's first petition adds only its link). The pair upserts are sorted, as in every
 * transaction moving pairs, so they cannot deadlock each other. The lock (per signer: two of its confirmations in
 * parallel would otherwise each miss the other's pair) is PostgreSQL's advisory lock; on H2, the signer's row of
 * {@code co_signer_lock} (V16, 1,024 slots) taken FOR UPDATE in slot order. A pair's first row is inserted
 * atomically by PostgreSQL's {@code ON CONFLICT}; H2's MERGE is not (two transactions inserting the same new
 * pair: one failed with a unique violation), so on H2 a pair is updated, inserted when missing, and updated
 * again when a concurrent transaction inserted it first. Taking a signature out reads and deletes statement by
 * statement (rare next to confirmations).
 */
public final class CoSignings {

  // pg_advisory_xact_lock's first key: this lock's class, apart from any other advisory lock of the database.
  private static final int LOCK_CLASS = 0x20C0;
  private static final String PG_LOCK =
      "SELECT pg_advisory_xact_lock(" + LOCK_CLASS + ", k) FROM (SELECT DISTINCT unnest(?::int[]) AS k ORDER BY 1) s";
  private static final String INSERT_LINK = "INSERT INTO co_signer (email_key, petition, signature_id) VALUES (?, ?, ?)";
  private static final String PG_MOVE = "INSERT INTO co_signed (petition, other, signers) VALUES (?, ?, ?)"
      + " ON CONFLICT (petition, other) DO UPDATE SET signers = co_signed.signers + EXCLUDED.signers";
  private static final String ADD_TO_PAIR =
      "UPDATE co_signed SET signers = signers + ? WHERE petition = ? AND other = ?";
  private static final String H2_INSERT_PAIR = "INSERT INTO co_signed (petition, other, signers) VALUES (?, ?, ?)";
  // H2's per-signer lock: slots of co_signer_lock (V16).
  private static final int H2_LOCK_SLOTS = 1024;

  // PostgreSQL, one round trip: the signers locked, their other petitions read (a statement of its own, so its
  // snapshot is taken once the locks are held), the new links inserted.
  private static final String PG_LOCK_READ_LINK = PG_LOCK
      + "; SELECT email_key, petition FROM co_signer WHERE email_key = ANY(?::bytea[])"
      + "; INSERT INTO co_signer (email_key, petition, signature_id)"
      + " SELECT * FROM unnest(?::bytea[], ?::varchar[], ?::bigint[])";

  private final Transactions transactions;
  private final boolean postgres;
  private final boolean enabled;

  /**
   * @param enabled whether the store keeps "signers also signed" at all; without it every method does nothing
   *     and {@link #read} answers nothing
   */
  public CoSignings(Transactions transactions, boolean postgres, boolean enabled) {
    this.transactions = transactions;
    this.postgres = postgres;
    this.enabled = enabled;
  }

  /** A counted signature's link: its signer's email key, its petition and id. */
  public record Link(byte[] emailKey, String petition, long signatureId) {
    public static Link of(StoredSignature signature) {
      return new Link(signature.data().emailKey(), signature.petition(), signature.id());
    }
  }

  /** These signatures start to count: linked to their signers, one more on each pair they form. */
  public void counted(Connection connection, List<Link> links) throws SQLException {
    List<Link> keyed = keyed(links);
    if (keyed.isEmpty() || !enabled) {
      return;
    }
    Map<ByteBuffer, Set<String>> petitions = postgres ? lockReadAndLink(connection, keyed) : lockAndRead(connection, keyed);
    TreeMap<Pair, Integer> deltas = new TreeMap<>();
    for (Link link : keyed) {
      Set<String> mine = petitions.computeIfAbsent(ByteBuffer.wrap(link.emailKey()), k -> new HashSet<>());
      if (mine.add(link.petition())) { // the signer's first counted signature on this petition
        for (String other : mine) {
          if (!other.equals(link.petition())) {
            deltas.merge(new Pair(link.petition(), other), 1, Integer::sum);
            deltas.merge(new Pair(other, link.petition()), 1, Integer::sum);
          }
        }
      }
    }
    if (!postgres) {
      insertLinks(connection, keyed);
    }
    move(connection, deltas);
  }

  // PostgreSQL: the lock, the read and the links' insert sent together. The read's rows are the signers'
  // petitions before this transaction's links.
  private Map<ByteBuffer, Set<String>> lockReadAndLink(Connection connection, List<Link> links) throws SQLException {
    int n = links.size();
    Integer[] lockKeys = new Integer[n];
    byte[][] keys = new byte[n][];
    String[] petitionSlugs = new String[n];
    Long[] ids = new Long[n];
    for (int i = 0; i < n; i++) {
      Link link = links.get(i);
      lockKeys[i] = ByteBuffer.wrap(link.emailKey()).getInt();
      keys[i] = link.emailKey();
      petitionSlugs[i] = link.petition();
      ids[i] = link.signatureId();
    }
    Map<ByteBuffer, Set<String>> petitions = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(PG_LOCK_READ_LINK)) {
      statement.setArray(1, connection.createArrayOf("integer", lockKeys));
      statement.setArray(2, connection.createArrayOf("bytea", keys));
      statement.setArray(3, connection.createArrayOf("bytea", keys));
      statement.setArray(4, connection.createArrayOf("varchar", petitionSlugs));
      statement.setArray(5, connection.createArrayOf("bigint", ids));
      statement.execute(); // the locks' rows
      if (!statement.getMoreResults()) {
        throw new SQLException("the co-signers' read answered no rows", "55000");
      }
      try (ResultSet row = statement.getResultSet()) {
        while (row.next()) {
          petitions.computeIfAbsent(ByteBuffer.wrap(row.getBytes(1)), k -> new HashSet<>()).add(row.getString(2));
        }
      }
      if (statement.getMoreResults() || statement.getUpdateCount() != n) {
        throw new SQLException("the co-signers' links were not all inserted", "55000");
      }
    }
    return petitions;
  }

  private static void insertLinks(Connection connection, List<Link> keyed) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(INSERT_LINK)) {
      for (Link link : keyed) {
        statement.setBytes(1, link.emailKey());
        statement.setString(2, link.petition());
        statement.setLong(3, link.signatureId());
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  /**
   * This signature stops counting for co-signing (revoked, removed, erased): its link goes and, when it was its
   * signer's last on the petition, one less on each pair it formed.
   */
  public void uncounted(Connection connection, Link link) throws SQLException {
    drop(connection, link, true);
  }

  /** Retention took this signature's email key: its link goes, the pairs (aggregates of no one) stay. */
  public void forget(Connection connection, Link link) throws SQLException {
    drop(connection, link, false);
  }

  private void drop(Connection connection, Link link, boolean pairsToo) throws SQLException {
    if (link.emailKey().length < 4 || !enabled) {
      return;
    }
    Map<ByteBuffer, Set<String>> before = lockAndRead(connection, List.of(link));
    int deleted = Statements.update(connection,
        "DELETE FROM co_signer WHERE email_key = ? AND petition = ? AND signature_id = ?",
        link.emailKey(), link.petition(), link.signatureId());
    if (deleted == 0 || !pairsToo) {
      return;
    }
    boolean stillThere = !Statements.query(connection, row -> row.getLong(1),
        "SELECT signature_id FROM co_signer WHERE email_key = ? AND petition = ?", link.emailKey(), link.petition())
        .isEmpty();
    if (stillThere) {
      return; // another member of the household still counts there
    }
    TreeMap<Pair, Integer> deltas = new TreeMap<>();
    for (String other : before.getOrDefault(ByteBuffer.wrap(link.emailKey()), Set.of())) {
      if (!other.equals(link.petition())) {
        deltas.put(new Pair(link.petition(), other), -1);
        deltas.put(new Pair(other, link.petition()), -1);
      }
    }
    move(connection, deltas);
  }

  // Locks the signers and reads the petitions each one counts on; statements of their own, so the
  // read's snapshot is taken once the locks are held.
  private Map<ByteBuffer, Set<String>> lockAndRead(Connection connection, List<Link> links) throws SQLException {
    if (postgres) {
      Integer[] keys = new Integer[links.size()];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = ByteBuffer.wrap(links.get(i).emailKey()).getInt();
      }
      try (PreparedStatement statement = connection.prepareStatement(PG_LOCK)) {
        statement.setArray(1, connection.createArrayOf("integer", keys));
        statement.executeQuery().close();
      }
    } else {
      lockOnH2(connection, links);
    }
    Set<ByteBuffer> signers = new HashSet<>();
    for (Link link : links) {
      signers.add(ByteBuffer.wrap(link.emailKey()));
    }
    StringBuilder sql = new StringBuilder("SELECT email_key, petition FROM co_signer WHERE email_key IN (");
    for (int i = 0; i < signers.size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
    }
    sql.append(')');
    Map<ByteBuffer, Set<String>> petitions = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      int i = 0;
      for (ByteBuffer signer : signers) {
        statement.setBytes(++i, signer.array());
      }
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          petitions.computeIfAbsent(ByteBuffer.wrap(row.getBytes(1)), k -> new HashSet<>()).add(row.getString(2));
        }
      }
    }
    return petitions;
  }

  private void move(Connection connection, TreeMap<Pair, Integer> deltas) throws SQLException {
    if (deltas.isEmpty()) {
      return;
    }
    // A pair goes down only where it went up before: its row is there. (An upsert would check its -1 row
    // against signers >= 0 before finding the conflict.)
    boolean down = deltas.firstEntry().getValue() < 0;
    if (!down && !postgres) {
      moveUpOnH2(connection, deltas);
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement(down ? ADD_TO_PAIR : PG_MOVE)) {
      for (Map.Entry<Pair, Integer> delta : deltas.entrySet()) {
        if (down) {
          statement.setLong(1, delta.getValue());
          statement.setString(2, delta.getKey().petition());
          statement.setString(3, delta.getKey().other());
          statement.addBatch();
          continue;
        }
        statement.setString(1, delta.getKey().petition());
        statement.setString(2, delta.getKey().other());
        statement.setLong(3, delta.getValue());
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  // H2: each pair updated under its row lock; a missing row inserted, and when another transaction inserted it
  // meanwhile (H2 waits for that one to commit, then reports the unique violation and undoes only the failed
  // statement), updated after all.
  private static void moveUpOnH2(Connection connection, TreeMap<Pair, Integer> deltas) throws SQLException {
    for (Map.Entry<Pair, Integer> delta : deltas.entrySet()) {
      String petition = delta.getKey().petition();
      String other = delta.getKey().other();
      long by = delta.getValue();
      if (Statements.update(connection, ADD_TO_PAIR, by, petition, other) == 1) {
        continue;
      }
      try {
        Statements.update(connection, H2_INSERT_PAIR, petition, other, by);
      } catch (SQLException e) {
        if (!Transactions.isUniqueViolation(e) || Statements.update(connection, ADD_TO_PAIR, by, petition, other) != 1) {
          throw e;
        }
      }
    }
  }

  // H2: the signers' slots of co_signer_lock, locked in slot order until the transaction ends.
  private static void lockOnH2(Connection connection, List<Link> links) throws SQLException {
    java.util.TreeSet<Integer> slots = new java.util.TreeSet<>();
    for (Link link : links) {
      slots.add(Math.floorMod(ByteBuffer.wrap(link.emailKey()).getInt(), H2_LOCK_SLOTS));
    }
    StringBuilder sql = new StringBuilder("SELECT slot FROM co_signer_lock WHERE slot IN (");
    for (int i = 0; i < slots.size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
    }
    try (PreparedStatement statement = connection.prepareStatement(sql.append(") ORDER BY slot FOR UPDATE").toString())) {
      int i = 0;
      for (int slot : slots) {
        statement.setInt(++i, slot);
      }
      statement.executeQuery().close();
    }
  }

  /** The petitions sharing at least {@code minSigners} signers with {@code petition}: one range of the key. */
  public List<CoSigned> read(String petition, long minSigners, int limit) {
    if (limit <= 0 || !enabled) {
      return List.of();
    }
    return transactions.read("read co-signed petitions", connection -> Statements.query(connection,
        row -> new CoSigned(row.getString(1), row.getLong(2)),
        "SELECT other, signers FROM co_signed WHERE petition = ? AND signers >= ? AND signers > 0"
            + " ORDER BY signers DESC, other LIMIT ?", petition, Math.max(minSigners, 1), limit));
  }

  private static List<Link> keyed(List<Link> links) {
    List<Link> keyed = new ArrayList<>(links.size());
    for (Link link : links) {
      if (link.emailKey().length >= 4) {
        keyed.add(link);
      }
    }
    return keyed;
  }

  private record Pair(String petition, String other) implements Comparable<Pair> {
    @Override
    public int compareTo(Pair that) {
      int c = petition.compareTo(that.petition);
      return c != 0 ? c : other.compareTo(that.other);
    }
  }

}
