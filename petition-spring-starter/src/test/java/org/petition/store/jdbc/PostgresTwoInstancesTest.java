package org.petition.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.petition.Petition;
import org.petition.Petitions;
import org.petition.spring.TestKeys;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of a Boot application, each a real Tomcat on a port of its own, on one real PostgreSQL and
 * one SMTP server (GreenMail), with the same keys, as behind a load balancer: the limits, the count, the
 * confirmations, the mails and the petitions' definitions are shared. In core's test package for its {@link
 * PostgresServer}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresTwoInstancesTest {

  private static final String SLUG = "us-troops-out-of-korea";
  private static final String[] NAMES = {"Min", "Ana", "Jonas", "Priya", "Kwame", "Yuki", "Olga", "Tomas", "Leila",
      "Chen", "Rosa", "Amir", "Ines", "Sven", "Noor", "Pablo", "Hana"};
  private static final List<String> LAST = List.of("Lee", "Garcia", "Okafor", "Novak");
  private static final java.util.concurrent.atomic.AtomicInteger SIGNINGS = new java.util.concurrent.atomic.AtomicInteger();
  private static final Pattern CONFIRM_LINK = Pattern.compile("/confirm\\?token=([A-Za-z0-9_-]+)");

  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);

  private static PostgresServer.@Nullable TestDatabase database;
  private static final List<ConfigurableApplicationContext> INSTANCES = new ArrayList<>();
  private static Instance one;
  private static Instance two;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One running instance: its context and its port. */
  record Instance(ConfigurableApplicationContext context, int port) {
    URI url(String path) {
      return URI.create("http://localhost:" + port + path);
    }

    Petitions petitions() {
      return context.getBean(Petitions.class);
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @BeforeAll
  static void startTwoInstances() throws Exception {
    if (PostgresServer.find().isEmpty()) {
      return; // each test is skipped (or fails when PostgreSQL is required) by PostgresServer.require()
    }
    database = PostgresServer.find().get().createDatabase();
    Map<String, Object> properties = new HashMap<>();
    for (String property : TestKeys.withSeedPetition()) { // one set of keys, shared by both instances
      int eq = property.indexOf('=');
      properties.put(property.substring(0, eq), property.substring(eq + 1));
    }
    properties.put("server.port", "0");
    properties.put("spring.datasource.url", database.url());
    properties.put("spring.datasource.username", database.server().user());
    properties.put("spring.datasource.password", database.server().password());
    properties.put("spring.datasource.hikari.maximum-pool-size", "6");
    properties.put("spring.datasource.hikari.connection-timeout", "1500");
    properties.put("spring.mail.host", "127.0.0.1");
    properties.put("spring.mail.port", String.valueOf(GREEN_MAIL.getSmtp().getPort()));
    properties.put("petition.mail.from", "petitions@example.org");
    properties.put("petition.mail.poll-interval", "200ms");
    properties.put("petition.form-token.required", "false"); // the API client here renders no form
    // The test client stands for signers behind the load balancer, which names each one's address.
    properties.put("petition.web.trusted-proxies", "127.0.0.1/32,::1/128");
    one = start(properties);
    two = start(properties);
  }

  private static Instance start(Map<String, Object> properties) {
    ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class).properties(properties).run();
    INSTANCES.add(context);
    return new Instance(context, ((WebServerApplicationContext) context).getWebServer().getPort());
  }

  @AfterAll
  static void stopInstances() throws Exception {
    INSTANCES.forEach(ConfigurableApplicationContext::close);
    INSTANCES.clear();
    if (database != null) {
      database.close();
      database = null;
    }
  }

  @Test
  @Order(1)
  void aSecondSigningFromOneAddressOnTheOtherInstanceWithinTheMinuteIs429WithRetryAfter() throws Exception {
    PostgresServer.require();
    assertThat(sign(one, "first@example.org", "203.0.113.50").statusCode()).isEqualTo(202);

    HttpResponse<String> refused = sign(two, "second@example.org", "203.0.113.50");

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.body()).isEqualTo("{\"status\":\"RATE_LIMITED\"}");
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(50L, 60L); // 1 per 60 seconds, signed on the other instance just now
    // Another address is not limited by it, on either instance.
    assertThat(sign(two, "third@example.org", "203.0.113.51").statusCode()).isEqualTo(202);
  }

  @Test
  @Order(2)
  void signersSignOnOneConfirmOnTheOtherGetOneMailEachAndBothCountThem() throws Exception {
    PostgresServer.require();
    long before = confirmed(one);
    int signers = 6;
    for (int i = 0; i < signers; i++) {
      assertThat(sign(one, "signer" + i + "@example.org", "198.51.100." + (10 + i)).statusCode()).isEqualTo(202);
    }
    for (int i = 0; i < signers; i++) {
      String token = token(awaitMailsTo("signer" + i + "@example.org", 1).get(0));
      HttpResponse<String> confirmed = postJson(two, "/api/confirmations", "{\"token\":\"" + token + "\"}", null);
      assertThat(confirmed.statusCode()).isEqualTo(200);
      assertThat(confirmed.body()).startsWith("{\"status\":\"CONFIRMED\"");
    }
    assertThat(confirmed(one)).isEqualTo(before + signers);
    assertThat(confirmed(two)).isEqualTo(before + signers);
    Thread.sleep(1_500); // both mail workers have polled several times since: no mail went twice
    for (int i = 0; i < signers; i++) {
      assertThat(mailsTo("signer" + i + "@example.org")).as("mails to signer " + i).hasSize(1);
    }
  }

  @Test
  @Order(3)
  void theSameEmailSignedOnBothAtOnceCountsOnce() throws Exception {
    PostgresServer.require();
    long before = confirmed(two);
    CompletableFuture<HttpResponse<String>> onOne =
        CompletableFuture.supplyAsync(() -> signUnchecked(one, "twice@example.org", "192.0.2.70"));
    CompletableFuture<HttpResponse<String>> onTwo =
        CompletableFuture.supplyAsync(() -> signUnchecked(two, "twice@example.org", "192.0.2.71"));
    assertThat(onOne.get().statusCode()).isEqualTo(202);
    assertThat(onTwo.get().statusCode()).isEqualTo(202);

    List<MimeMessage> mails = awaitMailsTo("twice@example.org", 1);
    Thread.sleep(1_500);
    mails = mailsTo("twice@example.org");
    // One signature: the first mail's link counts it; a link mailed again for the repeat is the same one's.
    String first = token(mails.get(0));
    assertThat(postJson(two, "/api/confirmations", "{\"token\":\"" + first + "\"}", null).body())
        .startsWith("{\"status\":\"CONFIRMED\"");
    for (MimeMessage mail : mails.subList(1, mails.size())) {
      assertThat(postJson(one, "/api/confirmations", "{\"token\":\"" + token(mail) + "\"}", null).body())
          .startsWith("{\"status\":\"ALREADY_CONFIRMED\"");
    }
    assertThat(confirmed(one)).isEqualTo(before + 1);
    assertThat(confirmed(two)).isEqualTo(before + 1);
  }

  @Test
  @Order(4)
  void aPetitionChangedOnOneInstanceIsSeenByTheOtherWithinFiveSeconds() throws Exception {
    PostgresServer.require();
    Petition open = Petition.builder("shared-definition").title("Shared definition").goal(100).build();
    one.petitions().register(open);
    assertThat(get(two, "/api/petitions/shared-definition").body()).contains("\"goal\":100");
    assertThat(sign(two, "early@example.org", "192.0.2.80", "shared-definition").statusCode()).isEqualTo(202);

    Instant changedAt = Instant.now();
    one.petitions().register(Petition.builder("shared-definition").title("Shared definition, closed").goal(500)
        .closesAt(changedAt.minusSeconds(1)).build());

    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    String seen = get(two, "/api/petitions/shared-definition").body();
    while (!seen.contains("\"goal\":500") && System.nanoTime() < deadline) {
      Thread.sleep(100);
      seen = get(two, "/api/petitions/shared-definition").body();
    }
    assertThat(seen).contains("\"goal\":500").contains("Shared definition, closed");
    HttpResponse<String> closed = sign(two, "late@example.org", "192.0.2.81", "shared-definition");
    assertThat(closed.statusCode()).isEqualTo(409);
    assertThat(closed.body()).isEqualTo("{\"status\":\"CLOSED\"}");
  }

  @Test
  @Order(5)
  void aDatabaseThatRefusesConnectionsIs503RetryNeverA500() throws Exception {
    PostgresServer.require();
    org.junit.jupiter.api.Assumptions.assumeFalse(database.schema(),
        "the test user may not create databases, so none can be made unreachable alone");
    String name = database.name();
    try (Connection admin = database.server().admin(); Statement statement = admin.createStatement()) {
      statement.execute("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS false");
      statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
    }
    try {
      HttpResponse<String> failed = sign(two, "outage@example.org", "192.0.2.90");
      assertThat(failed.statusCode()).isEqualTo(503);
      assertThat(failed.body()).isEqualTo("{\"status\":\"RETRY\"}");
      assertThat(failed.headers().firstValue("Retry-After")).isPresent();
    } finally {
      try (Connection admin = database.server().admin(); Statement statement = admin.createStatement()) {
        statement.execute("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS true");
      }
    }
  }

  private HttpResponse<String> sign(Instance instance, String email, String ip) throws Exception {
    return sign(instance, email, ip, SLUG);
  }

  private HttpResponse<String> sign(Instance instance, String email, String ip, String slug) throws Exception {
    // A name of its own per address: look-alike names from one network would be held as near duplicates.
    int n = SIGNINGS.getAndIncrement();
    String body = "{\"kind\":\"PERSON\",\"firstName\":\"" + NAMES[n % NAMES.length] + "\",\"lastName\":\""
        + LAST.get(n / NAMES.length % LAST.size()) + "\",\"email\":\"" + email
        + "\",\"country\":\"KR\",\"consents\":[\"terms\",\"privacy\",\"processing\"]}";
    return postJson(instance, "/api/petitions/" + slug + "/signatures", body, ip);
  }

  private HttpResponse<String> signUnchecked(Instance instance, String email, String ip) {
    try {
      return sign(instance, email, ip);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> postJson(Instance instance, String path, String body, @Nullable String ip)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(instance.url(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (ip != null) {
      request.header("X-Forwarded-For", ip);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(Instance instance, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(instance.url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private long confirmed(Instance instance) throws Exception {
    String json = get(instance, "/api/petitions/" + SLUG).body();
    Matcher matcher = Pattern.compile("\"confirmed\":(\\d+)").matcher(json);
    assertThat(matcher.find()).as(json).isTrue();
    return Long.parseLong(matcher.group(1));
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
    assertThat(mails).as("mails to " + address).hasSizeGreaterThanOrEqualTo(count);
    return mails;
  }

  private static String token(MimeMessage message) throws Exception {
    String text = plainText(message);
    assertThat(text).as("a text/plain part").isNotNull();
    Matcher matcher = CONFIRM_LINK.matcher(text);
    assertThat(matcher.find()).as("a confirm link in the mail").isTrue();
    return matcher.group(1);
  }

  private static @Nullable String plainText(Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        String text = plainText(child);
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }
}
