package org.petition.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

// The invitation tables (V11): keyed hashes only. Single statements on auto-committing connections; an insert
// that meets the primary key answers "recorded before" (both dialects skip it through NOT EXISTS, and a race
// between instances ends in the unique violation, read the same way).
public final class InvitationRows {

  private final Transactions transactions;

  public InvitationRows(Transactions transactions) {
    this.transactions = transactions;
  }

  public boolean record(String petition, byte[] emailKey, Instant at) {
    return transactions.read("record an invitation", connection -> insertOnce(connection,
        "INSERT INTO invitation_sent (petition, email_key, sent_at) SELECT ?, ?, ? WHERE NOT EXISTS"
            + " (SELECT 1 FROM invitation_sent WHERE petition = ? AND email_key = ?)",
        petition, emailKey, at));
  }

  public void forget(String petition, byte[] emailKey) {
    transactions.run("forget an invitation", connection -> {
      try (PreparedStatement statement =
          connection.prepareStatement("DELETE FROM invitation_sent WHERE petition = ? AND email_key = ?")) {
        statement.setString(1, petition);
        statement.setBytes(2, emailKey);
        statement.executeUpdate();
      }
    });
  }

  public void suppress(byte[] emailKey, Instant at) {
    transactions.read("suppress an address", connection -> insertOnce(connection,
        "INSERT INTO invitation_suppression (email_key, suppressed_at) SELECT ?, ? WHERE NOT EXISTS"
            + " (SELECT 1 FROM invitation_suppression WHERE email_key = ?)",
        null, emailKey, at));
  }

  public boolean suppressed(byte[] emailKey) {
    return transactions.read("read the suppression list", connection -> {
      try (PreparedStatement statement =
          connection.prepareStatement("SELECT 1 FROM invitation_suppression WHERE email_key = ?")) {
        statement.setBytes(1, emailKey);
        try (ResultSet row = statement.executeQuery()) {
          return row.next();
        }
      }
    });
  }

  public void attribute(String petition, long signatureId) {
    transactions.run("attribute a signature to an invitation", connection -> {
      try (PreparedStatement statement = connection.prepareStatement(
          "INSERT INTO invitation_attribution (signature_id, petition) SELECT ?, ? WHERE NOT EXISTS"
              + " (SELECT 1 FROM invitation_attribution WHERE signature_id = ?)")) {
        statement.setLong(1, signatureId);
        statement.setString(2, petition);
        statement.setLong(3, signatureId);
        statement.executeUpdate();
      } catch (SQLException e) {
        if (!Transactions.isUniqueViolation(e)) {
          throw e;
        }
      }
    });
  }

  public long sent(String petition) {
    return count("count invitations", "SELECT COUNT(*) FROM invitation_sent WHERE petition = ?", petition);
  }

  public long signatures(String petition) {
    return count("count signatures from invitations", "SELECT COUNT(*) FROM invitation_attribution a"
        + " JOIN signature s ON s.id = a.signature_id WHERE a.petition = ? AND s.state = 'CONFIRMED'"
        + " AND s.held = FALSE", petition);
  }

  private long count(String operation, String sql, String petition) {
    return transactions.read(operation, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setString(1, petition);
        try (ResultSet row = statement.executeQuery()) {
          row.next();
          return row.getLong(1);
        }
      }
    });
  }

  // Inserts (petition?, key, at) unless the row is there: true when this call inserted it.
  private static boolean insertOnce(Connection connection, String sql, @org.jspecify.annotations.Nullable String petition,
      byte[] emailKey, Instant at) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int i = 1;
      if (petition != null) {
        statement.setString(i++, petition);
      }
      statement.setBytes(i++, emailKey);
      statement.setObject(i++, java.time.OffsetDateTime.ofInstant(at.truncatedTo(java.time.temporal.ChronoUnit.MICROS),
          java.time.ZoneOffset.UTC));
      if (petition != null) {
        statement.setString(i++, petition);
      }
      statement.setBytes(i, emailKey);
      return statement.executeUpdate() == 1;
    } catch (SQLException e) {
      if (Transactions.isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }
}
