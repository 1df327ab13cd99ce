package org.petition.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.petition.log.Frontier;
import org.petition.log.LogEntry;

/**
 * A role of a {@link SignatureStore}: each petition's transparency log (see {@code docs/TRANSPARENCY-LOG.md}).
 * A store that keeps the log appends one {@link LogEntry} for every change to a petition's count, in the same
 * atomic step as the change: {@code COUNTED} when a signature starts to count (confirmation, approval, a
 * verified signed-in signing, a restored removal), {@code UNCOUNTED} when it stops (revocation, removal,
 * erasure that does not keep counting). So at every size of the log, its {@code COUNTED} entries minus its
 * {@code UNCOUNTED} entries are the petition's count at that point. Entries are never changed or deleted,
 * not by erasure nor retention: they hold no personal data, only a keyed {@linkplain
 * org.petition.log.SignerCommitments commitment} to the signature, under a key the store keeps.
 *
 * <p>The store keeps the tree's {@link Frontier} beside the entries, so a checkpoint needs no scan, and
 * every complete subtree's hash, so a proof needs O(log n) reads. It also keeps the signed checkpoints it is
 * given. A store built without the log ({@link #logEnabled()} false) appends nothing and answers an empty
 * log. Implementations must be thread-safe.
 */
public interface LogStore {

  /** Whether this store appends the log. */
  boolean logEnabled();

  /** The petition's log as it is now: its size and subtree roots (the empty frontier for an unknown petition). */
  Frontier logFrontier(String petition);

  /**
   * The bytes of the petition's entries {@code start} (inclusive) to {@code end} (exclusive), in order; fewer
   * when the log is shorter.
   */
  List<byte[]> logEntries(String petition, long start, long end);

  /**
   * The hash of the complete subtree at {@code level} and {@code index} of the petition's tree (see {@link
   * org.petition.log.NodeSource}).
   *
   * @throws java.util.NoSuchElementException if the log does not hold that subtree complete
   */
  byte[] logNode(String petition, int level, long index);

  /** The latest {@code COUNTED} entry of the signature counted as {@code number}: a signer's receipt. */
  Optional<LogEntry> countedEntry(String petition, long number);

  /** Keeps a signed checkpoint of the petition's log at {@code size} (kept once per size; old ones stay). */
  void saveCheckpoint(String petition, long size, String signedNote, Instant at);

  /** The signed checkpoint of the largest size kept for the petition. */
  Optional<String> latestCheckpoint(String petition);
}
