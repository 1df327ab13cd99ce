package org.petition.store.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.petition.privacy.ConsentRecord;
import org.petition.store.ConfirmOutcome;
import org.petition.store.InsertOutcome;
import org.petition.store.NewSignature;

// What the store sends differently to PostgreSQL and H2, chosen once when a store or ledger is built.
// PostgreSQL takes arrays, several statements in one round trip (the last one carrying the COMMIT) and
// ON CONFLICT DO NOTHING; H2 none of these, so it gets VALUES lists and one statement per step.
public sealed interface Dialect permits PostgresDialect, H2Dialect {

  // Schema.checkReachable has refused every other product.
  static Dialect of(String product) {
    return product.startsWith("PostgreSQL") ? PostgresDialect.INSTANCE : H2Dialect.INSTANCE;
  }

  <R> int insert(Connection connection, BulkInsert<R> rows, List<R> values) throws SQLException;

  // The element type of a byte-string array for Connection.createArrayOf.
  String binaryArrayType();

  // Whether the server keeps generic plans costed for the tables as they once were (see FreshPlans).
  boolean keepsGenericPlans();

  // Whether a lone signing or confirmation costs fewer round trips through its batch's statements (sent
  // together) than through the one-at-a-time path, and so tries them first.
  boolean loneWritesTryTheBatchFirst();

  // Pending signings in one transaction: each inserted one answered, null where a conflict leaves it to
  // the one-at-a-time path. May fail as a whole (H2, on any conflict): then each runs alone.
  List<@Nullable InsertOutcome> insertPending(Transactions transactions, List<NewSignature> signatures);

  // The batch's confirmations of rows its transaction has locked and found pending, with their counters
  // ready: numbered, counted, listed, their grants appended and their log entries (the counted ones, in
  // the order of the list) appended, in one outcome each. May commit (PostgreSQL): nothing may follow it in
  // the transaction.
  List<ConfirmOutcome> confirmLocked(Connection connection, List<LockedConfirmation> confirming,
      Sequences sequences, Counters counters, ConsentAppends ledger, LogAppends logs,
      Transactions.Committing committing)
      throws SQLException;

  // Records linked after heads this transaction has locked: inserted, and the heads moved to them. Given
  // committing, may commit (PostgreSQL) with these statements.
  void insertLinked(Connection connection, List<ConsentRecord> records, Collection<ChainHead> heads,
      Transactions.@Nullable Committing committing) throws SQLException;
}
