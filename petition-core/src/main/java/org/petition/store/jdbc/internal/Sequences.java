package org.petition.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

// Database sequences: the signature and moderation ids, and one number sequence per petition, created
// outside the counting transactions and remembered once known to exist.
public final class Sequences {

  private final Transactions transactions;
  // Petitions are few and their sequence names are asked for on every confirmation: checked and built once.
  private final Map<String, String> names = new ConcurrentHashMap<>();
  private final Set<String> ready = ConcurrentHashMap.newKeySet();

  public Sequences(Transactions transactions) {
    this.transactions = transactions;
  }

  String of(String petition) {
    String name = names.get(petition);
    return name != null ? name : names.computeIfAbsent(petition, SequenceNames::of);
  }

  boolean isReady(String petition) {
    return ready.contains(of(petition));
  }

  // Creates the petition's number sequence unless it exists; answers its name.
  String ensure(String petition) {
    String sequence = of(petition);
    if (ready.contains(sequence)) {
      return sequence;
    }
    transactions.run("create number sequence", connection -> {
      try (Statement statement = connection.createStatement()) {
        // The name is [a-z0-9_] only (SequenceNames checks the slug), so concatenating it is safe.
        statement.execute("CREATE SEQUENCE IF NOT EXISTS " + sequence + " START WITH 1 INCREMENT BY 1");
      } catch (SQLException e) {
        // Two instances creating it at once: PostgreSQL may report the loser as a duplicate; it exists now.
        if (!Transactions.isUniqueViolation(e) && !"42P07".equals(e.getSQLState())) {
          throw e;
        }
      }
    });
    ready.add(sequence);
    return sequence;
  }

  // The next count values of a sequence, drawn with one statement.
  static long[] nextValues(Connection connection, String sequence, int count) throws SQLException {
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

  static long nextValue(Connection connection, String sequence) throws SQLException {
    // Sequences are outside transactions, so numbering never makes one confirmer wait for another.
    return nextValues(connection, sequence, 1)[0];
  }
}
