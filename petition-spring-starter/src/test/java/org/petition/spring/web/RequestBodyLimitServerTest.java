package org.petition.spring.web;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petition.Petitions;
import org.petition.mail.InMemoryOutbox;
import org.petition.spring.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The body limit on a real Tomcat, over real sockets: a chunked body of 64 MB, a declared length over the
 * limit, a body of exactly the limit, malformed and over-bounded JSON, a form post, and HTTP/2 (h2c).
 *
 * <p>What the application read of each body is measured by a filter of the test's own, outside the starter's:
 * it counts the bytes that come out of the container's stream for the request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "petition.web.max-body-bytes=" + RequestBodyLimitServerTest.LIMIT,
    "petition.web.trusted-proxies=127.0.0.1,::1",
    "server.http2.enabled=true"
})
class RequestBodyLimitServerTest {

  static final int LIMIT = 16_384;
  private static final String SLUG = "us-troops-out-of-korea";
  private static final long HUGE = 64L * 1024 * 1024;
  private static final int CHUNK = 64 * 1024;
  private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

  /** Bytes the application read from the container's stream in the latest request (outermost filter). */
  static final AtomicLong READ = new AtomicLong();
  /** The status the latest request was answered with, once answered. */
  static final AtomicInteger STATUS = new AtomicInteger();
  private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

  @DynamicPropertySource
  static void keys(DynamicPropertyRegistry registry) {
    for (String property : TestKeys.withSeedPetition()) {
      int eq = property.indexOf('=');
      registry.add(property.substring(0, eq), () -> property.substring(eq + 1));
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    FilterRegistrationBean<Filter> countingFilter() {
      Filter counting = (request, response, chain) -> {
        READ.set(0);
        chain.doFilter(new CountingRequest((HttpServletRequest) request), response);
        STATUS.set(((jakarta.servlet.http.HttpServletResponse) response).getStatus());
      };
      FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(counting);
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
      return registration;
    }
  }

  @LocalServerPort int port;
  @Autowired Petitions petitions;
  @Autowired InMemoryOutbox outbox;

  @BeforeEach
  void reset() {
    READ.set(0);
  }

  @Test
  void aChunked64MegabyteBodyIsRefusedAfterTheLimitAndTheServerStopsReading() throws Exception {
    try (Socket socket = socket()) {
      OutputStream out = socket.getOutputStream();
      out.write(head("POST", "/api/petitions/" + SLUG + "/signatures", "application/json",
          "Transfer-Encoding: chunked\r\n"));
      AtomicLong sent = new AtomicLong();
      CompletableFuture<IOException> sender = CompletableFuture.supplyAsync(() -> {
        byte[] chunk = filler(CHUNK);
        System.arraycopy("{\"comment\":\"".getBytes(US_ASCII), 0, chunk, 0, 12);
        byte[] size = (Integer.toHexString(CHUNK) + "\r\n").getBytes(US_ASCII);
        try {
          while (sent.get() < HUGE) {
            out.write(size);
            out.write(chunk);
            out.write("\r\n".getBytes(US_ASCII));
            out.flush();
            sent.addAndGet(CHUNK);
            Arrays.fill(chunk, 0, 12, (byte) 'x');
          }
          out.write("0\r\n\r\n".getBytes(US_ASCII));
          out.flush();
          return null;
        } catch (IOException e) {
          return e; // the server closed the connection: what the test expects
        }
      });
      String response = readResponse(socket.getInputStream());
      long sentWhenAnswered = sent.get();
      IOException stopped = sender.get(60, TimeUnit.SECONDS);

      assertThat(response).startsWith("HTTP/1.1 413");
      assertThat(response.toLowerCase(Locale.ROOT)).contains("connection: close");
      assertThat(body(response)).isEqualTo("{\"status\":\"TOO_LARGE\"}");
      assertThat(READ.get()).as("bytes the application read").isBetween((long) LIMIT, LIMIT + 1L);
      assertThat(sentWhenAnswered).as("bytes sent when the 413 arrived").isLessThan(HUGE / 16);
      assertThat(stopped).as("the server closed the connection before the client had sent everything").isNotNull();
      // Tomcat reads and discards up to server.tomcat.max-swallow-size (2 MB) so the client can read the answer.
      assertThat(sent.get()).as("bytes sent before the connection closed").isLessThan(HUGE / 8);
      System.out.printf("chunked 64 MB: the application read %,d bytes; the client had sent %,d when the 413 came"
          + " and %,d when the connection closed (%s)%n", READ.get(), sentWhenAnswered, sent.get(), stopped);
    }
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedWithoutReadingABody() throws Exception {
    try (Socket socket = socket()) {
      OutputStream out = socket.getOutputStream();
      out.write(head("POST", "/api/petitions/" + SLUG + "/signatures", "application/json",
          "Content-Length: " + HUGE + "\r\n"));
      out.write(filler(4096)); // the start of a body the server must not wait for
      out.flush();
      String response = readResponse(socket.getInputStream());
      assertThat(response).startsWith("HTTP/1.1 413");
      assertThat(body(response)).isEqualTo("{\"status\":\"TOO_LARGE\"}");
      assertThat(READ.get()).as("bytes the application read").isZero();
    }
  }

  @Test
  void aBodyOfExactlyTheLimitIsAcceptedAndOneByteMoreIsNot() throws Exception {
    String exact = padded(signing("exact@example.org"), LIMIT);
    assertThat(exact.getBytes(UTF_8)).hasSize(LIMIT);
    assertThat(exchangeChunked("/api/petitions/" + SLUG + "/signatures", "application/json", exact))
        .startsWith("HTTP/1.1 202").endsWith("{\"status\":\"PENDING\"}");
    assertThat(READ.get()).isEqualTo(LIMIT);
    assertThat(exchange("/api/petitions/" + SLUG + "/signatures", "application/json",
        padded(signing("declared@example.org"), LIMIT))).startsWith("HTTP/1.1 202");

    String over = padded(signing("over@example.org"), LIMIT + 1);
    assertThat(exchangeChunked("/api/petitions/" + SLUG + "/signatures", "application/json", over))
        .startsWith("HTTP/1.1 413").endsWith("{\"status\":\"TOO_LARGE\"}");
    assertThat(exchange("/api/petitions/" + SLUG + "/signatures", "application/json", over))
        .startsWith("HTTP/1.1 413").endsWith("{\"status\":\"TOO_LARGE\"}");
    assertThat(outbox.latestTo("over@example.org")).isEmpty();
  }

  @Test
  void everyEndpointOfTheStarterIsHeldToTheLimit() throws Exception {
    String big = "{\"token\":\"" + "x".repeat(LIMIT) + "\"}";
    for (String path : new String[] {"/api/confirmations", "/api/revocations"}) {
      assertThat(exchangeChunked(path, "application/json", big)).as(path).startsWith("HTTP/1.1 413");
    }
    String form = "token=" + "x".repeat(LIMIT);
    for (String path : new String[] {"/confirm", "/revoke"}) {
      assertThat(exchangeChunked(path, "application/x-www-form-urlencoded", form)).as(path)
          .startsWith("HTTP/1.1 413").endsWith("{\"status\":\"TOO_LARGE\"}");
      assertThat(READ.get()).as(path).isEqualTo(LIMIT + 1L);
    }
  }

  @Test
  void aFormPostWithinTheLimitStillConfirms() throws Exception {
    petitions.sign(org.petition.SignatureRequest.builder(SLUG).person("Form", "Poster").email("form@example.org")
        .country("US").consent("terms", "privacy", "processing").build());
    Matcher matcher = TOKEN.matcher(outbox.latestTo("form@example.org").orElseThrow().actionUrl());
    assertThat(matcher.find()).isTrue();
    String form = "lang=en&token=" + URLEncoder.encode(matcher.group(1), UTF_8);
    String response = exchangeChunked("/confirm", "application/x-www-form-urlencoded; charset=UTF-8", form);
    assertThat(response).startsWith("HTTP/1.1 200").contains("you are signer number");
  }

  @Test
  void malformedJsonIsABadRequest() throws Exception {
    for (String body : new String[] {"{\"firstName\":", "not json", "{\"a\":1}}", "{\"a\":1} {}", "\u00ff\u00fe{"}) {
      for (String path : new String[] {"/api/petitions/" + SLUG + "/signatures", "/api/confirmations"}) {
        assertThat(exchange(path, "application/json", body)).as("%s %s", path, body)
            .startsWith("HTTP/1.1 400").endsWith("{\"status\":\"INVALID_JSON\"}");
      }
    }
  }

  @Test
  void jsonPastTheParsersBoundsIsABadRequest() throws Exception {
    String deep = "{\"comment\":" + "[".repeat(JsonBodies.MAX_NESTING_DEPTH) + "]".repeat(JsonBodies.MAX_NESTING_DEPTH)
        + "}";
    String longNumber = "{\"renderedAt\":" + "9".repeat(JsonBodies.MAX_NUMBER_LENGTH + 1) + "}";
    String longName = "{\"" + "n".repeat(JsonBodies.MAX_NAME_LENGTH + 1) + "\":1}";
    String manyTokens = "{\"x\":[" + "1,".repeat((int) JsonBodies.MAX_TOKEN_COUNT) + "1]}";
    for (String body : new String[] {deep, longNumber, longName, manyTokens}) {
      assertThat(exchange("/api/petitions/" + SLUG + "/signatures", "application/json", body))
          .as(body.substring(0, 20)).startsWith("HTTP/1.1 400").endsWith("{\"status\":\"INVALID_JSON\"}");
    }
    // Within the bounds, the same shapes are read and the signing is judged on its fields.
    String shallow = "{\"ignored\":" + "[".repeat(JsonBodies.MAX_NESTING_DEPTH - 1)
        + "]".repeat(JsonBodies.MAX_NESTING_DEPTH - 1) + "}";
    assertThat(exchange("/api/petitions/" + SLUG + "/signatures", "application/json", shallow))
        .startsWith("HTTP/1.1 422").contains("\"REJECTED\"");
  }

  @Test
  void http2BodiesAreHeldToTheLimitToo() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
        .connectTimeout(Duration.ofSeconds(10)).build();
    URI base = URI.create("http://localhost:" + port);
    // The first request upgrades the connection to h2c; the ones after it go as HTTP/2 streams.
    HttpResponse<String> upgrade = client.send(HttpRequest.newBuilder(base.resolve("/api/petitions/" + SLUG))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(upgrade.statusCode()).isEqualTo(200);

    // Over the limit, streamed without a length, small enough for the client to send whole before it reads.
    AtomicLong pulled = new AtomicLong();
    HttpResponse<String> response = client.send(post(base, new FillerStream(3L * LIMIT, pulled)),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).isEqualTo("{\"status\":\"TOO_LARGE\"}");
    assertThat(READ.get()).as("bytes the application read").isEqualTo(LIMIT + 1L);

    // 64 MB: Java's client reads no answer before it has sent the body, so the server is watched instead. It
    // answers 413 after LIMIT + 1 bytes and reads no more, so flow control holds the client to its windows.
    STATUS.set(0);
    AtomicLong hugePulled = new AtomicLong();
    CompletableFuture<HttpResponse<String>> flood = client.sendAsync(post(base, new FillerStream(HUGE, hugePulled)),
        HttpResponse.BodyHandlers.ofString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (STATUS.get() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(STATUS.get()).as("the server's answer").isEqualTo(413);
    assertThat(READ.get()).as("bytes the application read").isEqualTo(LIMIT + 1L);
    Thread.sleep(2000);
    long pulledAfterAnswer = hugePulled.get();
    assertThat(pulledAfterAnswer).as("bytes the client could send").isLessThan(HUGE / 16);
    flood.cancel(true);

    HttpResponse<String> malformed = client.send(HttpRequest.newBuilder(
            base.resolve("/api/petitions/" + SLUG + "/signatures")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"firstName\":")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(malformed.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(malformed.statusCode()).isEqualTo(400);
    System.out.printf("HTTP/2: 64 MB streamed: the application read %,d bytes, the client could send %,d%n",
        LIMIT + 1L, pulledAfterAnswer);
  }

  // ---- helpers ----

  private static HttpRequest post(URI base, InputStream body) {
    return HttpRequest.newBuilder(base.resolve("/api/petitions/" + SLUG + "/signatures"))
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
        .build();
  }

  private Socket socket() throws IOException {
    Socket socket = new Socket();
    socket.setSendBufferSize(64 * 1024);
    socket.setSoTimeout(30_000);
    socket.connect(new java.net.InetSocketAddress("localhost", port), 10_000);
    return socket;
  }

  private byte[] head(String method, String path, String contentType, String extra) {
    return (method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: " + contentType
        + "\r\nX-Forwarded-For: 198.51.100." + NEXT_ADDRESS.getAndIncrement() + "\r\nConnection: close\r\n" + extra
        + "\r\n").getBytes(US_ASCII);
  }

  /** One request with a Content-Length, the whole response. */
  private String exchange(String path, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    try (Socket socket = socket()) {
      socket.getOutputStream().write(head("POST", path, contentType, "Content-Length: " + bytes.length + "\r\n"));
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
      return readResponse(socket.getInputStream());
    }
  }

  /** One request sent in chunks of 1,000 bytes, without a Content-Length, the whole response. */
  private String exchangeChunked(String path, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    try (Socket socket = socket()) {
      OutputStream out = socket.getOutputStream();
      out.write(head("POST", path, contentType, "Transfer-Encoding: chunked\r\n"));
      try {
        for (int from = 0; from < bytes.length; from += 1000) {
          int length = Math.min(1000, bytes.length - from);
          out.write((Integer.toHexString(length) + "\r\n").getBytes(US_ASCII));
          out.write(bytes, from, length);
          out.write("\r\n".getBytes(US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(US_ASCII));
        out.flush();
      } catch (IOException e) {
        // the server may answer and close before the last chunk: the response is still there to read
      }
      return readResponse(socket.getInputStream());
    }
  }

  /**
   * One response as text, read up to its end (by its Content-Length, or its last chunk, decoded), not up to the
   * connection's end: the server may still be reading and discarding what the client sends.
   */
  private static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return head.toString(US_ASCII);
      }
      head.write(b);
    }
    String headers = head.toString(US_ASCII);
    String lower = headers.toLowerCase(Locale.ROOT);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Matcher length = Pattern.compile("content-length: *(\\d+)").matcher(lower);
    if (length.find()) {
      body.write(in.readNBytes(Integer.parseInt(length.group(1))));
    } else if (lower.contains("transfer-encoding: chunked")) {
      for (int size; (size = Integer.parseInt(line(in).trim(), 16)) > 0; ) {
        body.write(in.readNBytes(size));
        line(in);
      }
    } else {
      body.write(in.readAllBytes());
    }
    return headers + body.toString(UTF_8);
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
      line.append((char) b);
    }
    return line.toString();
  }

  private static String body(String response) {
    return response.substring(response.indexOf("\r\n\r\n") + 4);
  }

  private static String signing(String email) {
    return "{\"kind\":\"PERSON\",\"firstName\":\"Lim\",\"lastName\":\"It\",\"email\":\"" + email
        + "\",\"country\":\"KR\",\"consents\":[\"terms\",\"privacy\",\"processing\"],\"renderedAt\":"
        + (System.currentTimeMillis() - 60_000) + "}";
  }

  /** The JSON with white space before its closing brace, to exactly {@code size} bytes. */
  private static String padded(String json, int size) {
    return json.substring(0, json.length() - 1) + " ".repeat(size - json.length()) + "}";
  }

  private static byte[] filler(int size) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) 'x');
    return bytes;
  }

  /** {@code {"comment":"xxxx...} of the given length, never closed; counts what was pulled from it. */
  private static final class FillerStream extends InputStream {
    private static final byte[] START = "{\"comment\":\"".getBytes(US_ASCII);
    private final long size;
    private final AtomicLong pulled;

    FillerStream(long size, AtomicLong pulled) {
      this.size = size;
      this.pulled = pulled;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      long at = pulled.get();
      if (at >= size) {
        return -1;
      }
      int n = (int) Math.min(length, size - at);
      for (int i = 0; i < n; i++) {
        long position = at + i;
        buffer[offset + i] = position < START.length ? START[(int) position] : (byte) 'x';
      }
      pulled.addAndGet(n);
      return n;
    }
  }

  /** Counts what comes out of the container's stream, whoever reads it. */
  private static final class CountingRequest extends HttpServletRequestWrapper {
    CountingRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0) {
            READ.incrementAndGet();
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = in.read(buffer, offset, length);
          if (n > 0) {
            READ.addAndGet(n);
          }
          return n;
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
