package org.petition.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.OutgoingMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The moderation console on a real Tomcat, over HTTP: a signing sent too fast is held; the moderator sees it with
 * its finding through the REST API and the page (HTTP basic), releases it from the page (Spring Security's CSRF
 * token), and it counts; the audit log names the moderator. Without credentials there is no console (404).
 */
class ModerationConsoleServerTest {

  private static final String SLUG = "us-troops-out-of-korea";
  private static final String PASSWORD = "a-long-test-moderator-password";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("petition-demo-moderation");
    registry.add("petition.demo.data-dir", dir::toString);
  }

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
      "petition.demo.admin.username=moderator", "petition.demo.admin.password=" + ModerationConsoleServerTest.PASSWORD})
  class WithCredentials {

    @LocalServerPort int port;
    @Autowired InMemoryOutbox outbox;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void aSigningSentTooFastIsHeldThenReleasedFromThePageAndCounted() throws Exception {
      String email = "held-" + System.nanoTime() + "@example.org";
      // The form token of the petition's page, sent back at once: sooner than a person could fill the form in.
      Matcher formToken = Pattern.compile("\"formToken\":\"([^\"]+)\"").matcher(send(get("/api/petitions/" + SLUG))
          .body());
      assertThat(formToken.find()).isTrue();
      HttpResponse<String> signed = send(post("/api/petitions/" + SLUG + "/signatures", "application/json",
          "{\"firstName\":\"Ann\",\"lastName\":\"Lee\",\"email\":\"" + email + "\",\"country\":\"US\","
              + "\"consents\":[\"terms\",\"privacy\",\"processing\"],\"formToken\":\"" + formToken.group(1)
              + "\"}"));
      assertThat(signed.statusCode()).isEqualTo(202);
      String token = outbox.latestTo(email).flatMap(OutgoingMessage::actionToken).orElseThrow();
      HttpResponse<String> confirmed = send(post("/api/confirmations", "application/json",
          "{\"token\":\"" + token + "\"}"));
      assertThat(confirmed.body()).contains("UNDER_REVIEW");
      long before = confirmedCount();

      assertThat(send(get("/api/moderation/petitions/" + SLUG + "/held")).statusCode()).as("no credentials")
          .isEqualTo(401);
      HttpResponse<String> held = send(withBasic(get("/api/moderation/petitions/" + SLUG + "/held"), PASSWORD));
      assertThat(held.statusCode()).isEqualTo(200);
      assertThat(held.body()).contains("\"code\":\"bot.too_fast\"").doesNotContain(email);
      Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(held.body());
      assertThat(id.find()).isTrue();
      String signatureId = id.group(1);
      assertThat(send(withBasic(get("/api/moderation/petitions/" + SLUG + "/held"), "wrong")).statusCode())
          .isEqualTo(401);

      HttpResponse<String> page = send(withBasic(get("/admin/moderation"), PASSWORD));
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("held-" + signatureId).contains("bot.too_fast");
      Matcher csrf = CSRF.matcher(page.body());
      assertThat(csrf.find()).as("Spring Security's CSRF token in the page's forms").isTrue();

      String form = "petition=" + SLUG + "&reason=" + URLEncoder.encode("a person, typing fast",
          StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
      HttpResponse<String> withoutToken = send(withBasic(post("/admin/moderation/signatures/" + signatureId
          + "/approve", "application/x-www-form-urlencoded", "petition=" + SLUG), PASSWORD));
      assertThat(withoutToken.statusCode()).as("a form without the CSRF token").isEqualTo(403);
      HttpResponse<String> approved = send(withBasic(post("/admin/moderation/signatures/" + signatureId
          + "/approve", "application/x-www-form-urlencoded", form), PASSWORD));
      assertThat(approved.statusCode()).isEqualTo(302);

      assertThat(confirmedCount()).isEqualTo(before + 1);
      HttpResponse<String> log = send(withBasic(get("/api/moderation/petitions/" + SLUG + "/log"), PASSWORD));
      assertThat(log.body()).contains("\"kind\":\"APPROVE\"").contains("\"moderator\":\"moderator\"")
          .contains("a person, typing fast");

      // Remove it through the REST API, count a bulk removal's dry run, and undo.
      HttpResponse<String> dryRun = send(withBasic(post("/api/moderation/petitions/" + SLUG + "/removals",
          "application/json", "{\"emailDomain\":\"example.org\",\"dryRun\":true}"), PASSWORD));
      assertThat(dryRun.statusCode()).isEqualTo(200);
      assertThat(dryRun.body()).contains("\"status\":\"DRY_RUN\"").containsPattern("\"matching\":[1-9]");
      assertThat(confirmedCount()).as("a dry run removes nothing").isEqualTo(before + 1);
      HttpResponse<String> removed = send(withBasic(post("/api/moderation/signatures/" + signatureId + "/remove",
          "application/json", "{\"reason\":\"test\"}"), PASSWORD));
      assertThat(removed.statusCode()).isEqualTo(200);
      assertThat(confirmedCount()).isEqualTo(before);
      Matcher action = Pattern.compile("\"actionId\":(\\d+)").matcher(removed.body());
      assertThat(action.find()).isTrue();
      HttpResponse<String> undone = send(withBasic(post("/api/moderation/actions/" + action.group(1) + "/undo",
          "application/json", "{}"), PASSWORD));
      assertThat(undone.body()).contains("\"restored\":1");
      assertThat(confirmedCount()).isEqualTo(before + 1);
      // The undoing is recorded with who did it, in the API's log and on the page.
      assertThat(send(withBasic(get("/api/moderation/petitions/" + SLUG + "/log"), PASSWORD)).body())
          .containsPattern("\"id\":" + action.group(1) + ",\"kind\":\"REMOVE\",\"moderator\":\"moderator\",[^}]*"
              + "\"undoneBy\":\"moderator\"");
      assertThat(send(withBasic(get("/admin/moderation"), PASSWORD)).body()).containsPattern("undone [^<]* by moderator");

      HttpResponse<String> noReason = send(withBasic(post("/api/moderation/signatures/" + signatureId + "/remove",
          "application/json", "{}"), PASSWORD));
      assertThat(noReason.statusCode()).isEqualTo(422);
      assertThat(noReason.body()).contains("\"field\":\"reason\"");
      assertThat(send(withBasic(get("/api/moderation/petitions/no-such-petition/held"), PASSWORD)).statusCode())
          .isEqualTo(404);
    }

    private long confirmedCount() throws Exception {
      Matcher confirmed = Pattern.compile("\"confirmed\":(\\d+)").matcher(send(get("/api/petitions/" + SLUG)).body());
      assertThat(confirmed.find()).isTrue();
      return Long.parseLong(confirmed.group(1));
    }

    private HttpRequest.Builder get(String path) {
      return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    }

    private HttpRequest.Builder post(String path, String type, String body) {
      return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", type)
          .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  static HttpRequest.Builder withBasic(HttpRequest.Builder request, String password) {
    return request.header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString(("moderator:" + password).getBytes(StandardCharsets.UTF_8)));
  }
}
