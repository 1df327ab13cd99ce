package org.petition.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.petition.Petitions;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.OutgoingMessage;
import org.petition.spring.TestKeys;
import org.petition.store.AccountStore;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Accounts persist: a Boot application on real PostgreSQL (with a DataSource, so the starter wires the JDBC
 * account store) registers and verifies an account over HTTP, is stopped, and a new one on the same database
 * logs the account in and counts its signing at once. In core's test package for its {@link PostgresServer}.
 */
class PostgresAccountsRestartTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @Test
  void anAccountRegisteredBeforeARestartLogsInAfterIt() throws Exception {
    PostgresServer.require();
    try (PostgresServer.TestDatabase database = PostgresServer.find().get().createDatabase()) {
      List<String> properties = new ArrayList<>(List.of(TestKeys.withSeedPetition()));
      // Served over http here: on an https base URL the session cookie is Secure, and no client sends it over http.
      properties.removeIf(property -> property.startsWith("petition.base-url="));
      properties.add("petition.base-url=http://localhost");
      properties.add("spring.datasource.url=" + database.url());
      properties.add("spring.datasource.username=" + database.server().user());
      properties.add("spring.datasource.password=" + database.server().password());
      properties.add("server.port=0");
      properties.add("petition.form-token.required=false"); // about accounts, not bots
      String[] settings = properties.toArray(String[]::new);
      String body = "{\"email\":\"persistent@example.org\",\"password\":\"correct horse battery\"}";

      try (ConfigurableApplicationContext first = start(settings)) {
        assertThat(first.getBean(AccountStore.class)).isInstanceOf(JdbcAccountStore.class);
        HttpClient http = client();
        assertThat(post(http, first, "/api/accounts", body).statusCode()).isEqualTo(202);
        String token = first.getBean(InMemoryOutbox.class).latestTo("persistent@example.org")
            .flatMap(OutgoingMessage::actionToken).orElseThrow();
        HttpResponse<String> verified = http.send(HttpRequest.newBuilder(url(first, "/account/verify"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(verified.statusCode()).isEqualTo(200);
      }

      try (ConfigurableApplicationContext second = start(settings)) {
        HttpClient http = client();
        HttpResponse<String> login = post(http, second, "/api/sessions", body);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("\"verified\":true");
        HttpResponse<String> signed = post(http, second, "/api/petitions/us-troops-out-of-korea/signatures",
            "{\"firstName\":\"Jong\",\"lastName\":\"Suk\",\"email\":\"persistent@example.org\",\"country\":\"KR\","
                + "\"consents\":[\"terms\",\"privacy\",\"processing\"]}");
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(signed.body()).isEqualTo("{\"status\":\"CONFIRMED\",\"number\":1}");
        assertThat(second.getBean(Petitions.class).tally("us-troops-out-of-korea").orElseThrow().confirmed())
            .isEqualTo(1);
        // A wrong password is still wrong after the restart.
        assertThat(post(client(), second, "/api/sessions",
            "{\"email\":\"persistent@example.org\",\"password\":\"not the password\"}").statusCode()).isEqualTo(401);
      }
    }
  }

  private static ConfigurableApplicationContext start(String[] properties) {
    return new SpringApplicationBuilder(App.class).properties(properties).run();
  }

  private static HttpClient client() {
    return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
  }

  private static HttpResponse<String> post(HttpClient http, ConfigurableApplicationContext context, String path,
      String json) throws Exception {
    return http.send(HttpRequest.newBuilder(url(context, path)).header("Content-Type", "application/json")
        .header("X-Requested-With", "test").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI url(ConfigurableApplicationContext context, String path) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return URI.create("http://localhost:" + port + path);
  }
}
