package org.petition.store.memory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.petition.log.Frontier;
import org.petition.log.InMemoryNodes;
import org.petition.log.LogEntry;
import org.petition.log.MerkleTree;
import org.petition.log.SignerCommitments;

/**
 * One petition's transparency log in the in-memory store: the entries' bytes, every complete subtree's hash,
 * the receipt index (a number's latest {@code COUNTED} entry) and the signed checkpoints. The store appends
 * while holding this log's lock together with the change to the count, so the two never disagree.
 */
public final class PetitionLog {

  private final String petition;
  private final SignerCommitments commitments;
  private final List<byte[]> entries = new ArrayList<>();
  private final InMemoryNodes nodes = new InMemoryNodes();
  // By signer number (dense from 1): the position + 1 of its latest COUNTED entry, 0 for none. An int a
  // number, where a map of boxed keys and values spent about 80 bytes and a cache miss or two per append.
  private int[] countedByNumber = new int[1024];
  private final TreeMap<Long, String> checkpoints = new TreeMap<>();

  public PetitionLog(String petition, SignerCommitments commitments) {
    this.petition = petition;
    this.commitments = commitments;
  }

  /** Appends the entry of one change to the count; the store calls it holding this log's lock with
   * the count's change. */
  public synchronized void append(LogEntry.Type type, long signatureId, long number, Instant at) {
    LogEntry entry = new LogEntry(petition, entries.size(), type, number, at, commitments.commit(petition, signatureId));
    byte[] bytes = entry.bytes();
    nodes.append(MerkleTree.leafHash(bytes));
    if (type == LogEntry.Type.COUNTED) {
      if (number >= countedByNumber.length) {
        countedByNumber = Arrays.copyOf(countedByNumber, (int) Math.min(Integer.MAX_VALUE - 8,
            Math.max(number + 1, 2L * countedByNumber.length)));
      }
      countedByNumber[(int) number] = entries.size() + 1;
    }
    entries.add(bytes);
  }

  public synchronized Frontier frontier() {
    return nodes.frontier();
  }

  public synchronized List<byte[]> entries(long start, long end) {
    List<byte[]> page = new ArrayList<>();
    for (long i = Math.max(0, start); i < Math.min(end, entries.size()); i++) {
      page.add(entries.get((int) i).clone());
    }
    return page;
  }

  public synchronized byte[] node(int level, long index) {
    return nodes.node(level, index);
  }

  public synchronized Optional<LogEntry> counted(long number) {
    int position = number > 0 && number < countedByNumber.length ? countedByNumber[(int) number] : 0;
    return position == 0 ? Optional.empty() : Optional.of(LogEntry.parse(entries.get(position - 1)));
  }

  public synchronized void saveCheckpoint(long size, String signedNote) {
    checkpoints.putIfAbsent(size, signedNote);
  }

  public synchronized Optional<String> latestCheckpoint() {
    Map.Entry<Long, String> last = checkpoints.lastEntry();
    return last == null ? Optional.empty() : Optional.of(last.getValue());
  }
}
