package org.petition.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.petition.spring.PetitionConfigurationException;

class TrustedProxiesTest {

  private final TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/8", "192.168.1.1", "2001:db8::/32"));

  private String client(String remote, String... headers) {
    return proxies.clientAddress(remote, Collections.enumeration(List.of(headers)));
  }

  @Test
  void withoutTrustedProxiesTheDirectPeerIsTheClient() {
    assertThat(TrustedProxies.none().clientAddress("203.0.113.9", Collections.enumeration(List.of("1.2.3.4"))))
        .isEqualTo("203.0.113.9");
  }

  @Test
  void anUntrustedPeerCannotSpoofItsAddress() {
    assertThat(client("198.51.100.7", "1.2.3.4")).isEqualTo("198.51.100.7");
  }

  @Test
  void theRightMostUntrustedHopIsTheClient() {
    assertThat(client("10.0.0.1", "6.6.6.6, 203.0.113.9, 10.2.2.2")).isEqualTo("203.0.113.9");
    assertThat(client("10.0.0.1", "6.6.6.6", "203.0.113.9, 192.168.1.1")).isEqualTo("203.0.113.9");
    assertThat(client("2001:db8::1", "2001:db8::2, 2a00:1450::5")).isEqualTo("2a00:1450:0:0:0:0:0:5");
  }

  @Test
  void aPeerOnlyJustOutsideTheNetworkIsNotTrusted() {
    assertThat(client("11.0.0.1", "203.0.113.9")).isEqualTo("11.0.0.1");
    assertThat(client("192.168.1.2", "203.0.113.9")).isEqualTo("192.168.1.2");
  }

  @Test
  void garbageFromATrustedProxyStopsTheWalk() {
    assertThat(client("10.0.0.1", "203.0.113.9, unknown")).isEqualTo("10.0.0.1");
    assertThat(client("10.0.0.1", "10.3.3.3")).isEqualTo("10.3.3.3");
    assertThat(client("10.0.0.1")).isEqualTo("10.0.0.1");
  }

  @Test
  void aPrefixThatIsNotAByteBoundaryMatchesBitByBit() {
    TrustedProxies narrow = TrustedProxies.of(List.of("172.16.0.0/12"));
    assertThat(narrow.isTrusted("172.31.255.255")).isTrue();
    assertThat(narrow.isTrusted("172.32.0.0")).isFalse();
    assertThat(narrow.isTrusted("::ffff:172.16.0.1")).isTrue();
  }

  @Test
  void badEntriesNameTheProperty() {
    assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/8", "10.0.0.0/33")))
        .isInstanceOf(PetitionConfigurationException.class)
        .hasMessageStartingWith("petition.web.trusted-proxies[1]");
    assertThatThrownBy(() -> TrustedProxies.of(List.of("proxy.internal")))
        .isInstanceOf(PetitionConfigurationException.class);
  }
}
