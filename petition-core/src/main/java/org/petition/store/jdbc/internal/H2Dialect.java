package org.petition.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.petition.privacy.ConsentRecord;
import org.petition.store.ConfirmOutcome;
import org.petition.store.ConsentDrafts;
import org.petition.store.InsertOutcome;
import org.petition.store.NewSignature;
import org.petition.store.StoredSignature;
import org.petition.store.jdbc.internal.SignatureTables.NumberRow;
import org.petition.store.jdbc.internal.SignatureTables.PurgeQueueRow;
import org.petition.store.jdbc.internal.SignatureTables.SignatureRow;

// H2: no arrays to insert from, no ON CONFLICT, one statement per round trip. Rows go in as VALUES lists
// (MultiRowInsert), ids and numbers are drawn from their sequences first, and each step is a statement or
// a JDBC batch of its own.
final class H2Dialect implements Dialect {

  static final H2Dialect INSTANCE = new H2Dialect();

  private H2Dialect() {}

  @Override
  public <R> int insert(Connection connection, BulkInsert<R> rows, List<R> values) throws SQLException {
    return rows.insertWithValueLists(connection, values, row -> { });
  }

  @Override
  public String binaryArrayType() {
    return "BINARY VARYING";
  }

  @Override
  public boolean keepsGenericPlans() {
    return false;
  }

  @Override
  public boolean loneWritesTryTheBatchFirst() {
    return false;
  }

  // A conflict fails the whole batch, whose signings then run alone.
  @Override
  public List<@Nullable InsertOutcome> insertPending(Transactions transactions, List<NewSignature> signatures) {
    return transactions.write("insert signatures", connection -> {
      long[] ids = Sequences.nextValues(connection, "signature_id_seq", signatures.size());
      List<SignatureRow> rows = new ArrayList<>(signatures.size());
      for (int i = 0; i < ids.length; i++) {
        rows.add(new SignatureRow(ids[i], signatures.get(i), false, 0));
      }
      insert(connection, SignatureTables.SIGNATURES, rows);
      Set<Long> inserted = new HashSet<>();
      for (long id : ids) {
        inserted.add(id);
      }
      List<PurgeQueueRow> queued = new ArrayList<>(inserted.size());
      for (SignatureRow row : rows) {
        if (inserted.contains(row.id())) {
          queued.add(new PurgeQueueRow(row.signature().signedAt(), row.id()));
        }
      }
      insert(connection, SignatureTables.PURGE_QUEUE, queued);
      List<@Nullable InsertOutcome> outcomes = new ArrayList<>(signatures.size());
      for (long id : ids) {
        outcomes.add(inserted.contains(id) ? new InsertOutcome.Inserted(id) : null);
      }
      return outcomes;
    });
  }

  // Numbers drawn per petition (in petition order), the rows updated as one JDBC batch, the counted ones
  // listed by number, each petition and country's count moved once, and every grant appended.
  @Override
  public List<ConfirmOutcome> confirmLocked(Connection connection, List<LockedConfirmation> confirming,
      Sequences sequences, Counters counters, ConsentAppends ledger, LogAppends logs,
      Transactions.Committing committing)
      throws SQLException {
    Map<String, Integer> numbersNeeded = new HashMap<>();
    for (LockedConfirmation confirmation : confirming) {
      StoredSignature current = confirmation.signature();
      if (!current.data().held()) {
        numbersNeeded.merge(current.petition(), 1, Integer::sum);
      }
    }
    Map<String, ArrayDeque<Long>> numbers = new HashMap<>();
    for (Map.Entry<String, Integer> needed : new TreeMap<>(numbersNeeded).entrySet()) {
      long[] drawn = Sequences.nextValues(connection, sequences.of(needed.getKey()), needed.getValue());
      Arrays.sort(drawn);
      ArrayDeque<Long> queue = new ArrayDeque<>(drawn.length);
      for (long number : drawn) {
        queue.add(number);
      }
      numbers.put(needed.getKey(), queue);
    }
    TreeMap<String, Integer> countDeltas = new TreeMap<>();
    List<NumberRow> numbered = new ArrayList<>(confirming.size());
    List<List<ConsentRecord.Draft>> grants = new ArrayList<>(confirming.size());
    List<ConfirmedRow> confirmed = new ArrayList<>(confirming.size());
    List<ConfirmOutcome> outcomes = new ArrayList<>(confirming.size());
    for (LockedConfirmation confirmation : confirming) {
      StoredSignature current = confirmation.signature();
      Instant at = confirmation.at();
      boolean held = current.data().held();
      long number = held ? 0 : Objects.requireNonNull(numbers.get(current.petition())).removeFirst();
      confirmed.add(new ConfirmedRow(current.id(), number, at));
      String country = current.data().country();
      if (!held) {
        countDeltas.merge(Counters.key(current.petition(), country), 1, Integer::sum);
        numbered.add(new NumberRow(current.petition(), number, current.data().kind(), current.id()));
      }
      grants.add(ConsentDrafts.granted(current.data(), at));
      outcomes.add(held ? new ConfirmOutcome.Held()
          : new ConfirmOutcome.Counted(number, country, current.data().signedAt()));
    }
    markConfirmed(connection, confirmed, numbered); // the rows are locked and pending: each updates
    counters.addAll(connection, countDeltas);
    ledger.appendGroups(connection, grants);
    List<LogAppends.Change> changes = new ArrayList<>(numbered.size());
    for (int k = 0; k < confirming.size(); k++) {
      if (outcomes.get(k) instanceof ConfirmOutcome.Counted counted) {
        changes.add(LogAppends.Change.counted(confirming.get(k).signature().petition(),
            confirming.get(k).signature().id(), counted.number(), confirming.get(k).at()));
      }
    }
    logs.append(connection, changes);
    return outcomes;
  }

  private record ConfirmedRow(long id, long number, Instant at) {}

  private void markConfirmed(Connection connection, List<ConfirmedRow> rows, List<NumberRow> numbered)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement(Confirmations.CONFIRM_PENDING)) {
      for (ConfirmedRow row : rows) {
        statement.setLong(1, row.number());
        Rows.setInstant(statement, 2, row.at());
        statement.setLong(3, row.id());
        statement.addBatch();
      }
      statement.executeBatch();
    }
    insert(connection, SignatureTables.NUMBERS, numbered);
  }

  @Override
  public void insertLinked(Connection connection, List<ConsentRecord> records, Collection<ChainHead> heads,
      Transactions.@Nullable Committing committing) throws SQLException {
    ConsentAppends.insertThenMoveHeads(this, connection, records, heads);
  }
}
