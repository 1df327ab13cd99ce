package org.petition.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

  private static InetAddress parsed(String text) {
    return IpAddresses.parse(text).orElseThrow(() -> new AssertionError("not parsed: " + text));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "203.0.113.7           | cb007107",
        "0.0.0.0               | 00000000",
        "255.255.255.255       | ffffffff",
        "'  203.0.113.7 '      | cb007107",
        "10.0.0.1              | 0a000001",
        // IPv4-mapped IPv6 is the IPv4 address
        "::ffff:203.0.113.7    | cb007107",
        "::FFFF:cb00:7107      | cb007107",
        "[::ffff:203.0.113.7]  | cb007107",
        "0:0:0:0:0:ffff:203.0.113.7 | cb007107",
      })
  void parsesIpv4(String text, String hex) {
    InetAddress address = parsed(text);
    assertThat(address).isInstanceOf(Inet4Address.class);
    assertThat(HexFormat.of().formatHex(address.getAddress())).isEqualTo(hex);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "::1                                     | 00000000000000000000000000000001",
        "::                                      | 00000000000000000000000000000000",
        "2001:db8::1                             | 20010db8000000000000000000000001",
        "2001:DB8::1                             | 20010db8000000000000000000000001",
        "2001:0db8:0000:0000:0000:0000:0000:0001 | 20010db8000000000000000000000001",
        "2001:db8:0:0:0:0:0:1                    | 20010db8000000000000000000000001",
        "2001:db8:1:2:3:4:5:6                    | 20010db8000100020003000400050006",
        "1::                                     | 00010000000000000000000000000000",
        "1:2:3:4:5:6:7::                         | 00010002000300040005000600070000",
        "::2:3:4:5:6:7:8                         | 00000002000300040005000600070008",
        "1::8                                    | 00010000000000000000000000000008",
        "[::1]                                   | 00000000000000000000000000000001",
        "[2001:db8::1]                           | 20010db8000000000000000000000001",
        "fe80::1%eth0                            | fe800000000000000000000000000001",
        "[fe80::1%25]                            | fe800000000000000000000000000001",
        "64:ff9b::192.0.2.33                     | 0064ff9b0000000000000000c0000221",
        "::192.0.2.33                            | 000000000000000000000000c0000221",
        "1:2:3:4:5:6:192.0.2.33                  | 000100020003000400050006c0000221",
        "'\t2001:db8::1 '                        | 20010db8000000000000000000000001",
      })
  void parsesIpv6InEveryNotation(String text, String hex) {
    InetAddress address = parsed(text);
    assertThat(address).isInstanceOf(Inet6Address.class);
    assertThat(HexFormat.of().formatHex(address.getAddress())).isEqualTo(hex);
    assertThat(((Inet6Address) address).getScopeId()).isZero();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ", "1.2.3", "256.1.1.1", "1.2.3.4.5", "01.2.3.4", "1.2.3.04", "1..2.3", "1.2.3.", ".1.2.3", "1.2.3.-4",
        "+1.2.3.4", "1.2.3.4 5", "1.2.3.4:80", "[1.2.3.4]", "0x7f.0.0.1", "2130706433", "\u0661.\u0662.\u0663.\u0664",
        "１.２.３.４", "::1::2", ":::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8",
        "12345::1", "g::1", "1:", ":1", ":1::", "1::2::3", "1:::2", "::ffff:1.2.3", "::ffff:256.1.1.1",
        "::ffff:1.2.3.4.5", "1:2:3:4:5:6:7:1.2.3.4", "1.2.3.4::", "::1.2.3.04", "fe80::1%", "fe80::1%eth 0",
        "fe80::1%eth0%1", "[::1", "::1]", "[[::1]]", "[]", "[::1]:8080", "example.com", "localhost", "::example",
        "2001:db8::1/64", "2001:db8:: 1", "\u0661::1", "::１",
      })
  void refusesMalformedLiteralsAndHostNames(String text) {
    assertThat(IpAddresses.parse(text)).isEmpty();
  }

  @Test
  void refusesHugeInputQuickly() {
    String[] huge = {"1".repeat(10_240), "::" + "1:".repeat(5_000), "1.2.3.4" + " ".repeat(10_240), "[".repeat(10_240)};
    Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> {
          for (String text : huge) {
            assertThat(IpAddresses.parse(text)).isEmpty();
          }
        });
  }

  @Test
  void neverResolvesANameForTheParsedAddress() {
    // An address made from a literal carries no host name: its text form starts with '/'.
    assertThat(parsed("203.0.113.7").toString()).isEqualTo("/203.0.113.7");
    assertThat(parsed("2001:db8::1").toString()).startsWith("/2001:db8:");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "203.0.113.7              | 203.0.113.0/24  | 203.0.113.0/24",
        "10.1.2.255               | 10.1.2.0/24     | 10.1.2.0/24",
        "::ffff:203.0.113.7       | 203.0.113.0/24  | 203.0.113.0/24",
        "2001:db8:1:2:3:4:5:6     | 2001:db8:1:2::/64 | 2001:db8:1::/48",
        "2001:db8::1              | 2001:db8::/64   | 2001:db8::/48",
        "2001:db8:0:1::1          | 2001:db8:0:1::/64 | 2001:db8::/48",
        "2001:DB8:ABCD:12::1      | 2001:db8:abcd:12::/64 | 2001:db8:abcd::/48",
        "2001:0:0:1::1            | 2001:0:0:1::/64 | 2001::/48",
        "::1                      | ::/64           | ::/48",
        "fe80::1%eth0             | fe80::/64       | fe80::/48",
        "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | ffff:ffff:ffff:ffff::/64 | ffff:ffff:ffff::/48",
      })
  void networkAndStoragePrefixes(String text, String network, String stored) {
    InetAddress address = parsed(text);
    assertThat(IpAddresses.network(address)).isEqualTo(network);
    assertThat(IpAddresses.truncateForStorage(address)).isEqualTo(stored);
  }

  @Test
  void prefixesIgnoreAScopeAndAMappedIpv6Instance() throws Exception {
    byte[] linkLocal = HexFormat.of().parseHex("fe800000000000000123456789abcdef");
    Inet6Address scoped = Inet6Address.getByAddress(null, linkLocal, 3);
    assertThat(IpAddresses.network(scoped)).isEqualTo("fe80::/64");
    byte[] mapped = HexFormat.of().parseHex("00000000000000000000ffffcb007107");
    Inet6Address mappedInstance = Inet6Address.getByAddress(null, mapped, -1);
    assertThat(IpAddresses.truncateForStorage(mappedInstance)).isEqualTo("203.0.113.0/24");
  }

  @Test
  void networkRefusesNull() {
    assertThatThrownBy(() -> IpAddresses.network(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("address must not be null");
  }

  @Test
  void storedPrefixParsesBackToItsNetworkAddress() {
    String stored = IpAddresses.truncateForStorage(parsed("2001:db8:abcd:12::1"));
    Optional<InetAddress> base = IpAddresses.parse(stored.substring(0, stored.indexOf('/')));
    assertThat(base).map(a -> HexFormat.of().formatHex(a.getAddress())).contains("20010db8abcd00000000000000000000");
  }
}
