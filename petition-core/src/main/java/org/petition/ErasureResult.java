package org.petition;

/** The answer to {@link DataSubjectRights#confirmErasure}. */
public sealed interface ErasureResult {

  /**
   * The personal data is erased.
   *
   * @param signatures how many signatures held data of this person
   * @param stillCounted how many of them still count as anonymous tallies (per each petition's policy)
   */
  record Erased(int signatures, int stillCounted) implements ErasureResult {}

  /** The link was used before: nothing personal is left to erase. */
  record AlreadyErased() implements ErasureResult {}

  /** The link is too old. */
  record Expired() implements ErasureResult {}

  /** The link is not one this library issued. */
  record Invalid() implements ErasureResult {}
}
