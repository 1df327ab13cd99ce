package org.petition.privacy.internal;

import org.petition.privacy.ConsentPurpose;
import org.petition.privacy.ConsentRecord;

/** What many ledger records share: which document of which petition was granted or withdrawn. */
record ConsentTerms(
    String petition,
    ConsentPurpose purpose,
    String documentId,
    String documentVersion,
    String documentSha256,
    ConsentRecord.Action action) {

  static ConsentTerms of(ConsentRecord record) {
    return new ConsentTerms(record.petition(), record.purpose(), record.documentId(), record.documentVersion(),
        record.documentSha256(), record.action());
  }
}
