package org.petition.store.jdbc.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.petition.log.Frontier;
import org.petition.log.LogEntry;
import org.petition.log.MerkleTree;

// The transparency log's reads, and the checkpoints kept beside it: each one indexed statement.
public final class LogReads {

  private final Transactions transactions;

  public LogReads(Transactions transactions) {
    this.transactions = transactions;
  }

  public Frontier frontier(String petition) {
    List<byte[]> heads = transactions.read("read a log's head", connection -> Statements.query(connection,
        row -> row.getBytes(1), "SELECT frontier FROM log_head WHERE petition = ?", petition));
    return heads.isEmpty() ? Frontier.empty() : Frontier.fromBytes(heads.get(0));
  }

  public List<byte[]> entries(String petition, long start, long end) {
    if (end <= start) {
      return List.of();
    }
    return transactions.read("read log entries", connection -> Statements.query(connection,
        row -> row.getBytes(1), "SELECT entry FROM log_entry WHERE petition = ? AND seq >= ? AND seq < ? ORDER BY seq",
        petition, start, end));
  }

  // Only the tiles' nodes are rows (LogTiles): a node at another level is the root of the 2^(level - base)
  // consecutive hashes at its tile level, read in one indexed range (the entries, hashed, below level 8).
  // Databases from before V17 held every level; V17 removed the rest, and both give the same hashes.
  public byte[] node(String petition, int level, long index) {
    if (level < 0 || level >= Long.SIZE - 1 || index < 0 || index > (Long.MAX_VALUE >>> level)) {
      throw new NoSuchElementException("no complete subtree at level " + level + ", index " + index);
    }
    int base = LogTiles.base(level);
    long width = 1L << (level - base);
    long first = index << (level - base);
    long end = first + width;
    List<byte[]> hashes = new ArrayList<>((int) width);
    if (base == 0) {
      for (byte[] entry : entries(petition, first, end)) {
        hashes.add(MerkleTree.leafHash(entry));
      }
    } else {
      hashes.addAll(transactions.read("read log nodes", connection -> Statements.query(connection,
          row -> row.getBytes(1), "SELECT hash FROM log_node WHERE petition = ? AND level = ? AND idx >= ?"
              + " AND idx < ? ORDER BY idx", petition, base, first, end)));
    }
    if (hashes.size() != width) {
      throw new NoSuchElementException("the log of " + petition + " has no complete subtree at level " + level
          + ", index " + index);
    }
    for (long w = width; w > 1; w /= 2) {
      for (int i = 0; i < w / 2; i++) {
        hashes.set(i, MerkleTree.nodeHash(hashes.get(2 * i), hashes.get(2 * i + 1)));
      }
    }
    return hashes.get(0);
  }

  public Optional<LogEntry> counted(String petition, long number) {
    List<byte[]> entries = transactions.read("read a receipt", connection -> Statements.query(connection,
        row -> row.getBytes(1), "SELECT entry FROM log_entry WHERE petition = ? AND number = ? AND counted = TRUE"
            + " ORDER BY seq DESC", petition, number));
    return entries.isEmpty() ? Optional.empty() : Optional.of(LogEntry.parse(entries.get(0)));
  }

  public void saveCheckpoint(String petition, long size, String note, Instant at) {
    transactions.run("keep a checkpoint", connection -> {
      if (Statements.query(connection, row -> row.getLong(1),
          "SELECT size FROM log_checkpoint WHERE petition = ? AND size = ?", petition, size).isEmpty()) {
        try {
          Statements.update(connection, "INSERT INTO log_checkpoint (petition, size, note, made_at) VALUES (?, ?, ?, ?)",
              petition, size, note, at);
        } catch (SQLException e) {
          if (!Transactions.isUniqueViolation(e)) {
            throw e;
          }
        }
      }
    });
  }

  public Optional<String> latestCheckpoint(String petition) {
    List<String> notes = transactions.read("read the latest checkpoint", connection -> Statements.query(connection,
        row -> row.getString(1), "SELECT note FROM log_checkpoint WHERE petition = ? ORDER BY size DESC LIMIT 1",
        petition));
    return notes.isEmpty() ? Optional.empty() : Optional.of(notes.get(0));
  }
}
