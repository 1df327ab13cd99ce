package org.petition.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.petition.store.Counts;

// The sharded counts: a petition's count per country spread over `shards` rows of signature_count, so
// concurrent confirmations mostly update different rows and a count is read in time independent of the
// number of signatures. Rows are created outside the counting transactions and remembered once they exist.
public final class Counters {

  // One shard picked at random; the caller binds the delta, petition, country and shard.
  static final String ADD_TO_COUNT =
      "UPDATE signature_count SET n = n + ? WHERE petition = ? AND country = ? AND shard = ?";

  private final Transactions transactions;
  private final int shards;
  private final Set<String> ready = ConcurrentHashMap.newKeySet();

  public Counters(Transactions transactions, int shards) {
    this.transactions = transactions;
    this.shards = shards;
  }

  // Deltas are kept by this key, petition then country, so a TreeMap of them moves counters in one order
  // in every transaction.
  static String key(String petition, @Nullable String country) {
    return petition + '\u0000' + countryKey(country);
  }

  // Signatures without a country are counted under ''.
  static String countryKey(@Nullable String country) {
    return country == null ? "" : country;
  }

  boolean areReady(String petition, @Nullable String country) {
    return ready.contains(key(petition, country));
  }

  public Counts read(String petition) {
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

  // Adds delta to one random shard of the petition and country, under its row lock only.
  void add(Connection connection, String petition, @Nullable String country, int delta)
      throws SQLException {
    TreeMap<String, Integer> deltas = new TreeMap<>();
    deltas.put(key(petition, country), delta);
    addAll(connection, deltas);
  }

  // Adds each delta (by key) to one random shard of its petition and country, as one batch, in key order.
  void addAll(Connection connection, TreeMap<String, Integer> deltas) throws SQLException {
    if (deltas.isEmpty()) {
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement(ADD_TO_COUNT)) {
      for (Map.Entry<String, Integer> delta : deltas.entrySet()) {
        bind(statement, 0, delta.getKey(), delta.getValue());
        statement.addBatch();
      }
      for (int updated : statement.executeBatch()) {
        if (updated == 0) {
          throw missingShard();
        }
      }
    }
  }

  // Binds ADD_TO_COUNT after parameter offset, on a random shard; answers the last parameter bound.
  int bind(PreparedStatement statement, int offset, String key, int delta) throws SQLException {
    int split = key.indexOf('\u0000');
    statement.setLong(offset + 1, delta);
    statement.setString(offset + 2, key.substring(0, split));
    statement.setString(offset + 3, key.substring(split + 1));
    statement.setInt(offset + 4, ThreadLocalRandom.current().nextInt(shards));
    return offset + 4;
  }

  // Counter rows are ensured before every transaction that counts; their absence is a broken schema.
  static SQLException missingShard() {
    return new SQLException("counter shard missing for a petition", "55000");
  }

  // Creates the shard rows of a petition and country that do not exist yet.
  void ensure(String petition, @Nullable String country) {
    String key = key(petition, country);
    if (ready.contains(key)) {
      return;
    }
    String countryKey = countryKey(country);
    transactions.run("create counter shards", connection -> {
      Set<Integer> present = new HashSet<>();
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT shard FROM signature_count WHERE petition = ? AND country = ?")) {
        statement.setString(1, petition);
        statement.setString(2, countryKey);
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            present.add(row.getInt(1));
          }
        }
      }
      try (PreparedStatement statement = connection.prepareStatement(
          "INSERT INTO signature_count (petition, country, shard, n) VALUES (?, ?, ?, 0)")) {
        for (int shard = 0; shard < shards; shard++) {
          if (present.contains(shard)) {
            continue;
          }
          statement.setString(1, petition);
          statement.setString(2, countryKey);
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
    });
    ready.add(key);
  }
}
