package org.petition.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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

// PostgreSQL: one statement per step whatever the batch size (one array parameter per column), statements
// that do not depend on each other's answers sent together in one round trip, and the last one carrying
// the COMMIT (Transactions.COMMIT). Every statement here was shaped by benchmarks: a change of shape or an
// extra round trip is a regression.
final class PostgresDialect implements Dialect {

  static final PostgresDialect INSTANCE = new PostgresDialect();

  private static final BulkInsert<NewSignature> PENDING = SignatureTables.PENDING_SIGNATURES;

  // Ids drawn by the statement, rows meeting a unique key skipped, the inserted ones queued for the purge,
  // and each inserted row's position in the batch answered with its id.
  private static final String INSERT_PENDING = "WITH v AS (SELECT nextval('signature_id_seq') AS id, v.* FROM "
      + PENDING.unnestSql() + " WITH ORDINALITY AS v (" + PENDING.columnList() + ", ord)),"
      + " i AS (INSERT INTO signature (id, " + PENDING.columnList() + ") SELECT id, "
      + PENDING.columnList() + " FROM v ORDER BY ord ON CONFLICT DO NOTHING RETURNING id, signed_at),"
      + " q AS (INSERT INTO signature_purge_queue (signed_at, signature_id) SELECT signed_at, id FROM i)"
      + " SELECT v.ord, v.id FROM v JOIN i ON i.id = v.id";

  // The rows joined to arrays of ids, number sequences (NULL: held, number 0) and times; the counted ones
  // listed by number from the update's own rows; the numbers answered.
  private static final String CONFIRM_ROWS = "WITH c AS (SELECT * FROM unnest(CAST(? AS bigint[]),"
      + " CAST(? AS text[]), CAST(? AS timestamptz[])) AS c (id, sequence, at)),"
      + " u AS (UPDATE signature s SET state = 'CONFIRMED', confirmed_at = c.at,"
      + " number = CASE WHEN c.sequence IS NULL THEN 0 ELSE nextval(CAST(c.sequence AS regclass)) END"
      + " FROM c WHERE s.id = c.id AND s.state = 'PENDING' RETURNING s.id, s.number, s.petition, s.kind),"
      + " n AS (INSERT INTO signature_number (petition, number, kind, signature_id)"
      + " SELECT petition, number, kind, id FROM u WHERE number > 0)"
      + " SELECT id, number FROM u";

  // The heads are locked by this transaction, so the join updates each exactly once.
  private static final String MOVE_HEADS = "UPDATE consent_chain_head h SET sequence = m.sequence, hash = m.hash"
      + " FROM unnest(CAST(? AS integer[]), CAST(? AS bigint[]), CAST(? AS text[])) AS m (chain, sequence, hash)"
      + " WHERE h.chain = m.chain";

  private PostgresDialect() {}

  @Override
  public <R> int insert(Connection connection, BulkInsert<R> rows, List<R> values) throws SQLException {
    return rows.insertWithArrays(connection, values, row -> { });
  }

  @Override
  public String binaryArrayType() {
    return "bytea";
  }

  @Override
  public boolean keepsGenericPlans() {
    return true;
  }

  @Override
  public boolean loneWritesTryTheBatchFirst() {
    return true;
  }

  // One round trip for the batch: the schema's setting and INSERT_PENDING sent with the commit.
  @Override
  public List<@Nullable InsertOutcome> insertPending(Transactions transactions, List<NewSignature> signatures) {
    // The schema set by the same round trip (Transactions.writeSettingSchema).
    return transactions.writeSettingSchema(signatures.size() == 1 ? "insert signature" : "insert signatures",
        (connection, committing) -> {
          List<@Nullable InsertOutcome> outcomes = new ArrayList<>(Collections.nCopies(signatures.size(), null));
          try (PreparedStatement statement = connection.prepareStatement(
              transactions.schemaPrefix() + INSERT_PENDING + Transactions.COMMIT)) {
            PENDING.bindArrays(connection, statement, 0, signatures);
            committing.now();
            Transactions.executePastSettings(statement, transactions.schemaSettings());
            try (ResultSet row = statement.getResultSet()) {
              while (row.next()) {
                outcomes.set((int) row.getLong(1) - 1, new InsertOutcome.Inserted(row.getLong(2)));
              }
            }
          }
          return outcomes;
        });
  }

  // Two round trips whatever the batch's size (three in all with the rows' lock): (1) the rows updated
  // (numbers drawn by the update itself from each petition's sequence), the counted ones inserted into
  // signature_number, the counters moved, the ledger's chain heads and the log's heads locked, all sent
  // together; (2) the consent records inserted, the chains' heads moved, the log's entries, tile nodes and heads
  // written (LogAppends.WRITE) and the transaction committed. The log adds no round trip.
  @Override
  public List<ConfirmOutcome> confirmLocked(Connection connection, List<LockedConfirmation> confirming,
      Sequences sequences, Counters counters, ConsentAppends ledger, LogAppends logs,
      Transactions.Committing committing)
      throws SQLException {
    int m = confirming.size();
    Long[] ids = new Long[m];
    String[] numberSequences = new String[m];
    String[] times = new String[m];
    TreeMap<String, Integer> countDeltas = new TreeMap<>();
    List<List<ConsentRecord.Draft>> grants = new ArrayList<>(m);
    Set<String> countedPetitions = new HashSet<>();
    for (int k = 0; k < m; k++) {
      LockedConfirmation confirmation = confirming.get(k);
      StoredSignature current = confirmation.signature();
      boolean held = current.data().held();
      ids[k] = current.id();
      numberSequences[k] = held ? null : sequences.of(current.petition());
      times[k] = Rows.arrayElement(confirmation.at());
      if (!held) {
        countDeltas.merge(Counters.key(current.petition(), current.data().country()), 1, Integer::sum);
        countedPetitions.add(current.petition());
      }
      grants.add(ConsentDrafts.granted(current.data(), confirmation.at()));
    }
    ConsentAppends.GroupAppend append = ledger.prepareAppend(grants);
    LogAppends.Batch log = logs.batch(countedPetitions);
    StringBuilder sql = new StringBuilder(CONFIRM_ROWS);
    for (int d = 0; d < countDeltas.size(); d++) {
      sql.append("; ").append(Counters.ADD_TO_COUNT); // in key order, as every transaction moving counters
    }
    if (!append.isEmpty()) {
      sql.append("; ").append(ConsentAppends.LOCK_HEADS);
    }
    if (!log.isEmpty()) {
      sql.append("; ").append(LogAppends.LOCK_HEADS); // after the chains' heads, as in every transaction
    }
    Map<Long, Long> numbers = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      statement.setArray(1, connection.createArrayOf("bigint", ids));
      statement.setArray(2, connection.createArrayOf("text", numberSequences));
      statement.setArray(3, connection.createArrayOf("timestamptz", times));
      int i = 3;
      for (Map.Entry<String, Integer> delta : countDeltas.entrySet()) {
        i = counters.bind(statement, i, delta.getKey(), delta.getValue());
      }
      if (!append.isEmpty()) {
        i = append.bindLock(connection, statement, i);
      }
      if (!log.isEmpty()) {
        log.bindLock(connection, statement, i);
      }
      statement.execute();
      try (ResultSet row = statement.getResultSet()) {
        while (row.next()) {
          numbers.put(row.getLong(1), row.getLong(2));
        }
      }
      if (numbers.size() != m) {
        throw new SQLException("locked pending signatures did not all update", "55000");
      }
      for (int d = 0; d < countDeltas.size(); d++) {
        if (statement.getMoreResults() || statement.getUpdateCount() != 1) {
          throw Counters.missingShard();
        }
      }
      if (!append.isEmpty()) {
        if (!statement.getMoreResults()) {
          throw new SQLException("the chain heads' lock answered no rows", "55000");
        }
        try (ResultSet heads = statement.getResultSet()) {
          append.readHeads(heads);
        }
      }
      if (!log.isEmpty()) {
        if (!statement.getMoreResults()) {
          throw new SQLException("the log heads' lock answered no rows", "55000");
        }
        try (ResultSet heads = statement.getResultSet()) {
          log.readHeads(heads);
        }
      }
    }
    List<ConfirmOutcome> outcomes = new ArrayList<>(m);
    List<LogAppends.Change> changes = new ArrayList<>(m);
    for (LockedConfirmation confirmation : confirming) {
      StoredSignature current = confirmation.signature();
      if (current.data().held()) {
        outcomes.add(new ConfirmOutcome.Held());
        continue;
      }
      long number = Objects.requireNonNull(numbers.get(current.id()));
      outcomes.add(new ConfirmOutcome.Counted(number, current.data().country(), current.data().signedAt()));
      changes.add(LogAppends.Change.counted(current.petition(), current.id(), number, confirmation.at()));
    }
    // Numbers are drawn by the update in row order: the log lists the signatures in number order.
    changes.sort(java.util.Comparator.comparingLong(LogAppends.Change::number));
    // The ledger's records, the chains' heads and the log's rows in one round trip, with the commit.
    insertLinked(connection, append.link(), append.heads(), log.isEmpty() ? null : log, changes, committing);
    return outcomes;
  }

  // The records and the heads by two statements sent together: one round trip whatever their number.
  @Override
  public void insertLinked(Connection connection, List<ConsentRecord> records, Collection<ChainHead> heads,
      Transactions.@Nullable Committing committing) throws SQLException {
    insertLinked(connection, records, heads, null, List.of(), committing);
  }

  // The same, with a log batch's rows (its heads locked) written by a third statement sent together.
  private static void insertLinked(Connection connection, List<ConsentRecord> records, Collection<ChainHead> heads,
      LogAppends.@Nullable Batch log, List<LogAppends.Change> changes, Transactions.@Nullable Committing committing)
      throws SQLException {
    Integer[] chains = new Integer[heads.size()];
    Long[] sequences = new Long[heads.size()];
    String[] hashes = new String[heads.size()];
    int h = 0;
    for (ChainHead head : heads) {
      chains[h] = head.chain();
      sequences[h] = head.sequence();
      hashes[h++] = head.hash();
    }
    try (PreparedStatement statement = connection.prepareStatement(ConsentAppends.RECORDS.arraySql() + "; "
        + MOVE_HEADS + (log != null ? "; " + log.write(changes) : "") + (committing != null ? Transactions.COMMIT : ""))) {
      int i = ConsentAppends.RECORDS.bindArrays(connection, statement, 0, records);
      statement.setArray(++i, connection.createArrayOf("integer", chains));
      statement.setArray(++i, connection.createArrayOf("bigint", sequences));
      statement.setArray(++i, connection.createArrayOf("text", hashes));
      if (log != null) {
        log.bindWrite(connection, statement, i);
      }
      if (committing != null) {
        committing.now();
      }
      statement.execute();
    }
  }
}
