package org.petition.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.petition.mail.MessageKind;
import org.petition.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

/**
 * Every link a mail carries resolves, on a real Tomcat, a real H2 store and outbox and real SMTP (GreenMail),
 * with the routes and links under {@code petition.web.base-path=/petitions}: for each {@link MessageKind} the mail
 * is caused over HTTP, its link taken from the received mail, its GET answers 200 with one button (in English and
 * Korean, changing nothing), and its POST has the effect. Unknown and expired tokens get a page saying so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:mail-links;DB_CLOSE_DELAY=-1",
    "petition.web.trusted-proxies=127.0.0.1/32,::1/128",
    "petition.web.base-path=/petitions"
})
class MailLinksOverHttpTest {

  private static final int PORT = TestSocketUtils.findAvailableTcpPort();
  private static final String SITE = "http://localhost:" + PORT;
  private static final MutableClock CLOCK = new MutableClock(Instant.now());

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
  static class App {
    @Bean
    Clock clock() {
      return CLOCK;
    }
  }

  @Autowired org.petition.Petitions petitions;

  // Each signer signs from a network of its own: the per-network rate limit stays out of the walk.
  private final SiteClient site = new SiteClient(SITE + "/petitions");

  @Test
  void everyKindOfMailCarriesLinksThatResolveUnderTheBasePath() throws Exception {
    Map<String, String> followed = new HashMap<>();
    for (MessageKind kind : MessageKind.values()) {
      CLOCK.advance(Duration.ofMinutes(10)); // signers come one after another, not in a burst the checks would hold
      switch (kind) {
        case CONFIRM_SIGNATURE -> {
          long before = site.confirmed();
          assertThat(site.sign("walk-confirm@example.org", "Confirm", "81.1.0.1").statusCode()).isEqualTo(202);
          Map<String, String> links = linksOf("walk-confirm@example.org", 1);
          assertThat(links.keySet()).containsExactlyInAnyOrder("confirm", "revoke");
          HttpResponse<String> done = follow(links.get("confirm"), "confirm", 200);
          assertThat(done.body()).contains("signer number");
          assertThat(site.confirmed()).isEqualTo(before + 1);
          followed.put("confirm", links.get("confirm"));
          followed.put("revoke", links.get("revoke"));

          HttpResponse<String> revoked = follow(links.get("revoke"), "revoke", 200);
          assertThat(revoked.body()).contains("removed");
          assertThat(site.confirmed()).isEqualTo(before);
        }
        case ALREADY_SIGNED -> {
          site.sign("walk-twice@example.org", "Twice", "81.2.0.1");
          follow(linksOf("walk-twice@example.org", 1).get("confirm"), "confirm", 200);
          site.sign("walk-twice@example.org", "Twice", "81.3.0.1");
          MimeMessage again = SiteClient.awaitMailsTo(MAIL, "walk-twice@example.org", 2).get(1);
          assertThat(again.getSubject()).startsWith("You have already signed");
          assertThat(SiteClient.links(again)).as("an already-signed mail carries no link").isEmpty();
        }
        case CONFIRM_ERASURE -> {
          site.sign("walk-erase@example.org", "Erase", "81.4.0.1");
          follow(linksOf("walk-erase@example.org", 1).get("confirm"), "confirm", 200);
          long before = site.confirmed();
          assertThat(site.postJson("/api/erasures", "{\"email\":\"walk-erase@example.org\"}").statusCode())
              .isEqualTo(202);
          Map<String, String> links = linksOf("walk-erase@example.org", 2);
          assertThat(links.keySet()).containsExactly("erase");
          HttpResponse<String> erased = follow(links.get("erase"), "erase", 200);
          assertThat(erased.body()).contains("is erased");
          assertThat(site.confirmed()).isEqualTo(before - 1);
          assertThat(petitions.subjects().access("walk-erase@example.org")).contains("\"signatures\":[]");
          followed.put("erase", links.get("erase"));
        }
        case SUBJECT_ACCESS -> {
          site.sign("walk-access@example.org", "Access", "81.5.0.1");
          assertThat(site.postJson("/api/access-requests", "{\"email\":\"walk-access@example.org\"}").statusCode())
              .isEqualTo(202);
          Map<String, String> links = linksOf("walk-access@example.org", 2);
          assertThat(links.keySet()).containsExactly("access");
          HttpResponse<String> download = follow(links.get("access"), "access", 200);
          assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(
              type -> assertThat(type).startsWith("application/json"));
          assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
              value -> assertThat(value).startsWith("attachment"));
          assertThat(download.body()).contains("\"format\":\"petition.subject-access.v1\"")
              .contains("walk-access@example.org").contains("\"lastName\":\"Access\"");
          followed.put("access", links.get("access"));
        }
        case VERIFY_ACCOUNT -> {
          assertThat(site.postJson("/api/accounts", "{\"email\":\"walk-verify@example.org\","
              + "\"password\":\"a long enough passphrase\",\"firstName\":\"Jong\",\"lastName\":\"Suk\"}")
              .statusCode()).isEqualTo(202);
          Map<String, String> links = linksOf("walk-verify@example.org", 1);
          assertThat(links.keySet()).containsExactly("account/verify");
          HttpResponse<String> verified = follow(links.get("account/verify"), "verify", 200);
          assertThat(verified.body()).contains("is verified");
          HttpResponse<String> login = new SiteClient(SITE + "/petitions").postJson("/api/sessions", "{\"email\":\"walk-verify@example.org\","
              + "\"password\":\"a long enough passphrase\"}", "X-Requested-With", "test");
          assertThat(login.body()).contains("\"verified\":true");
          followed.put("account/verify", links.get("account/verify"));
        }
        case RESET_PASSWORD -> {
          petitions.accounts().register("walk-reset@example.org", "the first passphrase", null);
          linksOf("walk-reset@example.org", 1);
          assertThat(site.postJson("/api/password-resets", "{\"email\":\"walk-reset@example.org\"}").statusCode())
              .isEqualTo(202);
          Map<String, String> links = linksOf("walk-reset@example.org", 2);
          assertThat(links.keySet()).containsExactly("account/reset");
          String link = links.get("account/reset");
          HttpResponse<String> form = site.get(link);
          assertThat(form.body()).contains("type=\"password\" name=\"password\"");
          HttpResponse<String> weak = site.postForm(pageOf(link), "token", SiteClient.token(link), "password", "short");
          assertThat(weak.statusCode()).isEqualTo(422);
          assertThat(weak.body()).contains("type=\"password\"").contains("8");
          HttpResponse<String> reset = site.postForm(pageOf(link), "token", SiteClient.token(link), "password",
              "a brand new passphrase");
          assertThat(reset.statusCode()).isEqualTo(200);
          assertThat(reset.body()).contains("password is changed");
          assertThat(new SiteClient(SITE + "/petitions").postJson("/api/sessions", "{\"email\":\"walk-reset@example.org\","
              + "\"password\":\"a brand new passphrase\"}", "X-Requested-With", "test").statusCode()).isEqualTo(200);
          // The link worked once.
          assertThat(site.postForm(pageOf(link), "token", SiteClient.token(link), "password", "yet another passphrase")
              .statusCode()).isEqualTo(400);
          followed.put("account/reset", link);
        }
        case INVITATION -> {
          site.sign("walk-inviter@example.org", "Inviter", "81.6.0.1");
          String confirm = SiteClient.token(linksOf("walk-inviter@example.org", 1).get("confirm"));
          HttpResponse<String> confirmed = site.postJson("/api/confirmations", "{\"token\":\"" + confirm + "\"}");
          assertThat(site.postJson("/api/petitions/" + SiteClient.SLUG + "/invitations", "{\"inviteToken\":\""
              + SiteClient.inviteToken(confirmed) + "\",\"emails\":[\"walk-invited@example.org\"]}").statusCode())
              .isEqualTo(202);
          Map<String, String> links = linksOf("walk-invited@example.org", 1);
          assertThat(links.keySet()).containsExactly("unsubscribe");
          assertThat(SiteClient.plainText(SiteClient.awaitMailsTo(MAIL, "walk-invited@example.org", 1).get(0)))
              .contains(SITE + "/petitions/p/" + SiteClient.SLUG + "?via=invite");
          HttpResponse<String> suppressed = follow(links.get("unsubscribe"), "unsubscribe", 200);
          assertThat(suppressed.body()).contains("will not send an invitation");
          // Its link lives for years, not the 200 days the other links are checked past below.
        }
        default -> fail("no walk for the message kind " + kind + ": add one");
      }
    }

    // Past every link's life: each page says the link expired, on the GET already, with 410.
    CLOCK.advance(Duration.ofDays(200));
    for (Map.Entry<String, String> link : followed.entrySet()) {
      HttpResponse<String> expired = site.get(link.getValue());
      assertThat(expired.statusCode()).as(link.getKey()).isEqualTo(410);
      assertThat(expired.body()).as(link.getKey()).contains("expired").doesNotContain("<button");
    }
  }

  @Test
  void unknownTokensGetAPageSayingSoAndNeverAServerError() throws Exception {
    for (String path : new String[] {"/confirm", "/revoke", "/erase", "/access", "/account/verify",
        "/account/reset", "/unsubscribe"}) {
      HttpResponse<String> get = site.get(path + "?token=not-a-token");
      assertThat(get.statusCode()).as(path).isEqualTo(400);
      assertThat(get.body()).as(path).contains("not valid").doesNotContain("<button");
      assertThat(site.get(path).statusCode()).as(path + " without a token").isEqualTo(400);
      HttpResponse<String> post = site.postForm(path, "token", "not-a-token", "password", "a long passphrase");
      assertThat(post.statusCode()).as(path).isEqualTo(400);
      assertThat(post.body()).as(path).contains("not valid").doesNotContain("Exception");
      assertThat(site.postForm(path).statusCode()).as(path + " posted without a token").isEqualTo(400);
    }
    // The routes are under the base path only.
    assertThat(new SiteClient(SITE).get("/erase?token=x").statusCode()).isEqualTo(404);
    assertThat(new SiteClient(SITE).postJson("/api/erasures", "{\"email\":\"a@example.org\"}").statusCode())
        .isEqualTo(404);
  }

  private static String pageOf(String link) {
    return link.substring(0, link.indexOf('?'));
  }

  /** The mail's links, once {@code count} mails reached the address, from the last of them. */
  private Map<String, String> linksOf(String address, int count) throws Exception {
    MimeMessage mail = SiteClient.awaitMailsTo(MAIL, address, count).get(count - 1);
    Map<String, String> links = SiteClient.links(mail);
    links.values().forEach(link -> assertThat(link).startsWith(SITE + "/petitions/"));
    return links;
  }

  /**
   * GETs a link in English and in Korean (200, one button, nothing changed, never cached or indexed), then POSTs
   * its form as the button would.
   */
  private HttpResponse<String> follow(String link, String action, int status) throws Exception {
    long before = site.confirmed();
    for (String language : new String[] {"en", "ko"}) {
      HttpResponse<String> page = site.get(link, "Accept-Language", language);
      assertThat(page.statusCode()).as(link).isEqualTo(200);
      assertThat(page.body()).as(language).contains("lang=\"" + language + "\"")
          .contains("<meta name=\"robots\" content=\"noindex, nofollow\">")
          .contains("<form method=\"post\" action=\"" + action + "\"");
      assertThat(page.body().split("<button", -1)).as("one button").hasSize(2);
      assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
      assertThat(page.headers().firstValue("X-Robots-Tag")).hasValueSatisfying(v -> assertThat(v).contains("noindex"));
      if (language.equals("ko")) {
        assertThat(page.body()).containsPattern("[\\uAC00-\\uD7A3]");
      }
    }
    assertThat(site.confirmed()).as("a GET changes nothing").isEqualTo(before);
    // The form's relative action, resolved as a browser does: the page's path without its query.
    HttpResponse<String> acted = site.postForm(pageOf(link), "token", SiteClient.token(link));
    assertThat(acted.statusCode()).as(link + " " + acted.body()).isEqualTo(status);
    assertThat(acted.headers().firstValue("Cache-Control")).hasValue("no-store");
    return acted;
  }
}
