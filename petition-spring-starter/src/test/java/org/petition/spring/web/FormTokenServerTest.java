package org.petition.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.petition.ConfirmResult;
import org.petition.Petitions;
import org.petition.check.FindingCodes;
import org.petition.mail.InMemoryOutbox;
import org.petition.moderation.HeldSignature;
import org.petition.spring.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Server-signed form tokens over a real Tomcat: an API client takes the token from {@code GET
 * /api/petitions/{slug}} and its signing counts; a signing without one, with a forged one, sent at once after the
 * token was handed out (whatever {@code renderedAt} it claims) or with a token used a fourth time is held with
 * the bot signal, and answered like any other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "petition.web.trusted-proxies=127.0.0.1,::1")
class FormTokenServerTest {

  private static final String SLUG = "us-troops-out-of-korea";
  private static final Pattern FORM_TOKEN = Pattern.compile("\"formToken\":\"([A-Za-z0-9_-]+)\"");
  private static final AtomicInteger NEXT = new AtomicInteger(1);
  private final HttpClient http = HttpClient.newHttpClient();

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
  @Autowired Petitions petitions;
  @Autowired InMemoryOutbox outbox;

  private String formToken() throws Exception {
    HttpResponse<String> petition = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/petitions/" + SLUG)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(petition.statusCode()).isEqualTo(200);
    assertThat(petition.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    Matcher matcher = FORM_TOKEN.matcher(petition.body());
    assertThat(matcher.find()).as("formToken in %s", petition.body()).isTrue();
    return matcher.group(1);
  }

  /** Signs as {@code email} from an address of its own (so the per-address rate limit stays out of the way). */
  private HttpResponse<String> sign(String email, String extra) throws Exception {
    // A name of its own per signer, so the look-alike check stays out of the way too.
    String name = email.substring(0, email.indexOf('@'));
    String body = "{\"firstName\":\"" + name + "\",\"lastName\":\"Signer" + name.length() + "\",\"email\":\"" + email
        + "\",\"country\":\"KR\","
        + "\"consents\":[\"terms\",\"privacy\",\"processing\"]" + extra + "}";
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/petitions/" + SLUG
            + "/signatures")).header("Content-Type", "application/json").header("User-Agent", "api-client/1.0")
        .header("X-Forwarded-For", "198.51.100." + NEXT.getAndIncrement())
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private List<String> heldCodesOf(String email) {
    // Held signatures carry their findings; this signer's is the latest held one.
    List<HeldSignature> held = petitions.moderation().held(SLUG, 0, 100);
    assertThat(outbox.latestTo(email)).as("a held signer is mailed like any other").isPresent();
    return held.get(held.size() - 1).findings().stream().map(f -> f.code()).toList();
  }

  @Test
  void anApiClientSignsWithTheTokenFromThePetitionAndEveryWayAroundItIsHeld() throws Exception {
    String token = formToken();
    // Sent at once, claiming to have been rendered ten minutes ago: the server's render time is the token's.
    HttpResponse<String> hasty = sign("hasty@example.org",
        ",\"formToken\":\"" + token + "\",\"renderedAt\":" + (System.currentTimeMillis() - 600_000));
    assertThat(hasty.statusCode()).isEqualTo(202);
    assertThat(heldCodesOf("hasty@example.org")).containsExactly(FindingCodes.BOT_TOO_FAST);

    assertThat(sign("tokenless@example.org", "").statusCode()).isEqualTo(202);
    assertThat(heldCodesOf("tokenless@example.org")).containsExactly(FindingCodes.BOT_FORM_TOKEN);
    String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
    assertThat(sign("forger@example.org", ",\"formToken\":\"" + forged + "\"").statusCode()).isEqualTo(202);
    assertThat(heldCodesOf("forger@example.org")).containsExactly(FindingCodes.BOT_FORM_TOKEN);

    Thread.sleep(3_200); // a person fills the form in
    long before = petitions.tally(SLUG).orElseThrow().confirmed();
    assertThat(sign("person@example.org", ",\"formToken\":\"" + token + "\"").body()).isEqualTo("{\"status\":\"PENDING\"}");
    String confirm = outbox.latestTo("person@example.org").orElseThrow().actionUrl();
    assertThat(petitions.confirm(confirm.substring(confirm.indexOf("token=") + 6)))
        .isEqualTo(new ConfirmResult.Confirmed(before + 1));

    // The hasty, person and this signing used the token: the fourth use is a replay.
    assertThat(sign("third@example.org", ",\"formToken\":\"" + token + "\"").statusCode()).isEqualTo(202);
    assertThat(sign("replay@example.org", ",\"formToken\":\"" + token + "\"").statusCode()).isEqualTo(202);
    assertThat(heldCodesOf("replay@example.org")).containsExactly(FindingCodes.BOT_FORM_TOKEN);
  }
}
