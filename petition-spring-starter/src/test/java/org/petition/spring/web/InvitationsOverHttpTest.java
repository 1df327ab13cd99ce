package org.petition.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.petition.Petition;
import org.petition.Petitions;
import org.petition.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Invite friends over a real Tomcat (random port), the JDBC store and outbox on H2, and real SMTP (GreenMail):
 * the invite token in the confirmation's answer and on the thank-you page, invitations by JSON and by the page's
 * form, the mail naming the inviter by display name only, one invitation per address, the "never email me again"
 * link (GET changes nothing, POST suppresses), bad input (422 naming each address, 400, 404, 410), the daily and
 * network limits (429 with Retry-After), the aggregates, and an outbox that keeps no invited address once sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:invitations-http;DB_CLOSE_DELAY=-1",
    "petition.web.trusted-proxies=127.0.0.1/32,::1/128",
    "petition.invitations.per-network-per-day=14"
})
public class InvitationsOverHttpTest {

  private static final String BASE = "https://petitions.example.org";
  private static final String SLUG = SiteClient.SLUG;
  private static final MutableClock CLOCK = new MutableClock(Instant.now());
  private static final AtomicInteger NETWORKS = new AtomicInteger(10);

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    // Mail links name the configured base URL; they are followed by their path on this server's random port.
    SiteClient.properties(registry, BASE, MAIL.getSmtp().getPort());
  }

  /** The application: every auto-configuration, and the test's clock. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  public static class App {
    @Bean
    Clock clock() {
      return CLOCK;
    }
  }

  @LocalServerPort int port;
  @Autowired Petitions petitions;
  @Autowired DataSource dataSource;

  private SiteClient site;

  @BeforeEach
  void client() {
    site = new SiteClient("http://localhost:" + port);
  }

  /** A network of its own per signer: the signing limits stay out of the way. */
  private static String network() {
    return "82." + NETWORKS.incrementAndGet() + ".0.1";
  }

  private String onThisServer(String link) {
    URI uri = URI.create(link);
    assertThat(link).startsWith(BASE + "/");
    return "http://localhost:" + port + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  /** Signs from its own network and confirms over the API; answers the confirmation's response. */
  private HttpResponse<String> signAndConfirm(String email, String lastName) throws Exception {
    assertThat(site.sign(email, lastName, network()).statusCode()).isEqualTo(202);
    String confirm = SiteClient.token(SiteClient.links(SiteClient.awaitMailsTo(MAIL, email, 1).get(0)).get("confirm"));
    HttpResponse<String> confirmed = site.postJson("/api/confirmations", "{\"token\":\"" + confirm + "\"}");
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    return confirmed;
  }

  private HttpResponse<String> invite(String slug, String token, String emailsJson, String... headers)
      throws Exception {
    return site.postJson("/api/petitions/" + slug + "/invitations",
        "{\"inviteToken\":\"" + token + "\",\"emails\":" + emailsJson + "}", headers);
  }

  @Test
  public void aConfirmedSignerInvitesByMailNamedByDisplayNameOnly() throws Exception {
    String token = SiteClient.inviteToken(signAndConfirm("inviter@example.org", "Suks"));

    HttpResponse<String> sent = invite(SLUG, token, "[\"friend1@example.com\",\"friend2@example.com\"]");
    assertThat(sent.statusCode()).isEqualTo(202);
    assertThat(sent.body()).isEqualTo("{\"sent\":2,\"skipped\":0}");
    assertThat(sent.headers().firstValue("Cache-Control")).hasValue("no-store");

    MimeMessage mail = SiteClient.awaitMailsTo(MAIL, "friend1@example.com", 1).get(0);
    String text = SiteClient.plainText(mail);
    assertThat(mail.getSubject()).contains("Jong S.").contains("60th Anniversary");
    assertThat(text).contains("Jong S. signed the petition").contains(BASE + "/p/" + SLUG + "?via=invite")
        .contains(BASE + "/unsubscribe?token=").doesNotContain("inviter@example.org").doesNotContain("Suks");

    // Once per address and petition: the same address again (written otherwise) is skipped, which one not said.
    HttpResponse<String> again = invite(SLUG, token, "[\"FRIEND1@example.com\",\"friend3@example.com\"]");
    assertThat(again.body()).isEqualTo("{\"sent\":1,\"skipped\":1}");
    SiteClient.awaitMailsTo(MAIL, "friend3@example.com", 1);
    assertThat(SiteClient.mailsTo(MAIL, "friend1@example.com")).hasSize(1);

    // Delivered: no invited address is left in the outbox.
    long deadline = System.nanoTime() + 10_000_000_000L;
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    while (jdbc.queryForObject("SELECT COUNT(*) FROM petition.petition_mail_outbox", Long.class) > 0
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM petition.petition_mail_outbox", Long.class)).isZero();
    // Only keyed hashes in the invitation table.
    assertThat(jdbc.queryForList("SELECT email_key FROM petition.invitation_sent", byte[].class))
        .allSatisfy(key -> assertThat(key).hasSize(32));
  }

  @Test
  public void theThankYouPageCarriesTheInviteTokenAndItsFormSends() throws Exception {
    assertThat(site.sign("page-inviter@example.org", "Page", network()).statusCode()).isEqualTo(202);
    String confirm = SiteClient.links(SiteClient.awaitMailsTo(MAIL, "page-inviter@example.org", 1).get(0))
        .get("confirm");
    HttpResponse<String> thanks = site.postForm(onThisServer(confirm.substring(0, confirm.indexOf('?'))), "token",
        SiteClient.token(confirm));
    assertThat(thanks.statusCode()).isEqualTo(200);
    assertThat(thanks.body()).contains("<form method=\"post\" action=\"invite\">")
        .contains("name=\"petition\" value=\"" + SLUG + "\"").contains("<textarea name=\"emails\"");
    java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"token\" value=\"([A-Za-z0-9_-]+)\"")
        .matcher(thanks.body().substring(thanks.body().indexOf("action=\"invite\"")));
    assertThat(token.find()).isTrue();

    HttpResponse<String> sent = site.postForm("/invite", "token", token.group(1), "petition", SLUG, "emails",
        "page-friend1@example.com\npage-friend2@example.com, page-friend1@example.com");
    assertThat(sent.statusCode()).isEqualTo(200);
    assertThat(sent.body()).contains("Sent: 2 invitation(s). Skipped: 1");
    assertThat(sent.headers().firstValue("Cache-Control")).hasValue("no-store");
    SiteClient.awaitMailsTo(MAIL, "page-friend2@example.com", 1);

    HttpResponse<String> invalid = site.postForm("/invite", "token", token.group(1), "petition", SLUG, "emails",
        "not-an-address");
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(invalid.body()).contains("not-an-address");
    assertThat(site.postForm("/invite", "token", "forged", "petition", SLUG, "emails", "a@example.com").statusCode())
        .isEqualTo(400);
  }

  @Test
  public void badInputIsAnsweredPreciselyAndNothingIsSent() throws Exception {
    HttpResponse<String> confirmed = signAndConfirm("bad-input@example.org", "Bad");
    String token = SiteClient.inviteToken(confirmed);

    HttpResponse<String> invalid = invite(SLUG, token, "[\"ok@example.com\",\"not-an-address\",\"x@\"]");
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(invalid.body()).contains("\"field\":\"emails[1]\"").contains("\"field\":\"emails[2]\"")
        .contains("not-an-address").doesNotContain("emails[0]");
    assertThat(invite(SLUG, token, "\"a@example.com\"").statusCode()).isEqualTo(422);
    assertThat(invite(SLUG, token, "[]").body()).contains("\"field\":\"emails\"");
    assertThat(invite(SLUG, token, "[1]").body()).contains("\"field\":\"emails[0]\"");
    assertThat(site.postJson("/api/petitions/" + SLUG + "/invitations", "{\"emails\":[\"a@example.com\"]}")
        .statusCode()).isEqualTo(400);
    assertThat(site.postJson("/api/petitions/" + SLUG + "/invitations", "{not json").statusCode()).isEqualTo(400);
    assertThat(invite("no-such-petition", token, "[\"a@example.com\"]").statusCode()).isEqualTo(404);
    // A confirmation token is not an invite token.
    String confirm = SiteClient.token(SiteClient.links(SiteClient.awaitMailsTo(MAIL, "bad-input@example.org", 1)
        .get(0)).get("confirm"));
    HttpResponse<String> wrongPurpose = invite(SLUG, confirm, "[\"a@example.com\"]");
    assertThat(wrongPurpose.statusCode()).isEqualTo(400);
    assertThat(wrongPurpose.body()).contains("\"field\":\"inviteToken\"");
    // Nor the reverse.
    assertThat(site.postJson("/api/confirmations", "{\"token\":\"" + token + "\"}").statusCode()).isEqualTo(400);
    assertThat(SiteClient.mailsTo(MAIL, "ok@example.com")).isEmpty();
    assertThat(SiteClient.mailsTo(MAIL, "a@example.com")).isEmpty();

    // The signature revoked: its invite token is no longer valid.
    String revoke = SiteClient.token(SiteClient.links(SiteClient.awaitMailsTo(MAIL, "bad-input@example.org", 1)
        .get(0)).get("revoke"));
    assertThat(site.postJson("/api/revocations", "{\"token\":\"" + revoke + "\"}").statusCode()).isEqualTo(200);
    HttpResponse<String> gone = invite(SLUG, token, "[\"a@example.com\"]");
    assertThat(gone.statusCode()).isEqualTo(410);
  }

  @Test
  public void aSignerInvitesTenADayAndAFloodFromOneNetworkIsRefused() throws Exception {
    String token = SiteClient.inviteToken(signAndConfirm("ten@example.org", "Ten"));
    StringBuilder ten = new StringBuilder("[");
    for (int i = 0; i < 10; i++) {
      ten.append(i == 0 ? "" : ",").append("\"ten-").append(i).append("@example.com\"");
    }
    assertThat(invite(SLUG, token, ten.append("]").toString(), "X-Forwarded-For", "198.51.100.1").body())
        .isEqualTo("{\"sent\":10,\"skipped\":0}");
    HttpResponse<String> limited = invite(SLUG, token, "[\"eleven@example.com\"]", "X-Forwarded-For", "192.0.2.9");
    assertThat(limited.statusCode()).isEqualTo(429);
    long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(86_000L, 86_400L);

    // Another signer on the same network: 14 a day from one network, 10 are used.
    String other = SiteClient.inviteToken(signAndConfirm("same-net@example.org", "Net"));
    HttpResponse<String> flood = invite(SLUG, other,
        "[\"n1@example.com\",\"n2@example.com\",\"n3@example.com\",\"n4@example.com\",\"n5@example.com\"]",
        "X-Forwarded-For", "198.51.100.200");
    assertThat(flood.statusCode()).isEqualTo(429);
    assertThat(flood.headers().firstValue("Retry-After")).isPresent();
    assertThat(invite(SLUG, other, "[\"n1@example.com\"]", "X-Forwarded-For", "203.0.113.5").statusCode())
        .isEqualTo(202);
    assertThat(SiteClient.mailsTo(MAIL, "eleven@example.com")).isEmpty();
  }

  @Test
  public void neverEmailMeAgainShowsAButtonOnGetAndSuppressesOnPost() throws Exception {
    petitions.register(Petition.builder("second").title("Second petition").goal(10).build());
    petitions.register(Petition.builder("third").title("Third petition").goal(10).build());
    String token = SiteClient.inviteToken(signAndConfirm("suppress-inviter@example.org", "Sup"));
    invite(SLUG, token, "[\"quiet@example.com\"]");
    String link = SiteClient.links(SiteClient.awaitMailsTo(MAIL, "quiet@example.com", 1).get(0)).get("unsubscribe");

    HttpResponse<String> page = site.get(onThisServer(link), "Accept-Language", "ko");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<form method=\"post\" action=\"unsubscribe\"").contains("다시는");
    assertThat(page.body().split("<button", -1)).hasSize(2);
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(page.headers().firstValue("X-Robots-Tag")).hasValueSatisfying(v -> assertThat(v).contains("noindex"));

    // The GET changed nothing: a signer of the second petition still reaches the address.
    assertThat(invite("second", inviteTokenOn("second", "second-inviter@example.org"), "[\"quiet@example.com\"]")
        .body()).isEqualTo("{\"sent\":1,\"skipped\":0}");

    HttpResponse<String> done = site.postForm(onThisServer(link.substring(0, link.indexOf('?'))), "token",
        SiteClient.token(link));
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("will not send an invitation");
    assertThat(invite("third", inviteTokenOn("third", "third-inviter@example.org"), "[\"quiet@example.com\"]")
        .body()).isEqualTo("{\"sent\":0,\"skipped\":1}");
    assertThat(SiteClient.mailsTo(MAIL, "quiet@example.com")).hasSize(2);
    assertThat(site.postForm("/unsubscribe", "token", "forged").statusCode()).isEqualTo(400);
  }

  private String inviteTokenOn(String slug, String email) throws Exception {
    String body = "{\"kind\":\"PERSON\",\"firstName\":\"Ana\",\"lastName\":\"Lee\",\"email\":\"" + email + "\"}";
    assertThat(site.postJson("/api/petitions/" + slug + "/signatures", body, "X-Forwarded-For", network())
        .statusCode()).isEqualTo(202);
    String confirm = SiteClient.token(SiteClient.links(SiteClient.awaitMailsTo(MAIL, email, 1).get(0)).get("confirm"));
    return SiteClient.inviteToken(site.postJson("/api/confirmations", "{\"token\":\"" + confirm + "\"}"));
  }

  @Test
  public void signaturesThroughAnInvitationLinkAreCountedInAggregate() throws Exception {
    String token = SiteClient.inviteToken(signAndConfirm("agg-inviter@example.org", "Agg"));
    invite(SLUG, token, "[\"agg-friend@example.com\"]");
    String before = site.get("/api/petitions/" + SLUG + "/invitations").body();
    Map<String, Long> counts = counts(before);

    // The friend follows the mail's link (via=invite), signs and confirms.
    String body = "{\"kind\":\"PERSON\",\"firstName\":\"Mina\",\"lastName\":\"Park\",\"email\":\"agg-friend@example.com\","
        + "\"country\":\"KR\",\"consents\":[\"terms\",\"privacy\",\"processing\"]}";
    assertThat(site.postJson("/api/petitions/" + SLUG + "/signatures?via=invite", body, "X-Forwarded-For", network())
        .statusCode()).isEqualTo(202);
    String confirm = SiteClient.token(SiteClient.links(SiteClient.awaitMailsTo(MAIL, "agg-friend@example.com", 2)
        .get(1)).get("confirm"));
    site.postJson("/api/confirmations", "{\"token\":\"" + confirm + "\"}");

    HttpResponse<String> after = site.get("/api/petitions/" + SLUG + "/invitations");
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(counts(after.body())).containsEntry("sent", counts.get("sent"))
        .containsEntry("signatures", counts.get("signatures") + 1);
    assertThat(site.get("/api/petitions/no-such-petition/invitations").statusCode()).isEqualTo(404);
  }

  private static Map<String, Long> counts(String json) {
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{\"sent\":(\\d+),\"signatures\":(\\d+)}")
        .matcher(json);
    assertThat(matcher.matches()).as(json).isTrue();
    return Map.of("sent", Long.parseLong(matcher.group(1)), "signatures", Long.parseLong(matcher.group(2)));
  }
}
