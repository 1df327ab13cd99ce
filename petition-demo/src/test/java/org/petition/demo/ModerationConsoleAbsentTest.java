package org.petition.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Without {@code petition.demo.admin.*} there is no moderation console: its pages and API are 404 on a real
 * Tomcat, the site stays open, and its links carry no {@code ;jsessionid=} (sessions by cookie only).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModerationConsoleAbsentTest {

  private static final String SLUG = "us-troops-out-of-korea";

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("petition-demo-no-console");
    registry.add("petition.demo.data-dir", dir::toString);
  }


  @LocalServerPort int port;

  @Test
  void thereIsNoConsole() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String path : new String[] {"/admin/moderation", "/api/moderation/petitions/" + SLUG + "/held"}) {
      HttpResponse<String> response = http.send(ModerationConsoleServerTest.withBasic(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + path)).GET(), "any-password").build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path).isEqualTo(404);
    }
    HttpResponse<String> site = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(site.statusCode()).as("the site stays open").isEqualTo(200);
    assertThat(site.body()).doesNotContain(";jsessionid=");
  }
}
