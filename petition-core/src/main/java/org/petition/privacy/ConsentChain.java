package org.petition.privacy;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.privacy.internal.Bytes;
import org.petition.privacy.internal.ConsentEncoding;

/**
 * Links consent records into hash chains and verifies them. Records are sharded by subject into {@link
 * #chainCount()} independent chains, so appends for different subjects rarely contend, while every record
 * of one subject lives in one chain. Immutable and thread-safe.
 *
 * <p>The hash of a record is the lower-case hex SHA-256 of a canonical encoding of every other field
 * (documented in {@code ConsentEncoding}): fixed-width numbers, length-prefixed UTF-8 strings and tagged
 * absent values, so no two different records encode alike. A chain's first record points at {@link
 * #GENESIS_HASH}.
 */
public final class ConsentChain {

  /** The previous hash of the first record of every chain: 64 zeros. */
  public static final String GENESIS_HASH = "0".repeat(64);

  /** The number of chains unless configured otherwise. */
  public static final int DEFAULT_CHAIN_COUNT = 16;

  /** The largest number of chains allowed. */
  public static final int MAX_CHAIN_COUNT = 65_536;

  private final int chainCount;

  private ConsentChain(int chainCount) {
    this.chainCount = chainCount;
  }

  /** Chains sharded {@value #DEFAULT_CHAIN_COUNT} ways. */
  public static ConsentChain ofDefaults() {
    return new ConsentChain(DEFAULT_CHAIN_COUNT);
  }

  /**
   * Chains sharded {@code chainCount} ways. Changing the count of an existing ledger moves subjects to
   * other chains, so it is fixed for the life of a ledger.
   */
  public static ConsentChain of(int chainCount) {
    if (chainCount < 1 || chainCount > MAX_CHAIN_COUNT) {
      throw new IllegalArgumentException(
          "chainCount must be between 1 and " + MAX_CHAIN_COUNT + ", was: " + chainCount);
    }
    return new ConsentChain(chainCount);
  }

  /** The number of chains. */
  public int chainCount() {
    return chainCount;
  }

  /**
   * The chain of a subject: {@code floorMod(first 8 bytes of the decoded subject as a big-endian long,
   * chainCount)}.
   *
   * @throws IllegalArgumentException if the subject is not unpadded base64url of at least 8 bytes
   */
  public int chainOf(String subject) {
    Objects.requireNonNull(subject, "subject must not be null");
    int chain = ConsentEncoding.chainOf(subject, chainCount);
    if (chain < 0) {
      throw new IllegalArgumentException("subject must be the unpadded base64url encoding of at least 8 bytes");
    }
    return chain;
  }

  /**
   * The record a draft becomes when appended after {@code previous}: in the subject's chain, with the next
   * sequence, pointing at {@code previous}'s hash (or {@link #GENESIS_HASH} when {@code previous} is
   * {@code null}, making it the chain's first record), and hashed.
   *
   * @throws IllegalArgumentException if {@code previous} is in another chain than the draft's subject
   */
  public ConsentRecord link(ConsentRecord.Draft draft, @Nullable ConsentRecord previous) {
    Objects.requireNonNull(draft, "draft must not be null");
    int chain = chainOf(draft.subject());
    if (previous != null && previous.chain() != chain) {
      throw new IllegalArgumentException(
          "previous record is in chain " + previous.chain() + " but the draft's subject is in chain " + chain);
    }
    long sequence = previous == null ? 0 : Math.addExact(previous.sequence(), 1);
    String previousHash = previous == null ? GENESIS_HASH : previous.hash();
    return withHash(draft, chain, sequence, previousHash, ConsentEncoding.hash(draft, chain, sequence, previousHash));
  }

  /**
   * Verifies the records of one chain, given in sequence order from the first; the chain is the one named
   * by the first record. See {@link #verify(long, Iterable, String)}; the records are iterated once.
   */
  public VerificationReport verify(Iterable<ConsentRecord> recordsOfOneChainInSequenceOrder, @Nullable String expectedHeadHash) {
    return verify(null, recordsOfOneChainInSequenceOrder, expectedHeadHash);
  }

  /**
   * Verifies the records of chain {@code chain}, given in sequence order from the first: each must hash
   * to its stored hash, belong to the chain (by its chain field and its subject), carry the next sequence
   * without a gap and point at the previous record's hash. When {@code expectedHeadHash} is given (a head
   * kept apart from the records, such as the last hash stored elsewhere or published), the last record
   * must carry it, which reveals a truncated tail; {@link #GENESIS_HASH} expects an empty chain.
   *
   * <p>A broken record is named by {@code chain} and its position in the chain from 0, which is its
   * sequence as long as the chain is intact before it (a record whose stored sequence was changed is still
   * named where it stands).
   *
   * @return {@link VerificationReport.Ok} or the first broken record
   */
  public VerificationReport verify(
      long chain, Iterable<ConsentRecord> recordsOfOneChainInSequenceOrder, @Nullable String expectedHeadHash) {
    return verify(Long.valueOf(chain), recordsOfOneChainInSequenceOrder, expectedHeadHash);
  }

  // The records are iterated once, so a store may stream them from a cursor.
  private VerificationReport verify(
      @Nullable Long knownChain, Iterable<ConsentRecord> recordsOfOneChainInSequenceOrder,
      @Nullable String expectedHeadHash) {
    Objects.requireNonNull(recordsOfOneChainInSequenceOrder, "records must not be null");
    long chain = knownChain == null ? -1 : knownChain;
    long position = 0;
    String previousHash = GENESIS_HASH;
    for (ConsentRecord record : recordsOfOneChainInSequenceOrder) {
      Objects.requireNonNull(record, "records must not contain null");
      if (knownChain == null && position == 0) {
        chain = record.chain();
      }
      String problem = hashProblem(record);
      if (problem != null) {
        return new VerificationReport.Broken(chain, position, VerificationReport.Problem.HASH_MISMATCH, problem);
      }
      if (record.chain() != chain || ConsentEncoding.chainOf(record.subject(), chainCount) != chain) {
        return new VerificationReport.Broken(
            chain, position, VerificationReport.Problem.WRONG_CHAIN,
            "record does not belong to chain " + chain + " of " + chainCount);
      }
      if (record.sequence() != position) {
        return new VerificationReport.Broken(
            chain, position, VerificationReport.Problem.SEQUENCE_GAP,
            "expected sequence " + position + " but found " + record.sequence());
      }
      if (!Bytes.constantTimeEquals(record.previousHash(), previousHash)) {
        return new VerificationReport.Broken(
            chain, position, VerificationReport.Problem.PREVIOUS_HASH_MISMATCH,
            position == 0
                ? "the first record does not point at the genesis hash"
                : "previous hash does not match the hash of record " + (position - 1));
      }
      previousHash = record.hash();
      position++;
    }
    if (expectedHeadHash != null && !Bytes.constantTimeEquals(previousHash, expectedHeadHash)) {
      return new VerificationReport.Broken(
          chain, position, VerificationReport.Problem.HEAD_MISMATCH,
          "the last of " + position + " records is not the expected head: records are missing at the end");
    }
    return new VerificationReport.Ok(position);
  }

  /** The hash {@code record} must carry, computed from its other fields. */
  public static String hashOf(ConsentRecord record) {
    Objects.requireNonNull(record, "record must not be null");
    return ConsentEncoding.hash(record);
  }

  /** Why {@code record} does not match its hash, or null if it does. */
  private static @Nullable String hashProblem(ConsentRecord record) {
    String expected;
    try {
      expected = ConsentEncoding.hash(record);
    } catch (IllegalArgumentException e) {
      return "record holds text that is not well-formed Unicode";
    }
    return Bytes.constantTimeEquals(expected, record.hash()) ? null : "record content does not match its hash";
  }

  private static ConsentRecord withHash(
      ConsentRecord.Draft draft, long chain, long sequence, String previousHash, String hash) {
    return new ConsentRecord(
        chain, sequence, draft.subject(), draft.petition(), draft.purpose(), draft.documentId(),
        draft.documentVersion(), draft.documentSha256(), draft.action(), draft.at(), draft.evidence(),
        previousHash, hash);
  }

  @Override
  public String toString() {
    return "ConsentChain[chainCount=" + chainCount + "]";
  }
}
