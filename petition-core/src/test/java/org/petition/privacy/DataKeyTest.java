package org.petition.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DataKeyTest {

  @Test
  void copiesTheSecretInAndOut() {
    byte[] secret = new byte[32];
    DataKey key = new DataKey("2025a", secret);
    secret[0] = 9;
    key.secret()[1] = 9;

    assertThat(key.secret()).containsOnly(0);
    assertThat(key).isEqualTo(new DataKey("2025a", new byte[32])).hasSameHashCodeAs(new DataKey("2025a", new byte[32]));
    byte[] other = new byte[32];
    Arrays.fill(other, (byte) 1);
    assertThat(key).isNotEqualTo(new DataKey("2025a", other));
  }

  @Test
  void neverShowsTheSecret() {
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) 0x41);

    assertThat(new DataKey("k1", secret).toString()).isEqualTo("DataKey[id=k1, secret=(32 bytes)]");
  }

  @Test
  void refusesBadIdsAndLengthsWithPreciseMessages() {
    assertThatThrownBy(() -> new DataKey("", new byte[32]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("data key id must be 1-16 of [A-Za-z0-9_-], was: ");
    assertThatThrownBy(() -> new DataKey("a".repeat(17), new byte[32]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("data key id must be 1-16 of [A-Za-z0-9_-], was: " + "a".repeat(17));
    assertThatThrownBy(() -> new DataKey("k.1", new byte[32])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DataKey("k1", new byte[33]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("data key k1 must be exactly 32 bytes (AES-256), was 33 bytes");
    assertThatThrownBy(() -> new DataKey("k1", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("data key secret must not be null");
  }
}
