package org.petition.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityHasherTest {

  private static byte[] secret(int first) {
    byte[] secret = new byte[32];
    for (int i = 0; i < secret.length; i++) {
      secret[i] = (byte) (first + i);
    }
    return secret;
  }

  private final IdentityHasher hasher = IdentityHasher.of(secret(0));

  @Test
  void matchesHmacSha256OverTheTaggedInput() {
    // Pinned: stored keys must stay comparable across releases. Computed independently with
    // printf 'petition/identity/v1/email\0frank@gmail.com' | openssl dgst -sha256 -mac HMAC -macopt hexkey:0001..1f
    assertThat(HexFormat.of().formatHex(hasher.emailKey("frank@gmail.com")))
        .isEqualTo("0fa95314181e168b4c0e55d460c70bf31d9f3f9bf73881d84cefd085afbb6600");
    assertThat(HexFormat.of().formatHex(hasher.phoneKey("+821012345678")))
        .isEqualTo("030708a272916819b87330ccd155600f38cf552be46bf0380b81fd495da9a0fd");
  }

  @Test
  void keysAre32BytesAndDeterministic() {
    assertThat(hasher.emailKey("frank@gmail.com")).hasSize(32).isEqualTo(hasher.emailKey("frank@gmail.com"));
    assertThat(hasher.nameKey("john srnith")).hasSize(32);
    assertThat(hasher.networkKey("203.0.113.0/24")).hasSize(32);
    assertThat(IdentityHasher.of(secret(0)).phoneKey("+12015550123")).isEqualTo(hasher.phoneKey("+12015550123"));
  }

  @Test
  void purposesNeverCollide() {
    String value = "same-text";
    List<byte[]> keys =
        List.of(hasher.emailKey(value), hasher.phoneKey(value), hasher.nameKey(value), hasher.networkKey(value));
    for (int i = 0; i < keys.size(); i++) {
      for (int j = i + 1; j < keys.size(); j++) {
        assertThat(keys.get(i)).isNotEqualTo(keys.get(j));
      }
    }
  }

  @Test
  void differentValuesAndSecretsGiveDifferentKeys() {
    assertThat(hasher.emailKey("frank@gmail.com")).isNotEqualTo(hasher.emailKey("franc@gmail.com"));
    assertThat(IdentityHasher.of(secret(1)).emailKey("frank@gmail.com")).isNotEqualTo(hasher.emailKey("frank@gmail.com"));
  }

  @Test
  void eachCallReturnsAFreshArray() {
    byte[] first = hasher.emailKey("frank@gmail.com");
    Arrays.fill(first, (byte) 0);
    assertThat(hasher.emailKey("frank@gmail.com")).isNotEqualTo(first);
  }

  @Test
  void copiesTheSecret() {
    byte[] secret = secret(0);
    IdentityHasher copied = IdentityHasher.of(secret);
    Arrays.fill(secret, (byte) 0);
    assertThat(copied.emailKey("frank@gmail.com")).isEqualTo(hasher.emailKey("frank@gmail.com"));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 16, 31})
  void refusesAShortSecret(int length) {
    assertThatThrownBy(() -> IdentityHasher.of(new byte[length]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("identity secret must be at least 32 bytes, was " + length);
  }

  @Test
  void acceptsALongSecret() {
    assertThat(IdentityHasher.of(new byte[128]).emailKey("a@b.example")).hasSize(32);
  }

  @Test
  void refusesNullsAndEmptyValues() {
    assertThatThrownBy(() -> IdentityHasher.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("identity secret must not be null");
    assertThatThrownBy(() -> hasher.emailKey(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("canonicalEmail must not be empty");
    assertThatThrownBy(() -> hasher.phoneKey(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("e164 must not be null");
    assertThatThrownBy(() -> hasher.nameKey("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> hasher.networkKey("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equalComparesContents() {
    byte[] a = hasher.emailKey("frank@gmail.com");
    assertThat(IdentityHasher.equal(a, a.clone())).isTrue();
    assertThat(IdentityHasher.equal(a, hasher.emailKey("franc@gmail.com"))).isFalse();
    assertThat(IdentityHasher.equal(a, Arrays.copyOf(a, 31))).isFalse();
    assertThat(IdentityHasher.equal(new byte[0], new byte[0])).isTrue();
  }

  @Test
  void toStringRevealsNoSecret() {
    assertThat(hasher.toString()).isEqualTo("IdentityHasher[HmacSHA256]");
  }

  @Test
  void givesTheSameKeysFromManyThreads() throws Exception {
    List<String> emails = IntStream.range(0, 500).mapToObj(i -> "user" + i + "@example.com").toList();
    Function<String, String> key = email -> HexFormat.of().formatHex(hasher.emailKey(email));
    List<String> expected = emails.stream().map(key).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> runs =
          IntStream.range(0, 8).mapToObj(i -> pool.submit(() -> emails.stream().map(key).toList())).toList();
      for (Future<List<String>> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
