package org.petition.spring.web;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.petition.Petitions;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.OutgoingMessage;
import org.petition.photo.PhotoLimits;
import org.petition.photo.TestImages;
import org.petition.spring.TestKeys;
import org.petition.store.PhotoInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signing with a photo over a real Tomcat: {@code multipart/form-data} sent with {@code java.net.http} (and raw
 * sockets for a chunked body over the limit), the photo's checks answered 422 on {@code photo}, the photo and
 * the mosaic served once approved, and the upload limit held whether the length is declared or not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "petition.web.trusted-proxies=127.0.0.1,::1",
    "petition.form-token.required=false",
    "petition.checks.bot-signals.enabled=false",
    "petition.moderation.api.enabled=true"
})
class PhotoSigningServerTest {

  private static final String SLUG = "us-troops-out-of-korea";
  private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");
  private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);
  private static final AtomicInteger NEXT_NAME = new AtomicInteger();
  private static final String[] GIVEN_NAMES = {"영일", "민준", "서연", "지우", "하준", "도윤", "수아", "예준", "지민", "서준",
      "하은", "시우", "지아", "주원", "윤서"};

  @DynamicPropertySource
  static void keys(DynamicPropertyRegistry registry) {
    for (String property : TestKeys.withSeedPetition()) {
      int eq = property.indexOf('=');
      registry.add(property.substring(0, eq), () -> property.substring(eq + 1));
    }
    // In the same property source as the rest of the list, or Boot binds the list from one source only.
    registry.add("petition.petitions[0].photos", () -> "held");
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @LocalServerPort int port;
  @Autowired Petitions petitions;
  @Autowired InMemoryOutbox outbox;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** A multipart body: the signing's text fields, then the photo as a file part. */
  private record Multipart(String boundary, byte[] bytes) {
    static Multipart of(String email, String filename, byte[] photo) {
      String boundary = "----petition" + UUID.randomUUID();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (String[] field : new String[][] {{"firstName", GIVEN_NAMES[NEXT_NAME.getAndIncrement() % GIVEN_NAMES.length]}, {"lastName", "김"}, {"email", email},
          {"country", "KR"}, {"consents", "terms"}, {"consents", "privacy"}, {"consents", "processing"},
          {"comment", "평화 협정을 지지합니다"}}) {
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
            + field[1] + "\r\n").getBytes(UTF_8));
      }
      if (photo != null) {
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"" + filename
            + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(UTF_8));
        out.writeBytes(photo);
        out.writeBytes("\r\n".getBytes(US_ASCII));
      }
      out.writeBytes(("--" + boundary + "--\r\n").getBytes(US_ASCII));
      return new Multipart(boundary, out.toByteArray());
    }

    String contentType() {
      return "multipart/form-data; boundary=" + boundary;
    }
  }

  private HttpResponse<String> sign(String email, byte[] photo) throws Exception {
    Multipart body = Multipart.of(email, "peace.jpg", photo);
    return client.send(HttpRequest.newBuilder(uri("/api/petitions/" + SLUG + "/signatures"))
        .header("Content-Type", body.contentType()).header("X-Forwarded-For", nextAddress())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<byte[]> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String nextAddress() {
    int n = NEXT_ADDRESS.getAndIncrement();
    return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
  }

  private void confirm(String email) throws Exception {
    OutgoingMessage mail = outbox.latestTo(email).orElseThrow();
    Matcher token = TOKEN.matcher(mail.actionUrl());
    assertThat(token.find()).isTrue();
    HttpResponse<String> confirmed = client.send(HttpRequest.newBuilder(uri("/api/confirmations"))
        .header("Content-Type", "application/json").header("X-Forwarded-For", nextAddress())
        .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token.group(1) + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(confirmed.statusCode()).isEqualTo(200);
  }

  private PhotoInfo heldPhotoOf(String email) {
    List<PhotoInfo> held = petitions.photos().held(SLUG, 100);
    assertThat(held).isNotEmpty();
    return held.get(held.size() - 1);
  }

  @Test
  void aPhotoSignedAsMultipartIsHeldThenServedCleanOnceApprovedAndCounted() throws Exception {
    HttpResponse<String> signed = sign("photo@example.org", TestImages.jpegWithExif(900, 600, 6));
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(202);
    assertThat(signed.body()).isEqualTo("{\"status\":\"PENDING\"}");
    PhotoInfo photo = heldPhotoOf("photo@example.org");
    String path = "/api/petitions/" + SLUG + "/photos/" + photo.id() + ".jpg";
    assertThat(get(path).statusCode()).as("held: not public").isEqualTo(404);
    assertThat(get("/api/moderation/petitions/" + SLUG + "/photos").statusCode())
        .as("the moderation API wants a principal").isEqualTo(401);

    confirm("photo@example.org");
    assertThat(petitions.photos().approve(photo.id())).isTrue();

    HttpResponse<byte[]> jpeg = get(path);
    assertThat(jpeg.statusCode()).isEqualTo(200);
    assertThat(jpeg.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg.body()));
    assertThat(image.getWidth()).isEqualTo(600); // turned upright
    assertThat(image.getHeight()).isEqualTo(900);
    Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(jpeg.body()));
    assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
    assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();

    HttpResponse<byte[]> list = get("/api/petitions/" + SLUG + "/photos");
    assertThat(new String(list.body(), UTF_8)).contains(photo.id() + ".jpg");

    HttpResponse<byte[]> mosaic = get("/api/petitions/" + SLUG + "/mosaic.jpg?width=320");
    assertThat(mosaic.statusCode()).isEqualTo(200);
    assertThat(mosaic.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(ImageIO.read(new ByteArrayInputStream(mosaic.body())).getWidth()).isEqualTo(320);
    assertThat(get("/api/petitions/" + SLUG + "/mosaic.jpg?width=320").body()).isEqualTo(mosaic.body());
    assertThat(ImageIO.read(new ByteArrayInputStream(get("/api/petitions/" + SLUG + "/mosaic.jpg").body()))
        .getWidth()).isEqualTo(1200);
  }

  @Test
  void theMosaicsWidthIsBoundedAndNamedWhenWrong() throws Exception {
    for (String width : new String[] {"99", "4001", "abc", "-5", "1e3"}) {
      HttpResponse<byte[]> answer = get("/api/petitions/" + SLUG + "/mosaic.jpg?width=" + width);
      assertThat(answer.statusCode()).as(width).isEqualTo(400);
      assertThat(new String(answer.body(), UTF_8)).as(width).contains("\"field\":\"width\"")
          .contains("from 100 to 4000");
    }
    assertThat(get("/api/petitions/no-such-petition/mosaic.jpg?width=400").statusCode()).isEqualTo(404);
    assertThat(get("/api/petitions/" + SLUG + "/photos/AAAAAAAAAAAAAAAAAAAAAA.jpg").statusCode()).isEqualTo(404);
    assertThat(get("/api/petitions/" + SLUG + "/photos/1.jpg").statusCode()).isEqualTo(404);
  }

  @Test
  void badPhotosAreAnswered422OnThePhotoField() throws Exception {
    assertRefused(sign("text@example.org", "just some text, not a picture".getBytes(UTF_8)), "photo.not_image");
    assertRefused(sign("bomb@example.org", TestImages.pngDeclaring(100_000, 100_000)), "photo.too_many_pixels");
    assertRefused(sign("cut@example.org", TestImages.firstPart(TestImages.noisyJpeg(400, 300, 3), 0.5)),
        "photo.damaged");
    // Just over 5 MB: within the upload limit, so the photo's own rule answers.
    byte[] big = new byte[PhotoLimits.DEFAULT_MAX_BYTES + 1];
    System.arraycopy(TestImages.jpeg(100, 100), 0, big, 0, 3);
    assertRefused(sign("big@example.org", big), "photo.too_large");
    assertThat(outbox.latestTo("text@example.org")).isEmpty();
    assertThat(outbox.latestTo("big@example.org")).isEmpty();
  }

  private static void assertRefused(HttpResponse<String> answer, String code) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
    assertThat(answer.body()).contains("\"field\":\"photo\"").contains("\"code\":\"" + code + "\"");
  }

  @Test
  void aBodyOverTheUploadLimitIs413DeclaredOrChunked() throws Exception {
    byte[] huge = new byte[6 * 1024 * 1024];
    Multipart body = Multipart.of("huge@example.org", "huge.jpg", huge);
    HttpResponse<String> declared = client.send(HttpRequest.newBuilder(uri("/api/petitions/" + SLUG + "/signatures"))
        .header("Content-Type", body.contentType()).header("X-Forwarded-For", nextAddress())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(declared.body()).isEqualTo("{\"status\":\"TOO_LARGE\"}");

    // 64 MB streamed in chunks: refused after the limit, never held whole.
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/petitions/" + SLUG + "/signatures HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
          + body.contentType() + "\r\nTransfer-Encoding: chunked\r\nX-Forwarded-For: " + nextAddress()
          + "\r\n\r\n").getBytes(US_ASCII));
      byte[] chunk = new byte[64 * 1024];
      long sent = 0;
      try {
        while (sent < 64L * 1024 * 1024) {
          out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(US_ASCII));
          out.write(chunk);
          out.write("\r\n".getBytes(US_ASCII));
          sent += chunk.length;
        }
      } catch (IOException e) {
        // the server answered and closed: expected
      }
      String response = head(socket.getInputStream());
      assertThat(response).startsWith("HTTP/1.1 413");
      assertThat(sent).isLessThan(32L * 1024 * 1024);
    }
    assertThat(outbox.latestTo("huge@example.org")).isEmpty();
  }

  @Test
  void theJsonFormStaysAndAMalformedMultipartIs400() throws Exception {
    HttpResponse<String> json = client.send(HttpRequest.newBuilder(uri("/api/petitions/" + SLUG + "/signatures"))
        .header("Content-Type", "application/json").header("X-Forwarded-For", nextAddress())
        .POST(HttpRequest.BodyPublishers.ofString("{\"firstName\":\"Json\",\"lastName\":\"Signer\",\"email\":"
            + "\"json@example.org\",\"country\":\"US\",\"consents\":[\"terms\",\"privacy\",\"processing\"]}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(json.statusCode()).as(json.body()).isEqualTo(202);

    HttpResponse<String> noPhoto = sign("nophoto@example.org", null);
    assertThat(noPhoto.statusCode()).as(noPhoto.body()).isEqualTo(202);

    HttpResponse<String> malformed = client.send(HttpRequest.newBuilder(uri("/api/petitions/" + SLUG + "/signatures"))
        .header("Content-Type", "multipart/form-data").header("X-Forwarded-For", nextAddress())
        .POST(HttpRequest.BodyPublishers.ofString("--x\r\n\r\nnothing")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("request.malformed");
  }

  private static String head(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    return head.toString(US_ASCII).toLowerCase(Locale.ROOT).replace("http/1.1", "HTTP/1.1");
  }
}
