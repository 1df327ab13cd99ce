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
  private final long hash0;
  private final long hash1;
  private final long hash2;
  private final long hash3;
  private final @Nullable ConsentRecord pinned;

  private StoredConsent(Object subject, int previousOfSubject, @Nullable ConsentTerms terms,
      ConsentRecord.@Nullable Evidence evidence, long atNanos, long[] hash, @Nullable ConsentRecord pinned) {
    this.subject = subject;
    this.previousOfSubject = previousOfSubject;
    this.terms = terms;
    this.evidence = evidence;
    this.atNanos = atNanos;
    this.hash0 = hash[0];
    this.hash1 = hash[1];
    this.hash2 = hash[2];
    this.hash3 = hash[3];
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
    Long atNanos = epochNanos(record.at());
    if (hash == null || atNanos == null || record.chain() != chain || record.sequence() != position
        || !record.previousHash().equals(previousHash)) {
      return pinned(record, subject, previousOfSubject);
    }
    return new StoredConsent(subject, previousOfSubject, terms, record.evidence(), atNanos, hash, null);
  }

  /** Keeps {@code record} whole, whatever its place. */
  static StoredConsent pinned(ConsentRecord record, Object subject, int previousOfSubject) {
    return new StoredConsent(subject, previousOfSubject, null, null, 0, new long[4], record);
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
    if (hex.length() != 64) {
      return null;
    }
    for (int i = 0; i < 64; i++) {
      char c = hex.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return null;
      }
    }
    long[] longs = new long[4];
    for (int i = 0; i < 4; i++) {
      longs[i] = HexFormat.fromHexDigitsToLong(hex, i * 16, i * 16 + 16);
    }
    return longs;
  }

  private static @Nullable Long epochNanos(Instant at) {
    try {
      return Math.addExact(Math.multiplyExact(at.getEpochSecond(), NANOS), at.getNano());
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
