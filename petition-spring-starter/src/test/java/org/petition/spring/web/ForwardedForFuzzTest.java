package org.petition.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.petition.identity.IpAddresses;

/**
 * {@code X-Forwarded-For} headers, as any client can write them: the client address believed is the direct peer or
 * an IP literal one of the headers named, never an exception (and never a name looked up in DNS).
 */
class ForwardedForFuzzTest {

  private static final TrustedProxies PROXIES = TrustedProxies.of(List.of("127.0.0.1/32", "10.0.0.0/8", "::1/128",
      "fd00::/8"));
  private static final String[] PEERS = {"127.0.0.1", "10.1.2.3", "::1", "203.0.113.9", "fd00::1", "junk", ""};

  @FuzzTest(maxDuration = "10s")
  void theClientIsThePeerOrAParsedAddress(FuzzedDataProvider data) {
    String peer = data.pickValue(PEERS);
    int headers = data.consumeInt(0, 3);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < headers; i++) {
      values.add(data.consumeString(200));
    }
    String client = PROXIES.clientAddress(peer, Collections.enumeration(values));
    if (client == null || client.equals(peer)) {
      return;
    }
    assertThat(IpAddresses.parse(client)).as("'%s' from %s", client, values).isPresent();
    assertThat(String.join(",", values)).as("the client was named in a header").isNotBlank();
  }
}
