package org.petition.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


class PseudonymsTest {

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
        "010.001.002.003, NULL", // leading zeros read as octal by some parsers, decimal by others: refused
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
