package org.petition.privacy;

import java.util.Objects;

/** What asking to withdraw a consent did. */
public sealed interface WithdrawResult permits WithdrawResult.Withdrawn, WithdrawResult.NotGranted {

  /**
   * The consent was in force and is now withdrawn.
   *
   * @param record the withdrawal appended to the ledger
   */
  record Withdrawn(ConsentRecord record) implements WithdrawResult {
    public Withdrawn {
      Objects.requireNonNull(record, "record must not be null");
    }
  }

  /** The subject never granted this consent, or already withdrew it: nothing was appended. */
  record NotGranted() implements WithdrawResult {}
}
