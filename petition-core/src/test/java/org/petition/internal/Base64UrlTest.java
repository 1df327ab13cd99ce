package org.petition.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base64UrlTest {

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  @Test
  void whatTheJdkWritesIsCanonicalAndDecodesToTheSameBytes() {
    Random random = new Random(7);
    for (int length = 0; length < 80; length++) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      String text = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      byte[] out = new byte[length];

      assertThat(Base64Url.isCanonical(text)).as("length %d", length).isEqualTo(length > 0);
      if (length > 0) {
        assertThat(Base64Url.decode(text, out)).isEqualTo(length);
        assertThat(out).isEqualTo(bytes);
      }
    }
  }

  @Test
  void anotherLastCharacterThatTheJdkDecodesAlikeIsNotCanonical() {
    Random random = new Random(11);
    for (int length = 1; length < 40; length++) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      String text = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      String head = text.substring(0, text.length() - 1);
      for (char c : ALPHABET.toCharArray()) {
        String other = head + c;
        boolean sameBytes = java.util.Arrays.equals(Base64.getUrlDecoder().decode(other), bytes);
        if (other.equals(text)) {
          assertThat(Base64Url.hasCanonicalEnd(other)).as("%s", other).isTrue();
        } else if (sameBytes) { // a second spelling of the same bytes
          assertThat(Base64Url.hasCanonicalEnd(other)).as("%s", other).isFalse();
          assertThat(Base64Url.isCanonical(other)).as("%s", other).isFalse();
        }
      }
    }
  }

  @Test
  void paddingOtherAlphabetsAndImpossibleLengthsAreRefused() {
    assertThat(Base64Url.isCanonical("QQ==")).isFalse();
    assertThat(Base64Url.isCanonical("a+b/")).isFalse();
    assertThat(Base64Url.isCanonical("QUJDR")).isFalse(); // 5 characters: no byte count encodes to that
    assertThat(Base64Url.isCanonical("")).isFalse();
    assertThat(Base64Url.decode("QUJD", new byte[2])).isEqualTo(-1); // does not fit
    assertThat(Base64Url.decode("QU!D", new byte[3])).isEqualTo(-1);
  }
}
