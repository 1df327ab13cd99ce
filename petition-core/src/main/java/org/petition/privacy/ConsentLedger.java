package org.petition.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.petition.internal.ConsentJson;
import org.petition.privacy.internal.ConsentFields;
import org.petition.privacy.internal.ConsentState;
import org.petition.privacy.internal.InMemoryConsentLedger;

/**
 * A service-provider interface: the append-only, hash-chained record of every consent given and
 * withdrawn, sharded into chains by subject (see {@link ConsentChain}). Records are never changed or
 * removed; a withdrawal is a new record.
 *
 * <p>Implementations must be thread-safe, must append to one chain at a time (so each chain stays dense
 * and linked), and must make {@link #withdraw} atomic with respect to other appends of the same chain.
 * They should keep the head hash of each chain apart from the records, so that {@link #verify()} also
 * reveals a truncated tail.
 */
public interface ConsentLedger {

  /**
   * Appends a grant, linked after the last record of its subject's chain.
   *
   * @return the record as stored
   * @throws IllegalArgumentException if the draft is a withdrawal: use {@link #withdraw}, which checks that
   *     the consent is in force
   */
  ConsentRecord append(ConsentRecord.Draft draft);

  /**
   * Appends a grant of each of {@code consents}, in that order, by the signer whose keyed email hash is
   * {@code emailKey} (the subject {@link ConsentSubjects#of} it), for {@code petition}, stamped {@code at},
   * with {@code evidence}: what a store appends when a signature is confirmed. The records are those
   * {@link #append} of each {@link ConsentRecord.Draft} would store; every draft is checked before anything
   * is appended. The default builds the drafts and appends them one by one; an implementation may do the
   * same work without building them.
   *
   * @throws IllegalArgumentException if a draft would be refused (nothing is appended)
   */
  default void appendGrants(byte[] emailKey, String petition, List<ConsentGrant> consents, Instant at,
      ConsentRecord.Evidence evidence) {
    if (!ConsentFields.checkGrantArguments(emailKey, petition, consents, at, evidence)) {
      return;
    }
    String subject = ConsentSubjects.of(emailKey);
    List<ConsentRecord.Draft> drafts = new ArrayList<>(consents.size());
    for (ConsentGrant grant : consents) {
      drafts.add(new ConsentRecord.Draft(subject, petition, grant.purpose(), grant.documentId(), grant.version(),
          grant.sha256(), ConsentRecord.Action.GRANTED, at, evidence));
    }
    for (ConsentRecord.Draft draft : drafts) {
      append(draft);
    }
  }

  /**
   * Withdraws the consent {@code subject} gave for {@code purpose} on {@code petition}, if it is in force:
   * the last record for that petition and purpose is a grant. The withdrawal names the same document as
   * that grant.
   *
   * @return {@link WithdrawResult.Withdrawn} with the appended record, or {@link WithdrawResult.NotGranted}
   *     if the consent was never granted or is already withdrawn (nothing is appended)
   */
  WithdrawResult withdraw(
      String subject, String petition, ConsentPurpose purpose, Instant at, ConsentRecord.Evidence evidence);

  /** Every record of one subject, oldest first; empty if there is none. */
  List<ConsentRecord> recordsOf(String subject);

  /** Verifies every chain; reports the first broken record of the lowest chain, if any. */
  VerificationReport verify();

  /** Whether {@code subject}'s consent for {@code purpose} on {@code petition} is in force. */
  default boolean isGranted(String subject, String petition, ConsentPurpose purpose) {
    return ConsentState.inForce(recordsOf(subject), petition, purpose).isPresent();
  }

  /**
   * Every record of one subject as JSON, for a data-subject access request: {@code {"format":
   * "petition.consent-export.v1", "subject": ..., "records": [...]}}, each record with every field needed
   * to recompute its hash. {@code docs/PRIVACY-FORMATS.md} lists the fields.
   */
  default String exportJson(String subject) {
    Objects.requireNonNull(subject, "subject must not be null");
    return ConsentJson.export(subject, recordsOf(subject));
  }

  /**
   * For implementations: the withdrawal to append, given every record of the subject oldest first, or
   * empty if the consent is not in force. Call it under the chain's lock and append its result.
   */
  static Optional<ConsentRecord.Draft> withdrawalOf(
      List<ConsentRecord> recordsOfSubject, String petition, ConsentPurpose purpose, Instant at,
      ConsentRecord.Evidence evidence) {
    Objects.requireNonNull(recordsOfSubject, "recordsOfSubject must not be null");
    Objects.requireNonNull(petition, "petition must not be null");
    Objects.requireNonNull(purpose, "purpose must not be null");
    Objects.requireNonNull(at, "at must not be null");
    Objects.requireNonNull(evidence, "evidence must not be null");
    return ConsentState.inForce(recordsOfSubject, petition, purpose)
        .map(
            grant ->
                new ConsentRecord.Draft(
                    grant.subject(), petition, purpose, grant.documentId(), grant.documentVersion(),
                    grant.documentSha256(), ConsentRecord.Action.WITHDRAWN, at, evidence));
  }

  /** A thread-safe ledger in memory, {@value ConsentChain#DEFAULT_CHAIN_COUNT} chains, one lock per chain. */
  static ConsentLedger inMemory() {
    return new InMemoryConsentLedger(ConsentChain.ofDefaults());
  }

  /** A thread-safe ledger in memory with the given chains. */
  static ConsentLedger inMemory(ConsentChain chains) {
    return new InMemoryConsentLedger(chains);
  }
}
