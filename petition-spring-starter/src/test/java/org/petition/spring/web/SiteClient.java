package org.petition.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.petition.spring.TestKeys;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A browser-like client of a site on a real port: java.net.http with a cookie manager (so a session cookie
 * comes back as a browser's would), JSON and form posts, and the links of real SMTP mails (GreenMail).
 */
final class SiteClient {

  static final String SLUG = "us-troops-out-of-korea";
  private static final Pattern LINK = Pattern.compile(
      "(https?://\\S+?/(?:confirm|revoke|erase|access|account/verify|account/reset|unsubscribe)\\?token=[A-Za-z0-9_-]+)");

  final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  final HttpClient http;
  final String base;

  /** @param base the site's root with any base path, such as {@code http://localhost:8080/petitions} */
  SiteClient(String base) {
    this.base = base;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Every required property, the seed petition and the mail server, for a site at {@code baseUrl}. */
  static void properties(DynamicPropertyRegistry registry, String baseUrl, int smtpPort) {
    for (String property : TestKeys.withSeedPetition()) {
      int eq = property.indexOf('=');
      if (!property.startsWith("petition.base-url")) {
        registry.add(property.substring(0, eq), () -> property.substring(eq + 1));
      }
    }
    registry.add("petition.base-url", () -> baseUrl);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> smtpPort);
    registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
    registry.add("spring.mail.properties.mail.smtp.timeout", () -> "5000");
    registry.add("petition.mail.from", () -> "petitions@example.org");
    registry.add("petition.mail.poll-interval", () -> "100ms");
    // These tests are about links and accounts, not bots: signings come without the page's form token.
    registry.add("petition.form-token.required", () -> "false");
  }

  HttpResponse<String> sign(String email, String lastName, @Nullable String forwardedFor, String... headers)
      throws IOException, InterruptedException {
    String body = "{\"kind\":\"PERSON\",\"firstName\":\"Jong\",\"lastName\":\"" + lastName + "\",\"email\":\""
        + email + "\",\"country\":\"KR\",\"comment\":\"I support this petition\","
        + "\"consents\":[\"terms\",\"privacy\",\"processing\"]}";
    List<String> all = new ArrayList<>(List.of(headers));
    if (forwardedFor != null) {
      all.add("X-Forwarded-For");
      all.add(forwardedFor);
    }
    return postJson("/api/petitions/" + SLUG + "/signatures", body, all.toArray(String[]::new));
  }

  HttpResponse<String> postJson(String path, String body, String... headers) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
  }

  HttpResponse<String> delete(String path, String... headers) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(url(path)).DELETE(), headers);
  }

  HttpResponse<String> get(String pathOrLink, String... headers) throws IOException, InterruptedException {
    URI uri = pathOrLink.startsWith("http") ? URI.create(pathOrLink) : url(pathOrLink);
    return send(HttpRequest.newBuilder(uri).GET(), headers);
  }

  /** A form post, as a browser sends the button's form: {@code fields} are name, value, name, value, ... */
  HttpResponse<String> postForm(String pathOrLink, String... fields) throws IOException, InterruptedException {
    URI uri = pathOrLink.startsWith("http") ? URI.create(pathOrLink) : url(pathOrLink);
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < fields.length; i += 2) {
      body.append(i == 0 ? "" : "&").append(fields[i]).append('=')
          .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String... headers)
      throws IOException, InterruptedException {
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The invite token of a confirmation answered over the API ({@code POST /api/confirmations}). */
  static String inviteToken(HttpResponse<String> confirmation) {
    Matcher matcher = Pattern.compile("\"inviteToken\":\"([A-Za-z0-9_-]+)\"").matcher(confirmation.body());
    assertThat(matcher.find()).as(confirmation.body()).isTrue();
    return matcher.group(1);
  }

  long confirmed() throws IOException, InterruptedException {
    String json = get("/api/petitions/" + SLUG).body();
    Matcher matcher = Pattern.compile("\"confirmed\":(\\d+)").matcher(json);
    assertThat(matcher.find()).as(json).isTrue();
    return Long.parseLong(matcher.group(1));
  }

  URI url(String path) {
    return URI.create(base + path);
  }

  // ---- mail ----

  static List<MimeMessage> mailsTo(GreenMailExtension mail, String address) throws Exception {
    List<MimeMessage> mails = new ArrayList<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      for (Address recipient : message.getAllRecipients()) {
        if (((InternetAddress) recipient).getAddress().equalsIgnoreCase(address)) {
          mails.add(message);
        }
      }
    }
    return mails;
  }

  static List<MimeMessage> awaitMailsTo(GreenMailExtension mail, String address, int count) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    List<MimeMessage> mails = mailsTo(mail, address);
    while (mails.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(100);
      mails = mailsTo(mail, address);
    }
    assertThat(mails).as("mails to " + address).hasSize(count);
    return mails;
  }

  /** The links of a mail's plain-text part, by path (confirm, revoke, erase, access, account/verify, ...). */
  static Map<String, String> links(MimeMessage message) throws Exception {
    String text = plainText(message);
    assertThat(text).as("a text/plain part").isNotNull();
    List<String> found = new ArrayList<>();
    Matcher matcher = LINK.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found.stream().collect(Collectors.toMap(
        link -> link.substring(link.lastIndexOf('/', link.indexOf('?')) + 1, link.indexOf('?'))
            .replace("verify", "account/verify").replace("reset", "account/reset"),
        link -> link, (a, b) -> b));
  }

  static String token(String link) {
    return link.substring(link.indexOf("token=") + "token=".length());
  }

  static @Nullable String plainText(Part part) throws Exception {
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
