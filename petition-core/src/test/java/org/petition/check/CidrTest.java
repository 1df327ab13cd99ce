package org.petition.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.petition.check.LimitInputs.ip;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrTest {

  @Test
  void anIpv4BlockHoldsTheAddressesOfItsPrefix() {
    Cidr block = Cidr.parse("203.0.113.0/24");

    assertThat(block.isIpv4()).isTrue();
    assertThat(block.prefixLength()).isEqualTo(24);
    assertThat(block.network()).isEqualTo(ip("203.0.113.0"));
    assertThat(block.toString()).isEqualTo("203.0.113.0/24");
    assertThat(block.contains(ip("203.0.113.0"))).isTrue();
    assertThat(block.contains(ip("203.0.113.255"))).isTrue();
    assertThat(block.contains(ip("203.0.112.255"))).isFalse();
    assertThat(block.contains(ip("203.0.114.0"))).isFalse();
  }

  @Test
  void prefixesNeedNotEndOnAByte() {
    Cidr block = Cidr.parse("198.51.96.0/20");
    assertThat(block.contains(ip("198.51.96.1"))).isTrue();
    assertThat(block.contains(ip("198.51.111.255"))).isTrue();
    assertThat(block.contains(ip("198.51.112.0"))).isFalse();
    assertThat(block.contains(ip("198.51.95.255"))).isFalse();

    Cidr odd = Cidr.parse("2001:db8:8000::/33");
    assertThat(odd.contains(ip("2001:db8:ffff::1"))).isTrue();
    assertThat(odd.contains(ip("2001:db8:7fff::1"))).isFalse();
  }

  @Test
  void anIpv6BlockHoldsTheAddressesOfItsPrefix() {
    Cidr block = Cidr.parse("2001:db8::/32");

    assertThat(block.isIpv4()).isFalse();
    assertThat(block.toString()).isEqualTo("2001:db8::/32");
    assertThat(block.contains(ip("2001:db8::1"))).isTrue();
    assertThat(block.contains(ip("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"))).isTrue();
    assertThat(block.contains(ip("2001:db9::"))).isFalse();
    assertThat(block.contains(ip("2001:db7:ffff::"))).isFalse();
  }

  @Test
  void anyNotationOfTheSameBlockIsEqual() {
    Cidr canonical = Cidr.parse("2001:db8::/32");
    assertThat(Cidr.parse("2001:0DB8:0000:0000:0000:0000:0000:0000/32")).isEqualTo(canonical);
    assertThat(Cidr.parse("[2001:db8::]/32")).isEqualTo(canonical).hasSameHashCodeAs(canonical);
    assertThat(Cidr.parse("  2001:db8::/32 ")).isEqualTo(canonical);
    assertThat(Cidr.parse("2001:db8::/33")).isNotEqualTo(canonical);
    assertThat(Cidr.parse("2001:DB8:1:2::/64").toString()).isEqualTo("2001:db8:1:2::/64");
  }

  @Test
  void theWholeOfAFamilyAndSingleAddresses() {
    assertThat(Cidr.parse("0.0.0.0/0").contains(ip("255.255.255.255"))).isTrue();
    assertThat(Cidr.parse("::/0").contains(ip("ffff::1"))).isTrue();
    assertThat(Cidr.parse("203.0.113.7/32").contains(ip("203.0.113.7"))).isTrue();
    assertThat(Cidr.parse("203.0.113.7/32").contains(ip("203.0.113.6"))).isFalse();
    assertThat(Cidr.parse("2001:db8::1/128").contains(ip("2001:db8::1"))).isTrue();
    assertThat(Cidr.parse("2001:db8::1/128").contains(ip("2001:db8::2"))).isFalse();
  }

  @Test
  void familiesNeverMix() {
    assertThat(Cidr.parse("0.0.0.0/0").contains(ip("2001:db8::1"))).isFalse();
    assertThat(Cidr.parse("::/0").contains(ip("203.0.113.7"))).isFalse();
  }

  @Test
  void anIpv4MappedBlockIsTheIpv4Block() throws Exception {
    assertThat(Cidr.parse("::ffff:203.0.113.0/120")).isEqualTo(Cidr.parse("203.0.113.0/24"));
    assertThat(Cidr.parse("::ffff:0:0/96")).isEqualTo(Cidr.parse("0.0.0.0/0"));
    byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 203, 0, 113, 7};
    InetAddress inet6 = Inet6Address.getByAddress(null, mapped, -1);
    assertThat(Cidr.parse("203.0.113.0/24").contains(inet6)).isTrue();
  }

  @Test
  void ofClearsTheBitsAfterThePrefix() {
    assertThat(Cidr.of(ip("203.0.113.7"), 24)).isEqualTo(Cidr.parse("203.0.113.0/24"));
    assertThat(Cidr.of(ip("2001:db8:1:2:3:4:5:6"), 64)).isEqualTo(Cidr.parse("2001:db8:1:2::/64"));
    assertThat(Cidr.of(ip("203.0.113.7"))).isEqualTo(Cidr.parse("203.0.113.7/32"));
    assertThat(Cidr.of(ip("2001:db8::7"))).isEqualTo(Cidr.parse("2001:db8::7/128"));
    assertThatIllegalArgumentException().isThrownBy(() -> Cidr.of(ip("203.0.113.7"), 33))
        .withMessage("IPv4 CIDR prefix length must be 0 to 32, was: 33");
    assertThatIllegalArgumentException().isThrownBy(() -> Cidr.of(ip("2001:db8::7"), -1))
        .withMessage("IPv6 CIDR prefix length must be 0 to 128, was: -1");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      203.0.113.0          | CIDR must be an address, '/' and a prefix length, such as 203.0.113.0/24 or 2001:db8::/32, was: '203.0.113.0'
      203.0.113.0/24/8     | CIDR must be an address, '/' and a prefix length, such as 203.0.113.0/24 or 2001:db8::/32, was: '203.0.113.0/24/8'
      /24                  | CIDR has no address before '/': '/24'
      203.0.113.0/         | CIDR prefix length must be a decimal number without sign or leading zeros, was: '203.0.113.0/'
      203.0.113.0/024      | CIDR prefix length must be a decimal number without sign or leading zeros, was: '203.0.113.0/024'
      203.0.113.0/+24      | CIDR prefix length must be a decimal number without sign or leading zeros, was: '203.0.113.0/+24'
      203.0.113.0/-1       | CIDR prefix length must be a decimal number without sign or leading zeros, was: '203.0.113.0/-1'
      203.0.113.0/2 4      | CIDR prefix length must be a decimal number without sign or leading zeros, was: '203.0.113.0/2 4'
      203.0.113.0/33       | IPv4 CIDR prefix length must be 0 to 32, was: 33
      203.0.113.0/12345678901 | IPv4 CIDR prefix length must be 0 to 32, was: 12345678901
      2001:db8::/129       | IPv6 CIDR prefix length must be 0 to 128, was: 129
      ::ffff:203.0.113.0/129 | IPv6 CIDR prefix length must be 0 to 128, was: 129
      203.0.113.7/24       | CIDR has bits set after its /24 prefix: '203.0.113.7/24'; the block is 203.0.113.0/24
      2001:db8::1/64       | CIDR has bits set after its /64 prefix: '2001:db8::1/64'; the block is 2001:db8::/64
      256.0.113.0/24       | CIDR address is not an IPv4 or IPv6 literal: '256.0.113.0/24'
      010.0.0.0/8          | CIDR address is not an IPv4 or IPv6 literal: '010.0.0.0/8'
      203.0.113/24         | CIDR address is not an IPv4 or IPv6 literal: '203.0.113/24'
      2001:db8:::/32       | CIDR address is not an IPv4 or IPv6 literal: '2001:db8:::/32'
      example.com/24       | CIDR address is not an IPv4 or IPv6 literal: 'example.com/24'
      localhost/32         | CIDR address is not an IPv4 or IPv6 literal: 'localhost/32'
      fe80::%eth0/64       | CIDR address must not have a zone id: 'fe80::%eth0/64'
      """)
  void malformedBlocksAreRefusedSayingWhatIsWrong(String text, String message) {
    assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse(text)).withMessage(message);
  }

  @Test
  void nullIsMisuse() {
    assertThatNullPointerException().isThrownBy(() -> Cidr.parse(null)).withMessage("CIDR must not be null");
    assertThatNullPointerException().isThrownBy(() -> Cidr.parse("203.0.113.0/24").contains(null))
        .withMessage("address must not be null");
  }
}
