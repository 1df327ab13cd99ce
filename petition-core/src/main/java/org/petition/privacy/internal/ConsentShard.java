package org.petition.privacy.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.petition.privacy.ConsentChain;
import org.petition.privacy.ConsentRecord;

/**
 * One chain of the in-memory ledger: its records compactly ({@link StoredConsent}), an open-addressing
 * index from subject to the position of its latest record (each record links to its subject's previous
 * one), and the head hash kept apart. Every method but {@link #lock} expects the caller to hold it.
 */
final class ConsentShard {

  final ReentrantLock lock = new ReentrantLock();
  private final int chain;
  private final ArrayList<StoredConsent> records = new ArrayList<>();
  private final Map<ConsentTerms, ConsentTerms> terms = new HashMap<>();
  // Position + 1 of each subject's latest record; 0 is empty.
  private int[] latest = new int[16];
  private int subjects;
  private String head = ConsentChain.GENESIS_HASH;
  // The last record as linked, so appending does not rebuild it; null after tampering.
  private @Nullable ConsentRecord last;

  ConsentShard(int chain) {
    this.chain = chain;
  }

  String head() {
    return head;
  }

  int size() {
    return records.size();
  }

  /** Links and stores a draft. */
  ConsentRecord add(ConsentChain chains, ConsentRecord.Draft draft) {
    ConsentRecord previous = last != null || records.isEmpty() ? last : record(records.size() - 1);
    ConsentRecord record = chains.link(draft, previous);
    store(record);
    head = record.hash();
    last = record;
    return record;
  }

  /** Every record of {@code subject}, oldest first. */
  List<ConsentRecord> recordsOf(String subject) {
    Object key = SubjectKeys.of(subject);
    int at = find(key);
    if (at < 0) {
      return List.of();
    }
    List<ConsentRecord> found = new ArrayList<>();
    for (int position = latest[at] - 1; position >= 0; position = records.get(position).previousOfSubject) {
      found.add(record(position));
    }
    java.util.Collections.reverse(found);
    return found;
  }

  ConsentRecord record(int position) {
    String previousHash = position == 0 ? ConsentChain.GENESIS_HASH : records.get(position - 1).hash();
    return records.get(position).record(chain, position, previousHash);
  }

  /** A copy of the stored records, to read outside the lock. */
  StoredConsent[] snapshot() {
    return records.toArray(new StoredConsent[0]);
  }

  /** The record at {@code position} of a {@link #snapshot}. */
  ConsentRecord record(StoredConsent[] snapshot, int position) {
    String previousHash = position == 0 ? ConsentChain.GENESIS_HASH : snapshot[position - 1].hash();
    return snapshot[position].record(chain, position, previousHash);
  }

  /**
   * Replaces the stored records by {@code replacement}, each kept whole as given, leaving the head as it
   * is: for tests that tamper with the store.
   */
  void replaceForTampering(List<ConsentRecord> replacement) {
    records.clear();
    latest = new int[16];
    subjects = 0;
    last = null;
    for (ConsentRecord record : replacement) {
      Object key = SubjectKeys.of(record.subject());
      int at = find(key);
      records.add(StoredConsent.pinned(record, at < 0 ? key : records.get(latest[at] - 1).subject,
          at < 0 ? -1 : latest[at] - 1));
      remember(at, key);
    }
  }

  private void store(ConsentRecord record) {
    Object key = SubjectKeys.of(record.subject());
    int at = find(key);
    // The subject's records share one key.
    Object subject = at < 0 ? key : records.get(latest[at] - 1).subject;
    ConsentTerms recordTerms = ConsentTerms.of(record);
    ConsentTerms shared = terms.putIfAbsent(recordTerms, recordTerms);
    int position = records.size();
    String previousHash = position == 0 ? ConsentChain.GENESIS_HASH : records.get(position - 1).hash();
    records.add(StoredConsent.of(record, chain, position, previousHash, subject, at < 0 ? -1 : latest[at] - 1,
        shared == null ? recordTerms : shared));
    remember(at, key);
  }

  /** Points the subject's index entry (at {@code at}, or new when negative) at the last stored record. */
  private void remember(int at, Object key) {
    if (at >= 0) {
      latest[at] = records.size();
      return;
    }
    if ((subjects + 1) * 4L > latest.length * 3L) {
      int[] old = latest;
      latest = new int[old.length * 2];
      for (int position : old) {
        if (position != 0) {
          latest[free(SubjectKeys.hash(records.get(position - 1).subject))] = position;
        }
      }
    }
    latest[free(SubjectKeys.hash(key))] = records.size();
    subjects++;
  }

  private int find(Object key) {
    int mask = latest.length - 1;
    for (int i = spread(SubjectKeys.hash(key)) & mask; ; i = (i + 1) & mask) {
      int position = latest[i];
      if (position == 0) {
        return -1;
      }
      if (SubjectKeys.same(records.get(position - 1).subject, key)) {
        return i;
      }
    }
  }

  private int free(int hash) {
    int mask = latest.length - 1;
    int i = spread(hash) & mask;
    while (latest[i] != 0) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  @Override
  public String toString() {
    return "ConsentShard[chain=" + chain + ", records=" + records.size() + ", subjects=" + subjects + "]";
  }
}
