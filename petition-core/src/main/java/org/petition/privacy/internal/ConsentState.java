package org.petition.privacy.internal;

import java.util.List;
import java.util.Optional;
import org.petition.privacy.ConsentPurpose;
import org.petition.privacy.ConsentRecord;

/** Reads the state of a consent from the records of one subject. */
public final class ConsentState {

  private ConsentState() {}

  /**
   * The grant in force for {@code petition} and {@code purpose}: the last record for them, oldest first,
   * if it is a grant.
   */
  public static Optional<ConsentRecord> inForce(
      List<ConsentRecord> recordsOfSubject, String petition, ConsentPurpose purpose) {
    for (int i = recordsOfSubject.size() - 1; i >= 0; i--) {
      ConsentRecord record = recordsOfSubject.get(i);
      if (record.purpose() == purpose && record.petition().equals(petition)) {
        return record.action() == ConsentRecord.Action.GRANTED ? Optional.of(record) : Optional.empty();
      }
    }
    return Optional.empty();
  }
}
