package org.petition.store;

import java.util.List;

/**
 * A role of a {@link SignatureStore}: "signers also signed". For every pair of petitions, how many distinct
 * signers (by keyed email hash) count on both, kept up to date in the same atomic step as the counts: a
 * signature that starts to count (confirmation, approval, restoration, or a verified signer inserted confirmed)
 * adds one to each pair it forms with its signer's other counted signatures (once per signer: a household's
 * second member sharing the address adds nothing); one that stops counting (revocation, removal, erasure, even
 * an erasure that keeps it in the tally) takes that one away again. Retention drops the signer's link without
 * touching the pairs, which are aggregates of no one.
 *
 * <p>Implementations must be thread-safe; reading a petition's list costs no scan of its signatures.
 */
public interface CoSigningStore {

  /**
   * The petitions sharing at least {@code minSigners} signers with {@code petition}, most shared first (ties by
   * slug), at most {@code limit}.
   */
  List<CoSigned> coSigned(String petition, long minSigners, int limit);

  /**
   * One other petition and how many distinct signers count on both.
   *
   * @param petition the other petition's slug
   * @param signers the distinct signers counting on both
   */
  record CoSigned(String petition, long signers) {}
}
