package org.petition.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.petition.internal.Slugs;
import org.petition.log.internal.EntryBytes;

/**
 * The log's hand-written writers (an entry's bytes, the slug check, the signer commitment) against the
 * JDK's own: the formatter, the base64 encoder, a regular expression and {@code javax.crypto.Mac}, the way
 * they were written before, over random fields across the whole format's range.
 */
class LogEntryBytesTest {

  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
  private static final long EARLIEST = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
  private static final long LATEST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

  /** An entry's bytes as they were written with strings, the JDK's formatter and base64 encoder. */
  private static String reference(LogEntry entry) {
    return "{\"petition\":\"" + entry.petition() + "\""
        + ",\"seq\":" + entry.seq()
        + ",\"type\":\"" + entry.type().name() + '"'
        + ",\"number\":" + entry.number()
        + ",\"at\":\"" + AT.format(entry.at()) + '"'
        + ",\"signer\":\"" + Base64.getEncoder().encodeToString(entry.signer()) + "\"}";
  }

  private static String slug(SplittableRandom random) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-";
    while (true) {
      int length = 1 + random.nextInt(64);
      StringBuilder slug = new StringBuilder();
      for (int i = 0; i < length; i++) {
        slug.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      if (SLUG.matcher(slug).matches()) {
        return slug.toString();
      }
    }
  }

  @Test
  void randomEntriesAreWrittenAsTheFormatterAndEncoderWroteThem() {
    SplittableRandom random = new SplittableRandom(13);
    for (int i = 0; i < 100_000; i++) {
      byte[] signer = new byte[32];
      random.nextBytes(signer);
      long seq = switch (i % 4) {
        case 0 -> random.nextLong(10);
        case 1 -> random.nextLong(1_000_000_000L);
        case 2 -> Long.MAX_VALUE - random.nextLong(10);
        default -> random.nextLong(Long.MAX_VALUE);
      };
      long number = 1 + (i % 3 == 0 ? random.nextLong(100) : random.nextLong(Long.MAX_VALUE - 1));
      // Seconds across 0000-9999 (before and after the epoch), and days' and years' edges.
      long second = switch (i % 3) {
        case 0 -> random.nextLong(EARLIEST, LATEST + 1);
        case 1 -> random.nextLong(-100_000, 100_000) * 86_400 + random.nextInt(-1, 2);
        default -> random.nextLong(EARLIEST / 86_400, LATEST / 86_400) * 86_400;
      };
      second = Math.max(EARLIEST, Math.min(LATEST - 1, second));
      Instant at = Instant.ofEpochSecond(second, random.nextInt(1_000_000_000));
      LogEntry entry = new LogEntry(slug(random), seq, i % 2 == 0 ? LogEntry.Type.COUNTED : LogEntry.Type.UNCOUNTED,
          number, at, signer);
      String written = new String(entry.bytes(), StandardCharsets.UTF_8);
      assertThat(written).isEqualTo(reference(entry));
      assertThat(entry.at()).isEqualTo(at.truncatedTo(ChronoUnit.MILLIS));
      if (i % 1000 == 0) {
        assertThat(LogEntry.parse(entry.bytes())).isEqualTo(entry);
      }
    }
  }

  @Test
  void theEdgesOfTheFormatAreWrittenAsTheFormatterWroteThem() {
    byte[] signer = new byte[32];
    for (String instant : List.of("0000-01-01T00:00:00Z", "0000-02-29T23:59:59.999Z", "0000-03-01T00:00:00Z",
        "1582-10-15T00:00:00Z", "1899-12-31T23:59:59.001Z", "1969-12-31T23:59:59.999Z", "1970-01-01T00:00:00Z",
        "2000-02-29T12:00:00.010Z", "2100-03-01T00:00:00Z", "2400-02-29T00:00:00Z", "9999-12-31T23:59:59.999Z")) {
      LogEntry entry = new LogEntry("a", 0, LogEntry.Type.COUNTED, 1, Instant.parse(instant), signer);
      assertThat(new String(entry.bytes(), StandardCharsets.UTF_8)).isEqualTo(reference(entry));
    }
  }

  @Test
  void theSlugCheckIsTheRegularExpressions() {
    SplittableRandom random = new SplittableRandom(7);
    String alphabet = "abcz09-_A.é ";
    for (int i = 0; i < 200_000; i++) {
      int length = random.nextInt(67);
      StringBuilder text = new StringBuilder();
      for (int j = 0; j < length; j++) {
        text.append(alphabet.charAt(random.nextInt(i % 2 == 0 ? 7 : alphabet.length())));
      }
      assertThat(Slugs.isSlug(text.toString())).as(text.toString()).isEqualTo(SLUG.matcher(text).matches());
    }
    assertThat(Slugs.isSlug("a".repeat(64))).isTrue();
    assertThat(Slugs.isSlug("a".repeat(65))).isFalse();
    assertThat(Slugs.isSlug("")).isFalse();
  }

  @Test
  void commitmentsAreTheJdksHmacOfTheDocumentedMessageOnEveryThread() throws Exception {
    byte[] key = new byte[40];
    new SplittableRandom(3).nextBytes(key);
    SignerCommitments commitments = SignerCommitments.of(key);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        done.add(threads.submit((Callable<Void>) () -> {
          SplittableRandom random = new SplittableRandom(seed);
          Mac mac = Mac.getInstance("HmacSHA256");
          mac.init(new SecretKeySpec(key, "HmacSHA256"));
          for (int i = 0; i < 5_000; i++) {
            String slug = slug(random);
            long id = i % 2 == 0 ? random.nextLong(1_000_000) : random.nextLong();
            mac.update("petition/log/v1/signer\0".getBytes(StandardCharsets.US_ASCII));
            mac.update(slug.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(ByteBuffer.allocate(8).putLong(id).array());
            assertThat(commitments.commit(slug, id)).isEqualTo(mac.doFinal());
          }
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
