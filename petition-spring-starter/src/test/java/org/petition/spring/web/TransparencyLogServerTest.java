package org.petition.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.petition.Petitions;
import org.petition.log.Checkpoint;
import org.petition.log.LogEntry;
import org.petition.log.LogSource;
import org.petition.log.MerkleTree;
import org.petition.log.NoteVerifier;
import org.petition.log.Verify;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.OutgoingMessage;
import org.petition.spring.TestKeys;
import org.petition.spring.log.LogCheckpoints;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The transparency log over a real Tomcat: signings confirmed over HTTP answer receipts, the log's endpoints
 * serve what RFC 9162 and C2SP tools read, bad parameters are 400s naming them, and the command-line verifier
 * verifies the count from the HTTP API alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "petition.web.trusted-proxies=127.0.0.1,::1",
    "petition.log.checkpoint-interval=1h",
    // Signings here come from a test client, not a rendered form (no form token): not held as bots.
    "petition.form-token.required=false",
    "petition.checks.bot-signals.enabled=false"
})
class TransparencyLogServerTest {

  private static final String SLUG = "us-troops-out-of-korea";
  private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");
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
  @Autowired InMemoryOutbox outbox;
  @Autowired LogCheckpoints checkpoints;
  @Autowired Petitions petitions;

  @Test
  void confirmationsAnswerReceiptsAndTheVerifierVerifiesTheCountOverHttp(@TempDir Path dir) throws Exception {
    // The other test may have run first in this application: sizes and counts are from here on.
    long before = petitions.store().logFrontier(SLUG).size();
    long counted = petitions.tally(SLUG).orElseThrow().confirmed();
    long size = before + 5;
    List<OutgoingMessage> mails = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      mails.add(sign());
    }
    List<Long> receipts = new ArrayList<>();
    for (OutgoingMessage mail : mails) {
      HttpResponse<String> confirmed = post("/api/confirmations", "{\"token\":\"" + token(mail.actionUrl()) + "\"}");
      assertThat(confirmed.statusCode()).isEqualTo(200);
      Matcher receipt = Pattern.compile("\"number\":(\\d+),\"receipt\":\\{\"index\":(\\d+),\"entry\":\"([^\"]+)\"}")
          .matcher(confirmed.body());
      assertThat(receipt.find()).as(confirmed.body()).isTrue();
      LogEntry entry = LogEntry.parse(Base64.getDecoder().decode(receipt.group(3)));
      assertThat(entry.number()).isEqualTo(Long.parseLong(receipt.group(1)));
      assertThat(entry.seq()).isEqualTo(Long.parseLong(receipt.group(2)));
      assertThat(entry.type()).isEqualTo(LogEntry.Type.COUNTED);
      assertThat(entry.petition()).isEqualTo(SLUG);
      receipts.add(entry.seq());
    }
    // Confirming again answers the same receipt.
    HttpResponse<String> again = post("/api/confirmations", "{\"token\":\"" + token(mails.get(0).actionUrl()) + "\"}");
    assertThat(again.body()).contains("ALREADY_CONFIRMED").contains("\"receipt\":{\"index\":" + receipts.get(0));
    assertThat(post("/api/revocations", "{\"token\":\"" + token(mails.get(1).revokeUrl()) + "\"}").statusCode())
        .isEqualTo(200);
    checkpoints.runOnce();

    HttpResponse<String> keys = get("/api/log/keys");
    assertThat(keys.statusCode()).isEqualTo(200);
    assertThat(keys.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    NoteVerifier verifier = NoteVerifier.parse(keys.body().strip());
    assertThat(verifier.name()).isEqualTo("petitions.example.org/log");

    HttpResponse<String> note = get("/api/petitions/" + SLUG + "/checkpoint");
    assertThat(note.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    Checkpoint checkpoint = Checkpoint.open(note.body(), List.of(verifier));
    assertThat(checkpoint.origin()).isEqualTo("petitions.example.org/petitions/" + SLUG);
    assertThat(checkpoint.size()).isEqualTo(size);

    // The receipt's inclusion in the signed checkpoint, proved from the inclusion endpoint.
    long index = receipts.get(2);
    HttpResponse<String> inclusion = get("/api/petitions/" + SLUG + "/log/inclusion?index=" + index + "&size=" + size);
    assertThat(inclusion.body()).startsWith("{\"index\":" + index + ",\"size\":" + size + ",\"path\":[");
    List<byte[]> path = hashes(inclusion.body());
    HttpResponse<String> entries = get("/api/petitions/" + SLUG + "/log/entries?start=0&end=" + size);
    List<byte[]> served = hashes(entries.body());
    assertThat(served).hasSize((int) size);
    assertThat(MerkleTree.verifyInclusion(index, size, MerkleTree.leafHash(served.get((int) index)), path,
        checkpoint.rootHash())).isTrue();
    assertThat(LogEntry.parse(served.get((int) size - 1)).type()).isEqualTo(LogEntry.Type.UNCOUNTED);

    // The verifier, from the HTTP API alone.
    String base = "http://127.0.0.1:" + port;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Verify.run(new String[] {base, SLUG}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), LogSource::http);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(Verify.VERIFIED);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("verified: petition " + SLUG + " counts " + (counted + 3) + " signatures");
    assertThat(get("/api/petitions/" + SLUG).body()).contains("\"confirmed\":" + (counted + 3));

    // Later: one more signature, a new checkpoint, consistent with the one saved.
    Path previous = dir.resolve("previous.checkpoint");
    Files.writeString(previous, note.body(), StandardCharsets.UTF_8);
    post("/api/confirmations", "{\"token\":\"" + token(sign().actionUrl()) + "\"}");
    checkpoints.runOnce();
    out.reset();
    code = Verify.run(new String[] {base, SLUG, previous.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), LogSource::http);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(Verify.VERIFIED);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("counts " + (counted + 4) + " signatures")
        .contains("consistent with the previous checkpoint (" + size + " entries)");
  }

  @Test
  void badParametersAre400sNamingThemAndUnknownPetitions404s() throws Exception {
    post("/api/confirmations", "{\"token\":\"" + token(sign().actionUrl()) + "\"}");
    post("/api/confirmations", "{\"token\":\"" + token(sign().actionUrl()) + "\"}");
    String log = "/api/petitions/" + SLUG + "/log/";
    assertBad(log + "entries?start=x&end=1", "start");
    assertBad(log + "entries?start=0", "end");
    assertBad(log + "entries?start=-1&end=1", "start");
    assertBad(log + "entries?start=0&end=99999", "end");
    assertBad(log + "entries?start=2&end=1", "start");
    assertBad(log + "inclusion?index=0", "size");
    assertBad(log + "inclusion?index=1.5&size=2", "index");
    assertBad(log + "inclusion?index=9&size=2", "index");
    assertBad(log + "inclusion?index=0&size=99999", "size");
    assertBad(log + "inclusion?index=0&size=99999999999999999999", "size");
    assertBad(log + "consistency?from=2&to=1", "from");
    assertBad(log + "consistency?from=0&to=99999", "to");
    assertBad(log + "consistency?from=&to=1", "from");
    assertThat(get(log + "consistency?from=1&to=2").statusCode()).isEqualTo(200);
    assertThat(get(log + "entries?start=0&end=0").body()).isEqualTo("{\"entries\":[]}");
    for (String unknown : List.of("/api/petitions/no-such-petition/checkpoint",
        "/api/petitions/no-such-petition/log/entries?start=0&end=1",
        "/api/petitions/no-such-petition/log/inclusion?index=0&size=1",
        "/api/petitions/no-such-petition/log/consistency?from=0&to=1")) {
      HttpResponse<String> response = get(unknown);
      assertThat(response.statusCode()).as(unknown).isEqualTo(404);
      assertThat(response.body()).doesNotContain("Exception");
    }
  }

  @Test
  void thePublicExportLevelsAreServedAsCsvEndingWithTheCurrentCheckpointAndTargetIsNot() throws Exception {
    post("/api/confirmations", "{\"token\":\"" + token(sign().actionUrl()) + "\"}");
    long count = petitions.tally(SLUG).orElseThrow().confirmed();
    HttpResponse<String> counts = get("/api/petitions/" + SLUG + "/export.csv?level=COUNTS");
    assertThat(counts.statusCode()).isEqualTo(200);
    assertThat(counts.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(counts.headers().firstValue("Content-Disposition").orElse("")).contains("attachment")
        .contains(SLUG + "-counts.csv");
    assertThat(counts.body()).startsWith("country,signatures\r\nALL," + count + "\r\n");
    String note = counts.body().substring(counts.body().indexOf("checkpoint,\"") + 12, counts.body().length() - 3);
    assertThat(note).isEqualTo(get("/api/petitions/" + SLUG + "/checkpoint").body());
    HttpResponse<String> shown = get("/api/petitions/" + SLUG + "/export.csv?level=public");
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.body()).startsWith("number,name,affiliation,city,country,signed_at,comment\r\n")
        .doesNotContain("@example.org").doesNotContain("lmond");
    assertBad("/api/petitions/" + SLUG + "/export.csv?level=TARGET", "level");
    assertBad("/api/petitions/" + SLUG + "/export.csv", "level");
    assertThat(get("/api/petitions/no-such-petition/export.csv?level=COUNTS").statusCode()).isEqualTo(404);
  }

  private void assertBad(String path, String parameter) throws Exception {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(400);
    assertThat(response.body()).as(path).contains("\"field\":\"" + parameter + "\"").doesNotContain("Exception");
  }

  /** Signs as a new person from a network of their own; answers the confirmation mail. */
  private OutgoingMessage sign() throws Exception {
    int n = NEXT.getAndIncrement();
    String email = "log" + n + "@example.org";
    String body = "{\"kind\":\"PERSON\",\"firstName\":\"Signer\",\"lastName\":\"" + (char) ('A' + n) + "lmond"
        + n + "\",\"email\":\"" + email + "\",\"country\":\"KR\",\"consents\":[\"terms\",\"privacy\",\"processing\"],"
        + "\"renderedAt\":" + (System.currentTimeMillis() - 60_000) + "}";
    HttpResponse<String> signed = http.send(HttpRequest.newBuilder(uri("/api/petitions/" + SLUG + "/signatures"))
        .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51." + n + ".7")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(202);
    return outbox.latestTo(email).orElseThrow();
  }

  private static String token(String url) {
    Matcher matcher = TOKEN.matcher(Objects.requireNonNull(url));
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  private static List<byte[]> hashes(String json) {
    List<byte[]> values = new ArrayList<>();
    Matcher matcher = Pattern.compile("\"([A-Za-z0-9+/=]{4,})\"").matcher(json.substring(json.indexOf('[')));
    while (matcher.find()) {
      values.add(Base64.getDecoder().decode(matcher.group(1)));
    }
    return values;
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .header("X-Forwarded-For", "203.0.113." + NEXT.getAndIncrement())
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
