package org.petition.privacy.internal;

import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.petition.privacy.ConsentChain;
import org.petition.privacy.ConsentRecord;

/**
 * One record as the in-memory ledger keeps it, about 72 bytes: the hash as four longs, the time as epoch
 * nanoseconds, shared subject, terms and evidence, and nothing that follows from its place in the chain
 * (chain, sequence, previous hash: the hash of the record before it). A record that does not follow from
 * its place (only a test tampering with the store makes one) or does not fit is kept whole, {@link
 * #pinned}.
 */
final class StoredConsent {

  private static final char[] DIGITS = "0123456789abcdef".toCharArray();
  private static final long NANOS = 1_000_000_000L;

  final Object subject;
  // Position of the previous record of the same subject in this chain, or -1.
  final int previousOfSubject;
  private final @Nullable ConsentTerms terms;
  private final ConsentRecord.@Nullable Evidence evidence;
  private final long atNanos;
  // The hash as four big-endian longs; zero when pinned.
  final long hash0;
  final long hash1;
  final long hash2;
  final long hash3;
  private final @Nullable ConsentRecord pinned;

  private StoredConsent(Object subject, int previousOfSubject, @Nullable ConsentTerms terms,
      ConsentRecord.@Nullable Evidence evidence, long atNanos, long hash0, long hash1, long hash2, long hash3,
      @Nullable ConsentRecord pinned) {
    this.subject = subject;
    this.previousOfSubject = previousOfSubject;
    this.terms = terms;
    this.evidence = evidence;
    this.atNanos = atNanos;
    this.hash0 = hash0;
    this.hash1 = hash1;
    this.hash2 = hash2;
    this.hash3 = hash3;
    this.pinned = pinned;
  }

  /**
   * Stores {@code record}, found at {@code position} of chain {@code chain} after a record whose hash is
   * {@code previousHash} ({@link ConsentChain#GENESIS_HASH} first), compactly when it follows from that
   * place. {@code terms} is the shared instance equal to the record's terms.
   */
  static StoredConsent of(ConsentRecord record, int chain, int position, String previousHash, Object subject,
      int previousOfSubject, ConsentTerms terms) {
    long[] hash = hashLongs(record.hash());
    long atNanos = epochNanos(record.at());
    if (hash == null || atNanos == NO_EPOCH_NANOS || record.chain() != chain || record.sequence() != position
        || !record.previousHash().equals(previousHash)) {
      return pinned(record, subject, previousOfSubject);
    }
    return new StoredConsent(subject, previousOfSubject, terms, record.evidence(), atNanos, hash[0], hash[1], hash[2],
        hash[3], null);
  }

  /**
   * A record that follows from its place, stored compactly: its hash as four big-endian longs, its time as
   * {@link #epochNanos} of it (which must fit).
   */
  static StoredConsent compact(Object subject, int previousOfSubject, ConsentTerms terms,
      ConsentRecord.Evidence evidence, long atNanos, long hash0, long hash1, long hash2, long hash3) {
    return new StoredConsent(subject, previousOfSubject, terms, evidence, atNanos, hash0, hash1, hash2, hash3, null);
  }

  /** Keeps {@code record} whole, whatever its place. */
  static StoredConsent pinned(ConsentRecord record, Object subject, int previousOfSubject) {
    return new StoredConsent(subject, previousOfSubject, null, null, 0, 0, 0, 0, 0, record);
  }

  /** Whether the record is kept whole (its hash is then whatever it holds, not {@link #hash0}..3). */
  boolean pinned() {
    return pinned != null;
  }

  /** The record; {@code previousHash} is {@link #hash()} of the record before it. */
  ConsentRecord record(int chain, int position, String previousHash) {
    if (pinned != null) {
      return pinned;
    }
    ConsentTerms t = java.util.Objects.requireNonNull(terms);
    Instant at = Instant.ofEpochSecond(Math.floorDiv(atNanos, NANOS), Math.floorMod(atNanos, NANOS));
    return new ConsentRecord(chain, position, SubjectKeys.text(subject), t.petition(), t.purpose(), t.documentId(),
        t.documentVersion(), t.documentSha256(), t.action(), at, java.util.Objects.requireNonNull(evidence),
        previousHash, hash());
  }

  String hash() {
    if (pinned != null) {
      return pinned.hash();
    }
    return hex(hash0, hash1, hash2, hash3);
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

  /** The four longs of a 64-digit lower-case hex hash, or null if it is not one. */
  private static long @Nullable [] hashLongs(String hex) {
    if (!ConsentFields.isSha256Hex(hex)) {
      return null;
    }
    long[] longs = new long[4];
    for (int i = 0; i < 4; i++) {
      longs[i] = HexFormat.fromHexDigitsToLong(hex, i * 16, i * 16 + 16);
    }
    return longs;
  }

  /** What {@link #epochNanos} answers for a time whose nanoseconds since the epoch do not fit a long. */
  static final long NO_EPOCH_NANOS = Long.MIN_VALUE;

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
