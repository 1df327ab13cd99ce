package org.petition.store;

import java.util.List;

/**
 * An optional role of a {@link SignatureStore}: it remembers the fingerprints of the keys its data was written
 * with, so that {@link KeyFingerprints#check} can refuse to start with another identity secret, or without a data
 * key that sealed stored rows. Both built-in stores have it; a store without it is not checked.
 *
 * <p>Implementations must be thread-safe; instances sharing a database share the fingerprints.
 */
public interface KeyFingerprintStore {

  /** Every fingerprint recorded, in no particular order. */
  List<KeyFingerprint> keyFingerprints();

  /**
   * Records the fingerprints of key slots (kind and id) not recorded yet, and marks a recorded data key {@link
   * KeyFingerprint#sealed() sealed} when one given is; never changes a recorded fingerprint and never removes one.
   * Recording the same slot at once from two instances keeps one of them.
   */
  void recordKeyFingerprints(List<KeyFingerprint> fingerprints);
}
