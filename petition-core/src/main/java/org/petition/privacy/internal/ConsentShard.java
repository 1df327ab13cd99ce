package org.petition.privacy.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.petition.privacy.ConsentChain;
import org.petition.privacy.ConsentRecord;
import org.petition.privacy.ConsentSubjects;

/**
 * One chain of the in-memory ledger: its records compactly ({@link StoredConsents}), an open-addressing
 * index from subject to the position of its latest record (each record links to its subject's previous
 * one), and the head hash kept apart. Every method but {@link #lock} expects the caller to hold it.
 *
 * <p>The index keeps each subject's key hash beside the position, so a probe reads a stored record (a
 * cache miss, likely) only when the hashes match; a lookup answers the free slot it stopped at, so adding a
 * subject probes once.
 */
final class ConsentShard {

  final ReentrantLock lock = new ReentrantLock();
  private final int chain;
  private final StoredConsents records = new StoredConsents();
  private final Map<ConsentTerms, ConsentTerms> terms = new HashMap<>();
  // Per subject: its SubjectKeys.hash in the high half, the position + 1 of its latest record in the low
  // half; 0 is empty.
  private long[] latest = new long[16];
  private int subjects;
  // The head hash as four big-endian longs (the genesis hash is all zeros), kept apart from the records.
  private long head0;
  private long head1;
  private long head2;
  private long head3;
  // The last record as linked, so appending a draft does not rebuild it; null after tampering, after
  // appendGrants (which builds no record) and after a roll-back.
  private @Nullable ConsentRecord last;

  ConsentShard(int chain) {
    this.chain = chain;
  }

  String head() {
    return StoredConsents.hex(head0, head1, head2, head3);
  }

  int size() {
    return records.size();
  }

  /** Links and stores a draft. */
  ConsentRecord add(ConsentChain chains, ConsentRecord.Draft draft) {
    ConsentRecord previous = last != null || records.size() == 0 ? last : record(records.size() - 1);
    ConsentRecord record = chains.link(draft, previous);
    store(record);
    // A linked record's hash is 64 lower-case hex digits, whether it was stored compactly or not.
    String hash = record.hash();
    head(HexFormat.fromHexDigitsToLong(hash, 0, 16), HexFormat.fromHexDigitsToLong(hash, 16, 32),
        HexFormat.fromHexDigitsToLong(hash, 32, 48), HexFormat.fromHexDigitsToLong(hash, 48, 64));
    last = record;
    return record;
  }

  /**
   * Links and stores a grant of each of {@code grants} by the subject whose key (decoded subject) is
   * {@code key}, stamped {@code atNanos} since the epoch with {@code evidence}: the records {@link #add}
   * of their drafts would store, without building drafts or records. {@code hasher} has {@linkplain
   * ConsentEncoding.GrantHasher#begin begun} the call with this chain, key, time and evidence.
   */
  void addGrants(ConsentChain chains, byte[] key, PreparedGrants grants, ConsentEncoding.GrantHasher hasher,
      Instant at, long atNanos, ConsentRecord.Evidence evidence) {
    int hash = SubjectKeys.hash(key);
    int slot = find(key, hash);
    for (int i = 0; i < grants.size(); i++) {
      int position = records.size();
      if (position > 0 && records.pinned(position - 1)) {
        // Only tampering leaves a pinned record last: link after it the general way.
        add(chains, new ConsentRecord.Draft(ConsentSubjects.of(key), grants.petition, grants.terms(i).purpose(),
            grants.terms(i).documentId(), grants.terms(i).documentVersion(), grants.terms(i).documentSha256(),
            ConsentRecord.Action.GRANTED, at, evidence));
        slot = find(key, hash);
        continue;
      }
      if (position == 0) {
        hasher.hash(position, grants.encoded(i), 0, 0, 0, 0);
      } else {
        hasher.hash(position, grants.encoded(i), records.hashLong(position - 1, 0), records.hashLong(position - 1, 1),
            records.hashLong(position - 1, 2), records.hashLong(position - 1, 3));
      }
      int previousOfSubject = latestOf(slot);
      // The subject's records share one key: a new subject keeps a copy of the caller's bytes.
      Object subject = previousOfSubject < 0 ? key.clone() : records.subject(previousOfSubject);
      records.addCompact(subject, previousOfSubject, grants.terms(i), evidence, atNanos, hasher.hash0, hasher.hash1,
          hasher.hash2, hasher.hash3);
      slot = remember(slot, hash);
      head(hasher.hash0, hasher.hash1, hasher.hash2, hasher.hash3);
    }
    last = null;
  }

  private void head(long hash0, long hash1, long hash2, long hash3) {
    head0 = hash0;
    head1 = hash1;
    head2 = hash2;
    head3 = hash3;
  }

  /** What this chain holds now, for {@link #rollBack}. */
  Checkpoint checkpoint() {
    return new Checkpoint(records.size(), latest.clone(), subjects, head0, head1, head2, head3);
  }

  /**
   * Forgets every record stored since {@code checkpoint} was taken of this chain (which must not have been
   * tampered with since): the records, their subjects' index entries and the head.
   */
  void rollBack(Checkpoint checkpoint) {
    if (checkpoint.size > records.size()) {
      throw new IllegalStateException("the chain holds fewer records than at its checkpoint");
    }
    records.truncate(checkpoint.size);
    if (latest.length == checkpoint.latest.length) {
      System.arraycopy(checkpoint.latest, 0, latest, 0, latest.length);
    } else {
      latest = checkpoint.latest.clone();
    }
    subjects = checkpoint.subjects;
    head(checkpoint.head0, checkpoint.head1, checkpoint.head2, checkpoint.head3);
    last = null;
  }

  /** A chain's state: its record count, subject index, subject count and head. */
  record Checkpoint(int size, long[] latest, int subjects, long head0, long head1, long head2, long head3) {}

  /** Every record of {@code subject}, oldest first. */
  List<ConsentRecord> recordsOf(String subject) {
    Object key = SubjectKeys.of(subject);
    int latestPosition = latestOf(find(key, SubjectKeys.hash(key)));
    if (latestPosition < 0) {
      return List.of();
    }
    List<ConsentRecord> found = new ArrayList<>();
    for (int position = latestPosition; position >= 0; position = records.previousOfSubject(position)) {
      found.add(record(position));
    }
    java.util.Collections.reverse(found);
    return found;
  }

  ConsentRecord record(int position) {
    return records.record(chain, position);
  }

  /** The stored records as they are now, to read outside the lock. */
  StoredConsents snapshot() {
    return records.snapshot();
  }

  /** The record at {@code position} of a {@link #snapshot}. */
  ConsentRecord record(StoredConsents snapshot, int position) {
    return snapshot.record(chain, position);
  }

  /**
   * Replaces the stored records by {@code replacement}, each kept whole as given, leaving the head as it
   * is: for tests that tamper with the store.
   */
  void replaceForTampering(List<ConsentRecord> replacement) {
    records.clear();
    latest = new long[16];
    subjects = 0;
    last = null;
    for (ConsentRecord record : replacement) {
      Object key = SubjectKeys.of(record.subject());
      int hash = SubjectKeys.hash(key);
      int slot = find(key, hash);
      int previousOfSubject = latestOf(slot);
      records.addPinned(record, previousOfSubject < 0 ? key : records.subject(previousOfSubject), previousOfSubject);
      remember(slot, hash);
    }
  }

  private void store(ConsentRecord record) {
    Object key = SubjectKeys.of(record.subject());
    int hash = SubjectKeys.hash(key);
    int slot = find(key, hash);
    int previousOfSubject = latestOf(slot);
    // The subject's records share one key.
    Object subject = previousOfSubject < 0 ? key : records.subject(previousOfSubject);
    ConsentTerms recordTerms = ConsentTerms.of(record);
    ConsentTerms shared = terms.putIfAbsent(recordTerms, recordTerms);
    records.add(record, chain, subject, previousOfSubject, shared == null ? recordTerms : shared);
    remember(slot, hash);
  }

  /**
   * Points a subject's index entry at the last stored record: the entry at {@code slot} when it is one
   * (found by {@link #find}), else a new one for the subject whose key hashes to {@code hash}, at the free
   * slot {@code find} answered (growing the index first when it is three quarters full). Answers the slot
   * of the entry.
   */
  private int remember(int slot, int hash) {
    long entry = ((long) hash << 32) | records.size();
    if (slot >= 0) {
      latest[slot] = entry;
      return slot;
    }
    int free = -slot - 1;
    if ((subjects + 1) * 4L > latest.length * 3L) {
      long[] old = latest;
      latest = new long[old.length * 2];
      for (long kept : old) {
        if (kept != 0) {
          latest[free((int) (kept >>> 32))] = kept;
        }
      }
      free = free(hash);
    }
    latest[free] = entry;
    subjects++;
    return free;
  }

  /**
   * The slot of the subject with this key and {@link SubjectKeys#hash}, or {@code -(free slot + 1)} where
   * its entry would go if it has none.
   */
  private int find(Object key, int hash) {
    int mask = latest.length - 1;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      long entry = latest[i];
      if (entry == 0) {
        return -i - 1;
      }
      if ((int) (entry >>> 32) == hash && SubjectKeys.same(records.subject((int) entry - 1), key)) {
        return i;
      }
    }
  }

  /** The position of the latest record of the subject at {@code slot} (from {@link #find}), -1 when none. */
  private int latestOf(int slot) {
    return slot < 0 ? -1 : (int) latest[slot] - 1;
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
