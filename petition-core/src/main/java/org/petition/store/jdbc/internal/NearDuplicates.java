package org.petition.store.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

// Whether a live signature of the petition shares a signer's name key and their city or network. Asked on
// every signing that gives either, so the questions are group-committed: one query per petition for all
// the name keys asked together.
public final class NearDuplicates {

  // A near-duplicate question waiting for its query.
  public record Check(String petition, byte[] nameKey, @Nullable String city, byte @Nullable [] networkKey) {
    // The few live rows sharing the name key are compared here rather than in SQL: LOWER() depends on the
    // database's locale, Locale.ROOT lower-casing does not.
    boolean matches(@Nullable String otherCity, byte @Nullable [] otherNetwork) {
      if (city != null && otherCity != null && otherCity.toLowerCase(Locale.ROOT).equals(city.toLowerCase(Locale.ROOT))) {
        return true;
      }
      return networkKey != null && otherNetwork != null && Arrays.equals(networkKey, otherNetwork);
    }
  }

  // Planned with the young table's statistics, this read every row of the petition through an index on the
  // petition alone: FreshPlans analyses the table as it grows.
  private static final String BY_KEYS = "SELECT name_key, city, network_key FROM signature WHERE petition = ?"
      + " AND name_key = ANY(?) AND state IN " + SignatureReads.LIVE;

  private final Transactions transactions;
  private final Dialect dialect;
  private final FreshPlans freshPlans;
  private final GroupCommit<Check, Boolean> checks;

  public NearDuplicates(Transactions transactions, Dialect dialect, FreshPlans freshPlans, int batchSize,
      int concurrentBatches) {
    this.transactions = transactions;
    this.dialect = dialect;
    this.freshPlans = freshPlans;
    this.checks = new GroupCommit<>(batchSize, concurrentBatches, this::answerAll, this::answer);
  }

  public GroupCommit<Check, Boolean> groupCommit() {
    return checks;
  }

  public boolean exists(Check check) {
    return checks.submit(check);
  }

  // Questions asked together: one query per petition for all their name keys.
  public List<@Nullable Boolean> answerAll(List<Check> batch) {
    // One round trip per petition: each statement sets the schema for itself (Transactions.readSettingSchema).
    return transactions.readSettingSchema("near-duplicate check", connection -> {
      Map<String, List<Check>> byPetition = new HashMap<>();
      for (Check check : batch) {
        byPetition.computeIfAbsent(check.petition(), p -> new ArrayList<>()).add(check);
      }
      Map<Check, Boolean> answers = new IdentityHashMap<>();
      boolean fresh = freshPlans.now();
      int settings = transactions.schemaSettings() + (fresh ? 1 : 0);
      try (PreparedStatement statement = connection.prepareStatement(transactions.schemaPrefix()
          + FreshPlans.sql(BY_KEYS, fresh))) {
        for (Map.Entry<String, List<Check>> group : byPetition.entrySet()) {
          // byte[][], not Object[]: the PostgreSQL driver encodes only the former as a bytea array.
          byte[][] keys = new byte[group.getValue().size()][];
          for (int i = 0; i < keys.length; i++) {
            keys[i] = group.getValue().get(i).nameKey();
          }
          statement.setString(1, group.getKey());
          statement.setArray(2, connection.createArrayOf(dialect.binaryArrayType(), keys));
          try (ResultSet row = Transactions.queryPastSettings(statement, settings)) {
            while (row.next()) {
              byte[] nameKey = row.getBytes(1);
              for (Check check : group.getValue()) {
                if (Arrays.equals(check.nameKey(), nameKey) && check.matches(row.getString(2), row.getBytes(3))) {
                  answers.put(check, Boolean.TRUE);
                }
              }
            }
          }
        }
      }
      List<@Nullable Boolean> outcomes = new ArrayList<>(batch.size());
      for (Check check : batch) {
        outcomes.add(answers.getOrDefault(check, Boolean.FALSE));
      }
      return outcomes;
    });
  }

  private boolean answer(Check check) {
    return transactions.readSettingSchema("near-duplicate check", connection -> {
      boolean fresh = freshPlans.now();
      try (PreparedStatement statement = connection.prepareStatement(transactions.schemaPrefix() + FreshPlans.sql(
          "SELECT city, network_key FROM signature WHERE petition = ? AND name_key = ? AND state IN "
              + SignatureReads.LIVE, fresh))) {
        statement.setString(1, check.petition());
        statement.setBytes(2, check.nameKey());
        try (ResultSet row = Transactions.queryPastSettings(statement, transactions.schemaSettings() + (fresh ? 1 : 0))) {
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
}
