package org.petition.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PseudonymsTest {

  private final byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  @Test
  void subjectIsTheUnpaddedBase64UrlHmacOfTheDomainTaggedEmail() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    String expected =
        Base64.getUrlEncoder().withoutPadding()
            .encodeToString(mac.doFinal("petition.subject.v1\0frank@example.org".getBytes(StandardCharsets.UTF_8)));

    String subject = Pseudonyms.of(key).subject("frank@example.org");

    assertThat(subject).isEqualTo(expected).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(Pseudonyms.of(key).subject("frank@example.org")).isEqualTo(subject);
    assertThat(Pseudonyms.of(key).subject("frank@example.com")).isNotEqualTo(subject);
    byte[] otherKey = key.clone();
    otherKey[0] ^= 1;
    assertThat(Pseudonyms.of(otherKey).subject("frank@example.org")).isNotEqualTo(subject);
  }

  @Test
  void copiesTheKeyAndNeverShowsIt() {
    byte[] mutable = key.clone();
    Pseudonyms pseudonyms = Pseudonyms.of(mutable);
    String before = pseudonyms.subject("a@b.c");
    mutable[0] ^= 1;

    assertThat(pseudonyms.subject("a@b.c")).isEqualTo(before);
    assertThat(pseudonyms.toString()).isEqualTo("Pseudonyms[subjectKey=(32 bytes)]");
  }

  @Test
  void refusesAShortKey() {
    assertThatThrownBy(() -> Pseudonyms.of(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("subjectKey must be at least 32 bytes, was 16 bytes");
  }

  @Test
  void hashesTheUserAgentNullSafely() throws Exception {
    String expected =
        HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest("Mozilla/5.0".getBytes(StandardCharsets.UTF_8)));

    assertThat(Pseudonyms.userAgentHash("Mozilla/5.0")).isEqualTo(expected);
    assertThat(Pseudonyms.userAgentHash("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(Pseudonyms.userAgentHash(null)).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {
        "203.0.113.77, 203.0.113.0/24",
        "' 10.1.2.3 ', 10.1.2.0/24",
        "010.001.002.003, 10.1.2.0/24",
        "2001:db8:1:2::5, 2001:db8:1::/48",
        "2001:0DB8:0000:0000:0000:0000:0000:0001, 2001:db8::/48",
        "2001:0:1::, 2001:0:1::/48",
        "[2001:db8:abcd:12::1], 2001:db8:abcd::/48",
        "fe80::1%eth0, fe80::/48",
        "::1, ::/48",
        "::ffff:198.51.100.9, 198.51.100.0/24",
        "256.1.1.1, NULL",
        "1.2.3, NULL",
        "example.org, NULL",
        "localhost, NULL",
        "1:2:3:4:5:6:7:8:9, NULL",
        "'', NULL",
        "NULL, NULL"
      })
  void truncatesAddressesToTheirNetworkWithoutResolvingNames(String ip, String expected) {
    assertThat(Pseudonyms.truncateIp(ip)).isEqualTo(expected);
  }
}
