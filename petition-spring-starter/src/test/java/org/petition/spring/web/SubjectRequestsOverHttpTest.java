package org.petition.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Erasure and access requests over a real Tomcat, a real H2 store and outbox and real SMTP (GreenMail): the same
 * 202 for every valid address, a mail only to one that signed, within the resend limits, after the same time; bad
 * input named by field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:subject-requests;DB_CLOSE_DELAY=-1",
    "petition.web.trusted-proxies=127.0.0.1/32,::1/128"
})
class SubjectRequestsOverHttpTest {

  private static final int PORT = TestSocketUtils.findAvailableTcpPort();
  private static final String SITE = "http://localhost:" + PORT;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    SiteClient.properties(registry, SITE, MAIL.getSmtp().getPort());
    registry.add("server.port", () -> PORT);
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  private final SiteClient site = new SiteClient(SITE);

  @Test
  void aSignerIsMailedOnceAMinuteAndSomeoneWhoNeverSignedGetsTheSameAnswerAndNoMail() throws Exception {
    site.sign("subject@example.org", "Subject", "203.0.113.30");
    SiteClient.awaitMailsTo(MAIL, "subject@example.org", 1);
    for (String path : new String[] {"/api/erasures", "/api/access-requests"}) {
      HttpResponse<String> signer = site.postJson(path, "{\"email\":\"subject@example.org\"}");
      HttpResponse<String> stranger = site.postJson(path, "{\"email\":\"stranger@example.org\"}");
      HttpResponse<String> again = site.postJson(path, "{\"email\":\"Subject@Example.org\"}");
      for (HttpResponse<String> response : List.of(signer, stranger, again)) {
        assertThat(response.statusCode()).as(path).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"status\":\"ACCEPTED\"}");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
      }
    }
    // One erasure and one access mail: the repeats within the minute sent nothing.
    List<String> paths = new ArrayList<>();
    for (var mail : SiteClient.awaitMailsTo(MAIL, "subject@example.org", 3).subList(1, 3)) {
      paths.addAll(SiteClient.links(mail).keySet());
    }
    assertThat(paths).containsExactlyInAnyOrder("erase", "access");
    Thread.sleep(1_000);
    assertThat(SiteClient.mailsTo(MAIL, "subject@example.org")).hasSize(3);
    assertThat(SiteClient.mailsTo(MAIL, "stranger@example.org")).isEmpty();
  }

  @Test
  void theAnswerTakesAboutTheSameTimeWhetherOrNotTheAddressSigned() throws Exception {
    int n = 15;
    for (int i = 0; i < n; i++) {
      site.sign("timed-" + i + "@example.org", "Timed", "203.0.113." + (100 + i));
    }
    for (int i = 0; i < 5; i++) { // warm up both paths
      site.postJson("/api/erasures", "{\"email\":\"warm-" + i + "@example.org\"}");
    }
    List<Long> signed = new ArrayList<>();
    List<Long> never = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      signed.add(timed("{\"email\":\"timed-" + i + "@example.org\"}"));
      never.add(timed("{\"email\":\"never-" + i + "@example.org\"}"));
    }
    long signedMedian = median(signed);
    long neverMedian = median(never);
    System.out.printf("erasure request, median of %d: signed %d µs (mailed), never signed %d µs%n", n,
        signedMedian / 1000, neverMedian / 1000);
    // The work differs only by queueing one mail in the outbox table; the SMTP send is the worker's.
    assertThat(Math.abs(signedMedian - neverMedian)).isLessThan(25_000_000L);
    SiteClient.awaitMailsTo(MAIL, "timed-" + (n - 1) + "@example.org", 2);
  }

  @Test
  void badInputNamesTheField() throws Exception {
    for (String path : new String[] {"/api/erasures", "/api/access-requests"}) {
      assertRejected(path, "{}", "email", "field.required");
      assertRejected(path, "{\"email\":\"  \"}", "email", "field.required");
      assertRejected(path, "{\"email\":42}", "email", "field.invalid_type");
      assertRejected(path, "{\"email\":\"not-an-email\"}", "email", "email.invalid");
      assertRejected(path, "\"a@example.org\"", "request", "request.malformed");
      assertRejected(path, "", "request", "request.malformed");
      HttpResponse<String> malformed = site.postJson(path, "{\"email\":\"a@example.org\"");
      assertThat(malformed.statusCode()).isEqualTo(400);
      assertThat(malformed.body()).isEqualTo("{\"status\":\"INVALID_JSON\"}");
    }
  }

  private long timed(String body) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = site.postJson("/api/erasures", body);
    long took = System.nanoTime() - start;
    assertThat(response.statusCode()).isEqualTo(202);
    return took;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private void assertRejected(String path, String body, String field, String code) throws Exception {
    HttpResponse<String> response = site.postJson(path, body);
    assertThat(response.statusCode()).as(path + " " + body).isEqualTo(422);
    JsonNode json = JSON.readTree(response.body());
    assertThat(json.path("errors").get(0).path("field").asString()).as(body).isEqualTo(field);
    assertThat(json.path("errors").get(0).path("code").asString()).as(body).isEqualTo(code);
    assertThat(response.body()).doesNotContain("not-an-email").doesNotContain("Exception");
  }
}
