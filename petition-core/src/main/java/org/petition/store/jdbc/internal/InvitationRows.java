package org.petition.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.petition.store.InvitationStore.Invited;

// The invitation tables (V11): keyed hashes only. Single statements on auto-committing connections; an insert
// that meets the primary key answers "recorded before" (both dialects skip it through NOT EXISTS, and a race
// between instances ends in the unique violation, read the same way). Erasure and retention forget rows in one
// transaction each, adding what they forget to the petition's invitation_tally (V16) so the aggregates stay.
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

  private static final String COUNTING_ATTRIBUTED = "SELECT COUNT(*) FROM invitation_attribution a"
      + " JOIN signature s ON s.id = a.signature_id WHERE a.petition = ? AND s.state = 'CONFIRMED' AND s.held = FALSE";

  public long sent(String petition) {
    return count("count invitations", "SELECT (SELECT COUNT(*) FROM invitation_sent WHERE petition = ?)"
        + " + COALESCE((SELECT sent FROM invitation_tally WHERE petition = ?), 0)", petition);
  }

  public long signatures(String petition) {
    return count("count signatures from invitations", "SELECT (" + COUNTING_ATTRIBUTED + ")"
        + " + COALESCE((SELECT signatures FROM invitation_tally WHERE petition = ?), 0)", petition);
  }

  public List<Invited> of(byte[] emailKey) {
    return transactions.read("read a subject's invitations", connection -> Statements.query(connection,
        row -> new Invited(row.getString(1), Rows.instant(row, "sent_at")),
        "SELECT petition, sent_at FROM invitation_sent WHERE email_key = ? ORDER BY sent_at, petition", emailKey));
  }

  public Optional<Instant> suppressedAt(byte[] emailKey) {
    return transactions.read("read the suppression list", connection -> Statements.query(connection,
        row -> Rows.instant(row, "suppressed_at"),
        "SELECT suppressed_at FROM invitation_suppression WHERE email_key = ?", emailKey)).stream().findFirst();
  }

  public int forgetInvitee(byte[] emailKey) {
    List<String> petitions = transactions.read("read a subject's invitations", connection -> Statements.query(
        connection, row -> row.getString(1), "SELECT petition FROM invitation_sent WHERE email_key = ?", emailKey));
    if (petitions.isEmpty()) {
      return 0;
    }
    petitions.forEach(this::ensureTally);
    return transactions.write("forget a subject's invitations", connection -> {
      int forgotten = 0;
      for (String petition : petitions) {
        if (Statements.update(connection, "DELETE FROM invitation_sent WHERE petition = ? AND email_key = ?",
            petition, emailKey) == 1) {
          Statements.update(connection, "UPDATE invitation_tally SET sent = sent + 1 WHERE petition = ?", petition);
          forgotten++;
        }
      }
      return forgotten;
    });
  }

  public int forgetPetition(String petition) {
    ensureTally(petition);
    return transactions.write("forget a petition's invitations", connection -> {
      long counting = Statements.query(connection, row -> row.getLong(1), COUNTING_ATTRIBUTED, petition).get(0);
      int sent = Statements.update(connection, "DELETE FROM invitation_sent WHERE petition = ?", petition);
      int attributed = Statements.update(connection, "DELETE FROM invitation_attribution WHERE petition = ?", petition);
      if (sent > 0 || attributed > 0) {
        Statements.update(connection,
            "UPDATE invitation_tally SET sent = sent + ?, signatures = signatures + ? WHERE petition = ?",
            (long) sent, counting, petition);
      }
      return sent + attributed;
    });
  }

  // The petition's tally row, inserted once on its own: the forgetting transactions then only update it, which
  // both dialects order by the row's lock.
  private void ensureTally(String petition) {
    transactions.run("create an invitation tally", connection -> {
      try {
        Statements.update(connection, "INSERT INTO invitation_tally (petition, sent, signatures) SELECT ?, 0, 0"
            + " WHERE NOT EXISTS (SELECT 1 FROM invitation_tally WHERE petition = ?)", petition, petition);
      } catch (SQLException e) {
        if (!Transactions.isUniqueViolation(e)) {
          throw e;
        }
      }
    });
  }

  // A query of one number whose every parameter is the petition.
  private long count(String operation, String sql, String petition) {
    return transactions.read(operation, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        long parameters = sql.chars().filter(c -> c == '?').count();
        for (int i = 1; i <= parameters; i++) {
          statement.setString(i, petition);
        }
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
