package org.petition.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.petition.Petitions;
import org.petition.check.SignatureCheck;
import org.petition.mail.MessageKind;
import org.petition.mail.OutgoingMessage;
import org.petition.spring.TestKeys;
import org.petition.spring.mail.MailDeliveryWorker;
import org.petition.spring.mail.MailOutbox;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter over HTTP on a real Tomcat and a real PostgreSQL, every log line captured (a Logback appender on
 * the root, the starter at TRACE): signing with the form token, a repeat, a resend, confirmation, revocation,
 * erasure, the account flows, mail that cannot be delivered (no SMTP server), a store failure answered 503, and
 * an unexpected exception whose message quotes an address answered 500 and logged with its stack trace. No line,
 * message or stack trace holds an email, a full client address, a token, a password or a configured secret.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "petition.web.trusted-proxies=127.0.0.1,::1",
    "petition.form-token.required=true",
    "logging.level.org.petition=TRACE",
    "petition.mail.poll-interval=200ms",
    "spring.mail.host=127.0.0.1"
})
class PostgresStarterNoPersonalDataInLogsTest {

  private static final String SLUG = "us-troops-out-of-korea";
  private static final List<String> SECRETS = new ArrayList<>();
  private static PostgresServer.TestDatabase database;
  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    PostgresServer.require();
    database = PostgresServer.find().orElseThrow().createDatabase();
    registry.add("spring.datasource.url", database::url);
    registry.add("spring.datasource.username", () -> database.server().user());
    registry.add("spring.datasource.password", () -> database.server().password());
    for (String property : TestKeys.withSeedPetition()) {
      int eq = property.indexOf('=');
      String value = property.substring(eq + 1);
      if (property.contains(".secret=")) {
        SECRETS.add(value);
      }
      registry.add(property.substring(0, eq), () -> value);
    }
    try (ServerSocket closed = new ServerSocket(0)) { // a port nothing listens on: every delivery fails
      int port = closed.getLocalPort();
      registry.add("spring.mail.port", () -> port);
    }
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    if (database != null) {
      database.close();
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    /** Fails, quoting the address, on a comment that asks for it: an unexpected exception with personal data. */
    @Bean
    SignatureCheck explodingCheck() {
      return input -> {
        if (input.comment() != null && input.comment().contains("explode")) {
          throw new IllegalStateException("check failed for " + input.canonicalEmail() + " from " + input.ip());
        }
        return List.of();
      };
    }
  }

  @LocalServerPort int port;
  @Autowired Petitions petitions;
  @Autowired MailOutbox mailOutbox;
  @Autowired MailDeliveryWorker worker;

  private HttpResponse<String> send(String method, String path, String json, String client) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("X-Forwarded-For", client).header("User-Agent", "log-scan/1.0");
    if (json == null) {
      request.GET();
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String formToken(String client) throws Exception {
    Matcher matcher = Pattern.compile("\"formToken\":\"([A-Za-z0-9_-]+)\"")
        .matcher(send("GET", "/api/petitions/" + SLUG, null, client).body());
    assertThat(matcher.find()).isTrue();
    SECRETS.add(matcher.group(1));
    return matcher.group(1);
  }

  private HttpResponse<String> sign(String first, String email, String client, String comment) throws Exception {
    SECRETS.add(email);
    SECRETS.add(client);
    String json = "{\"firstName\":\"" + first + "\",\"lastName\":\"Signer\",\"email\":\"" + email
        + "\",\"country\":\"KR\",\"comment\":\"" + comment + "\",\"consents\":[\"terms\",\"privacy\",\"processing\"],"
        + "\"formToken\":\"" + formToken(client) + "\"}";
    return send("POST", "/api/petitions/" + SLUG + "/signatures", json, client);
  }

  /** The link token of the latest mail of {@code kind} to {@code email} in the table outbox (undelivered). */
  private String latestLink(String email, MessageKind kind, boolean revoke) {
    MailOutbox.QueuedMessage latest = null;
    // The worker may be claiming the same rows at the same moment (a claim is a compare-and-set): look again.
    for (int round = 0; round < 50 && latest == null; round++) {
      if (round > 0) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      for (MailOutbox.QueuedMessage queued : mailOutbox.claimDue(Instant.now().plusSeconds(3600),
          Duration.ofMillis(1), 1000)) {
        OutgoingMessage message = queued.message();
        if (message != null && message.recipient().equals(email) && message.kind() == kind
            && (latest == null || queued.id() > latest.id())) {
          latest = queued;
        }
      }
    }
    assertThat(latest).as("a %s mail in the outbox", kind).isNotNull();
    String url = revoke ? latest.message().revokeUrl() : latest.message().actionUrl();
    String token = url.substring(url.indexOf("token=") + 6);
    SECRETS.add(token);
    return token;
  }

  private void accountFlows() {
    String email = "account.holder@example.org";
    String password = "correct horse battery staple 42";
    String wrong = "hunter2 is my password";
    String renewed = "a brand new passphrase 77";
    String client = "198.51.100.199";
    SECRETS.addAll(List.of(email, password, wrong, renewed, client, "nobody.here@example.org"));
    petitions.accounts().register(email, password, Locale.ENGLISH);
    petitions.accounts().verify(latestLink(email, MessageKind.VERIFY_ACCOUNT, false));
    for (int i = 0; i < 6; i++) {
      petitions.accounts().login(email, wrong, client);
    }
    petitions.accounts().login("nobody.here@example.org", wrong, client);
    petitions.accounts().register(email, wrong, Locale.ENGLISH);
    petitions.accounts().requestPasswordReset(email, null);
    String reset = latestLink(email, MessageKind.RESET_PASSWORD, false);
    petitions.accounts().resetPassword(reset, renewed);
    petitions.accounts().resetPassword(reset, renewed);
  }

  @Test
  void everyFlowOverHttpOnPostgresLogsNoPersonalData() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    appender.start();
    root.addAppender(appender);
    try {
      assertThat(sign("Frank", "frank.castellano@example.org", "203.0.113.77", "ok").statusCode()).isEqualTo(202);
      assertThat(sign("Yeongil", "kim.yeongil@example.kr", "2001:db8:85a3::8a2e:370:7334", "ok").statusCode())
          .isEqualTo(202);
      assertThat(sign("Frank", "frank.castellano@example.org", "203.0.113.78", "again").statusCode()).isEqualTo(202);
      assertThat(send("POST", "/api/petitions/" + SLUG + "/resends",
          "{\"email\":\"kim.yeongil@example.kr\"}", "198.51.100.5").statusCode()).isEqualTo(202);
      SECRETS.add("198.51.100.5");

      Thread.sleep(1_500); // the worker tries to deliver, fails (no SMTP server) and logs it
      String frank = latestLink("frank.castellano@example.org", MessageKind.CONFIRM_SIGNATURE, false);
      String kim = latestLink("kim.yeongil@example.kr", MessageKind.CONFIRM_SIGNATURE, true);
      // Signed at once after the token was handed out, so held as too fast: confirmed into review (2xx all the same).
      assertThat(send("POST", "/api/confirmations", "{\"token\":\"" + frank + "\"}", "203.0.113.77")
          .statusCode()).isBetween(200, 299);
      assertThat(send("POST", "/api/revocations", "{\"token\":\"" + kim + "\"}", "2001:db8:85a3::8a2e:370:7334")
          .statusCode()).isBetween(200, 299);
      send("POST", "/api/confirmations", "{\"token\":\"tampered\"}", "203.0.113.77");

      petitions.subjects().requestErasure("frank.castellano@example.org", Locale.ENGLISH);
      petitions.subjects().confirmErasure(latestLink("frank.castellano@example.org", MessageKind.CONFIRM_ERASURE, false));
      accountFlows();

      // An unexpected exception quoting the signer: 500, its stack trace logged without its message.
      HttpResponse<String> exploded = sign("Boom", "exploding.signer@example.org", "203.0.113.90", "explode");
      assertThat(exploded.statusCode()).isEqualTo(500);
      assertThat(exploded.body()).isEqualTo("{\"status\":\"ERROR\"}");

      // The store fails under a signing: 503 RETRY, logged.
      try (Connection connection = DriverManager.getConnection(database.url(), database.server().user(),
          database.server().password()); Statement statement = connection.createStatement()) {
        statement.execute("ALTER TABLE signature RENAME TO signature_gone");
        try {
          HttpResponse<String> down = sign("Down", "store.down@example.org", "203.0.113.91", "ok");
          assertThat(down.statusCode()).isEqualTo(503);
          assertThat(down.headers().firstValue("Retry-After")).isPresent();
        } finally {
          statement.execute("ALTER TABLE signature_gone RENAME TO signature");
        }
      }
      worker.drain();
    } finally {
      root.detachAppender(appender);
    }

    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : appender.list) {
      lines.add(event.getLoggerName() + " " + event.getFormattedMessage());
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        lines.add(t.getClassName() + ": " + t.getMessage());
        for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
          lines.add(frame.getSTEAsString());
        }
      }
    }
    String logs = String.join("\n", lines);
    assertThat(logs).as("the mail failure was logged").contains("not sent");
    assertThat(logs).as("the store failure was logged").contains("petition store failed");
    assertThat(logs).as("the unexpected failure was logged with its stack trace")
        .contains("petition API request failed").contains("java.lang.IllegalStateException (message withheld)")
        .contains("explodingCheck");
    SECRETS.addAll(List.of("exploding.signer@example.org", "203.0.113.90", "store.down@example.org", "203.0.113.91"));
    for (String secret : SECRETS) {
      assertThat(logs).as("logs must not contain a personal value, password, token or secret").doesNotContain(secret);
    }
    assertThat(logs).doesNotContainPattern("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[a-z]{2,}");
  }
}
