package org.petition.privacy.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.petition.privacy.ConsentChain;
import org.petition.privacy.ConsentRecord;

/**
 * The records of one chain as the in-memory ledger keeps them, a column per field, about 56 bytes a record
 * and no object of its own: the hash as four longs, the time as epoch nanoseconds, the position of the
 * subject's previous record, and shared subject key, terms and evidence; nothing that follows from the
 * record's place in the chain (chain, sequence, previous hash: the hash of the record before it). A record
 * that does not follow from its place (only a test tampering with the store makes one) or does not fit
 * is kept whole, {@linkplain #pinned pinned}.
 *
 * <p>Not thread-safe: the shard's lock guards it. Appending writes only past {@link #size()} (growing
 * copies the columns), so a {@link #snapshot} taken under the lock can be read outside it while appends
 * go on; {@link #truncate} and {@link #clear} must not run while a snapshot is read.
 */
final class StoredConsents {

  private static final char[] DIGITS = "0123456789abcdef".toCharArray();
  private static final long NANOS = 1_000_000_000L;

  /** What {@link #epochNanos} answers for a time whose nanoseconds since the epoch do not fit a long. */
  static final long NO_EPOCH_NANOS = Long.MIN_VALUE;

  private int size;
  // Four big-endian longs a record; zeros for a pinned record.
  private long[] hashes;
  private long[] atNanos;
  // The position of the previous record of the same subject in this chain, or -1.
  private int[] previousOfSubject;
  // The subject's key (see SubjectKeys), shared by the subject's records.
  private Object[] subjects;
  // The shared ConsentTerms of a compact record, or the whole ConsentRecord of a pinned one.
  private Object[] contents;
  private ConsentRecord.@Nullable Evidence[] evidences;

  StoredConsents() {
    this(16);
  }

  private StoredConsents(int capacity) {
    hashes = new long[capacity * 4];
    atNanos = new long[capacity];
    previousOfSubject = new int[capacity];
    subjects = new Object[capacity];
    contents = new Object[capacity];
    evidences = new ConsentRecord.Evidence[capacity];
  }

  private StoredConsents(StoredConsents of) {
    this(0);
    take(of);
  }

  /** Holds what {@code of} holds, sharing its columns. */
  private void take(StoredConsents of) {
    size = of.size;
    hashes = of.hashes;
    atNanos = of.atNanos;
    previousOfSubject = of.previousOfSubject;
    subjects = of.subjects;
    contents = of.contents;
    evidences = of.evidences;
  }

  int size() {
    return size;
  }

  /** The records stored so far, readable outside the lock (see the class comment). */
  StoredConsents snapshot() {
    return new StoredConsents(this);
  }

  /**
   * Stores a record that follows from its place (the next position of the chain, after the last stored
   * record's hash) compactly: {@code terms} the shared instance of its terms, {@code atNanos} its {@link
   * #epochNanos}, its hash as four big-endian longs.
   */
  void addCompact(Object subject, int previousOfSubject, ConsentTerms terms, ConsentRecord.Evidence evidence,
      long atNanos, long hash0, long hash1, long hash2, long hash3) {
    int at = next();
    hashes[at * 4] = hash0;
    hashes[at * 4 + 1] = hash1;
    hashes[at * 4 + 2] = hash2;
    hashes[at * 4 + 3] = hash3;
    this.atNanos[at] = atNanos;
    this.previousOfSubject[at] = previousOfSubject;
    subjects[at] = subject;
    contents[at] = terms;
    evidences[at] = evidence;
  }

  /**
   * Stores {@code record}, found at the next position of chain {@code chain}, compactly when it follows
   * from that place and fits. Answers whether it was stored compactly.
   */
  boolean add(ConsentRecord record, int chain, Object subject, int previousOfSubject, ConsentTerms terms) {
    String hash = record.hash();
    long at = epochNanos(record.at());
    String previousHash = size == 0 ? ConsentChain.GENESIS_HASH : hash(size - 1);
    if (!ConsentFields.isSha256Hex(hash) || at == NO_EPOCH_NANOS || record.chain() != chain
        || record.sequence() != size || !record.previousHash().equals(previousHash)) {
      addPinned(record, subject, previousOfSubject);
      return false;
    }
    addCompact(subject, previousOfSubject, terms, record.evidence(), at, HexFormat.fromHexDigitsToLong(hash, 0, 16),
        HexFormat.fromHexDigitsToLong(hash, 16, 32), HexFormat.fromHexDigitsToLong(hash, 32, 48),
        HexFormat.fromHexDigitsToLong(hash, 48, 64));
    return true;
  }

  /** Keeps {@code record} whole, whatever its place. */
  void addPinned(ConsentRecord record, Object subject, int previousOfSubject) {
    int at = next();
    Arrays.fill(hashes, at * 4, at * 4 + 4, 0);
    atNanos[at] = 0;
    this.previousOfSubject[at] = previousOfSubject;
    subjects[at] = subject;
    contents[at] = record;
    evidences[at] = null;
  }

  private int next() {
    if (size == atNanos.length) {
      int capacity = size + (size >> 1) + 16;
      hashes = Arrays.copyOf(hashes, capacity * 4);
      atNanos = Arrays.copyOf(atNanos, capacity);
      previousOfSubject = Arrays.copyOf(previousOfSubject, capacity);
      subjects = Arrays.copyOf(subjects, capacity);
      contents = Arrays.copyOf(contents, capacity);
      evidences = Arrays.copyOf(evidences, capacity);
    }
    return size++;
  }

  /** Forgets the records from {@code newSize} on. */
  void truncate(int newSize) {
    Arrays.fill(subjects, newSize, size, null);
    Arrays.fill(contents, newSize, size, null);
    Arrays.fill(evidences, newSize, size, null);
    size = newSize;
  }

  /** Forgets every record, keeping no column. */
  void clear() {
    take(new StoredConsents());
  }

  Object subject(int position) {
    return subjects[position];
  }

  int previousOfSubject(int position) {
    return previousOfSubject[position];
  }

  /** Whether the record at {@code position} is kept whole (its hash is then whatever it holds). */
  boolean pinned(int position) {
    return contents[position] instanceof ConsentRecord;
  }

  /** Long {@code index} (0 to 3) of the hash of the compact record at {@code position}. */
  long hashLong(int position, int index) {
    return hashes[position * 4 + index];
  }

  String hash(int position) {
    if (contents[position] instanceof ConsentRecord pinned) {
      return pinned.hash();
    }
    int at = position * 4;
    return hex(hashes[at], hashes[at + 1], hashes[at + 2], hashes[at + 3]);
  }

  /** The record at {@code position} of chain {@code chain}. */
  ConsentRecord record(int chain, int position) {
    Object content = contents[position];
    if (content instanceof ConsentRecord pinned) {
      return pinned;
    }
    ConsentTerms t = (ConsentTerms) content;
    long nanos = atNanos[position];
    Instant at = Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
    String previousHash = position == 0 ? ConsentChain.GENESIS_HASH : hash(position - 1);
    return new ConsentRecord(chain, position, SubjectKeys.text(subjects[position]), t.petition(), t.purpose(),
        t.documentId(), t.documentVersion(), t.documentSha256(), t.action(), at,
        java.util.Objects.requireNonNull(evidences[position]), previousHash, hash(position));
  }

  /** The 64 lower-case hex digits of a hash given as four big-endian longs. */
  static String hex(long hash0, long hash1, long hash2, long hash3) {
    char[] out = new char[64];
    hex(hash0, out, 0);
    hex(hash1, out, 16);
    hex(hash2, out, 32);
    hex(hash3, out, 48);
    return new String(out);
  }

  private static void hex(long value, char[] out, int offset) {
    for (int i = 15; i >= 0; i--) {
      out[offset + i] = DIGITS[(int) (value & 15)];
      value >>>= 4;
    }
  }

  /**
   * {@code at} as nanoseconds since the epoch, or {@link #NO_EPOCH_NANOS} if that does not fit a long (no
   * time is exactly {@code Long.MIN_VALUE} nanoseconds: that would need a negative nano of second).
   */
  static long epochNanos(Instant at) {
    try {
      return Math.addExact(Math.multiplyExact(at.getEpochSecond(), NANOS), at.getNano());
    } catch (ArithmeticException e) {
      return NO_EPOCH_NANOS;
    }
  }
}
