package org.petition.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.petition.store.ModerationAction;

// Moderators' actions, kept in moderation_action: recorded, marked undone, read one by one or as a
// petition's log, newest first.
public final class ModerationLog {

  private final Transactions transactions;

  public ModerationLog(Transactions transactions) {
    this.transactions = transactions;
  }

  public ModerationAction record(ModerationAction action) {
    return transactions.write("record moderation", connection -> {
      long id = Sequences.nextValue(connection, "moderation_action_id_seq");
      try (PreparedStatement statement = connection.prepareStatement("INSERT INTO moderation_action (id, petition,"
          + " kind, moderator, reason, criteria, signature_ids, at, undone_at, undone_by)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        int i = 0;
        statement.setLong(++i, id);
        statement.setString(++i, action.petition());
        statement.setString(++i, action.kind().name());
        statement.setString(++i, action.moderator());
        statement.setString(++i, action.reason());
        Rows.setString(statement, ++i, action.criteria());
        statement.setString(++i, Codecs.ids(action.signatureIds()));
        Rows.setInstant(statement, ++i, action.at());
        Rows.setInstant(statement, ++i, action.undoneAt());
        Rows.setString(statement, ++i, action.undoneBy());
        statement.executeUpdate();
      }
      return byId(connection, id).orElseThrow();
    });
  }

  // Conditional on not being undone yet, so that of two moderators undoing at once exactly one is recorded.
  public boolean markUndone(long actionId, Instant at, String moderator) {
    return transactions.write("mark moderation undone", connection -> {
      try (PreparedStatement statement = connection.prepareStatement(
          "UPDATE moderation_action SET undone_at = ?, undone_by = ? WHERE id = ? AND undone_at IS NULL")) {
        Rows.setInstant(statement, 1, at);
        statement.setString(2, moderator);
        statement.setLong(3, actionId);
        return statement.executeUpdate() == 1;
      }
    });
  }

  public Optional<ModerationAction> find(long actionId) {
    return transactions.read("read moderation", connection -> byId(connection, actionId));
  }

  public List<ModerationAction> log(String petition, int limit) {
    return transactions.read("read moderation log", connection -> Statements.query(connection,
        Rows::moderationAction, "SELECT " + Rows.MODERATION_COLUMNS
            + " FROM moderation_action WHERE petition = ? ORDER BY id DESC LIMIT ?", petition, limit));
  }

  private static Optional<ModerationAction> byId(Connection connection, long id) throws SQLException {
    List<ModerationAction> actions = Statements.query(connection, Rows::moderationAction,
        "SELECT " + Rows.MODERATION_COLUMNS + " FROM moderation_action WHERE id = ?", id);
    return actions.isEmpty() ? Optional.empty() : Optional.of(actions.get(0));
  }
}
