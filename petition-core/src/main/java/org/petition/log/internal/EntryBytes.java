package org.petition.log.internal;

import java.nio.charset.StandardCharsets;

/**
 * Writes a log entry's bytes (the one-line JSON of {@code LogEntry}) straight into one array of the exact
 * length: no string concatenation, no date formatter, no base64 string. Every log append writes one, under
 * the count's lock, so it stays cheap. The caller has checked the fields ({@code LogEntry}'s constructor):
 * a slug (ASCII, never escaped in JSON), {@code seq} ≥ 0, {@code number} ≥ 1, an instant in the years
 * 0000–9999, a 32-byte signer. {@code LogEntryBytesTest} compares it with the JDK's formatter and encoder.
 */
public final class EntryBytes {

  private static final byte[] PETITION = bytes("{\"petition\":\"");
  private static final byte[] SEQ = bytes("\",\"seq\":");
  private static final byte[] TYPE = bytes(",\"type\":\"");
  private static final byte[] NUMBER = bytes("\",\"number\":");
  private static final byte[] AT = bytes(",\"at\":\"");
  private static final byte[] SIGNER = bytes("\",\"signer\":\"");
  private static final byte[] END = bytes("\"}");
  private static final byte[] BASE64 =
      bytes("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
  // yyyy-MM-ddTHH:mm:ss.SSSZ
  private static final int AT_LENGTH = 24;

  private EntryBytes() {}

  /**
   * The entry's bytes; {@code epochSecond} and {@code milli} are its instant truncated to the millisecond,
   * {@code type} the type's name ({@code COUNTED} or {@code UNCOUNTED}).
   */
  public static byte[] write(String slug, long seq, String type, long number, long epochSecond, int milli,
      byte[] signer) {
    int length = PETITION.length + slug.length() + SEQ.length + digits(seq) + TYPE.length + type.length()
        + NUMBER.length + digits(number) + AT.length + AT_LENGTH + SIGNER.length + base64Length(signer.length)
        + END.length;
    byte[] out = new byte[length];
    int p = put(out, 0, PETITION);
    p = ascii(out, p, slug);
    p = put(out, p, SEQ);
    p = decimal(out, p, seq);
    p = put(out, p, TYPE);
    p = ascii(out, p, type);
    p = put(out, p, NUMBER);
    p = decimal(out, p, number);
    p = put(out, p, AT);
    p = instant(out, p, epochSecond, milli);
    p = put(out, p, SIGNER);
    p = base64(out, p, signer);
    p = put(out, p, END);
    if (p != length) {
      throw new IllegalStateException("an entry's length was miscounted");
    }
    return out;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static int put(byte[] out, int p, byte[] part) {
    System.arraycopy(part, 0, out, p, part.length);
    return p + part.length;
  }

  private static int ascii(byte[] out, int p, String text) {
    for (int i = 0; i < text.length(); i++) {
      out[p++] = (byte) text.charAt(i);
    }
    return p;
  }

  static int digits(long value) {
    int digits = 1;
    for (long v = value; v >= 10; v /= 10) {
      digits++;
    }
    return digits;
  }

  private static int decimal(byte[] out, int p, long value) {
    int end = p + digits(value);
    long v = value;
    for (int i = end - 1; i >= p; i--) {
      out[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    return end;
  }

  private static int fixed(byte[] out, int p, long value, int width) {
    long v = value;
    for (int i = p + width - 1; i >= p; i--) {
      out[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    return p + width;
  }

  /** {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC, the proleptic Gregorian calendar (civil date from days). */
  private static int instant(byte[] out, int p, long epochSecond, int milli) {
    long days = Math.floorDiv(epochSecond, 86_400L);
    long second = Math.floorMod(epochSecond, 86_400L);
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097L);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long shiftedMonth = (5 * dayOfYear + 2) / 153;
    long day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
    long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    p = fixed(out, p, year, 4);
    out[p++] = '-';
    p = fixed(out, p, month, 2);
    out[p++] = '-';
    p = fixed(out, p, day, 2);
    out[p++] = 'T';
    p = fixed(out, p, second / 3_600, 2);
    out[p++] = ':';
    p = fixed(out, p, second / 60 % 60, 2);
    out[p++] = ':';
    p = fixed(out, p, second % 60, 2);
    out[p++] = '.';
    p = fixed(out, p, milli, 3);
    out[p++] = 'Z';
    return p;
  }

  private static int base64Length(int bytes) {
    return (bytes + 2) / 3 * 4;
  }

  /** Standard, padded base64 (RFC 4648 section 4), as {@link StrictBase64#encode}. */
  private static int base64(byte[] out, int p, byte[] in) {
    int i = 0;
    for (; i + 3 <= in.length; i += 3) {
      int bits = (in[i] & 0xff) << 16 | (in[i + 1] & 0xff) << 8 | (in[i + 2] & 0xff);
      out[p++] = BASE64[bits >>> 18];
      out[p++] = BASE64[bits >>> 12 & 63];
      out[p++] = BASE64[bits >>> 6 & 63];
      out[p++] = BASE64[bits & 63];
    }
    int left = in.length - i;
    if (left > 0) {
      int bits = (in[i] & 0xff) << 16 | (left == 2 ? (in[i + 1] & 0xff) << 8 : 0);
      out[p++] = BASE64[bits >>> 18];
      out[p++] = BASE64[bits >>> 12 & 63];
      out[p++] = left == 2 ? BASE64[bits >>> 6 & 63] : (byte) '=';
      out[p++] = '=';
    }
    return p;
  }
}
