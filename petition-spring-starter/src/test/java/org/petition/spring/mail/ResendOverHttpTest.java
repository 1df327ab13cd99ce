package org.petition.spring.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.petition.spring.PetitionProperties;
import org.petition.spring.PetitionStoreMapper;
import org.petition.store.PetitionStoreException;
import org.petition.store.SignatureStore;
import org.petition.store.jdbc.JdbcSignatureStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Didn't get the mail?" over real HTTP, a real H2 store and outbox, and real SMTP (GreenMail): the resend
 * endpoint answers alike for any address and mails only a signer; a signing whose outcome the store cannot know
 * answers 503 RETRY, and signing again then mails a working link.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:resend-e2e;DB_CLOSE_DELAY=-1",
    // The test client stands for signers behind a proxy: each names its own address, as the rate limits need.
    "petition.web.trusted-proxies=127.0.0.1/32,::1/128",
    "petition.mail.poll-interval=200ms"
})
class ResendOverHttpTest {

  private static final int WEB_PORT = MailRoundTrip.freePort();
  private static final String RESENDS = "/api/petitions/" + MailRoundTrip.SLUG + "/resends";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** When set, the next insert is applied and then fails as a connection lost while committing would. */
  static final AtomicBoolean CUT_NEXT_COMMIT = new AtomicBoolean();

  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    MailRoundTrip.properties(registry, WEB_PORT, GREEN_MAIL.getSmtp().getPort());
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    /** The JDBC store, whose commit can be cut after the row is written (outcome unknown to the caller). */
    @Bean
    SignatureStore cuttableStore(DataSource dataSource, PetitionProperties properties) {
      SignatureStore store = PetitionStoreMapper.jdbcStore(JdbcSignatureStore.builder(dataSource), properties)
          .build();
      return (SignatureStore) Proxy.newProxyInstance(SignatureStore.class.getClassLoader(),
          new Class<?>[] {SignatureStore.class}, (proxy, method, args) -> {
            Object result;
            try {
              result = method.invoke(store, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
            if (method.getName().equals("insert") && CUT_NEXT_COMMIT.compareAndSet(true, false)) {
              throw new PetitionStoreException("insert signature failed: the connection was lost while committing",
                  true, null);
            }
            return result;
          });
    }
  }

  @Autowired MailOutbox outbox;

  private final MailRoundTrip web = new MailRoundTrip(WEB_PORT);

  @Test
  void aSignerWhoseMailWasLostAsksForItAgainAndIsCountedOnce() throws Exception {
    long before = web.confirmed();
    assertThat(web.sign("lost@example.org", "Ann", "Lost", "203.0.113.10").statusCode()).isEqualTo(202);
    awaitMailsTo("lost@example.org", 1); // gone to spam

    HttpResponse<String> resent = web.postJson(RESENDS, "{\"email\":\"lost@example.org\"}", "203.0.113.10");
    assertThat(resent.statusCode()).isEqualTo(202);
    assertThat(resent.body()).isEqualTo("{\"status\":\"PENDING\"}");
    assertThat(resent.headers().firstValue("Cache-Control")).hasValue("no-store");

    String link = MailRoundTrip.confirmLink(awaitMailsTo("lost@example.org", 2).get(1));
    assertThat(web.postForm("/confirm", "token", MailRoundTrip.token(link)).body()).contains("signer number");
    assertThat(web.confirmed()).isEqualTo(before + 1);
  }

  @Test
  void anAddressThatNeverSignedGetsTheSameAnswerAndNoMail() throws Exception {
    HttpResponse<String> resent = web.postJson(RESENDS, "{\"email\":\"nobody@example.org\"}", "203.0.113.11");

    assertThat(resent.statusCode()).isEqualTo(202);
    assertThat(resent.body()).isEqualTo("{\"status\":\"PENDING\"}");
    assertThat(outbox.backlog().waiting()).isZero();
    Thread.sleep(1_000);
    assertThat(mailsTo("nobody@example.org")).isEmpty();
  }

  @Test
  void badRequestsAreAnsweredLikeTheOtherEndpoints() throws Exception {
    HttpResponse<String> unknown = web.postJson("/api/petitions/nope/resends", "{\"email\":\"a@example.org\"}", null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).isEqualTo("{\"status\":\"NOT_FOUND\"}");

    assertRejected("{\"email\":5}", "email", "field.invalid_type");
    assertRejected("{\"email\":[\"a@example.org\"]}", "email", "field.invalid_type");
    assertRejected("{}", "email", "field.required");
    assertRejected("{\"email\":\"not-an-email\"}", "email", "email.invalid");
    HttpResponse<String> malformed = web.postJson(RESENDS, "{\"email\":", null);
    assertThat(malformed.statusCode()).isEqualTo(400); // a broken request, not a resend that broke a rule
    assertThat(malformed.body()).isEqualTo("{\"status\":\"INVALID_JSON\"}");
    assertRejected("[1,2]", "request", "request.malformed");
    assertRejected("", "request", "request.malformed");
    HttpResponse<String> text = web.http.send(HttpRequest.newBuilder(web.url(RESENDS))
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("a@example.org")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(text.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(text.body()).path("errors").get(0).path("code").asString()).isEqualTo("request.not_json");
  }

  @Test
  void aSigningWhoseOutcomeTheStoreCannotKnowIs503RetryAndTheRetryMailsAWorkingLink() throws Exception {
    long before = web.confirmed();
    CUT_NEXT_COMMIT.set(true);

    HttpResponse<String> cut = web.sign("cut@example.org", "Bo", "Cut", "198.51.100.20");
    assertThat(cut.statusCode()).isEqualTo(503);
    assertThat(cut.body()).isEqualTo("{\"status\":\"RETRY\"}");
    assertThat(cut.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(outbox.backlog().waiting()).isZero();

    // The signature was in fact stored, without its mail: signing again mails its link. (From another address:
    // the per-address rate limit counted the first try, and would answer a retry within the minute with 429.)
    HttpResponse<String> retried = web.sign("cut@example.org", "Bo", "Cut", "198.51.100.21");
    assertThat(retried.statusCode()).isEqualTo(202);
    assertThat(retried.body()).isEqualTo("{\"status\":\"PENDING\"}");
    String link = MailRoundTrip.confirmLink(awaitMailsTo("cut@example.org", 1).get(0));
    assertThat(web.postForm("/confirm", "token", MailRoundTrip.token(link)).body()).contains("signer number");
    assertThat(web.confirmed()).isEqualTo(before + 1);
  }

  private void assertRejected(String body, String field, String code) throws Exception {
    HttpResponse<String> response = web.postJson(RESENDS, body, null);
    assertThat(response.statusCode()).as(body).isEqualTo(422);
    JsonNode json = JSON.readTree(response.body());
    assertThat(json.path("status").asString()).isEqualTo("REJECTED");
    assertThat(json.path("errors").get(0).path("field").asString()).as(body).isEqualTo(field);
    assertThat(json.path("errors").get(0).path("code").asString()).as(body).isEqualTo(code);
    assertThat(response.body()).doesNotContain("not-an-email").doesNotContain("Exception");
  }

  private static List<MimeMessage> mailsTo(String address) throws Exception {
    List<MimeMessage> mails = new ArrayList<>();
    for (MimeMessage message : GREEN_MAIL.getReceivedMessages()) {
      for (Address recipient : message.getAllRecipients()) {
        if (((InternetAddress) recipient).getAddress().equalsIgnoreCase(address)) {
          mails.add(message);
        }
      }
    }
    return mails;
  }

  private static List<MimeMessage> awaitMailsTo(String address, int count) throws Exception {
    long deadline = System.nanoTime() + 15_000_000_000L;
    List<MimeMessage> mails = mailsTo(address);
    while (mails.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(100);
      mails = mailsTo(address);
    }
    assertThat(mails).as("mails to " + address).hasSize(count);
    return mails;
  }
}
