package org.petition.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.petition.store.ConsentDrafts;
import org.petition.store.InsertOutcome;
import org.petition.store.NewSignature;
import org.petition.store.jdbc.internal.SignatureTables.SignatureRow;

// Signings: pending ones group-committed (a batch in one transaction, in the dialect's statements), the
// ones confirmed at once and whatever a batch leaves one at a time. The database's unique indexes decide
// duplicates; the one-at-a-time path names the signature in the way.
public final class SignatureInserts {

  // How often an insert is retried when the signature that blocked it is gone by the time it is read.
  private static final int INSERT_ATTEMPTS = 5;

  private final Transactions transactions;
  private final Dialect dialect;
  private final FreshPlans freshPlans;
  private final CountingSetup setup;
  private final Sequences sequences;
  private final Counters counters;
  private final ConsentAppends ledger;
  private final GroupCommit<NewSignature, InsertOutcome> pending;

  private final CoSignings coSignings;

  public SignatureInserts(Transactions transactions, Dialect dialect, FreshPlans freshPlans, CountingSetup setup,
      Sequences sequences, Counters counters, ConsentAppends ledger, int batchSize, int concurrentBatches,
      CoSignings coSignings) {
    this.coSignings = coSignings;
    this.transactions = transactions;
    this.dialect = dialect;
    this.freshPlans = freshPlans;
    this.setup = setup;
    this.sequences = sequences;
    this.counters = counters;
    this.ledger = ledger;
    this.pending = new GroupCommit<>(batchSize, concurrentBatches, this::insertPending, this::insertOne);
  }

  public GroupCommit<NewSignature, InsertOutcome> groupCommit() {
    return pending;
  }

  public InsertOutcome insert(NewSignature signature, boolean confirmedNow) {
    InsertOutcome outcome = confirmedNow ? insertAlone(signature, true) : pending.submit(signature);
    if (outcome instanceof InsertOutcome.Inserted inserted) {
      freshPlans.seen(inserted.id());
    }
    return outcome;
  }

  // A conflict with a unique key leaves its signing to insertAlone (PostgreSQL skips the row; H2 fails the
  // batch, and every signing of it runs alone).
  public List<@Nullable InsertOutcome> insertPending(List<NewSignature> signatures) {
    return dialect.insertPending(transactions, signatures);
  }

  // A lone pending signing. Where the batch's statement is cheaper, it is tried first; a signing it skips
  // meets a unique key, and insertAlone says which signature holds it.
  private InsertOutcome insertOne(NewSignature signature) {
    if (dialect.loneWritesTryTheBatchFirst()) {
      InsertOutcome outcome = insertPending(List.of(signature)).get(0);
      if (outcome != null) {
        return outcome;
      }
    }
    return insertAlone(signature, false);
  }

  // One signing in its own transaction: the path for confirmed-at-once signings and batch leftovers.
  private InsertOutcome insertAlone(NewSignature signature, boolean confirmedNow) {
    boolean counted = confirmedNow && !signature.held();
    if (confirmedNow) {
      ledger.ensureHeads();
    }
    if (counted) {
      setup.ensure(signature.petition(), signature.country());
    }
    return transactions.write("insert signature", connection -> {
      for (int attempt = 0; attempt < INSERT_ATTEMPTS; attempt++) {
        long id = Sequences.nextValue(connection, "signature_id_seq");
        long number = counted ? Sequences.nextValue(connection, sequences.of(signature.petition())) : 0;
        try {
          dialect.insert(connection, SignatureTables.SIGNATURES,
              List.of(new SignatureRow(id, signature, confirmedNow, number)));
        } catch (SQLException e) {
          if (!Transactions.isUniqueViolation(e)) {
            throw e;
          }
          // PostgreSQL has aborted the transaction: roll back, then name the live signature in the way.
          transactions.rollbackAndResume(connection);
          InsertOutcome duplicate = duplicateOf(connection, signature);
          if (duplicate != null) {
            return duplicate;
          }
          continue; // the blocking signature was revoked or purged meanwhile: its keys are free now
        }
        if (counted) {
          SignatureTables.insertNumber(dialect, connection, signature.petition(), number, signature.kind(), id);
          counters.add(connection, signature.petition(), signature.country(), +1);
          coSignings.counted(connection, List.of(new CoSignings.Link(signature.emailKey(), signature.petition(), id)));
        }
        if (confirmedNow) {
          ledger.appendAll(connection, ConsentDrafts.granted(signature, signature.signedAt()));
          if (counted) {
            setup.logs().append(connection, List.of(
                LogAppends.Change.counted(signature.petition(), id, number, signature.signedAt())));
          }
        } else {
          SignatureTables.enqueueForPurge(dialect, connection, signature.signedAt(), id);
        }
        return new InsertOutcome.Inserted(id);
      }
      throw new SQLException("signature keys kept changing while inserting", "40001");
    });
  }

  // The signature holding the email (checked first, as the in-memory store does) or phone key: a live one,
  // or one a moderator removed, which keeps its keys. Rows that no longer hold their keys have them NULL.
  private static @Nullable InsertOutcome duplicateOf(Connection connection, NewSignature signature)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM signature"
        + " WHERE petition = ? AND email_key = ? AND household_slot = ?")) {
      statement.setString(1, signature.petition());
      statement.setBytes(2, signature.emailKey());
      statement.setInt(3, signature.householdSlot());
      try (ResultSet row = statement.executeQuery()) {
        if (row.next()) {
          return new InsertOutcome.DuplicateEmail(row.getLong(1));
        }
      }
    }
    if (signature.phoneKey() != null) {
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT id FROM signature WHERE petition = ? AND phone_key = ?")) {
        statement.setString(1, signature.petition());
        statement.setBytes(2, signature.phoneKey());
        try (ResultSet row = statement.executeQuery()) {
          if (row.next()) {
            return new InsertOutcome.DuplicatePhone(row.getLong(1));
          }
        }
      }
    }
    return null;
  }
}
