package org.petition.log;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.internal.Slugs;
import org.petition.log.internal.EntryBytes;
import org.petition.log.internal.JsonReader;
import org.petition.log.internal.StrictBase64;

/**
 * One change to a petition's count, as the log holds it. Its bytes are one line of UTF-8 JSON with
 * exactly these members in this order and no spaces:
 *
 * <pre>{"petition":"&lt;slug&gt;","seq":&lt;n&gt;,"type":"COUNTED"|"UNCOUNTED","number":&lt;signer number&gt;,"at":"&lt;instant&gt;","signer":"&lt;base64&gt;"}</pre>
 *
 * <ul>
 *   <li>{@code petition}: the petition's slug (1-64 of {@code [a-z0-9-]}, not starting or ending with '-'),
 *       a JSON string escaped as RFC 8259 requires (a slug never needs it);
 *   <li>{@code seq}: the entry's 0-based index in the petition's log;
 *   <li>{@code type}: {@code COUNTED} when a signature starts to count, {@code UNCOUNTED} when it stops;
 *   <li>{@code number}: the signature's number in counting order (1 or more), which it keeps for life;
 *   <li>{@code at}: when, in UTC, to the millisecond, always written {@code yyyy-MM-ddTHH:mm:ss.SSSZ};
 *   <li>{@code signer}: the standard padded base64 of the 32-byte {@linkplain SignerCommitments commitment}
 *       to the signature: no personal data.
 * </ul>
 *
 * <p>{@link #parse} accepts exactly the bytes {@link #bytes()} writes and nothing else, so an entry has one
 * spelling and one leaf hash.
 */
public record LogEntry(String petition, long seq, Type type, long number, Instant at, byte[] signer) {

  /** What the entry does to the count. */
  public enum Type {
    /** The signature starts to count: +1. */
    COUNTED,
    /** The signature stops counting: -1. */
    UNCOUNTED
  }

  /** The length of a signer commitment in bytes. */
  public static final int SIGNER_LENGTH = 32;

  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC)
      .withResolverStyle(ResolverStyle.STRICT);
  private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
  private static final List<String> MEMBERS = List.of("petition", "seq", "type", "number", "at", "signer");

  /**
   * An entry; {@code at} is truncated to the millisecond and {@code signer} copied.
   *
   * @throws IllegalArgumentException if a field is outside the format
   */
  public LogEntry {
    Objects.requireNonNull(petition, "petition must not be null");
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(at, "at must not be null");
    Objects.requireNonNull(signer, "signer must not be null");
    if (!isSlug(petition)) {
      throw new IllegalArgumentException("petition must be a slug (1-64 of [a-z0-9-]), was: " + petition);
    }
    if (seq < 0) {
      throw new IllegalArgumentException("seq must not be negative, was " + seq);
    }
    if (number < 1) {
      throw new IllegalArgumentException("number must be 1 or more, was " + number);
    }
    if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
      throw new IllegalArgumentException("at must be within the years 0000 to 9999, was " + at);
    }
    if (signer.length != SIGNER_LENGTH) {
      throw new IllegalArgumentException("signer must be " + SIGNER_LENGTH + " bytes, was " + signer.length);
    }
    at = at.truncatedTo(ChronoUnit.MILLIS);
    signer = signer.clone();
  }

  /**
   * The entry whose bytes are {@code bytes}.
   *
   * @throws IllegalArgumentException saying what is wrong, if {@code bytes} are not exactly the bytes of an
   *     entry as {@link #bytes()} writes them
   */
  public static LogEntry parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    Map<String, @Nullable Object> members = JsonReader.readObject(text, "an entry");
    if (!List.copyOf(members.keySet()).equals(MEMBERS)) {
      throw new IllegalArgumentException("an entry has the members " + MEMBERS + " in that order, not "
          + members.keySet());
    }
    Type type;
    try {
      type = Type.valueOf(string(members, "type"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("type must be COUNTED or UNCOUNTED", e);
    }
    Instant at;
    try {
      at = AT.parse(string(members, "at"), Instant::from);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("at must be an instant written yyyy-MM-ddTHH:mm:ss.SSSZ", e);
    }
    LogEntry entry = new LogEntry(string(members, "petition"), integer(members, "seq"), type,
        integer(members, "number"), at, StrictBase64.decode(string(members, "signer"), "signer"));
    if (!Arrays.equals(entry.bytes(), bytes)) {
      throw new IllegalArgumentException("an entry is not in its canonical form (one line, no spaces, "
          + "minimal escapes, valid UTF-8)");
    }
    return entry;
  }

  /** Whether {@code text} is a petition slug, by the rule of {@code org.petition.Petition}. */
  static boolean isSlug(String text) {
    return Slugs.isSlug(text);
  }

  /** The entry's bytes: the leaf data of the log's Merkle tree. */
  public byte[] bytes() {
    // Written straight into one array (the log appends one per change to a count); a slug, the instant and
    // the base64 never need JSON escapes.
    return EntryBytes.write(petition, seq, type.name(), number, at.getEpochSecond(), at.getNano() / 1_000_000,
        signer);
  }

  /** The entry's leaf hash in the log's tree. */
  public byte[] leafHash() {
    return MerkleTree.leafHash(bytes());
  }

  /** The signer commitment (a copy). */
  @Override
  public byte[] signer() {
    return signer.clone();
  }

  /** What the entry adds to the count: +1 or -1. */
  public int delta() {
    return type == Type.COUNTED ? 1 : -1;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof LogEntry entry && entry.petition.equals(petition) && entry.seq == seq
        && entry.type == type && entry.number == number && entry.at.equals(at) && Arrays.equals(entry.signer, signer);
  }

  @Override
  public int hashCode() {
    return Objects.hash(petition, seq, type, number, at, Arrays.hashCode(signer));
  }

  @Override
  public String toString() {
    return new String(bytes(), StandardCharsets.UTF_8);
  }

  private static String string(Map<String, @Nullable Object> members, String name) {
    if (!(members.get(name) instanceof String value)) {
      throw new IllegalArgumentException(name + " must be a JSON string");
    }
    return value;
  }

  private static long integer(Map<String, @Nullable Object> members, String name) {
    if (!(members.get(name) instanceof Long value)) {
      throw new IllegalArgumentException(name + " must be a JSON integer");
    }
    return value;
  }
}
