package org.petition.privacy.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.privacy.PersonalData;

/** The binary encoding of {@link PersonalData}, documented there. */
public final class PersonalDataCodec {

  static final int VERSION = 1;
  private static final String[] FIELDS = {"email", "phoneE164", "firstName", "lastName", "organizationName", "ip"};

  private PersonalDataCodec() {}

  /** Encodes {@code data}; refuses text with a lone surrogate. */
  public static byte[] encode(PersonalData data) {
    Objects.requireNonNull(data, "data must not be null");
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    out.write(VERSION);
    String[] values = values(data);
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

  /** Decodes bytes written by {@link #encode}; throws naming the problem if they are not. */
  public static PersonalData decode(byte[] encoded) {
    Objects.requireNonNull(encoded, "encoded must not be null");
    if (encoded.length == 0 || encoded[0] != VERSION) {
      throw new IllegalArgumentException(
          encoded.length == 0 ? "personal data encoding is empty" : "unsupported personal data version " + (encoded[0] & 0xFF));
    }
    ByteBuffer in = ByteBuffer.wrap(encoded, 1, encoded.length - 1);
    String[] values = new String[FIELDS.length];
    for (int i = 0; i < FIELDS.length; i++) {
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
    return new PersonalData(values[0], values[1], values[2], values[3], values[4], values[5]);
  }

  private static @Nullable String[] values(PersonalData data) {
    return new String[] {
      data.email(), data.phoneE164(), data.firstName(), data.lastName(), data.organizationName(), data.ip()
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
