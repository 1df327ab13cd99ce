package org.petition.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

  private static final byte[] AD = "signature:42".getBytes(StandardCharsets.UTF_8);
  private static final byte[] TEXT = "frank@example.org".getBytes(StandardCharsets.UTF_8);

  private static DataKey key(String id, int fill) {
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) fill);
    return new DataKey(id, secret);
  }

  private final DataKey key1 = key("k1", 1);
  private final DataKey key2 = key("k2", 2);
  private final PersonalDataCipher cipher = PersonalDataCipher.of(DataKeys.of(key1));

  @Test
  void roundTripsUnderTheCurrentKey() {
    byte[] sealed = cipher.seal(TEXT, AD);

    assertThat(cipher.open(sealed, AD)).isEqualTo(new OpenResult.Opened(TEXT, "k1"));
    assertThat(cipher.open(cipher.seal(new byte[0], new byte[0]), new byte[0]))
        .isEqualTo(new OpenResult.Opened(new byte[0], "k1"));
  }

  @Test
  void writesTheDocumentedFormat() {
    byte[] sealed = cipher.seal(TEXT, AD);

    assertThat(sealed[0]).isEqualTo((byte) 1);
    assertThat(sealed[1]).isEqualTo((byte) 2);
    assertThat(new String(sealed, 2, 2, StandardCharsets.US_ASCII)).isEqualTo("k1");
    assertThat(sealed).hasSize(1 + 1 + 2 + 12 + TEXT.length + 16);
  }

  @Test
  void usesAFreshNonceEachTime() {
    Set<String> nonces = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      byte[] sealed = cipher.seal(TEXT, AD);
      nonces.add(Arrays.toString(Arrays.copyOfRange(sealed, 4, 16)));
    }

    assertThat(nonces).hasSize(200);
  }

  @Test
  void opensDataSealedUnderAnOlderKeyAfterRotation() {
    byte[] old = cipher.seal(TEXT, AD);
    PersonalDataCipher rotated = PersonalDataCipher.of(DataKeys.of(key1, key2));

    assertThat(rotated.open(old, AD)).isEqualTo(new OpenResult.Opened(TEXT, "k1"));
    assertThat(rotated.needsRotation(old)).isTrue();
    byte[] resealed = rotated.seal(TEXT, AD);
    assertThat(rotated.needsRotation(resealed)).isFalse();
    assertThat(rotated.open(resealed, AD)).isEqualTo(new OpenResult.Opened(TEXT, "k2"));
    assertThat(cipher.needsRotation(old)).isFalse();
  }

  @Test
  void reportsAKeyTheRingDoesNotHave() {
    byte[] underKey2 = PersonalDataCipher.of(DataKeys.of(key2)).seal(TEXT, AD);

    assertThat(cipher.open(underKey2, AD)).isEqualTo(new OpenResult.UnknownKey("k2"));
    assertThat(cipher.needsRotation(underKey2)).isTrue();
  }

  @Test
  void otherBytesUnderTheSameIdAreCorrupt() {
    byte[] sealed = PersonalDataCipher.of(DataKeys.of(key("k1", 9))).seal(TEXT, AD);

    assertThat(cipher.open(sealed, AD)).isInstanceOf(OpenResult.Corrupt.class);
  }

  @Test
  void otherAssociatedDataIsCorrupt() {
    byte[] sealed = cipher.seal(TEXT, AD);

    assertThat(cipher.open(sealed, "signature:43".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(
            new OpenResult.Corrupt(
                "authentication failed: tampered data, other associated data, or other bytes under key k1"));
    assertThat(cipher.open(sealed, new byte[0])).isInstanceOf(OpenResult.Corrupt.class);
  }

  @Test
  void everySingleFlippedByteIsCaught() {
    byte[] sealed = cipher.seal(TEXT, AD);
    PersonalDataCipher ring = PersonalDataCipher.of(DataKeys.of(key("k0", 7), key1, key("k3", 3)));

    for (int i = 0; i < sealed.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] flipped = sealed.clone();
        flipped[i] ^= (byte) (1 << bit);
        OpenResult result = ring.open(flipped, AD);
        if (i >= 1 && i < 4) {
          // A flip in the key id or its length may name another id: unknown, or known but not authentic.
          assertThat(result).as("byte %d bit %d", i, bit).isNotInstanceOf(OpenResult.Opened.class);
        } else {
          assertThat(result).as("byte %d bit %d", i, bit).isInstanceOf(OpenResult.Corrupt.class);
        }
      }
    }
  }

  @Test
  void malformedDataIsCorruptNeverAnException() {
    assertThat(cipher.open(new byte[0], AD)).isEqualTo(new OpenResult.Corrupt("sealed data is too short to hold a header"));
    assertThat(cipher.open(new byte[] {2, 2, 'k', '1'}, AD)).isEqualTo(new OpenResult.Corrupt("unsupported sealed data version 2"));
    assertThat(cipher.open(new byte[] {1, 0}, AD)).isEqualTo(new OpenResult.Corrupt("sealed data has no valid key id"));
    assertThat(cipher.open(new byte[] {1, 17}, AD)).isEqualTo(new OpenResult.Corrupt("sealed data has no valid key id"));
    assertThat(cipher.open(new byte[] {1, 2, 'k', '!'}, AD)).isEqualTo(new OpenResult.Corrupt("sealed data has no valid key id"));
    assertThat(cipher.open(new byte[] {1, 2, 'k', '1', 0, 0}, AD))
        .isEqualTo(new OpenResult.Corrupt("sealed data is too short to hold a nonce and a tag"));
    byte[] sealed = cipher.seal(TEXT, AD);
    for (int length = 0; length < sealed.length; length++) {
      assertThat(cipher.open(Arrays.copyOf(sealed, length), AD)).isInstanceOf(OpenResult.Corrupt.class);
    }
    assertThat(cipher.needsRotation(new byte[0])).isFalse();
    assertThat(cipher.needsRotation(new byte[] {9, 2, 'k', '2'})).isFalse();
  }

  @Test
  void sealedDataCarriesNoPlaintext() {
    byte[] sealed = cipher.seal(TEXT, AD);

    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("frank", "example");
  }

  @Test
  void refusesAKeyOfTheWrongLengthNamingTheProblem() {
    assertThatThrownBy(() -> new DataKey("k1", new byte[10]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("data key k1 must be exactly 32 bytes (AES-256), was 10 bytes");
  }

  @Test
  void sealingARangeIsSealingItsCopy() {
    byte[] padded = ("xx" + "frank@example.org" + "yyy").getBytes(StandardCharsets.UTF_8);
    byte[] sealed = cipher.seal(padded, 2, TEXT.length, AD);

    assertThat(cipher.open(sealed, AD)).isEqualTo(new OpenResult.Opened(TEXT, "k1"));
    assertThatThrownBy(() -> cipher.seal(padded, 20, 10, AD)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void personalDataSealedInPlaceOpensToItsEncoding() {
    for (PersonalData data : new PersonalData[] {
        new PersonalData("frank@example.org", null, "Frank", "Castle", null, "203.0.113.0"),
        new PersonalData("김@예시.한국", "+821051234561", "영일", "김", null, null),
        new PersonalData("a@b.c", null, null, null, "𝔄cme ☃ éé", "2001:db8::"),
        new PersonalData("x".repeat(300) + "@example.org", null, "y".repeat(200), null, null, null)}) {
      byte[] sealed = data.seal(cipher, AD);

      OpenResult opened = cipher.open(sealed, AD);
      assertThat(opened).isInstanceOf(OpenResult.Opened.class);
      assertThat(((OpenResult.Opened) opened).plaintext()).isEqualTo(data.encode());
      assertThat(PersonalData.decode(((OpenResult.Opened) opened).plaintext())).isEqualTo(data);
    }
    assertThatThrownBy(() -> new PersonalData("a@b.c", null, "lone \uD800", null, null, null).seal(cipher, AD))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("firstName");
  }
}
