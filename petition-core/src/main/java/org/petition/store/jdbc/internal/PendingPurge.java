package org.petition.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.petition.store.SignatureState;
import org.petition.store.StoredSignature;

// Deletes signings never confirmed, oldest first, through signature_purge_queue: the queue is read rather
// than the signature table so no index on state or signing time is needed, and entries of signatures that
// stopped being pending are dropped on the way. SKIP LOCKED throughout: whatever another transaction is
// writing is left for the next purge.
public final class PendingPurge {

  private final Transactions transactions;

  public PendingPurge(Transactions transactions) {
    this.transactions = transactions;
  }

  public List<StoredSignature> purge(Instant cutoff, int limit) {
    return transactions.write("purge pending signatures", connection -> {
      List<StoredSignature> purged = new ArrayList<>();
      // The queue's head may be entries of signatures confirmed or revoked since: they are dropped on the way,
      // so each pass moves the head on, and passes go on until enough are purged or the head is past cutoff.
      while (purged.size() < limit) {
        List<Instant> queuedAt = new ArrayList<>();
        List<Long> queuedIds = new ArrayList<>();
        // SKIP LOCKED: entries another purge holds are its own.
        try (PreparedStatement statement = connection.prepareStatement("SELECT signed_at, signature_id"
            + " FROM signature_purge_queue WHERE signed_at < ? ORDER BY signed_at, signature_id LIMIT ?"
            + " FOR UPDATE SKIP LOCKED")) {
          Rows.setInstant(statement, 1, cutoff);
          statement.setInt(2, limit - purged.size());
          try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
              queuedAt.add(Rows.instant(row, "signed_at"));
              queuedIds.add(row.getLong(2));
            }
          }
        }
        if (queuedIds.isEmpty()) {
          break;
        }
        // SKIP LOCKED: a signature being confirmed right now is not waited for, and keeps its entry for the
        // next purge (it is no longer pending once that transaction commits).
        Map<Long, StoredSignature> pending = new HashMap<>();
        Set<Long> busy = new HashSet<>(queuedIds);
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + Rows.SIGNATURE_COLUMNS
            + " FROM signature WHERE id = ANY(?) ORDER BY id FOR UPDATE SKIP LOCKED")) {
          statement.setArray(1, connection.createArrayOf("BIGINT", queuedIds.toArray()));
          try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
              StoredSignature signature = Rows.signature(row);
              busy.remove(signature.id());
              if (signature.state() == SignatureState.PENDING) {
                pending.put(signature.id(), signature);
              }
            }
          }
        }
        // A signature neither locked here nor found is gone (deleted): its entry goes too.
        Set<Long> absent = absentSignatures(connection, busy);
        busy.removeAll(absent);
        try (PreparedStatement deleteSignature =
                connection.prepareStatement("DELETE FROM signature WHERE id = ? AND state = 'PENDING'");
            PreparedStatement dequeue = connection.prepareStatement(
                "DELETE FROM signature_purge_queue WHERE signed_at = ? AND signature_id = ?")) {
          for (int i = 0; i < queuedIds.size(); i++) {
            long id = queuedIds.get(i);
            if (busy.contains(id)) {
              continue;
            }
            StoredSignature signature = pending.get(id);
            if (signature != null) {
              deleteSignature.setLong(1, id);
              deleteSignature.addBatch();
              purged.add(signature); // locked and pending: its delete succeeds
            }
            Rows.setInstant(dequeue, 1, queuedAt.get(i));
            dequeue.setLong(2, id);
            dequeue.addBatch();
          }
          if (!pending.isEmpty()) {
            deleteSignature.executeBatch();
          }
          dequeue.executeBatch();
        }
        if (!busy.isEmpty()) {
          break; // entries whose signature others are writing: this transaction holds them, the next purge takes them
        }
      }
      purged.sort(Comparator.comparing((StoredSignature signature) -> signature.data().signedAt())
          .thenComparingLong(StoredSignature::id));
      return purged;
    });
  }

  // Which of these ids have no row (the purge could not lock them because they are not there).
  private static Set<Long> absentSignatures(Connection connection, Set<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return Set.of();
    }
    Set<Long> absent = new HashSet<>(ids);
    try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM signature WHERE id = ANY(?)")) {
      statement.setArray(1, connection.createArrayOf("BIGINT", ids.toArray()));
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          absent.remove(row.getLong(1));
        }
      }
    }
    return absent;
  }
}
