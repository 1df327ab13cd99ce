package org.petition.spring.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.petition.ConfirmResult;
import org.petition.Petitions;
import org.petition.SignatureRequest;
import org.petition.check.Finding;
import org.petition.check.Severity;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.OutgoingMessage;
import org.petition.spring.PetitionsBuilderCustomizer;
import org.petition.spring.TestKeys;
import org.petition.store.ModerationAction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The moderation API on a real Tomcat, over HTTP, with three moderators (HTTP basic, checked by the container's
 * filter as an application's security would): each decision (approve, remove, bulk removal, undo) is recorded in the
 * audit log under the name of the moderator who made it, an undo too ({@code undoneBy}), and a second undo does not
 * replace the first one's name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "petition.moderation.api.enabled=true",
    "petition.checks.rate-limit.enabled=false"
})
class ModerationOverHttpTest {

  private static final String SLUG = "us-troops-out-of-korea";
  private static final Map<String, String> MODERATORS = Map.of("alice", TestKeys.base64(18),
      "bob", TestKeys.base64(18), "carol", TestKeys.base64(18));

  @DynamicPropertySource
  static void keys(DynamicPropertyRegistry registry) {
    for (String property : TestKeys.withSeedPetition()) {
      int eq = property.indexOf('=');
      registry.add(property.substring(0, eq), () -> property.substring(eq + 1));
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {

    /** Holds a signing whose comment asks for it, so that there is something to approve. */
    @Bean
    PetitionsBuilderCustomizer holdOnRequest() {
      return builder -> builder.check(input -> input.comment() != null && input.comment().contains("hold me")
          ? List.of(Finding.of("test.hold", Severity.HIGH, "comment", "held by the test check"))
          : List.of());
    }

    /** HTTP basic against the moderators above: the request's principal, as the container would set it. */
    @Bean
    FilterRegistrationBean<Filter> basicAuthentication() {
      Filter filter = (request, response, chain) -> {
        HttpServletRequest http = (HttpServletRequest) request;
        String user = authenticated(http.getHeader("Authorization"));
        chain.doFilter(user == null ? request : new HttpServletRequestWrapper(http) {
          @Override
          public Principal getUserPrincipal() {
            return () -> user;
          }
        }, response);
      };
      return new FilterRegistrationBean<>(filter);
    }

    private static String authenticated(String header) {
      if (header == null || !header.startsWith("Basic ")) {
        return null;
      }
      String pair = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      String user = pair.substring(0, Math.max(colon, 0));
      String password = MODERATORS.get(user);
      return password != null && MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
          pair.substring(colon + 1).getBytes(StandardCharsets.UTF_8)) ? user : null;
    }
  }

  @LocalServerPort int port;
  @Autowired Petitions petitions;
  @Autowired InMemoryOutbox outbox;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void everyDecisionAndItsUndoingIsLoggedUnderTheModeratorWhoMadeIt() throws Exception {
    String run = Long.toString(System.nanoTime(), 36);
    petitions.sign(person("Held", "Person", "held-" + run + "@example.org").comment("please hold me").build());
    long held = petitions.moderation().held(SLUG, 0, 10).get(0).id();
    long spam = signedAndConfirmed("spam-" + run + "@spam.example.net");
    signedAndConfirmed("bot1-" + run + "@farm.example.net");
    signedAndConfirmed("bot2-" + run + "@farm.example.net");
    long before = petitions.tally(SLUG).orElseThrow().confirmed();

    assertThat(post("/api/moderation/signatures/" + held + "/approve", "{\"reason\":\"a person\"}", null)
        .statusCode()).as("no principal").isEqualTo(401);
    assertThat(post("/api/moderation/signatures/" + held + "/approve", "{\"reason\":\"a person\"}", "alice")
        .body()).contains("\"APPROVED\"");
    HttpResponse<String> removed = post("/api/moderation/signatures/" + spam + "/remove", "{\"reason\":\"spam\"}",
        "bob");
    assertThat(removed.statusCode()).isEqualTo(200);
    long removal = json.readTree(removed.body()).path("actionId").asLong();
    HttpResponse<String> bulk = post("/api/moderation/petitions/" + SLUG + "/removals",
        "{\"emailDomain\":\"farm.example.net\",\"reason\":\"a farm\"}", "carol");
    assertThat(json.readTree(bulk.body()).path("removed").asInt()).as(bulk.body()).isEqualTo(2);
    long bulkRemoval = json.readTree(bulk.body()).path("actionId").asLong();
    assertThat(petitions.tally(SLUG).orElseThrow().confirmed()).isEqualTo(before - 3);

    // alice undoes bob's removal; bob undoes carol's bulk removal; carol's later undo of the first is idle.
    assertThat(post("/api/moderation/actions/" + removal + "/undo", "{}", null).statusCode()).isEqualTo(401);
    assertThat(post("/api/moderation/actions/" + removal + "/undo", "{}", "alice").body())
        .contains("\"restored\":1");
    assertThat(post("/api/moderation/actions/" + bulkRemoval + "/undo", "{}", "bob").body())
        .contains("\"restored\":2");
    assertThat(post("/api/moderation/actions/" + removal + "/undo", "{}", "carol").body())
        .contains("\"restored\":0");
    assertThat(petitions.tally(SLUG).orElseThrow().confirmed()).isEqualTo(before);

    JsonNode log = json.readTree(get("/api/moderation/petitions/" + SLUG + "/log", "carol").body());
    JsonNode bulkEntry = entry(log, bulkRemoval);
    assertThat(bulkEntry.path("kind").asString()).isEqualTo("BULK_REMOVE");
    assertThat(bulkEntry.path("moderator").asString()).isEqualTo("carol");
    assertThat(bulkEntry.path("undoneBy").asString()).isEqualTo("bob");
    assertThat(bulkEntry.path("undoneAt").isNull()).isFalse();
    JsonNode removalEntry = entry(log, removal);
    assertThat(removalEntry.path("kind").asString()).isEqualTo("REMOVE");
    assertThat(removalEntry.path("moderator").asString()).isEqualTo("bob");
    assertThat(removalEntry.path("undoneBy").asString()).as("the first undoing stays recorded").isEqualTo("alice");
    JsonNode approval = null;
    for (JsonNode e : log) {
      if (e.path("kind").asString().equals("APPROVE") && e.path("signatureIds").get(0).asLong() == held) {
        approval = e;
      }
    }
    assertThat(approval).isNotNull();
    assertThat(approval.path("moderator").asString()).isEqualTo("alice");
    assertThat(approval.path("undoneBy").isNull()).isTrue();
    // The same through the library.
    assertThat(petitions.moderation().log(SLUG, 50)).filteredOn(a -> a.id() == removal)
        .extracting(ModerationAction::undoneBy).containsExactly("alice");
  }

  private long signedAndConfirmed(String email) {
    petitions.sign(person("Signer", "Of" + email.substring(0, 4), email).build());
    ConfirmResult result = petitions.confirm(confirmToken(outbox.latestTo(email).orElseThrow()));
    assertThat(result).isInstanceOf(ConfirmResult.Confirmed.class);
    return petitions.store().search(SLUG, org.petition.store.SignatureCriteria.builder()
        .emailDomain(email.substring(email.indexOf('@') + 1)).build(), 0, 10).stream()
        .mapToLong(s -> s.id()).max().orElseThrow();
  }

  private static SignatureRequest.Builder person(String first, String last, String email) {
    return SignatureRequest.builder(SLUG).person(first, last).email(email).country("US")
        .consent("terms", "privacy", "processing");
  }

  private static String confirmToken(OutgoingMessage message) {
    return message.actionToken().orElseThrow();
  }

  private static JsonNode entry(JsonNode log, long id) {
    for (JsonNode e : log) {
      if (e.path("id").asLong() == id) {
        return e;
      }
    }
    throw new AssertionError("no log entry " + id + " in " + log);
  }

  private HttpResponse<String> post(String path, String body, String moderator) throws Exception {
    return http.send(authorized(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)), moderator).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String moderator) throws Exception {
    return http.send(authorized(HttpRequest.newBuilder(uri(path)).GET(), moderator).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static HttpRequest.Builder authorized(HttpRequest.Builder request, String moderator) {
    return moderator == null ? request : request.header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((moderator + ":" + MODERATORS.get(moderator)).getBytes(StandardCharsets.UTF_8)));
  }
}
