package org.petition.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.petition.ExportLevel;
import org.petition.LogAnswer;
import org.petition.Petitions;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.OutgoingMessage;
import org.petition.spring.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 20 over a real Tomcat: the {@code letter} field of a signing (its limit from {@code
 * petition.petitions[*].letter-limit}, 422s naming it), letters absent from every public answer and present in
 * the TARGET export, and {@code GET /api/petitions/{slug}/related} from 5 shared signers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "petition.web.trusted-proxies=127.0.0.1,::1",
    "petition.log.checkpoint-interval=1h",
    // Signings here come from a test client, not a rendered form (no form token): not held as bots.
    "petition.form-token.required=false",
    "petition.checks.bot-signals.enabled=false"
})
class LettersAndRelatedServerTest {

  private static final String SLUG = "us-troops-out-of-korea";
  private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");
  private static final AtomicInteger NEXT = new AtomicInteger(1);
  private static final String LETTER = "Dear Representative,\\nbring the troops home. 주한미군 철수를 요구합니다.";
  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void keys(DynamicPropertyRegistry registry) {
    // One property source for the whole list: Spring binds a list from one source only.
    List<String> all = new ArrayList<>(List.of(TestKeys.withSeedPetition()));
    all.addAll(List.of(
        "petition.petitions[0].letter-limit=2500",
        "petition.petitions[1].slug=parks",
        "petition.petitions[1].title=Save the parks",
        "petition.petitions[1].target=City Council",
        "petition.petitions[1].consents[0].id=terms",
        "petition.petitions[1].consents[0].purpose=TERMS",
        "petition.petitions[1].consents[0].text=Usage and Limitations of Services",
        "petition.petitions[2].slug=schools",
        "petition.petitions[2].title=Fund the schools",
        "petition.petitions[2].target=School Board",
        "petition.petitions[2].letter-limit=30"));
    for (String property : all) {
      int eq = property.indexOf('=');
      registry.add(property.substring(0, eq), () -> property.substring(eq + 1));
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @LocalServerPort int port;
  @Autowired InMemoryOutbox outbox;
  @Autowired Petitions petitions;

  @Test
  void aLetterIsAcceptedWithinTheLimitAndOnlyTheTargetExportHasIt() throws Exception {
    assertThat(get("/api/petitions/" + SLUG).body()).contains("\"letterLimit\":2500");
    assertThat(get("/api/petitions/parks").body()).contains("\"letterLimit\":0");
    String email = "writer@example.org";
    HttpResponse<String> signed = sign(SLUG, email, "Writer", ",\"letter\":\"" + LETTER + "\"");
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(202);
    confirm(outbox.latestTo(email).orElseThrow());

    assertThat(get("/api/petitions/" + SLUG + "/signatures").body()).contains("Signer W.").doesNotContain("Dear");
    HttpResponse<String> publicCsv = get("/api/petitions/" + SLUG + "/export.csv?level=PUBLIC");
    assertThat(publicCsv.statusCode()).isEqualTo(200);
    assertThat(publicCsv.body()).doesNotContain("Dear Representative");
    assertThat(get("/api/petitions/" + SLUG + "/export.csv?level=TARGET").statusCode()).isEqualTo(400);

    StringWriter out = new StringWriter();
    assertThat(petitions.export(SLUG, ExportLevel.TARGET, out)).isInstanceOf(LogAnswer.Found.class);
    List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(out.toString())).getRecords();
    assertThat(rows.get(0).get(8)).isEqualTo("letter");
    assertThat(rows).anySatisfy(row -> {
      assertThat(row.get(2)).isEqualTo("Writer");
      assertThat(row.get(8)).isEqualTo("Dear Representative,\nbring the troops home. 주한미군 철수를 요구합니다.");
    });
    assertThat(rows.get(rows.size() - 1).get(0)).isEqualTo("checkpoint");
  }

  @Test
  void aLetterOverTheLimitOrWhereNoneIsInvitedIsA422OnLetter() throws Exception {
    HttpResponse<String> tooLong = sign(SLUG, "long@example.org", "Long", ",\"letter\":\"" + "가".repeat(2501) + "\"");
    assertThat(tooLong.statusCode()).isEqualTo(422);
    assertThat(tooLong.body()).contains("\"field\":\"letter\"").contains("field.too_long").contains("2500");
    assertThat(sign(SLUG, "exact@example.org", "Exact", ",\"letter\":\"" + "가".repeat(2500) + "\"").statusCode())
        .isEqualTo(202);

    HttpResponse<String> configured = sign("schools", "short@example.org", "Short", ",\"letter\":\"" + "x".repeat(31) + "\"");
    assertThat(configured.statusCode()).isEqualTo(422);
    assertThat(configured.body()).contains("\"field\":\"letter\"").contains("at most 30 characters");

    HttpResponse<String> notInvited = sign("parks", "parks@example.org", "Parker", ",\"letter\":\"Dear council\"");
    assertThat(notInvited.statusCode()).isEqualTo(422);
    assertThat(notInvited.body()).contains("\"field\":\"letter\"").contains("letter.not_invited");

    HttpResponse<String> wrongType = sign(SLUG, "type@example.org", "Typed", ",\"letter\":42");
    assertThat(wrongType.statusCode()).isEqualTo(422);
    assertThat(wrongType.body()).contains("\"field\":\"letter\"").contains("field.invalid_type");
  }

  @Test
  void relatedListsAPetitionOnceFiveSignersShareItWithoutCounts() throws Exception {
    assertThat(get("/api/petitions/parks/related").body()).isEqualTo("[]");
    List<OutgoingMessage> mails = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String email = "both" + i + "@example.org";
      assertThat(sign("parks", email, "Both" + (char) ('a' + i), "").statusCode()).isEqualTo(202);
      confirm(outbox.latestTo(email).orElseThrow());
      assertThat(sign("schools", email, "Both" + (char) ('a' + i), "").statusCode()).isEqualTo(202);
      mails.add(outbox.latestTo(email).orElseThrow());
    }
    for (int i = 0; i < 4; i++) {
      confirm(mails.get(i));
    }
    assertThat(get("/api/petitions/parks/related").body()).isEqualTo("[]"); // four: not shown
    confirm(mails.get(4));
    HttpResponse<String> related = get("/api/petitions/parks/related");
    assertThat(related.statusCode()).isEqualTo(200);
    assertThat(related.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(related.body())
        .isEqualTo("[{\"slug\":\"schools\",\"title\":\"Fund the schools\",\"target\":\"School Board\"}]");
    assertThat(get("/api/petitions/schools/related?limit=1").body()).contains("\"slug\":\"parks\"")
        .doesNotContain("5");

    assertThat(get("/api/petitions/no-such-petition/related").statusCode()).isEqualTo(404);
    HttpResponse<String> bad = get("/api/petitions/parks/related?limit=abc");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("\"field\":\"limit\"");
    assertThat(get("/api/petitions/parks/related?limit=21").statusCode()).isEqualTo(400);
  }

  private HttpResponse<String> sign(String slug, String email, String lastName, String extra) throws Exception {
    int n = NEXT.getAndIncrement();
    String body = "{\"kind\":\"PERSON\",\"firstName\":\"Signer\",\"lastName\":\"" + lastName + "\",\"email\":\""
        + email + "\",\"country\":\"KR\",\"consents\":[\"terms\",\"privacy\",\"processing\"]" + extra + "}";
    return http.send(HttpRequest.newBuilder(uri("/api/petitions/" + slug + "/signatures"))
        .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51." + n + ".7")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private void confirm(OutgoingMessage mail) throws Exception {
    Matcher matcher = TOKEN.matcher(Objects.requireNonNull(mail.actionUrl()));
    assertThat(matcher.find()).isTrue();
    HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(uri("/api/confirmations"))
        .header("Content-Type", "application/json").header("X-Forwarded-For", "203.0.113." + NEXT.getAndIncrement())
        .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + matcher.group(1) + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
