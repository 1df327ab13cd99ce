package org.petition.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.petition.privacy.ConsentGrant;
import org.petition.privacy.ConsentRecord;
import org.petition.privacy.ConsentSubjects;

/**
 * The consent-ledger drafts a signature's consents become when it is confirmed (or inserted confirmed): one
 * {@link ConsentRecord.Action#GRANTED} draft per {@link ConsentGrant} of {@link NewSignature#consents()}, in
 * that order, all of the signer's subject ({@link org.petition.privacy.ConsentSubjects#of} of the email key), for the signature's
 * petition, stamped with the same instant and carrying the same {@link ConsentRecord.Evidence} (the form id,
 * truncated network, user-agent hash and locale of the signing). Every store appends exactly these, so the
 * ledger reads the same whichever store wrote it.
 */
public final class ConsentDrafts {

  private ConsentDrafts() {}

  /**
   * The grants of the signature's consents, stamped {@code at}, with the evidence of {@link
   * #evidence(NewSignature)}; empty when it gave none.
   */
  public static List<ConsentRecord.Draft> granted(NewSignature signature, Instant at) {
    Objects.requireNonNull(signature, "signature must not be null");
    if (signature.consents().isEmpty()) {
      return List.of();
    }
    return granted(signature, evidence(signature), at);
  }

  /**
   * The grants of the signature's consents, stamped {@code at}, all carrying {@code evidence}: for a store
   * that shares one evidence instance among records (it must equal {@link #evidence(NewSignature)}).
   */
  public static List<ConsentRecord.Draft> granted(NewSignature signature, ConsentRecord.Evidence evidence,
      Instant at) {
    Objects.requireNonNull(signature, "signature must not be null");
    Objects.requireNonNull(evidence, "evidence must not be null");
    Objects.requireNonNull(at, "at must not be null");
    if (signature.consents().isEmpty()) {
      return List.of();
    }
    String subject = ConsentSubjects.of(signature.emailKey());
    List<ConsentRecord.Draft> drafts = new ArrayList<>(signature.consents().size());
    for (ConsentGrant grant : signature.consents()) {
      drafts.add(new ConsentRecord.Draft(subject, signature.petition(), grant.purpose(), grant.documentId(),
          grant.version(), grant.sha256(), ConsentRecord.Action.GRANTED, at, evidence));
    }
    return drafts;
  }

  /** The evidence of a signing: its form id, truncated network, user-agent hash and locale. */
  public static ConsentRecord.Evidence evidence(NewSignature signature) {
    Objects.requireNonNull(signature, "signature must not be null");
    return new ConsentRecord.Evidence(
        signature.formId(), signature.network(), signature.userAgentHash(), signature.locale());
  }
}
