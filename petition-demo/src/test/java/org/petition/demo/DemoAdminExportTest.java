package org.petition.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.petition.Petitions;
import org.petition.SignatureRequest;
import org.petition.mail.InMemoryOutbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The recipient's delivery at /admin/export over a real Tomcat: behind HTTP basic authentication with the
 * configured administrator, the TARGET level with the names signers gave and the signed checkpoint; without an
 * administrator configured, no admin page at all.
 */
class DemoAdminExportTest {

  private static final String SLUG = "us-troops-out-of-korea";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static HttpResponse<String> get(int port, String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (authorization != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString(authorization.getBytes(StandardCharsets.UTF_8)));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
      "server.address=127.0.0.1",
      "petition.demo.admin.username=recipient-desk",
      "petition.demo.admin.password=correct horse battery staple"})
  class WithAnAdministrator {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws Exception {
      Path dir = Files.createTempDirectory("petition-demo-admin");
      registry.add("petition.demo.data-dir", dir::toString);
    }

    @LocalServerPort int port;
    @Autowired Petitions petitions;
    @Autowired InMemoryOutbox outbox;

    @Test
    void theTargetDeliveryNeedsTheAdministratorAndEndsWithTheSignedCheckpoint() throws Exception {
      petitions.sign(SignatureRequest.builder(SLUG).person("Seo-yeon", "Park").email("park@example.org")
          .country("KR").city("Busan").consent("terms", "privacy", "processing").build());
      String link = outbox.latestTo("park@example.org").orElseThrow().actionUrl();
      petitions.confirm(link.substring(link.indexOf("token=") + 6));

      assertThat(get(port, "/admin/export/" + SLUG + ".csv", null).statusCode()).isEqualTo(401);
      assertThat(get(port, "/admin/export/" + SLUG + ".csv", "recipient-desk:wrong").statusCode()).isEqualTo(401);
      HttpResponse<String> page = get(port, "/admin/export", "recipient-desk:correct horse battery staple");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("/admin/export/" + SLUG + ".csv");
      HttpResponse<String> csv = get(port, "/admin/export/" + SLUG + ".csv",
          "recipient-desk:correct horse battery staple");
      assertThat(csv.statusCode()).isEqualTo(200);
      assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
      assertThat(csv.body()).startsWith("number,first_name,last_name,organization,city,country,signed_at,comment,letter")
          .contains("Seo-yeon,Park,,Busan,KR").contains("checkpoint,\"").doesNotContain("park@example.org");
      // The public pages and API stay open.
      assertThat(get(port, "/api/petitions/" + SLUG, null).statusCode()).isEqualTo(200);
      assertThat(get(port, "/api/petitions/" + SLUG + "/export.csv?level=COUNTS", null).statusCode()).isEqualTo(200);
    }
  }

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
  class WithoutAnAdministrator {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws Exception {
      Path dir = Files.createTempDirectory("petition-demo-no-admin");
      registry.add("petition.demo.data-dir", dir::toString);
    }

    @LocalServerPort int port;

    @Test
    void thereIsNoAdminPage() throws Exception {
      assertThat(get(port, "/admin/export", null).statusCode()).isEqualTo(404);
      assertThat(get(port, "/admin/export/" + SLUG + ".csv", "anyone:anything").statusCode()).isEqualTo(404);
      assertThat(get(port, "/api/petitions/" + SLUG, null).statusCode()).isEqualTo(200);
    }
  }
}
