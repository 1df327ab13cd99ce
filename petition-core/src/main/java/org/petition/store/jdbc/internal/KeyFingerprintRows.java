package org.petition.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.petition.store.KeyFingerprint;

// The key_fingerprint table (V7): read whole; new slots inserted, a data key marked sealed, nothing else changed.
public final class KeyFingerprintRows {

  private final Transactions transactions;

  public KeyFingerprintRows(Transactions transactions) {
    this.transactions = transactions;
  }

  public List<KeyFingerprint> all() {
    return transactions.read("read key fingerprints", KeyFingerprintRows::read);
  }

  public void record(List<KeyFingerprint> fingerprints, Instant now) {
    transactions.run("record key fingerprints", connection -> {
      List<KeyFingerprint> recorded = read(connection);
      for (KeyFingerprint fingerprint : fingerprints) {
        KeyFingerprint known = recorded.stream().filter(fingerprint::sameSlot).findFirst().orElse(null);
        if (known == null) {
          insert(connection, fingerprint, now);
        } else if (fingerprint.sealed() && !known.sealed()) {
          markSealed(connection, fingerprint);
        }
      }
    });
  }

  private static List<KeyFingerprint> read(Connection connection) throws SQLException {
    List<KeyFingerprint> rows = new ArrayList<>();
    try (PreparedStatement statement =
            connection.prepareStatement("SELECT kind, key_id, fingerprint, sealed FROM key_fingerprint");
        ResultSet row = statement.executeQuery()) {
      while (row.next()) {
        rows.add(new KeyFingerprint(KeyFingerprint.Kind.valueOf(row.getString(1)), row.getString(2),
            row.getString(3), row.getBoolean(4)));
      }
    }
    return rows;
  }

  // Each statement commits on its own (the connection auto-commits): two instances starting at once may both
  // insert a slot; the primary key keeps the first, and the other's violation is ignored.
  private static void insert(Connection connection, KeyFingerprint fingerprint, Instant now) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("INSERT INTO key_fingerprint (kind, key_id,"
        + " fingerprint, sealed, recorded_at) SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM key_fingerprint"
        + " WHERE kind = ? AND key_id = ?)")) {
      statement.setString(1, fingerprint.kind().name());
      statement.setString(2, fingerprint.keyId());
      statement.setString(3, fingerprint.fingerprint());
      statement.setBoolean(4, fingerprint.sealed());
      Rows.setInstant(statement, 5, now);
      statement.setString(6, fingerprint.kind().name());
      statement.setString(7, fingerprint.keyId());
      statement.executeUpdate();
    } catch (SQLException e) {
      if (!Transactions.isUniqueViolation(e)) {
        throw e;
      }
    }
  }

  private static void markSealed(Connection connection, KeyFingerprint fingerprint) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("UPDATE key_fingerprint SET sealed = TRUE WHERE kind = ? AND key_id = ?")) {
      statement.setString(1, fingerprint.kind().name());
      statement.setString(2, fingerprint.keyId());
      statement.executeUpdate();
    }
  }
}
