package org.petition.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.petition.store.RemoveOutcome;
import org.petition.store.SignatureState;
import org.petition.store.StoredSignature;

// Taking signatures out and back: the signer's revocation, a moderator's removal and restoration, erasure
// on request and retention's anonymisation. Each is one transaction over the row locked FOR UPDATE, and a
// signature that stops counting takes one counter shard down with it. The signature's photo (V12) goes in the
// same transaction as its personal data, so no crash can leave the photo of a removed signer; so does its
// invitation attribution (V11) when the signer revokes or erases it.
public final class Removals {

  private static final String DELETE_PHOTO = "DELETE FROM signature_photo WHERE signature_id = ?";
  private static final String DELETE_ATTRIBUTION = "DELETE FROM invitation_attribution WHERE signature_id = ?";

  // What erasure that keeps counting and retention clear: every key but (maybe) the email's, sealed data.
  private static final String ANONYMISE = "phone_key = NULL, name_key = NULL, network_key = NULL,"
      + " email_domain = NULL, network = NULL, sealed_personal_data = NULL, form_id = NULL, user_agent_hash = NULL";

  // Erases everything personal or identifying and frees the keys; keeps what the tally and the audit need
  // (state REVOKED, number, country, signing time, findings, consents given, locale).
  private static final String ERASE = "UPDATE signature SET state = 'REVOKED',"
      + " email_key = NULL, phone_key = NULL, name_key = NULL, network_key = NULL, display_name = NULL,"
      + " nickname = FALSE, comment = NULL, comment_hidden = TRUE, affiliation = NULL, city = NULL,"
      + " email_domain = NULL, network = NULL, sealed_personal_data = NULL, form_id = NULL,"
      + " user_agent_hash = NULL WHERE id = ?";

  private final Transactions transactions;
  private final Dialect dialect;
  private final SignatureReads reads;
  private final CountingSetup setup;
  private final Sequences sequences;
  private final Counters counters;
  private final CoSignings coSignings;

  public Removals(Transactions transactions, Dialect dialect, SignatureReads reads, CountingSetup setup,
      Sequences sequences, Counters counters, CoSignings coSignings) {
    this.coSignings = coSignings;
    this.transactions = transactions;
    this.dialect = dialect;
    this.reads = reads;
    this.setup = setup;
    this.sequences = sequences;
    this.counters = counters;
  }

  public RemoveOutcome revoke(long id, Instant now) {
    return setup.untilReady(() -> transactions.write("revoke signature", connection -> {
      // The row lock orders this against a concurrent confirm: whichever commits first, the other sees it.
      StoredSignature current = reads.byId(connection, id, true);
      if (current == null) {
        return Attempt.done(new RemoveOutcome.NotFound());
      }
      return revokeLocked(connection, current, now);
    }));
  }

  // The signer's own revocation or erasure: the row's personal data, its photo and its attribution go together
  // (also for a row already revoked: a photo left by a store of an earlier version goes now).
  private Attempt<RemoveOutcome> revokeLocked(Connection connection, StoredSignature current, Instant now)
      throws SQLException {
    Attempt<RemoveOutcome> outcome = takeOut(connection, current, ERASE, now);
    if (outcome instanceof Attempt.Done<RemoveOutcome>) {
      forgetPhotoAndAttribution(connection, current.id());
    }
    return outcome;
  }

  private static void forgetPhotoAndAttribution(Connection connection, long id) throws SQLException {
    Statements.update(connection, DELETE_PHOTO, id);
    Statements.update(connection, DELETE_ATTRIBUTION, id);
  }

  // Takes a live signature whose row the transaction has locked out with `update` (its id the one
  // parameter), and one off its count if it counted.
  private Attempt<RemoveOutcome> takeOut(Connection connection, StoredSignature current, String update, Instant now)
      throws SQLException {
    if (!SignatureReads.isLive(current)) {
      return Attempt.done(new RemoveOutcome.AlreadyGone());
    }
    boolean wasCounted = current.counted();
    String country = current.data().country();
    if (wasCounted && !setup.ready(current.petition(), country)) {
      return new Attempt.NeedsSetup<>(current.petition(), country);
    }
    Statements.update(connection, update, current.id());
    if (wasCounted) {
      counters.add(connection, current.petition(), country, -1);
      coSignings.uncounted(connection, CoSignings.Link.of(current));
      setup.logs().append(connection,
          List.of(LogAppends.Change.uncounted(current.petition(), current.id(), current.number(), now)));
    }
    return Attempt.done(new RemoveOutcome.Removed(wasCounted, country));
  }

  public RemoveOutcome remove(long id, Instant now) {
    return setup.untilReady(() -> transactions.write("remove signature", connection -> {
      StoredSignature current = reads.byId(connection, id, true);
      if (current == null) {
        return Attempt.done(new RemoveOutcome.NotFound());
      }
      // Keys and data stay: the same address cannot simply sign again, and restore can undo this. The photo
      // goes (a moderator removed the signature; restoring it brings no photo back).
      Attempt<RemoveOutcome> outcome =
          takeOut(connection, current, "UPDATE signature SET state = 'REMOVED' WHERE id = ?", now);
      if (outcome instanceof Attempt.Done<RemoveOutcome> done && done.outcome() instanceof RemoveOutcome.Removed) {
        Statements.update(connection, DELETE_PHOTO, id);
      }
      return outcome;
    }));
  }

  public boolean restore(long id, Instant now) {
    return setup.untilReady(() -> transactions.write("restore signature", connection -> {
      StoredSignature current = reads.byId(connection, id, true);
      if (current == null || current.state() != SignatureState.REMOVED) {
        return Attempt.done(Boolean.FALSE);
      }
      if (current.confirmedAt() == null) {
        Statements.update(connection, "UPDATE signature SET state = 'PENDING' WHERE id = ?", id);
        // Its queue entry may be gone (the purge drops those of signatures no longer pending): one again.
        Statements.update(connection, "DELETE FROM signature_purge_queue WHERE signed_at = ? AND signature_id = ?",
            current.data().signedAt(), id);
        SignatureTables.enqueueForPurge(dialect, connection, current.data().signedAt(), id);
        return Attempt.done(Boolean.TRUE);
      }
      boolean counts = !current.data().held();
      String country = current.data().country();
      if (counts && !setup.ready(current.petition(), country)) {
        return new Attempt.NeedsSetup<>(current.petition(), country);
      }
      // Back under its old number, whose entry in the latest list is still there; a new one only if it never
      // had one.
      boolean newNumber = counts && current.number() == 0;
      long number = newNumber ? Sequences.nextValue(connection, sequences.of(current.petition())) : current.number();
      Statements.update(connection, "UPDATE signature SET state = 'CONFIRMED', number = ? WHERE id = ?", number, id);
      if (newNumber) {
        SignatureTables.insertNumber(dialect, connection, current.petition(), number, current.data().kind(), id);
      }
      if (counts) {
        counters.add(connection, current.petition(), country, +1);
        coSignings.counted(connection, List.of(CoSignings.Link.of(current)));
        setup.logs().append(connection, List.of(LogAppends.Change.counted(current.petition(), id, number, now)));
      }
      return Attempt.done(Boolean.TRUE);
    }));
  }

  public RemoveOutcome erase(long id, boolean keepCounting, Instant now) {
    return setup.untilReady(() -> transactions.write("erase signature", connection -> {
      StoredSignature current = reads.byId(connection, id, true);
      if (current == null) {
        return Attempt.done(new RemoveOutcome.NotFound());
      }
      if (current.state() == SignatureState.REMOVED) {
        // A moderator's removal kept the data for review; erasure on request takes precedence.
        Statements.update(connection, ERASE, id);
        forgetPhotoAndAttribution(connection, id);
        return Attempt.done(new RemoveOutcome.Removed(false, current.data().country()));
      }
      if (!(keepCounting && current.counted())) {
        return revokeLocked(connection, current, now);
      }
      // Still counted: the email key stays so the same person cannot count twice; the rest goes.
      Statements.update(connection, "UPDATE signature SET " + ANONYMISE + " WHERE id = ?", id);
      forgetPhotoAndAttribution(connection, id); // a photo is personal data, even of an anonymous tally
      // Erased, the signer's link to other petitions goes, though the signature still counts.
      coSignings.uncounted(connection, CoSignings.Link.of(current));
      return Attempt.done(new RemoveOutcome.Removed(false, current.data().country()));
    }));
  }

  public int anonymise(String petition, int limit) {
    return transactions.write("anonymise signatures", connection -> {
      // name_key IS NOT NULL exactly while the sealed data is there (every erasure clears both). Ordered by
      // name_key, the (petition, name_key) index finds those rows without visiting the ones already done (its
      // NULLs come last), however the petition's rows lie in the table.
      List<Long> ids = new ArrayList<>();
      List<byte @org.jspecify.annotations.Nullable []> emailKeys = new ArrayList<>();
      try (PreparedStatement statement = connection.prepareStatement("SELECT id, email_key FROM signature WHERE petition = ?"
          + " AND name_key IS NOT NULL AND sealed_personal_data IS NOT NULL ORDER BY name_key LIMIT ? FOR UPDATE")) {
        statement.setString(1, petition);
        statement.setInt(2, limit);
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            ids.add(row.getLong(1));
            emailKeys.add(row.getBytes(2));
          }
        }
      }
      for (int i = 0; i < ids.size(); i++) {
        byte[] emailKey = emailKeys.get(i);
        if (emailKey != null) {
          coSignings.forget(connection, new CoSignings.Link(emailKey, petition, ids.get(i)));
        }
      }
      // Retention takes every photo of the petition in the same transaction.
      Statements.update(connection, "DELETE FROM signature_photo WHERE petition = ?", petition);
      int changed = 0;
      try (PreparedStatement statement = connection.prepareStatement("UPDATE signature SET email_key = NULL, "
          + ANONYMISE + " WHERE id = ? AND sealed_personal_data IS NOT NULL")) {
        for (long id : ids) {
          statement.setLong(1, id);
          changed += statement.executeUpdate();
        }
      }
      return changed;
    });
  }
}
