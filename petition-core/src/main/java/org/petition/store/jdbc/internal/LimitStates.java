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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p>An update is one transaction: on PostgreSQL two round trips, an upsert that creates missing rows and
 * locks and returns all of them (rows locked in key-hash order, so two updates never wait for each other
 * both ways), then one update of the changed rows carrying the commit; on H2 a few statements per key.
 * Expired rows, and beyond the cap the rows soonest to expire, are deleted by {@link #purge}, which updates
 * run themselves every minute and after every quarter of the cap of updates, so a flood of distinct keys
 * leaves the table bounded.
 */
public final class LimitStates {

  private static final Logger LOG = LoggerFactory.getLogger(LimitStates.class);
  private static final int KEY_BYTES = 16;
  private static final long PURGE_EVERY_MILLIS = 60_000;

  private static final String PG_LOCK = "INSERT INTO limit_state (key_hash, state, expires_at)"
      + " SELECT k, ''::bytea, 0 FROM unnest(?::bytea[]) WITH ORDINALITY AS u(k, i) ORDER BY i"
      + " ON CONFLICT (key_hash) DO UPDATE SET expires_at = limit_state.expires_at"
      + " RETURNING key_hash, state, expires_at";
  private static final String PG_WRITE = "UPDATE limit_state AS t SET state = u.s, expires_at = u.e"
      + " FROM unnest(?::bytea[], ?::bytea[], ?::bigint[]) AS u(k, s, e) WHERE t.key_hash = u.k";

  private final Transactions transactions;
  private final boolean postgres;
  private final SecretKeySpec secret;
  private final long maximumStates;
  private final ThreadLocal<Mac> macs;
  private final AtomicLong updatesSincePurge = new AtomicLong();
  private final AtomicLong nextPurge = new AtomicLong();
  private final AtomicBoolean purging = new AtomicBoolean();

  public LimitStates(Transactions transactions, boolean postgres, byte[] secret, long maximumStates) {
    this.transactions = transactions;
    this.postgres = postgres;
    this.secret = new SecretKeySpec(secret.clone(), "HmacSHA256");
    this.maximumStates = maximumStates;
    this.macs = ThreadLocal.withInitial(this::newMac);
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

  /** See {@link LimitStore#update}. */
  public <T> T update(List<String> keys, long now, LimitStore.Change<T> change) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("at least one key is needed");
    }
    byte[][] hashes = new byte[keys.size()][];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = hash(keys.get(i));
    }
    // Locks are taken in hash order; the change sees the states in the caller's order.
    Integer[] order = new Integer[hashes.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(hashes[a], hashes[b]));
    T answer = transactions.write("update limit states", (connection, committing) -> postgres
        ? updatePostgres(connection, committing, hashes, order, now, change)
        : updateH2(connection, hashes, order, now, change));
    if (updatesSincePurge.incrementAndGet() >= Math.max(1, maximumStates / 4) || now >= nextPurge.get()) {
      purgeOnce(now);
    }
    return answer;
  }

  private <T> T updatePostgres(Connection connection, Transactions.Committing committing, byte[][] hashes,
      Integer[] order, long now, LimitStore.Change<T> change) throws SQLException {
    byte[][] sorted = new byte[hashes.length][];
    for (int i = 0; i < order.length; i++) {
      sorted[i] = hashes[order[i]];
    }
    Map<ByteBuffer, long[]> found = new HashMap<>();
    try (PreparedStatement lock = connection.prepareStatement(PG_LOCK)) {
      lock.setArray(1, connection.createArrayOf("bytea", sorted));
      try (ResultSet row = lock.executeQuery()) {
        while (row.next()) {
          found.put(ByteBuffer.wrap(row.getBytes(1)), row.getLong(3) <= now ? new long[0] : decode(row.getBytes(2)));
        }
      }
    }
    List<long[]> states = new ArrayList<>(hashes.length);
    for (byte[] hash : hashes) {
      long[] state = found.get(ByteBuffer.wrap(hash));
      states.add(state == null ? new long[0] : state);
    }
    LimitStore.Outcome<T> outcome = change.apply(states);
    List<long @Nullable []> written = outcome.states();
    if (written == null) {
      return outcome.answer();
    }
    List<byte[]> keys = new ArrayList<>();
    List<byte[]> values = new ArrayList<>();
    List<Long> expiries = new ArrayList<>();
    for (int i = 0; i < hashes.length; i++) {
      long[] state = written.get(i);
      if (state != null) {
        keys.add(hashes[i]);
        values.add(encode(state));
        expiries.add(outcome.expiresAt());
      }
    }
    if (keys.isEmpty()) {
      return outcome.answer();
    }
    try (PreparedStatement write = connection.prepareStatement(PG_WRITE + Transactions.COMMIT)) {
      write.setArray(1, connection.createArrayOf("bytea", keys.toArray(new byte[0][])));
      write.setArray(2, connection.createArrayOf("bytea", values.toArray(new byte[0][])));
      write.setArray(3, connection.createArrayOf("bigint", expiries.toArray(new Long[0])));
      committing.now();
      write.execute();
    }
    return outcome.answer();
  }

  private <T> T updateH2(Connection connection, byte[][] hashes, Integer[] order, long now,
      LimitStore.Change<T> change) throws SQLException {
    long[][] read = new long[hashes.length][];
    for (int index : order) {
      read[index] = lockH2(connection, hashes[index], now);
    }
    LimitStore.Outcome<T> outcome = change.apply(Arrays.asList(read));
    List<long @Nullable []> written = outcome.states();
    if (written != null) {
      try (PreparedStatement write =
          connection.prepareStatement("UPDATE limit_state SET state = ?, expires_at = ? WHERE key_hash = ?")) {
        for (int i = 0; i < hashes.length; i++) {
          long[] state = written.get(i);
          if (state != null) {
            write.setBytes(1, encode(state));
            write.setLong(2, outcome.expiresAt());
            write.setBytes(3, hashes[i]);
            write.addBatch();
          }
        }
        write.executeBatch();
      }
    }
    return outcome.answer();
  }

  private static long[] lockH2(Connection connection, byte[] hash, long now) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT state, expires_at FROM limit_state WHERE key_hash = ? FOR UPDATE")) {
      select.setBytes(1, hash);
      for (int attempt = 0; attempt < 2; attempt++) {
        try (ResultSet row = select.executeQuery()) {
          if (row.next()) {
            return row.getLong(2) <= now ? new long[0] : decode(row.getBytes(1));
          }
        }
        try (PreparedStatement insert =
            connection.prepareStatement("INSERT INTO limit_state (key_hash, state, expires_at) VALUES (?, ?, 0)")) {
          insert.setBytes(1, hash);
          insert.setBytes(2, new byte[0]);
          insert.executeUpdate();
          return new long[0]; // inserted by this transaction: locked until it ends
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
