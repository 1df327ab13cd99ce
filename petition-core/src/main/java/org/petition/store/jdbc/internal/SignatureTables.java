package org.petition.store.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.petition.SignerKind;
import org.petition.store.NewSignature;
import org.petition.store.SignatureState;
import org.petition.store.jdbc.internal.BulkInsert.Type;

// The rows a signing or a count writes, declared once for bulk inserts: signature, its entry in
// signature_purge_queue while pending, and its entry in signature_number once counted.
final class SignatureTables {

  // A signing to insert, with the id drawn for it, and its number if it counts at once (else 0).
  record SignatureRow(long id, NewSignature signature, boolean confirmed, long number) {}

  record PurgeQueueRow(Instant signedAt, long id) {}

  record NumberRow(String petition, long number, SignerKind kind, long id) {}

  static final BulkInsert<SignatureRow> SIGNATURES = signatureColumns(
      BulkInsert.<SignatureRow>into("signature").column("id", Type.BIGINT, SignatureRow::id),
      SignatureRow::signature, SignatureRow::confirmed, SignatureRow::number).build();

  // Pending signings without ids, for a statement that draws them itself (PostgreSQL).
  static final BulkInsert<NewSignature> PENDING_SIGNATURES = signatureColumns(
      BulkInsert.<NewSignature>into("signature"), signature -> signature, signature -> false, signature -> 0L)
      .build();

  static final BulkInsert<PurgeQueueRow> PURGE_QUEUE =
      BulkInsert.<PurgeQueueRow>into("signature_purge_queue")
          .column("signed_at", Type.TIMESTAMPTZ, PurgeQueueRow::signedAt)
          .column("signature_id", Type.BIGINT, PurgeQueueRow::id)
          .build();

  static final BulkInsert<NumberRow> NUMBERS = BulkInsert.<NumberRow>into("signature_number")
      .column("petition", Type.TEXT, NumberRow::petition)
      .column("number", Type.BIGINT, NumberRow::number)
      .column("kind", Type.TEXT, row -> row.kind().name())
      .column("signature_id", Type.BIGINT, NumberRow::id)
      .build();

  private SignatureTables() {}

  static void insertNumber(Dialect dialect, Connection connection, String petition, long number,
      SignerKind kind, long id) throws SQLException {
    dialect.insert(connection, NUMBERS, List.of(new NumberRow(petition, number, kind, id)));
  }

  static void enqueueForPurge(Dialect dialect, Connection connection, Instant signedAt, long id)
      throws SQLException {
    dialect.insert(connection, PURGE_QUEUE, List.of(new PurgeQueueRow(signedAt, id)));
  }

  // Every column of a signature row but its id, read through the given functions from rows of type R.
  private static <R> BulkInsert.Builder<R> signatureColumns(BulkInsert.Builder<R> builder,
      Function<R, NewSignature> signature, Function<R, Boolean> confirmed, Function<R, Long> number) {
    return builder
        .column("petition", Type.TEXT, row -> signature.apply(row).petition())
        .column("state", Type.TEXT,
            row -> (confirmed.apply(row) ? SignatureState.CONFIRMED : SignatureState.PENDING).name())
        .column("number", Type.BIGINT, number::apply)
        .column("confirmed_at", Type.TIMESTAMPTZ, row -> confirmed.apply(row) ? signature.apply(row).signedAt() : null)
        .column("kind", Type.TEXT, row -> signature.apply(row).kind().name())
        .column("email_key", Type.BYTEA, row -> signature.apply(row).emailKey())
        .column("household_slot", Type.INTEGER, row -> signature.apply(row).householdSlot())
        .column("phone_key", Type.BYTEA, row -> signature.apply(row).phoneKey())
        .column("name_key", Type.BYTEA, row -> signature.apply(row).nameKey())
        .column("network_key", Type.BYTEA, row -> signature.apply(row).networkKey())
        .column("display_name", Type.TEXT, row -> signature.apply(row).displayName())
        .column("nickname", Type.BOOLEAN, row -> signature.apply(row).nickname())
        .column("comment", Type.TEXT, row -> signature.apply(row).comment())
        .column("comment_hidden", Type.BOOLEAN, row -> signature.apply(row).commentHidden())
        .column("affiliation", Type.TEXT, row -> signature.apply(row).affiliation())
        .column("city", Type.TEXT, row -> signature.apply(row).city())
        .column("country", Type.TEXT, row -> signature.apply(row).country())
        .column("email_domain", Type.TEXT, row -> signature.apply(row).emailDomain())
        .column("network", Type.TEXT, row -> signature.apply(row).network())
        .column("sealed_personal_data", Type.BYTEA, row -> signature.apply(row).sealedPersonalData())
        .column("signed_at", Type.TIMESTAMPTZ, row -> signature.apply(row).signedAt())
        .column("held", Type.BOOLEAN, row -> signature.apply(row).held())
        .column("findings", Type.TEXT, row -> Codecs.findings(signature.apply(row).findings()))
        .column("consents", Type.TEXT, row -> Codecs.consentGrants(signature.apply(row).consents()))
        .column("form_id", Type.TEXT, row -> signature.apply(row).formId())
        .column("user_agent_hash", Type.TEXT, row -> signature.apply(row).userAgentHash())
        .column("locale", Type.TEXT, row -> signature.apply(row).locale());
  }
}
