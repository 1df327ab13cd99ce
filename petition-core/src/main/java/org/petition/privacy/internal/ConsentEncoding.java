package org.petition.privacy.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
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
 */
public final class ConsentEncoding {

  /** The domain tag that starts every encoded record. */
  public static final String DOMAIN = "petition.consent.v1";

  private ConsentEncoding() {}

  /**
   * The canonical bytes of every field of {@code record} but its hash.
   *
   * @throws IllegalArgumentException if a string of the record is not well-formed Unicode
   */
  public static byte[] encode(ConsentRecord record) {
    Writer out = new Writer();
    out.string(DOMAIN);
    out.int64(record.chain());
    out.int64(record.sequence());
    out.string(record.subject());
    out.string(record.petition());
    out.string(record.purpose().name());
    out.string(record.documentId());
    out.string(record.documentVersion());
    out.string(record.documentSha256());
    out.string(record.action().name());
    out.int64(record.at().getEpochSecond());
    out.int32(record.at().getNano());
    ConsentRecord.Evidence evidence = record.evidence();
    out.nullable(evidence.formId());
    out.nullable(evidence.truncatedIp());
    out.nullable(evidence.userAgentSha256());
    out.nullable(evidence.locale());
    out.string(record.previousHash());
    return out.toByteArray();
  }

  /**
   * The hash a record must carry: hex SHA-256 of {@link #encode}.
   *
   * @throws IllegalArgumentException if a string of the record is not well-formed Unicode
   */
  public static String hash(ConsentRecord record) {
    return HexFormat.of().formatHex(Bytes.sha256().digest(encode(record)));
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
    return (int) Math.floorMod(ByteBuffer.wrap(decoded, 0, 8).getLong(), (long) chainCount);
  }

  /** A growing big-endian byte buffer: one array, no per-value allocation, no locking. */
  private static final class Writer {
    private byte[] bytes = new byte[512];
    private int size;

    void string(String value) {
      byte[] utf8 = Bytes.utf8Strict(value);
      int32(utf8.length);
      ensure(utf8.length);
      System.arraycopy(utf8, 0, bytes, size, utf8.length);
      size += utf8.length;
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

    void int32(int value) {
      ensure(4);
      bytes[size] = (byte) (value >>> 24);
      bytes[size + 1] = (byte) (value >>> 16);
      bytes[size + 2] = (byte) (value >>> 8);
      bytes[size + 3] = (byte) value;
      size += 4;
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

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, size);
    }
  }
}
