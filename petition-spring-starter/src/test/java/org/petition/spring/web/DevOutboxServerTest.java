package org.petition.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.petition.spring.TestKeys;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code /dev/petition-outbox} on a real Tomcat: a signing's mail is shown as JSON and as a page to a client on this
 * machine, and is 404 to one connecting from another address, whatever X-Forwarded-For says.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "petition.dev.outbox.enabled=true",
    "petition.web.trusted-proxies=127.0.0.1,::1"
})
class DevOutboxServerTest {

  private static final String SLUG = "us-troops-out-of-korea";

  @DynamicPropertySource
  static void keys(DynamicPropertyRegistry registry) {
    for (String property : TestKeys.withSeedPetition()) {
      int eq = property.indexOf('=');
      registry.add(property.substring(0, eq), () -> property.substring(eq + 1));
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aSigningsMailIsShownToThisMachineAsJsonAndAsAPage() throws Exception {
    HttpResponse<String> signed = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/api/petitions/" + SLUG + "/signatures")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"firstName\":\"Ann\",\"lastName\":\"Lee\",\"email\":"
            + "\"ann@example.org\",\"country\":\"US\",\"consents\":[\"terms\",\"privacy\",\"processing\"]}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(signed.statusCode()).isEqualTo(202);

    HttpResponse<String> json = get("127.0.0.1", "application/json", null);
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(json.body()).contains("\"recipient\":\"ann@example.org\"").contains("/confirm?token=");

    HttpResponse<String> page = get("127.0.0.1", "text/html", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("ann@example.org").contains("/confirm?token=");
  }

  @Test
  void anotherMachineGets404WhateverItsHeadersSay() throws Exception {
    Optional<InetAddress> external = externalAddress();
    if (external.isPresent()) {
      HttpResponse<String> response = get(external.get().getHostAddress(), "application/json", "127.0.0.1");
      assertThat(response.statusCode()).isEqualTo(404);
    }
    // And always, on the remote address the server sees: a header never makes a client local.
    MockHttpServletRequest forwarded = new MockHttpServletRequest();
    forwarded.setRemoteAddr("203.0.113.9");
    forwarded.addHeader("X-Forwarded-For", "127.0.0.1");
    assertThat(PetitionDevOutboxController.fromLoopback(forwarded)).isFalse();
    MockHttpServletRequest local = new MockHttpServletRequest();
    local.setRemoteAddr("::1");
    assertThat(PetitionDevOutboxController.fromLoopback(local)).isTrue();
  }

  private HttpResponse<String> get(String host, String accept, String forwardedFor) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port
        + PetitionDevOutboxController.PATH)).header("Accept", accept);
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An IPv4 address of this machine that is not a loopback one, if it has any. */
  private static Optional<InetAddress> externalAddress() throws Exception {
    for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!network.isUp() || network.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(network.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }
}
