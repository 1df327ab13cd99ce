package org.petition.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.petition.privacy.ConsentChain;
import org.petition.privacy.ConsentRecord;
import org.petition.store.jdbc.internal.BulkInsert.Type;

// Appends to the consent ledger on a caller's transaction: the heads of the chains involved locked in
// ascending chain order (so two appends cannot deadlock on them), the records linked here from the head
// rows (never from the last record, which may be gone), inserted, and the heads moved. Each chain stays
// dense and linked; appends of different chains never wait for each other.
public final class ConsentAppends {

  // The heads' lock; its one parameter is an integer array of chains.
  static final String LOCK_HEADS =
      "SELECT chain, sequence, hash FROM consent_chain_head WHERE chain = ANY(?) ORDER BY chain FOR UPDATE";

  static final BulkInsert<ConsentRecord> RECORDS = BulkInsert.<ConsentRecord>into("consent_record")
      .column("chain", Type.INTEGER, record -> (int) record.chain())
      .column("sequence", Type.BIGINT, ConsentRecord::sequence)
      .column("subject", Type.TEXT, ConsentRecord::subject)
      .column("petition", Type.TEXT, ConsentRecord::petition)
      .column("purpose", Type.TEXT, record -> record.purpose().name())
      .column("document_id", Type.TEXT, ConsentRecord::documentId)
      .column("document_version", Type.TEXT, ConsentRecord::documentVersion)
      .column("document_sha256", Type.TEXT, ConsentRecord::documentSha256)
      .column("action", Type.TEXT, record -> record.action().name())
      .column("at", Type.TIMESTAMPTZ, ConsentRecord::at)
      .column("at_nanos", Type.INTEGER, record -> record.at().getNano())
      .column("form_id", Type.TEXT, record -> record.evidence().formId())
      .column("truncated_ip", Type.TEXT, record -> record.evidence().truncatedIp())
      .column("user_agent_sha256", Type.TEXT, record -> record.evidence().userAgentSha256())
      .column("locale", Type.TEXT, record -> record.evidence().locale())
      .column("previous_hash", Type.TEXT, ConsentRecord::previousHash)
      .column("hash", Type.TEXT, ConsentRecord::hash)
      .build();

  private final Transactions transactions;
  private final ConsentChain chains;
  private final Dialect dialect;
  private volatile boolean headsReady;

  public ConsentAppends(Transactions transactions, ConsentChain chains, Dialect dialect) {
    this.transactions = Objects.requireNonNull(transactions, "transactions must not be null");
    this.chains = Objects.requireNonNull(chains, "chains must not be null");
    this.dialect = dialect;
  }

  public ConsentChain chains() {
    return chains;
  }

  // One subject's grants, in order, under one hold of its chain's head.
  public List<ConsentRecord> appendAll(Connection connection, List<ConsentRecord.Draft> drafts) throws SQLException {
    return appendGroups(connection, List.of(drafts));
  }

  // Several subjects' grants (a group per subject, each in order), one statement per step whatever their
  // number; the records answered in the order of the drafts.
  List<ConsentRecord> appendGroups(Connection connection, List<List<ConsentRecord.Draft>> groups)
      throws SQLException {
    GroupAppend append = prepareAppend(groups);
    if (append.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement statement = connection.prepareStatement(LOCK_HEADS)) {
      append.bindLock(connection, statement, 0);
      try (ResultSet rows = statement.executeQuery()) {
        append.readHeads(rows);
      }
    }
    return append.write(connection, null);
  }

  // For a caller that sends the heads' lock together with statements of its own.
  GroupAppend prepareAppend(List<List<ConsentRecord.Draft>> groups) {
    TreeMap<Integer, ChainHead> heads = new TreeMap<>();
    int total = 0;
    for (List<ConsentRecord.Draft> drafts : groups) {
      if (drafts.isEmpty()) {
        continue;
      }
      String subject = drafts.get(0).subject();
      for (ConsentRecord.Draft draft : drafts) {
        requireGrant(draft);
        if (!draft.subject().equals(subject)) {
          throw new IllegalArgumentException("drafts appended together must share a subject");
        }
      }
      heads.put(chains.chainOf(subject), ChainHead.NONE);
      total += drafts.size();
    }
    return new GroupAppend(groups, heads, total);
  }

  // An append in three steps on the caller's transaction: LOCK_HEADS (bound by bindLock), its rows handed
  // to readHeads, then write.
  final class GroupAppend {
    private final List<List<ConsentRecord.Draft>> groups;
    private final TreeMap<Integer, ChainHead> heads;
    private final int total;

    private GroupAppend(List<List<ConsentRecord.Draft>> groups, TreeMap<Integer, ChainHead> heads, int total) {
      this.groups = groups;
      this.heads = heads;
      this.total = total;
    }

    boolean isEmpty() {
      return total == 0;
    }

    // Binds the chains as parameter offset + 1; answers offset + 1.
    int bindLock(Connection connection, PreparedStatement statement, int offset) throws SQLException {
      statement.setArray(offset + 1, connection.createArrayOf("INTEGER", heads.keySet().toArray()));
      return offset + 1;
    }

    void readHeads(ResultSet rows) throws SQLException {
      ConsentAppends.readHeads(rows, heads);
    }

    // Given committing, the transaction may commit with these statements: nothing may follow them.
    List<ConsentRecord> write(Connection connection, Transactions.@Nullable Committing committing)
        throws SQLException {
      List<ConsentRecord> records = link();
      dialect.insertLinked(connection, records, heads.values(), committing);
      return records;
    }

    // The records linked after the locked heads, the heads moved to them (heads()): for a caller that
    // sends their insert with statements of its own.
    List<ConsentRecord> link() {
      List<ConsentRecord> records = new ArrayList<>(total);
      for (List<ConsentRecord.Draft> drafts : groups) {
        for (ConsentRecord.Draft draft : drafts) {
          int chain = chains.chainOf(draft.subject());
          ChainHead head = heads.get(chain);
          ConsentRecord record = chains.link(draft, previous(head, draft));
          heads.put(chain, new ChainHead(chain, record.sequence(), record.hash()));
          records.add(record);
        }
      }
      return records;
    }

    java.util.Collection<ChainHead> heads() {
      return heads.values();
    }
  }

  public static void requireGrant(ConsentRecord.Draft draft) {
    Objects.requireNonNull(draft, "draft must not be null");
    if (draft.action() != ConsentRecord.Action.GRANTED) {
      throw new IllegalArgumentException("append takes grants only; use withdraw to withdraw a consent");
    }
  }

  public static ChainHead lockHead(Connection connection, int chain) throws SQLException {
    TreeMap<Integer, ChainHead> heads = new TreeMap<>();
    heads.put(chain, ChainHead.NONE);
    try (PreparedStatement statement = connection.prepareStatement(LOCK_HEADS)) {
      statement.setArray(1, connection.createArrayOf("INTEGER", heads.keySet().toArray()));
      try (ResultSet rows = statement.executeQuery()) {
        readHeads(rows, heads);
      }
    }
    return heads.get(chain);
  }

  // Every head asked for must be there.
  private static void readHeads(ResultSet row, TreeMap<Integer, ChainHead> heads) throws SQLException {
    int found = 0;
    while (row.next()) {
      int chain = row.getInt(1);
      heads.put(chain, new ChainHead(chain, row.getLong(2), row.getString(3)));
      found++;
    }
    if (found != heads.size()) {
      // Heads are created when the ledger is built; a missing one is a damaged schema.
      throw new SQLException("consent chain head missing", "55000");
    }
  }

  // Links a draft after the locked head, inserts it and moves the head, one statement each.
  public ConsentRecord add(Connection connection, ChainHead head, ConsentRecord.Draft draft) throws SQLException {
    ConsentRecord record = chains.link(draft, previous(head, draft));
    insertThenMoveHeads(dialect, connection, List.of(record),
        List.of(new ChainHead(head.chain(), record.sequence(), record.hash())));
    return record;
  }

  static void insertThenMoveHeads(Dialect dialect, Connection connection, List<ConsentRecord> records,
      Iterable<ChainHead> heads) throws SQLException {
    dialect.insert(connection, RECORDS, records);
    try (PreparedStatement statement =
        connection.prepareStatement("UPDATE consent_chain_head SET sequence = ?, hash = ? WHERE chain = ?")) {
      for (ChainHead head : heads) {
        statement.setLong(1, head.sequence());
        statement.setString(2, head.hash());
        statement.setInt(3, head.chain());
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  // What ConsentChain.link links after: only its chain, sequence and hash are read, and they come from the
  // head row, so an append never depends on the last record still being there.
  private static @Nullable ConsentRecord previous(@Nullable ChainHead head, ConsentRecord.Draft draft) {
    if (head == null || head.sequence() < 0) {
      return null;
    }
    return new ConsentRecord(head.chain(), head.sequence(), draft.subject(), draft.petition(), draft.purpose(),
        draft.documentId(), draft.documentVersion(), draft.documentSha256(), draft.action(), draft.at(),
        draft.evidence(), ConsentChain.GENESIS_HASH, head.hash());
  }

  // Creates the head rows of every chain that has none, once, each auto-committed (a concurrent creator is
  // harmless), after checking that the database's ledger was not built with another number of chains.
  // Called before any transaction that appends, never inside one.
  public void ensureHeads() {
    if (headsReady) {
      return;
    }
    transactions.run("prepare consent chains", connection -> {
      Set<Integer> present = new HashSet<>();
      try (PreparedStatement statement = connection.prepareStatement("SELECT chain FROM consent_chain_head");
          ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          present.add(row.getInt(1));
        }
      }
      int count = chains.chainCount();
      boolean foreign = present.stream().anyMatch(chain -> chain >= count);
      if (!foreign && !present.isEmpty() && present.size() < count) {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM consent_record WHERE chain >= 0 FETCH FIRST 1 ROWS ONLY");
            ResultSet row = statement.executeQuery()) {
          foreign = row.next(); // records linked under a smaller count would now belong elsewhere
        }
      }
      if (foreign) {
        throw new IllegalStateException("the consent ledger in this database was built with " + present.size()
            + " chains, not " + count + ": the chain count is fixed for the life of a ledger");
      }
      try (PreparedStatement statement = connection.prepareStatement(
          "INSERT INTO consent_chain_head (chain, sequence, hash) VALUES (?, -1, ?)")) {
        for (int chain = 0; chain < count; chain++) {
          if (present.contains(chain)) {
            continue;
          }
          statement.setInt(1, chain);
          statement.setString(2, ConsentChain.GENESIS_HASH);
          try {
            statement.executeUpdate();
          } catch (SQLException e) {
            if (!Transactions.isUniqueViolation(e)) {
              throw e;
            }
          }
        }
      }
    });
    headsReady = true;
  }
}
