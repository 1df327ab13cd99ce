package org.petition.spring.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.petition.spring.TestKeys;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.util.TestSocketUtils;

/** Helpers for the tests that go over real HTTP and real SMTP. */
final class MailRoundTrip {

  static final String SLUG = "us-troops-out-of-korea";
  private static final Pattern CONFIRM_LINK = Pattern.compile("(https?://\\S+/confirm\\?token=[A-Za-z0-9_-]+)");

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final int port;

  MailRoundTrip(int port) {
    this.port = port;
  }

  /** A free port for the web server, so the base URL, and so the links in the mail, can name it. */
  static int freePort() {
    return TestSocketUtils.findAvailableTcpPort();
  }

  static void properties(DynamicPropertyRegistry registry, int webPort, int smtpPort) {
    for (String property : TestKeys.withSeedPetition()) {
      int eq = property.indexOf('=');
      if (!property.startsWith("petition.base-url")) {
        registry.add(property.substring(0, eq), () -> property.substring(eq + 1));
      }
    }
    registry.add("server.port", () -> webPort);
    registry.add("petition.base-url", () -> "http://localhost:" + webPort);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> smtpPort);
    registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
    registry.add("spring.mail.properties.mail.smtp.timeout", () -> "5000");
    registry.add("spring.mail.properties.mail.smtp.writetimeout", () -> "5000");
    registry.add("petition.mail.from", () -> "petitions@example.org");
    // These tests are about mail: their signings send no form token, and go unjudged for it (FormTokenServerTest
    // shows the token flow, and that a missing one is held by default).
    registry.add("petition.form-token.required", () -> "false");
  }

  HttpResponse<String> sign(String email) throws IOException, InterruptedException {
    return sign(email, "Jong", "Suk", null);
  }

  /**
   * A signing by the named person; {@code forwardedFor} is the client address a trusted proxy in front would
   * name (so that several signers are not one address to the rate limits), or {@code null} for none.
   */
  HttpResponse<String> sign(String email, String firstName, String lastName, @Nullable String forwardedFor)
      throws IOException, InterruptedException {
    String body = "{\"kind\":\"PERSON\",\"firstName\":\"" + firstName + "\",\"lastName\":\"" + lastName
        + "\",\"email\":\"" + email + "\",\"country\":\"KR\",\"comment\":\"I support this petition\","
        + "\"consents\":[\"terms\",\"privacy\",\"processing\"]}";
    return postJson("/api/petitions/" + SLUG + "/signatures", body, forwardedFor);
  }

  HttpResponse<String> postJson(String path, String body, @Nullable String forwardedFor)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String link) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(link)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postForm(String path, String name, String value) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(url(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  long confirmed() throws IOException, InterruptedException {
    String json = get(url("/api/petitions/" + SLUG).toString()).body();
    Matcher matcher = Pattern.compile("\"confirmed\":(\\d+)").matcher(json);
    assertThat(matcher.find()).as(json).isTrue();
    return Long.parseLong(matcher.group(1));
  }

  URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** The confirmation link in the plain-text part, decoded from its transfer encoding. */
  static String confirmLink(MimeMessage message) throws Exception {
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

  static String token(String link) {
    return link.substring(link.indexOf("token=") + "token=".length());
  }
}
