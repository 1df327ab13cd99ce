package org.petition.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import org.petition.privacy.ConsentChain;
import org.petition.privacy.ConsentPurpose;
import org.petition.privacy.ConsentRecord;
import org.petition.privacy.VerificationReport;

// Reads consent records back: a subject's, or a chain's in sequence order a batch at a time for
// verification, where a stored value no record can have is a broken chain rather than a failed read.
public final class ConsentRecordReads {

  private static final int VERIFY_BATCH = 1000;
  private static final String COLUMNS = "chain, sequence, subject, petition, purpose, document_id, document_version,"
      + " document_sha256, action, at, at_nanos, form_id, truncated_ip, user_agent_sha256, locale, previous_hash,"
      + " hash";

  private ConsentRecordReads() {}

  public static List<ConsentRecord> recordsOf(Connection connection, String subject) throws SQLException {
    List<ConsentRecord> records = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT " + COLUMNS + " FROM consent_record WHERE subject = ? ORDER BY sequence")) {
      statement.setString(1, subject);
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          records.add(readable(row));
        }
      }
    }
    return records;
  }

  // One chain against its head row, both read on the caller's connection (one snapshot).
  public static VerificationReport verify(Connection connection, ConsentChain chains, int chain)
      throws SQLException {
    String head = null;
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT hash FROM consent_chain_head WHERE chain = ?")) {
      statement.setInt(1, chain);
      try (ResultSet row = statement.executeQuery()) {
        if (row.next()) {
          head = row.getString(1);
        }
      }
    }
    // A missing head row means an empty chain: any record found is then a tail the head does not know.
    ChainCursor records = new ChainCursor(connection, chain);
    try {
      return chains.verify(chain, records, head == null ? ConsentChain.GENESIS_HASH : head);
    } catch (Unreadable e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      return new VerificationReport.Broken(chain, records.position, VerificationReport.Problem.HASH_MISMATCH,
          "record holds a value no record can have (" + e.getMessage() + ")");
    }
  }

  // The records of one chain in stored sequence order, read a batch at a time. A row that cannot be read as
  // a record ends the iteration with Unreadable once every record before it was handed out, so position is
  // then its position.
  private static final class ChainCursor implements Iterable<ConsentRecord>, Iterator<ConsentRecord> {
    private final Connection connection;
    private final int chain;
    private final List<ConsentRecord> batch = new ArrayList<>(VERIFY_BATCH);
    private int next;
    private long afterSequence = Long.MIN_VALUE;
    private boolean exhausted;
    private @Nullable String unreadable;
    long position; // how many records were handed out

    ChainCursor(Connection connection, int chain) {
      this.connection = connection;
      this.chain = chain;
    }

    @Override
    public Iterator<ConsentRecord> iterator() {
      return this;
    }

    @Override
    public boolean hasNext() {
      if (next < batch.size()) {
        return true;
      }
      if (unreadable != null) {
        throw new Unreadable(unreadable);
      }
      if (exhausted) {
        return false;
      }
      batch.clear();
      next = 0;
      int rows = 0;
      try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
          + " FROM consent_record WHERE chain = ? AND sequence > ? ORDER BY sequence LIMIT " + VERIFY_BATCH)) {
        statement.setInt(1, chain);
        statement.setLong(2, afterSequence);
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            rows++;
            afterSequence = row.getLong("sequence");
            try {
              batch.add(record(row));
            } catch (IllegalArgumentException | NullPointerException | java.time.DateTimeException e) {
              unreadable = e.getClass().getSimpleName();
              break;
            }
          }
        }
      } catch (SQLException e) {
        throw new Unreadable(e);
      }
      exhausted = unreadable != null || rows < VERIFY_BATCH;
      return hasNext();
    }

    @Override
    public ConsentRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      position++;
      return batch.get(next++);
    }
  }

  // A stored record that cannot be turned into a ConsentRecord, or a failed read.
  private static final class Unreadable extends RuntimeException {
    Unreadable(String message) {
      super(message, null, false, false);
    }

    Unreadable(SQLException cause) {
      super(cause);
    }
  }

  // A record read for a caller: a value no record can have is a failed read.
  private static ConsentRecord readable(ResultSet row) throws SQLException {
    try {
      return record(row);
    } catch (IllegalArgumentException | NullPointerException | java.time.DateTimeException e) {
      throw new SQLException("a consent record holds a value no record can have", "22000", e);
    }
  }

  private static ConsentRecord record(ResultSet row) throws SQLException {
    OffsetDateTime at = row.getObject("at", OffsetDateTime.class);
    Instant instant = Instant.ofEpochSecond(at.toEpochSecond(), row.getInt("at_nanos"));
    return new ConsentRecord(
        row.getInt("chain"),
        row.getLong("sequence"),
        row.getString("subject"),
        row.getString("petition"),
        ConsentPurpose.valueOf(row.getString("purpose")),
        row.getString("document_id"),
        row.getString("document_version"),
        row.getString("document_sha256"),
        ConsentRecord.Action.valueOf(row.getString("action")),
        instant,
        new ConsentRecord.Evidence(row.getString("form_id"), row.getString("truncated_ip"),
            row.getString("user_agent_sha256"), row.getString("locale")),
        row.getString("previous_hash"),
        row.getString("hash"));
  }
}
