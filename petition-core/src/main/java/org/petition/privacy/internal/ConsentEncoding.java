package org.petition.privacy.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.petition.privacy.ConsentPurpose;
import org.petition.privacy.ConsentRecord;

/**
 * The canonical byte encoding of a consent record that its hash covers. Unambiguous because every value
 * has a fixed width or a length prefix, and absent values have their own tag:
 *
 * <pre>
 * string   := uint32 big-endian byte length, then the UTF-8 bytes (lone surrogates refused)
 * nullable := 0x00 when absent | 0x01 then string
 * int64    := 8 bytes big-endian two's complement
 * int32    := 4 bytes big-endian
 *
 * record   := string "petition.consent.v1"   (domain separation and format version)
 *             int64 chain, int64 sequence,
 *             string subject, string petition, string purpose (enum name),
 *             string documentId, string documentVersion, string documentSha256,
 *             string action (enum name),
 *             int64 at epoch second, int32 at nano of second,
 *             nullable formId, nullable truncatedIp, nullable userAgentSha256, nullable locale,
 *             string previousHash
 * hash     := lower-case hex SHA-256 of record
 * </pre>
 *
 * <p>Two writers of this layout, kept side by side here: {@link #encode}/{@link #hash} write a record
 * field by field; {@link GrantHasher} writes the records of one signer's grants from parts encoded once
 * (the terms a petition's grants share, the subject, the time and evidence of the call), for the in-memory
 * ledger's {@code appendGrants}. Both must give the same bytes; the tests compare them.
 */
public final class ConsentEncoding {

  /** The domain tag that starts every encoded record. */
  public static final String DOMAIN = "petition.consent.v1";

  private static final ThreadLocal<Writer> WRITERS = ThreadLocal.withInitial(Writer::new);
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private ConsentEncoding() {}

  /**
   * The canonical bytes of every field of {@code record} but its hash.
   *
   * @throws IllegalArgumentException if a string of the record is not well-formed Unicode
   */
  public static byte[] encode(ConsentRecord record) {
    Writer out = new Writer();
    write(out, record.chain(), record.sequence(), record.subject(), record.petition(), record.purpose(),
        record.documentId(), record.documentVersion(), record.documentSha256(), record.action(), record.at(),
        record.evidence(), record.previousHash());
    return out.toByteArray();
  }

  /**
   * The hash a record must carry: hex SHA-256 of {@link #encode}.
   *
   * @throws IllegalArgumentException if a string of the record is not well-formed Unicode
   */
  public static String hash(ConsentRecord record) {
    Writer out = WRITERS.get();
    out.reset();
    write(out, record.chain(), record.sequence(), record.subject(), record.petition(), record.purpose(),
        record.documentId(), record.documentVersion(), record.documentSha256(), record.action(), record.at(),
        record.evidence(), record.previousHash());
    return out.sha256Hex();
  }

  /**
   * The hash of the record {@code draft} becomes at {@code sequence} of {@code chain} after a record
   * whose hash is {@code previousHash}: {@link #hash} of that record, without building it.
   *
   * @throws IllegalArgumentException if a string of the draft is not well-formed Unicode
   */
  public static String hash(ConsentRecord.Draft draft, long chain, long sequence, String previousHash) {
    Writer out = WRITERS.get();
    out.reset();
    write(out, chain, sequence, draft.subject(), draft.petition(), draft.purpose(), draft.documentId(),
        draft.documentVersion(), draft.documentSha256(), draft.action(), draft.at(), draft.evidence(),
        previousHash);
    return out.sha256Hex();
  }

  private static void write(Writer out, long chain, long sequence, String subject, String petition,
      ConsentPurpose purpose, String documentId, String documentVersion, String documentSha256,
      ConsentRecord.Action action, Instant at, ConsentRecord.Evidence evidence, String previousHash) {
    out.string(DOMAIN);
    out.int64(chain);
    out.int64(sequence);
    out.string(subject);
    writeTerms(out, petition, purpose, documentId, documentVersion, documentSha256, action);
    writeTimeAndEvidence(out, at, evidence);
    out.string(previousHash);
  }

  private static void writeTerms(Writer out, String petition, ConsentPurpose purpose, String documentId,
      String documentVersion, String documentSha256, ConsentRecord.Action action) {
    out.string(petition);
    out.string(purpose.name());
    out.string(documentId);
    out.string(documentVersion);
    out.string(documentSha256);
    out.string(action.name());
  }

  private static void writeTimeAndEvidence(Writer out, Instant at, ConsentRecord.Evidence evidence) {
    out.int64(at.getEpochSecond());
    out.int32(at.getNano());
    out.nullable(evidence.formId());
    out.nullable(evidence.truncatedIp());
    out.nullable(evidence.userAgentSha256());
    out.nullable(evidence.locale());
  }

  /**
   * The encoded terms of a record (petition to action, the part between subject and time), which every
   * record granting the same document of the same petition shares.
   *
   * @throws IllegalArgumentException if a string is not well-formed Unicode
   */
  static byte[] encodeTerms(String petition, ConsentPurpose purpose, String documentId, String documentVersion,
      String documentSha256, ConsentRecord.Action action) {
    Writer out = new Writer();
    writeTerms(out, petition, purpose, documentId, documentVersion, documentSha256, action);
    return out.toByteArray();
  }

  /**
   * The chain of a subject: the first 8 bytes of the decoded subject as a big-endian long, modulo {@code
   * chainCount} (never negative), or -1 if the subject is not base64url of at least 8 bytes.
   */
  public static int chainOf(String subject, int chainCount) {
    byte[] decoded;
    try {
      decoded = Base64.getUrlDecoder().decode(subject);
    } catch (IllegalArgumentException e) {
      return -1;
    }
    if (decoded.length < 8) {
      return -1;
    }
    return chainOfKey(decoded, chainCount);
  }

  /** {@link #chainOf} of the subject whose decoded bytes are {@code key} (at least 8 of them). */
  static int chainOfKey(byte[] key, int chainCount) {
    return (int) Math.floorMod(longAt(key, 0), (long) chainCount);
  }

  /** The big-endian long at {@code offset} of {@code bytes}. */
  private static long longAt(byte[] bytes, int offset) {
    return (long) LONGS.get(bytes, offset);
  }

  /**
   * Hashes the records of one signer's grants, one call of the ledger's {@code appendGrants} at a time,
   * with no allocation: one per thread ({@link #get}), its record buffer holding the domain tag, the chain
   * and the subject once per call ({@link #begin}), then per record the sequence, the shared encoded terms,
   * the call's time and evidence (encoded once per call) and the previous hash ({@link #hash}).
   */
  static final class GrantHasher {

    private static final ThreadLocal<GrantHasher> HASHERS = ThreadLocal.withInitial(GrantHasher::new);
    private static final Base64.Encoder SUBJECTS = Base64.getUrlEncoder().withoutPadding();
    private static final int CHAIN_AT = 4 + DOMAIN.length();
    private static final int SEQUENCE_AT = CHAIN_AT + 8;

    private final Writer record = new Writer();
    private final Writer timeAndEvidence = new Writer();
    // The base64url of a subject key of up to 128 bytes: 171 characters.
    private final byte[] subject = new byte[172];
    private final byte[] digest = new byte[32];
    private final MessageDigest sha256 = Bytes.newSha256();
    private int termsAt;
    /** The hash of the last record {@link #hash} made, as four big-endian longs. */
    long hash0;
    long hash1;
    long hash2;
    long hash3;

    static GrantHasher get() {
      return HASHERS.get();
    }

    private GrantHasher() {
      // The domain tag starts every record: written once, kept at the start of the buffer.
      record.string(DOMAIN);
    }

    /**
     * Starts the records of the subject whose key (decoded subject) is {@code key}, in {@code chain},
     * stamped {@code at}, with {@code evidence}.
     *
     * @throws IllegalArgumentException if a string of the evidence is not well-formed Unicode
     */
    void begin(int chain, byte[] key, Instant at, ConsentRecord.Evidence evidence) {
      record.size = CHAIN_AT;
      record.int64(chain);
      record.int64(0);
      int length = SUBJECTS.encode(key, subject);
      record.int32(length);
      record.bytes(subject, length);
      termsAt = record.size;
      timeAndEvidence.reset();
      writeTimeAndEvidence(timeAndEvidence, at, evidence);
    }

    /**
     * Hashes the record at {@code sequence} with the given encoded terms after the record whose hash is
     * {@code previous0}..3 (four big-endian longs; zeros, the genesis hash, for a chain's first record) into
     * {@link #hash0}..{@link #hash3}.
     */
    void hash(long sequence, byte[] terms, long previous0, long previous1, long previous2, long previous3) {
      record.size = termsAt;
      record.setInt64(SEQUENCE_AT, sequence);
      record.bytes(terms, terms.length);
      record.bytes(timeAndEvidence.bytes, timeAndEvidence.size);
      record.int32(64);
      record.hex(previous0, previous1, previous2, previous3);
      sha256.update(record.bytes, 0, record.size);
      try {
        sha256.digest(digest, 0, digest.length);
      } catch (DigestException e) {
        throw new IllegalStateException("SHA-256 gives 32 bytes", e);
      }
      hash0 = longAt(digest, 0);
      hash1 = longAt(digest, 8);
      hash2 = longAt(digest, 16);
      hash3 = longAt(digest, 24);
    }
  }

  /** A growing big-endian byte buffer: one array, reused, no per-value allocation, no locking. */
  private static final class Writer {
    // The two hex digits of each byte value, high digit in the high byte.
    private static final short[] HEX_PAIRS = new short[256];

    static {
      byte[] digits = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 256; i++) {
        HEX_PAIRS[i] = (short) (digits[i >>> 4] << 8 | digits[i & 15]);
      }
    }

    private static final int MAX_KEPT = 8192;

    private byte[] bytes = new byte[512];
    private int size;

    void reset() {
      size = 0;
      if (bytes.length > MAX_KEPT) {
        // A huge record (only a tampered one is) does not pin its buffer to the thread.
        bytes = new byte[512];
      }
    }

    /** A string: ASCII written straight in, anything else as strict UTF-8. */
    void string(String value) {
      int n = value.length();
      ensure(4 + n);
      int start = size + 4;
      for (int i = 0; i < n; i++) {
        char c = value.charAt(i);
        if (c >= 0x80) {
          utf8(value);
          return;
        }
        bytes[start + i] = (byte) c;
      }
      int32(n);
      size += n;
    }

    private void utf8(String value) {
      byte[] utf8 = Bytes.utf8Strict(value);
      int32(utf8.length);
      bytes(utf8, utf8.length);
    }

    void nullable(@Nullable String value) {
      if (value == null) {
        byte1(0);
      } else {
        byte1(1);
        string(value);
      }
    }

    void int64(long value) {
      int32((int) (value >>> 32));
      int32((int) value);
    }

    void setInt64(int at, long value) {
      LONGS.set(bytes, at, value);
    }

    void int32(int value) {
      ensure(4);
      bytes[size] = (byte) (value >>> 24);
      bytes[size + 1] = (byte) (value >>> 16);
      bytes[size + 2] = (byte) (value >>> 8);
      bytes[size + 3] = (byte) value;
      size += 4;
    }

    void bytes(byte[] value, int length) {
      ensure(length);
      System.arraycopy(value, 0, bytes, size, length);
      size += length;
    }

    /** The 64 lower-case hex digits of four big-endian longs (a hash's 32 bytes), as ASCII. */
    void hex(long a, long b, long c, long d) {
      ensure(64);
      byte[] out = bytes;
      int at = size;
      hex16(a, out, at);
      hex16(b, out, at + 16);
      hex16(c, out, at + 32);
      hex16(d, out, at + 48);
      size = at + 64;
    }

    private static void hex16(long value, byte[] out, int at) {
      for (int shift = 56, i = at; shift >= 0; shift -= 8, i += 2) {
        int pair = HEX_PAIRS[(int) (value >>> shift) & 0xff];
        out[i] = (byte) (pair >>> 8);
        out[i + 1] = (byte) pair;
      }
    }

    private void byte1(int value) {
      ensure(1);
      bytes[size++] = (byte) value;
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }

    String sha256Hex() {
      MessageDigest sha256 = Bytes.sha256();
      sha256.update(bytes, 0, size);
      return HexFormat.of().formatHex(sha256.digest());
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, size);
    }
  }
}
