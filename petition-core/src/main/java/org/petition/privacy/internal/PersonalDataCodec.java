package org.petition.privacy.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.internal.Utf8;
import org.petition.privacy.PersonalData;
import org.petition.privacy.PersonalDataCipher;

/** The binary encoding of {@link PersonalData}, documented there. */
public final class PersonalDataCodec {

  static final int VERSION = 1;
  // Version 2 adds the letter to the target after ip; data without a letter is still written as version 1.
  static final int VERSION_WITH_LETTER = 2;
  private static final String[] FIELDS =
      {"email", "phoneE164", "firstName", "lastName", "organizationName", "ip", "letter"};
  private static final int V1_FIELDS = 6;

  private PersonalDataCodec() {}

  /** Encodes {@code data}; refuses text with a lone surrogate. */
  public static byte[] encode(PersonalData data) {
    Objects.requireNonNull(data, "data must not be null");
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    String[] values = values(data);
    out.write(values.length == V1_FIELDS ? VERSION : VERSION_WITH_LETTER);
    for (int i = 0; i < values.length; i++) {
      String value = values[i];
      if (value == null) {
        out.write(0);
        continue;
      }
      byte[] bytes;
      try {
        bytes = Bytes.utf8Strict(value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(FIELDS[i] + " is not well-formed Unicode (it holds a lone surrogate)", e);
      }
      writeVarint(out, (long) bytes.length + 1);
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }

  /**
   * Encodes {@code data} exactly as {@link #encode} does, into this thread's buffer, and seals it with
   * {@code cipher}: the plaintext is never a new array, and the buffer is zeroed before returning, so the
   * clear personal data does not outlive the call on the heap.
   */
  public static byte[] seal(PersonalData data, PersonalDataCipher cipher, byte[] associatedData) {
    Objects.requireNonNull(data, "data must not be null");
    // Field by field rather than through an array of the values: this runs on every signing.
    boolean withLetter = data.letter() != null;
    int size = 1 + size(data.email(), 0) + size(data.phoneE164(), 1) + size(data.firstName(), 2)
        + size(data.lastName(), 3) + size(data.organizationName(), 4) + size(data.ip(), 5)
        + (withLetter ? size(data.letter(), 6) : 0);
    byte[] buffer = BUFFER.get();
    if (buffer.length < size) {
      buffer = new byte[Math.max(size, buffer.length * 2)];
      BUFFER.set(buffer);
    }
    int at = 0;
    buffer[at++] = (byte) (withLetter ? VERSION_WITH_LETTER : VERSION);
    try {
      at = write(data.email(), buffer, at);
      at = write(data.phoneE164(), buffer, at);
      at = write(data.firstName(), buffer, at);
      at = write(data.lastName(), buffer, at);
      at = write(data.organizationName(), buffer, at);
      at = write(data.ip(), buffer, at);
      if (withLetter) {
        at = write(data.letter(), buffer, at);
      }
      return cipher.seal(buffer, 0, at, associatedData);
    } finally {
      Arrays.fill(buffer, 0, at, (byte) 0);
    }
  }

  // The encoded size of one field: 1 for an absent one, else its length's varint and its UTF-8.
  private static int size(@Nullable String value, int field) {
    if (value == null) {
      return 1;
    }
    int length = utf8Length(value, FIELDS[field]);
    return varintLength(length + 1L) + length;
  }

  private static int write(@Nullable String value, byte[] buffer, int at) {
    if (value == null) {
      buffer[at] = 0;
      return at + 1;
    }
    int next = writeVarint(buffer, at, utf8Length(value, "") + 1L);
    return Utf8.write(value, buffer, next);
  }

  private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[256]);

  /** The UTF-8 length of {@code text}; refuses a lone surrogate as {@link Bytes#utf8Strict} does. */
  private static int utf8Length(String text, String field) {
    int length = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        length++;
      } else if (c < 0x800) {
        length += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        length += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(field + " is not well-formed Unicode (it holds a lone surrogate)");
      } else {
        length += 3;
      }
    }
    return length;
  }


  private static int varintLength(long value) {
    int length = 1;
    for (long v = value; (v & ~0x7FL) != 0; v >>>= 7) {
      length++;
    }
    return length;
  }

  private static int writeVarint(byte[] out, int at, long value) {
    int o = at;
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out[o++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out[o++] = (byte) v;
    return o;
  }

  /** Decodes bytes written by {@link #encode}; throws naming the problem if they are not. */
  public static PersonalData decode(byte[] encoded) {
    Objects.requireNonNull(encoded, "encoded must not be null");
    if (encoded.length == 0 || (encoded[0] != VERSION && encoded[0] != VERSION_WITH_LETTER)) {
      throw new IllegalArgumentException(
          encoded.length == 0 ? "personal data encoding is empty" : "unsupported personal data version " + (encoded[0] & 0xFF));
    }
    ByteBuffer in = ByteBuffer.wrap(encoded, 1, encoded.length - 1);
    int fields = encoded[0] == VERSION ? V1_FIELDS : FIELDS.length;
    String[] values = new String[FIELDS.length];
    for (int i = 0; i < fields; i++) {
      long n = readVarint(in, FIELDS[i]);
      if (n == 0) {
        continue;
      }
      long length = n - 1;
      if (length > in.remaining()) {
        throw new IllegalArgumentException(FIELDS[i] + " is longer than the bytes left");
      }
      byte[] bytes = new byte[(int) length];
      in.get(bytes);
      try {
        values[i] =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
      } catch (CharacterCodingException e) {
        throw new IllegalArgumentException(FIELDS[i] + " is not valid UTF-8", e);
      }
    }
    if (in.hasRemaining()) {
      throw new IllegalArgumentException("personal data encoding has " + in.remaining() + " bytes after the last field");
    }
    if (values[0] == null) {
      throw new IllegalArgumentException("email is absent from the personal data encoding");
    }
    return new PersonalData(values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
  }

  private static @Nullable String[] values(PersonalData data) {
    if (data.letter() == null) {
      return new String[] {
        data.email(), data.phoneE164(), data.firstName(), data.lastName(), data.organizationName(), data.ip()
      };
    }
    return new String[] {
      data.email(), data.phoneE164(), data.firstName(), data.lastName(), data.organizationName(), data.ip(),
      data.letter()
    };
  }

  private static void writeVarint(ByteArrayOutputStream out, long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  private static long readVarint(ByteBuffer in, String field) {
    long value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (!in.hasRemaining()) {
        throw new IllegalArgumentException(field + " length is cut off");
      }
      byte b = in.get();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IllegalArgumentException(field + " length is too large");
  }
}
