package org.petition.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.petition.Petitions;
import org.petition.spring.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On an https base URL the session cookie a login sets is {@code Secure}, {@code HttpOnly} and {@code
 * SameSite=Lax}, read from the Set-Cookie header of a real Tomcat (the site itself is reached over http here, so
 * the header is all there is to read: a client keeps a Secure cookie for https only).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecureSessionCookieTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    for (String property : TestKeys.withSeedPetition()) { // base URL https://petitions.example.org
      int eq = property.indexOf('=');
      registry.add(property.substring(0, eq), () -> property.substring(eq + 1));
    }
  }

  @LocalServerPort int port;
  @Autowired Petitions petitions;

  @Test
  void theSessionCookieIsSecureHttpOnlyAndLax() throws Exception {
    assertThat(petitions.baseUrl()).startsWith("https://");
    petitions.accounts().register("secure@example.org", "correct horse battery", null);
    SiteClient client = new SiteClient("http://localhost:" + port);
    HttpResponse<String> login = client.postJson("/api/sessions",
        "{\"email\":\"secure@example.org\",\"password\":\"correct horse battery\"}", "X-Requested-With", "fetch");
    assertThat(login.statusCode()).isEqualTo(200);
    String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
        .findFirst().orElseThrow();
    assertThat(cookie).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    // Over http the client keeps it back: the session does not travel where it could be read.
    assertThat(client.get("/api/sessions").statusCode()).isEqualTo(401);
  }
}
