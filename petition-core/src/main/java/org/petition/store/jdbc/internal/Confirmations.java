package org.petition.store.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.petition.store.ConfirmOutcome;
import org.petition.store.ConsentDrafts;
import org.petition.store.SignatureState;
import org.petition.store.StoredSignature;

// Counting a signature in: its owner's confirmation (group-committed), or a moderator's approval of a held
// one. Each takes a number from the petition's sequence, moves one counter shard and lists the signature
// under its number; a confirmation also appends its consent grants to the ledger, in the same transaction.
public final class Confirmations {

  private final CoSignings coSignings;

  // Conditional: zero rows updated means another transaction confirmed, revoked or purged it first.
  static final String CONFIRM_PENDING = "UPDATE signature"
      + " SET state = 'CONFIRMED', number = ?, confirmed_at = ? WHERE id = ? AND state = 'PENDING'";

  public record Confirmation(long id, Instant at) {}

  private final Transactions transactions;
  private final Dialect dialect;
  private final FreshPlans freshPlans;
  private final SignatureReads reads;
  private final CountingSetup setup;
  private final Sequences sequences;
  private final Counters counters;
  private final ConsentAppends ledger;
  private final GroupCommit<Confirmation, ConfirmOutcome> confirmations;

  public Confirmations(Transactions transactions, Dialect dialect, FreshPlans freshPlans, SignatureReads reads,
      CountingSetup setup, Sequences sequences, Counters counters, ConsentAppends ledger, int batchSize,
      int concurrentBatches, CoSignings coSignings) {
    this.coSignings = coSignings;
    this.transactions = transactions;
    this.dialect = dialect;
    this.freshPlans = freshPlans;
    this.reads = reads;
    this.setup = setup;
    this.sequences = sequences;
    this.counters = counters;
    this.ledger = ledger;
    this.confirmations = new GroupCommit<>(batchSize, concurrentBatches, this::confirmAll, this::confirmOne);
  }

  public GroupCommit<Confirmation, ConfirmOutcome> groupCommit() {
    return confirmations;
  }

  public ConfirmOutcome confirm(long id, Instant now) {
    ledger.ensureHeads();
    return confirmations.submit(new Confirmation(id, now));
  }

  // Confirmations arriving together, in one transaction with one statement per step whatever their number:
  // the rows locked in id order, then the dialect's statements. What cannot be settled here (a petition or
  // country whose sequence or counters do not exist yet, the same signature twice) is answered null and
  // left to confirmAlone.
  public List<@Nullable ConfirmOutcome> confirmAll(List<Confirmation> batch) {
    return confirmAll(batch, "confirm signatures");
  }

  private List<@Nullable ConfirmOutcome> confirmAll(List<Confirmation> batch, String operation) {
    // The schema set by the lock's round trip (PostgreSQL): the transaction's first statement.
    return transactions.writeSettingSchema(operation, (connection, committing) -> {
      int n = batch.size();
      TreeSet<Long> ids = new TreeSet<>();
      for (Confirmation confirmation : batch) {
        ids.add(confirmation.id());
      }
      Map<Long, StoredSignature> rows = new HashMap<>();
      freshPlans.seen(ids.last());
      // On PostgreSQL the setting holds for the statements that follow in this transaction too.
      boolean fresh = freshPlans.now();
      // One lock order for every batch (by id), so two batches cannot deadlock on their rows.
      try (PreparedStatement statement = connection.prepareStatement(transactions.schemaPrefix() + FreshPlans.sql(
          "SELECT " + Rows.SIGNATURE_COLUMNS + " FROM signature WHERE id = ANY(?) ORDER BY id FOR UPDATE", fresh))) {
        statement.setArray(1, connection.createArrayOf("BIGINT", ids.toArray()));
        try (ResultSet row = Transactions.queryPastSettings(statement, transactions.schemaSettings() + (fresh ? 1 : 0))) {
          while (row.next()) {
            StoredSignature signature = Rows.signature(row);
            rows.put(signature.id(), signature);
          }
        }
      }
      List<@Nullable ConfirmOutcome> outcomes = new ArrayList<>(Collections.nCopies(n, null));
      List<Integer> confirming = new ArrayList<>(n);
      List<LockedConfirmation> locked = new ArrayList<>(n);
      Set<Long> seen = new HashSet<>();
      for (int i = 0; i < n; i++) {
        StoredSignature current = rows.get(batch.get(i).id());
        if (current == null || current.state() != SignatureState.PENDING) {
          outcomes.set(i, settled(current));
          continue;
        }
        boolean held = current.data().held();
        if (!seen.add(current.id()) || (!held && !setup.ready(current.petition(), current.data().country()))) {
          continue; // alone, after this batch: it then sees this batch's confirmation, or creates the counters
        }
        confirming.add(i);
        locked.add(new LockedConfirmation(current, batch.get(i).at()));
      }
      if (locked.isEmpty()) {
        return outcomes;
      }
      List<CoSignings.Link> counting = new ArrayList<>(locked.size());
      for (LockedConfirmation confirmation : locked) {
        if (!confirmation.signature().data().held()) {
          counting.add(CoSignings.Link.of(confirmation.signature()));
        }
      }
      coSignings.counted(connection, counting); // before the hot heads are locked
      List<ConfirmOutcome> confirmed =
          dialect.confirmLocked(connection, locked, sequences, counters, ledger, setup.logs(), committing);
      for (int k = 0; k < confirming.size(); k++) {
        outcomes.set(confirming.get(k), confirmed.get(k));
      }
      return outcomes;
    });
  }

  // A lone confirmation. Where the batch's statements take fewer round trips than confirmAlone's, they are
  // tried first; what they leave (a counter or sequence to create first) goes to confirmAlone.
  private ConfirmOutcome confirmOne(Confirmation confirmation) {
    if (dialect.loneWritesTryTheBatchFirst()) {
      ConfirmOutcome outcome = confirmAll(List.of(confirmation), "confirm signature").get(0);
      if (outcome != null) {
        return outcome;
      }
    }
    return confirmAlone(confirmation.id(), confirmation.at());
  }

  // One confirmation in its own transaction: a lone confirmation, or one a batch left.
  private ConfirmOutcome confirmAlone(long id, Instant now) {
    return setup.untilReady(() -> transactions.write("confirm signature", connection -> {
      // Locked, so what is decided from the row (held or not, its country) still holds at the update: an
      // approval committing in between would otherwise leave a confirmed, uncounted signature.
      StoredSignature current = reads.byId(connection, id, true);
      if (current == null || current.state() != SignatureState.PENDING) {
        return Attempt.done(settled(current));
      }
      boolean held = current.data().held();
      String country = current.data().country();
      if (!held && !setup.ready(current.petition(), country)) {
        return new Attempt.NeedsSetup<>(current.petition(), country);
      }
      long number = held ? 0 : Sequences.nextValue(connection, sequences.of(current.petition()));
      int updated;
      try (PreparedStatement statement = connection.prepareStatement(CONFIRM_PENDING)) {
        statement.setLong(1, number);
        Rows.setInstant(statement, 2, now);
        statement.setLong(3, id);
        updated = statement.executeUpdate();
      }
      if (updated == 0) {
        // Another transaction confirmed, revoked or purged it first; its number, if taken, is a gap.
        return Attempt.done(settled(reads.byId(connection, id, false)));
      }
      if (!held) {
        SignatureTables.insertNumber(dialect, connection, current.petition(), number, current.data().kind(), id);
        counters.add(connection, current.petition(), country, +1);
        coSignings.counted(connection, List.of(CoSignings.Link.of(current)));
      }
      // Last, so the chain's head is locked only for the end of the transaction; the log's head after it.
      ledger.appendAll(connection, ConsentDrafts.granted(current.data(), now));
      if (!held) {
        setup.logs().append(connection, List.of(LogAppends.Change.counted(current.petition(), id, number, now)));
      }
      return Attempt.done(held ? new ConfirmOutcome.Held()
          : new ConfirmOutcome.Counted(number, country, current.data().signedAt()));
    }));
  }

  // What confirming a signature that is no longer pending answers.
  private static ConfirmOutcome settled(@Nullable StoredSignature signature) {
    if (signature == null) {
      return new ConfirmOutcome.NotFound();
    }
    return switch (signature.state()) {
      case CONFIRMED -> new ConfirmOutcome.AlreadyConfirmed(signature.number());
      case REVOKED, REMOVED -> new ConfirmOutcome.Gone();
      case PENDING -> throw new IllegalStateException("a pending signature is not settled");
    };
  }

  // A moderator lets a held signature count: at once if it is confirmed, once its owner confirms it if not.
  public ConfirmOutcome approve(long id, Instant now) {
    return setup.untilReady(() -> transactions.write("approve signature", connection -> {
      StoredSignature current = reads.byId(connection, id, true);
      if (current == null) {
        return Attempt.done(new ConfirmOutcome.NotFound());
      }
      if (!SignatureReads.isLive(current)) {
        return Attempt.done(new ConfirmOutcome.Gone());
      }
      if (!current.data().held()) {
        return Attempt.done(new ConfirmOutcome.AlreadyConfirmed(current.number()));
      }
      if (current.state() == SignatureState.PENDING) {
        Statements.update(connection, "UPDATE signature SET held = FALSE WHERE id = ?", id);
        return Attempt.done(new ConfirmOutcome.Held()); // not counted yet: it counts once its owner confirms it
      }
      String country = current.data().country();
      if (!setup.ready(current.petition(), country)) {
        return new Attempt.NeedsSetup<>(current.petition(), country);
      }
      long number = Sequences.nextValue(connection, sequences.of(current.petition()));
      Statements.update(connection, "UPDATE signature SET held = FALSE, number = ? WHERE id = ?", number, id);
      SignatureTables.insertNumber(dialect, connection, current.petition(), number, current.data().kind(), id);
      counters.add(connection, current.petition(), country, +1);
      coSignings.counted(connection, List.of(CoSignings.Link.of(current)));
      setup.logs().append(connection, List.of(LogAppends.Change.counted(current.petition(), id, number, now)));
      return Attempt.done(new ConfirmOutcome.Counted(number, country, current.data().signedAt()));
    }));
  }
}
