package org.petition.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.petition.Petitions;
import org.petition.store.AccountStore;
import org.petition.store.jdbc.JdbcAccountStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Returning signers over a real Tomcat with a cookie-keeping client, real SMTP (GreenMail) and the JDBC account
 * store on H2: register, verify by the mailed link, sign in (the container's session cookie), sign counted at
 * once, sign out; the CSRF header, the throttle, and every bad input answered with its field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:accounts-http;DB_CLOSE_DELAY=-1",
    "petition.web.trusted-proxies=127.0.0.1/32,::1/128"
})
class AccountsOverHttpTest {

  private static final int PORT = TestSocketUtils.findAvailableTcpPort();
  private static final String SITE = "http://localhost:" + PORT;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String[] CSRF = {"X-Requested-With", "fetch"};

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

  @Autowired Petitions petitions;
  @Autowired AccountStore accountStore;

  @Test
  void aVerifiedSignedInSignerIsCountedAtOnceWithTheConsentsRecorded() throws Exception {
    assertThat(accountStore).isInstanceOf(JdbcAccountStore.class);
    SiteClient browser = new SiteClient(SITE);
    String email = "returning@example.org";
    HttpResponse<String> registered = browser.postJson("/api/accounts", "{\"email\":\"" + email
        + "\",\"password\":\"correct horse battery\",\"firstName\":\"Jong\",\"lastName\":\"Suk\"}");
    assertThat(registered.statusCode()).isEqualTo(202);
    assertThat(registered.body()).isEqualTo("{\"status\":\"ACCEPTED\"}");
    String verify = SiteClient.links(SiteClient.awaitMailsTo(MAIL, email, 1).get(0)).get("account/verify");
    assertThat(browser.postForm(SITE + "/account/verify", "token", SiteClient.token(verify)).statusCode())
        .isEqualTo(200);

    HttpResponse<String> login = browser.postJson("/api/sessions",
        "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}", CSRF);
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).isEqualTo("{\"status\":\"SIGNED_IN\",\"email\":\"" + email + "\",\"verified\":true}");
    String setCookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
        .findFirst().orElseThrow();
    assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
    assertThat(browser.get("/api/sessions").body()).contains("\"status\":\"SIGNED_IN\"").contains(email);
    // A session id known before a login (planted, or the last one) is not the one after it.
    String firstId = sessionId(browser);
    assertThat(browser.postJson("/api/sessions", "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}",
        CSRF).statusCode()).isEqualTo(200);
    assertThat(sessionId(browser)).isNotEqualTo(firstId);

    long before = browser.confirmed();
    HttpResponse<String> forged = browser.sign(email, "Suk", "198.51.100.1");
    assertThat(forged.statusCode()).as("a cookie-authenticated signing without the header").isEqualTo(403);
    assertThat(forged.body()).contains("X-Requested-With").contains("header.required");
    HttpResponse<String> signed = browser.sign(email, "Suk", "198.51.100.2", CSRF);
    assertThat(signed.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(signed.body()).path("status").asString()).isEqualTo("CONFIRMED");
    long number = JSON.readTree(signed.body()).path("number").asLong();
    assertThat(number).isPositive();
    assertThat(browser.confirmed()).isEqualTo(before + 1);
    assertThat(SiteClient.mailsTo(MAIL, email)).as("no confirmation mail").hasSize(1);
    JsonNode export = JSON.readTree(petitions.subjects().access(email));
    assertThat(export.path("consents").findValuesAsString("purpose"))
        .contains("TERMS", "PRIVACY_POLICY", "DATA_PROCESSING");

    // The session proves one address only: another's signing is pending until its own mail is followed.
    assertThat(browser.sign("someone-else@example.org", "Suk", "198.51.100.5", CSRF).body())
        .isEqualTo("{\"status\":\"PENDING\"}");
    assertThat(browser.confirmed()).isEqualTo(before + 1);

    HttpResponse<String> noHeader = browser.delete("/api/sessions");
    assertThat(noHeader.statusCode()).isEqualTo(403);
    assertThat(browser.delete("/api/sessions", CSRF).statusCode()).isEqualTo(204);
    assertThat(browser.get("/api/sessions").statusCode()).isEqualTo(401);
    // Signed out: a signing is an ordinary one again, pending until its mail is followed.
    assertThat(browser.sign("other-" + email, "Suk", "198.51.100.3").statusCode()).isEqualTo(202);
  }

  @Test
  void aSignerOfAnUnverifiedAccountSignsPending() throws Exception {
    SiteClient browser = new SiteClient(SITE);
    petitions.accounts().register("unverified@example.org", "correct horse battery", null);
    assertThat(browser.postJson("/api/sessions",
        "{\"email\":\"unverified@example.org\",\"password\":\"correct horse battery\"}", CSRF).body())
        .contains("\"verified\":false");
    long before = browser.confirmed();
    HttpResponse<String> signed = browser.sign("unverified@example.org", "Kim", "198.51.100.4", CSRF);
    assertThat(signed.statusCode()).isEqualTo(202);
    assertThat(signed.body()).isEqualTo("{\"status\":\"PENDING\"}");
    assertThat(browser.confirmed()).isEqualTo(before);
  }

  @Test
  void wrongCredentialsAre401AndRepeatedFailuresAreThrottled() throws Exception {
    SiteClient browser = new SiteClient(SITE);
    petitions.accounts().register("locked@example.org", "correct horse battery", null);
    HttpResponse<String> unknown = browser.postJson("/api/sessions",
        "{\"email\":\"nobody@example.org\",\"password\":\"whatever it is\"}", CSRF);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.body()).isEqualTo("{\"status\":\"INVALID_CREDENTIALS\"}");
    HttpResponse<String> last = null;
    for (int i = 0; i < 6; i++) {
      last = browser.postJson("/api/sessions", "{\"email\":\"locked@example.org\",\"password\":\"wrong " + i + "\"}",
          "X-Requested-With", "fetch", "X-Forwarded-For", "192.0.2." + (10 + i));
    }
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.body()).isEqualTo("{\"status\":\"RATE_LIMITED\"}");
    assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(
        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
    // Locked even with the right password, until the lock ends.
    assertThat(browser.postJson("/api/sessions",
        "{\"email\":\"locked@example.org\",\"password\":\"correct horse battery\"}", "X-Requested-With", "fetch",
        "X-Forwarded-For", "192.0.2.50").statusCode()).isEqualTo(429);
    assertThat(browser.postJson("/api/sessions",
        "{\"email\":\"locked@example.org\",\"password\":\"correct horse battery\"}").statusCode())
        .as("no header").isEqualTo(403);
  }

  @Test
  void registrationAnswersAlikeForAnExistingAddressAndResetsAreAccepted() throws Exception {
    SiteClient browser = new SiteClient(SITE);
    String body = "{\"email\":\"twice@example.org\",\"password\":\"correct horse battery\"}";
    HttpResponse<String> first = browser.postJson("/api/accounts", body);
    HttpResponse<String> second = browser.postJson("/api/accounts", body);
    assertThat(second.statusCode()).isEqualTo(first.statusCode()).isEqualTo(202);
    assertThat(second.body()).isEqualTo(first.body());
    HttpResponse<String> reset = browser.postJson("/api/password-resets", "{\"email\":\"nobody@example.org\"}");
    assertThat(reset.statusCode()).isEqualTo(202);
    assertThat(reset.body()).isEqualTo("{\"status\":\"ACCEPTED\"}");
    assertThat(SiteClient.mailsTo(MAIL, "nobody@example.org")).isEmpty();
  }

  @Test
  void badInputNamesTheFieldAndTheRule() throws Exception {
    SiteClient browser = new SiteClient(SITE);
    assertRejected(browser, "/api/accounts", "{\"email\":\"weak@example.org\",\"password\":\"short\"}", "password",
        "password.too_short");
    assertRejected(browser, "/api/accounts", "{\"email\":\"weak@example.org\",\"password\":\"password123\"}",
        "password", "password.common");
    assertRejected(browser, "/api/accounts", "{\"password\":\"correct horse battery\"}", "email", "field.required");
    assertRejected(browser, "/api/accounts", "{\"email\":\"a@example.org\"}", "password", "field.required");
    assertRejected(browser, "/api/accounts", "{\"email\":7,\"password\":\"correct horse battery\"}", "email",
        "field.invalid_type");
    assertRejected(browser, "/api/accounts", "{\"email\":\"a@example.org\",\"password\":[1]}", "password",
        "field.invalid_type");
    assertRejected(browser, "/api/accounts",
        "{\"email\":\"a@example.org\",\"password\":\"correct horse battery\",\"firstName\":{}}", "firstName",
        "field.invalid_type");
    assertRejected(browser, "/api/accounts", "{\"email\":\"not-an-email\",\"password\":\"correct horse battery\"}",
        "email", "email.invalid");
    assertRejected(browser, "/api/accounts", "[]", "request", "request.malformed");
    assertRejected(browser, "/api/sessions", "{\"email\":\"a@example.org\",\"password\":5}", "password",
        "field.invalid_type");
    assertRejected(browser, "/api/sessions", "{\"password\":\"x\"}", "email", "field.required");
    assertRejected(browser, "/api/password-resets", "{\"email\":true}", "email", "field.invalid_type");
    assertRejected(browser, "/api/password-resets", "{}", "email", "field.required");
    HttpResponse<String> malformed = browser.postJson("/api/accounts", "{\"email\":", CSRF);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).isEqualTo("{\"status\":\"INVALID_JSON\"}");
    assertThat(browser.postJson("/api/sessions", "{\"email\":", CSRF).statusCode()).isEqualTo(400);
  }

  private static void assertRejected(SiteClient browser, String path, String body, String field, String code)
      throws Exception {
    HttpResponse<String> response = browser.postJson(path, body, CSRF);
    assertThat(response.statusCode()).as(path + " " + body).isEqualTo(422);
    JsonNode json = JSON.readTree(response.body());
    assertThat(json.path("status").asString()).isEqualTo("REJECTED");
    List<String> fields = json.path("errors").findValuesAsString("field");
    List<String> codes = json.path("errors").findValuesAsString("code");
    assertThat(fields).as(body).contains(field);
    assertThat(codes).as(body).contains(code);
    assertThat(response.body()).doesNotContain("correct horse").doesNotContain("Exception");
  }

  private static String sessionId(SiteClient client) {
    return client.cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
  }
}
