package org.petition.store.jdbc.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.petition.check.LimitStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The limits' states in {@code limit_state}: one row per key, the key as the first 16 bytes of its
 * HMAC-SHA256 under the store's secret (no address, network, domain or login key is ever written), the
 * state as big-endian longs, and when it may be forgotten.
 *
 * <p>Updates arriving together share one transaction ({@link GroupCommit}, as the store's signings do), and a
 * caller's several updates ({@link #updateAll}) are one item of it: on PostgreSQL two round trips per batch, an
 * advisory lock per key (taken in one order, so two batches never wait for each other both ways) and the read
 * of the batch's rows, the changes applied one after the other in memory, then one upsert of the changed rows
 * carrying the commit. On H2 one caller's updates per transaction, a few statements per key.
 * Expired rows, and beyond the cap the rows soonest to expire, are deleted by {@link #purge}, which updates
 * run themselves every minute and after every quarter of the cap of updates, so a flood of distinct keys
 * leaves the table bounded.
 */
public final class LimitStates {

  private static final Logger LOG = LoggerFactory.getLogger(LimitStates.class);
  private static final int KEY_BYTES = 16;
  private static final long PURGE_EVERY_MILLIS = 60_000;
  private static final int MAX_BATCH = 128;

  // Each key's lock is an advisory lock (in memory, no row written) on the first four bytes of its hash, in this
  // class apart from the database's other advisory locks (CoSignings: 8384), taken in one order by every
  // transaction, so two never wait for each other both ways; a collision only makes two keys wait for each
  // other. The rows are read by the statement after it, sent in the same round trip: in READ COMMITTED it sees
  // what the transactions holding the locks before committed. A key's row is then written once per update
  // (inserted with its state, or updated), where locking with an upsert wrote every row twice.
  // The read must find each key through the key's index whatever the table's size when its plan was made: a plan
  // kept from a small table scanned it whole for every batch (17 ms a call over the states of a one-minute run,
  // the server's time ten times over). Seq scans are ruled out for this transaction's statements (the write is an
  // upsert over its arrays, which scans no table).
  static final int LOCK_CLASS = 8385;
  private static final String PG_LOCK = "SELECT set_config('enable_seqscan', 'off', true); "
      + "SELECT pg_advisory_xact_lock(" + LOCK_CLASS + ", k)"
      + " FROM (SELECT DISTINCT unnest(?::int[]) AS k ORDER BY 1) s; "
      + "SELECT key_hash, state, expires_at FROM limit_state WHERE key_hash = ANY(?::bytea[])";
  // An upsert: a key may have no row yet (or one purged meanwhile), and the conflict arbiter finds each row by the
  // key's index, where an UPDATE ... FROM unnest was planned as a hash join over the whole table (3.5 to 5.3 ms
  // a batch over 30,000 states in development runs, most of the server's time).
  private static final String PG_WRITE = "INSERT INTO limit_state AS t (key_hash, state, expires_at)"
      + " SELECT * FROM unnest(?::bytea[], ?::bytea[], ?::bigint[])"
      + " ON CONFLICT (key_hash) DO UPDATE SET state = excluded.state, expires_at = excluded.expires_at";

  private final Transactions transactions;
  private final boolean postgres;
  private final SecretKeySpec secret;
  private final long maximumStates;
  private final ThreadLocal<Mac> macs;
  private final AtomicLong updatesSincePurge = new AtomicLong();
  private final AtomicLong nextPurge = new AtomicLong();
  private final AtomicBoolean purging = new AtomicBoolean();
  // An item is one caller's updates (several for LimitStore.updateAll), made together and answered together.
  private final GroupCommit<List<Update>, List<Object>> commits;

  public LimitStates(Transactions transactions, boolean postgres, byte[] secret, long maximumStates) {
    this.transactions = transactions;
    this.postgres = postgres;
    this.secret = new SecretKeySpec(secret.clone(), "HmacSHA256");
    this.maximumStates = maximumStates;
    this.macs = ThreadLocal.withInitial(this::newMac);
    // H2 locks key by key: one update per transaction there.
    this.commits = new GroupCommit<>(postgres ? MAX_BATCH : 1, 1, this::batch, this::alone);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(secret);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
    }
  }

  /** One caller's update, queued for the group commit. */
  private record Update(byte[][] hashes, long now, LimitStore.Change<?> change) {}

  /** See {@link LimitStore#update}. */
  @SuppressWarnings("unchecked")
  public <T> T update(List<String> keys, long now, LimitStore.Change<T> change) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("at least one key is needed");
    }
    return (T) submit(List.of(new Update(hashes(keys), now, change)), now).get(0);
  }

  /** See {@link LimitStore#updateAll}: one item of the group commit, so one transaction, for all of them. */
  public List<Object> updateAll(long now, List<LimitStore.Request<?>> requests) {
    if (requests.isEmpty()) {
      throw new IllegalArgumentException("at least one request is needed");
    }
    List<Update> updates = new ArrayList<>(requests.size());
    for (LimitStore.Request<?> request : requests) {
      updates.add(new Update(hashes(request.keys()), now, request.change()));
    }
    return submit(updates, now);
  }

  private byte[][] hashes(List<String> keys) {
    byte[][] hashes = new byte[keys.size()][];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = hash(keys.get(i));
    }
    return hashes;
  }

  private List<Object> submit(List<Update> updates, long now) {
    List<Object> answers = commits.submit(updates);
    if (updatesSincePurge.addAndGet(updates.size()) >= Math.max(1, maximumStates / 4) || now >= nextPurge.get()) {
      purgeOnce(now);
    }
    return answers;
  }

  /** Group commit statistics of the limit updates. */
  public GroupCommit<?, ?> commits() {
    return commits;
  }

  // Concurrent updates share one transaction: every key of the batch locked and read at once (in hash order, so
  // two batches never wait for each other both ways), the changes applied one after the other in memory, each
  // seeing what the ones before it wrote, then every changed state written with the commit. On PostgreSQL two
  // round trips per batch, whatever its size.
  private List<@Nullable List<Object>> batch(List<List<Update>> items) {
    List<Update> updates = new ArrayList<>(items.size() * 2);
    for (List<Update> item : items) {
      updates.addAll(item);
    }
    // The schema set by the lock's round trip (Transactions.writeSettingSchema).
    List<@Nullable Object> answers = transactions.writeSettingSchema(
        items.size() == 1 ? "update limit states" : "update limit states (batch)",
        (connection, committing) -> apply(connection, committing, updates));
    List<@Nullable List<Object>> grouped = new ArrayList<>(items.size());
    int next = 0;
    for (List<Update> item : items) {
      List<Object> own = new ArrayList<>(item.size());
      for (int i = 0; i < item.size(); i++) {
        own.add(Objects.requireNonNull(answers.get(next++)));
      }
      grouped.add(own);
    }
    return grouped;
  }

  private List<Object> alone(List<Update> item) {
    return Objects.requireNonNull(batch(List.of(item)).get(0));
  }

  private List<@Nullable Object> apply(Connection connection, Transactions.Committing committing, List<Update> updates)
      throws SQLException {
    TreeMap<ByteBuffer, byte[]> distinct = new TreeMap<>(LimitStates::compareUnsigned);
    for (Update update : updates) {
      for (byte[] hash : update.hashes()) {
        distinct.put(ByteBuffer.wrap(hash), hash);
      }
    }
    Map<ByteBuffer, Stored> states = postgres ? lockPostgres(connection, transactions, distinct.values())
        : lockH2(connection, distinct.values());
    Map<ByteBuffer, Stored> dirty = new LinkedHashMap<>();
    List<@Nullable Object> answers = new ArrayList<>(updates.size());
    for (Update update : updates) {
      List<long[]> read = new ArrayList<>(update.hashes().length);
      for (byte[] hash : update.hashes()) {
        Stored stored = states.get(ByteBuffer.wrap(hash));
        read.add(stored == null || stored.expiresAt() <= update.now() ? new long[0] : stored.state().clone());
      }
      LimitStore.Outcome<?> outcome = update.change().apply(read);
      answers.add(outcome.answer());
      List<long @Nullable []> written = outcome.states();
      if (written != null) {
        for (int i = 0; i < update.hashes().length; i++) {
          long[] state = written.get(i);
          if (state != null) {
            ByteBuffer key = ByteBuffer.wrap(update.hashes()[i]);
            Stored stored = new Stored(state.clone(), outcome.expiresAt());
            states.put(key, stored);
            dirty.put(key, stored);
          }
        }
      }
    }
    if (!dirty.isEmpty()) {
      if (postgres) {
        writePostgres(connection, committing, dirty);
      } else {
        writeH2(connection, dirty);
      }
    }
    return answers;
  }

  /** A state as stored, and when it expires. */
  private record Stored(long[] state, long expiresAt) {}

  private static int compareUnsigned(ByteBuffer a, ByteBuffer b) {
    return Arrays.compareUnsigned(a.array(), b.array());
  }

  private static Map<ByteBuffer, Stored> lockPostgres(Connection connection, Transactions transactions,
      Collection<byte[]> sorted) throws SQLException {
    Map<ByteBuffer, Stored> found = new HashMap<>();
    Integer[] locks = new Integer[sorted.size()];
    int i = 0;
    for (byte[] hash : sorted) {
      locks[i++] = ByteBuffer.wrap(hash).getInt();
    }
    try (PreparedStatement lock = connection.prepareStatement(transactions.schemaPrefix() + PG_LOCK)) {
      lock.setArray(1, connection.createArrayOf("integer", locks));
      lock.setArray(2, connection.createArrayOf("bytea", sorted.toArray(new byte[0][])));
      // Past the schema's setting, the scans' setting and the locks' rows: the states read.
      try (ResultSet row = Transactions.queryPastSettings(lock, transactions.schemaSettings() + 2)) {
        while (row.next()) {
          found.put(ByteBuffer.wrap(row.getBytes(1)), new Stored(decode(row.getBytes(2)), row.getLong(3)));
        }
      }
    }
    return found;
  }

  private static void writePostgres(Connection connection, Transactions.Committing committing,
      Map<ByteBuffer, Stored> dirty) throws SQLException {
    byte[][] keys = new byte[dirty.size()][];
    byte[][] values = new byte[dirty.size()][];
    Long[] expiries = new Long[dirty.size()];
    int i = 0;
    for (Map.Entry<ByteBuffer, Stored> entry : dirty.entrySet()) {
      keys[i] = entry.getKey().array();
      values[i] = encode(entry.getValue().state());
      expiries[i++] = entry.getValue().expiresAt();
    }
    try (PreparedStatement write = connection.prepareStatement(PG_WRITE + Transactions.COMMIT)) {
      write.setArray(1, connection.createArrayOf("bytea", keys));
      write.setArray(2, connection.createArrayOf("bytea", values));
      write.setArray(3, connection.createArrayOf("bigint", expiries));
      committing.now();
      write.execute();
    }
  }

  private static Map<ByteBuffer, Stored> lockH2(Connection connection, Collection<byte[]> sorted) throws SQLException {
    Map<ByteBuffer, Stored> found = new HashMap<>();
    for (byte[] hash : sorted) {
      found.put(ByteBuffer.wrap(hash), lockH2(connection, hash));
    }
    return found;
  }

  private static void writeH2(Connection connection, Map<ByteBuffer, Stored> dirty) throws SQLException {
    try (PreparedStatement write =
        connection.prepareStatement("UPDATE limit_state SET state = ?, expires_at = ? WHERE key_hash = ?")) {
      for (Map.Entry<ByteBuffer, Stored> entry : dirty.entrySet()) {
        write.setBytes(1, encode(entry.getValue().state()));
        write.setLong(2, entry.getValue().expiresAt());
        write.setBytes(3, entry.getKey().array());
        write.addBatch();
      }
      write.executeBatch();
    }
  }

  private static Stored lockH2(Connection connection, byte[] hash) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT state, expires_at FROM limit_state WHERE key_hash = ? FOR UPDATE")) {
      select.setBytes(1, hash);
      for (int attempt = 0; attempt < 2; attempt++) {
        try (ResultSet row = select.executeQuery()) {
          if (row.next()) {
            return new Stored(decode(row.getBytes(1)), row.getLong(2));
          }
        }
        try (PreparedStatement insert =
            connection.prepareStatement("INSERT INTO limit_state (key_hash, state, expires_at) VALUES (?, ?, 0)")) {
          insert.setBytes(1, hash);
          insert.setBytes(2, new byte[0]);
          insert.executeUpdate();
          return new Stored(new long[0], 0); // inserted by this transaction: locked until it ends
        } catch (SQLException e) {
          if (!Transactions.isUniqueViolation(e)) {
            throw e;
          }
          // Another transaction inserted it meanwhile: read and lock that one.
        }
      }
    }
    throw new SQLException("a limit state kept changing while being read", "40001");
  }

  private void purgeOnce(long now) {
    if (!purging.compareAndSet(false, true)) {
      return;
    }
    try {
      updatesSincePurge.set(0);
      nextPurge.set(now + PURGE_EVERY_MILLIS);
      purge(now);
    } catch (RuntimeException e) {
      // The update it follows is committed; the next purge tries again.
      LOG.warn("could not purge limit states: {}", e.getMessage());
    } finally {
      purging.set(false);
    }
  }

  /**
   * Deletes the states expired at {@code now} and, when more than the cap remain, those soonest to expire
   * beyond it (their limits start again; logged). Answers how many were deleted.
   */
  public int purge(long now) {
    return transactions.read("purge limit states", connection -> {
      int deleted;
      try (PreparedStatement expired = connection.prepareStatement("DELETE FROM limit_state WHERE expires_at <= ?")) {
        expired.setLong(1, now);
        deleted = expired.executeUpdate();
      }
      long kept;
      try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM limit_state");
          ResultSet row = count.executeQuery()) {
        row.next();
        kept = row.getLong(1);
      }
      if (kept > maximumStates) {
        int dropped = dropSoonest(connection, kept - maximumStates);
        LOG.warn("limit states over their cap of {} ({} kept): dropped the {} soonest to expire, whose limits start"
            + " again; a flood of distinct sources, or a cap too low for the traffic", maximumStates, kept, dropped);
        deleted += dropped;
      }
      return deleted;
    });
  }

  private int dropSoonest(Connection connection, long count) throws SQLException {
    if (postgres) {
      try (PreparedStatement over = connection.prepareStatement("DELETE FROM limit_state WHERE key_hash IN"
          + " (SELECT key_hash FROM limit_state ORDER BY expires_at, key_hash LIMIT ?)")) {
        over.setLong(1, count);
        return over.executeUpdate();
      }
    }
    // H2 may evaluate the subquery again as rows go: the keys are chosen first, then deleted.
    List<byte[]> keys = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement("SELECT key_hash FROM limit_state ORDER BY expires_at, key_hash LIMIT ?")) {
      select.setLong(1, count);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          keys.add(row.getBytes(1));
        }
      }
    }
    int dropped = 0;
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM limit_state WHERE key_hash = ?")) {
      for (byte[] key : keys) {
        delete.setBytes(1, key);
        dropped += delete.executeUpdate();
      }
    }
    return dropped;
  }

  /** How many states the table holds, expired ones included; for tests and metrics. */
  public long size() {
    return transactions.read("count limit states", connection -> {
      try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM limit_state");
          ResultSet row = count.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    });
  }

  private byte[] hash(String key) {
    return Arrays.copyOf(macs.get().doFinal(key.getBytes(StandardCharsets.UTF_8)), KEY_BYTES);
  }

  private static byte[] encode(long[] state) {
    ByteBuffer buffer = ByteBuffer.allocate(state.length * Long.BYTES);
    for (long value : state) {
      buffer.putLong(value);
    }
    return buffer.array();
  }

  private static long[] decode(byte @Nullable [] bytes) {
    if (bytes == null) {
      return new long[0];
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long[] state = new long[bytes.length / Long.BYTES];
    for (int i = 0; i < state.length; i++) {
      state[i] = buffer.getLong();
    }
    return state;
  }
}
