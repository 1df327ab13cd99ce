package org.petition.store;

import java.time.Instant;
import java.util.List;

/**
 * A role of a {@link SignatureStore}: what the rights of signers need: every signature of one subject, erasure,
 * and anonymisation after retention.
 *
 * <p>Implementations must be thread-safe.
 */
public interface SubjectRightsStore {

  /** Every signature (any state) whose email key is {@code emailKey}, on any petition. */
  List<StoredSignature> bySubject(byte[] emailKey);

  /**
   * Erases a signature's personal data at its owner's request. When {@code keepCounting} and it counts, it
   * stays in the tally and the public list under its display name; otherwise it is revoked. A signature a
   * moderator removed is erased too (answered {@link RemoveOutcome.Removed} with {@code wasCounted} false).
   */
  RemoveOutcome erase(long id, boolean keepCounting, Instant now);

  /**
   * Retention: replaces the personal data of up to {@code limit} signatures of a petition that still hold
   * any (sealed data, keys, network, user-agent hash); counts, numbers, display names, public comments and
   * the consent ledger stay. Answers how many were changed; 0 when none is left.
   */
  int anonymise(String petition, int limit);
}
