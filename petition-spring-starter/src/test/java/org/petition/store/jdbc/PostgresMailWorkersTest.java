package org.petition.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petition.mail.MessageKind;
import org.petition.mail.OutgoingMessage;
import org.petition.spring.mail.JdbcMailOutbox;
import org.petition.spring.mail.MailDeliveryWorker;
import org.petition.spring.mail.SlowSmtpServer;

/**
 * Several mail workers on one real PostgreSQL outbox and a slow SMTP server (a raw socket that takes its time
 * to accept each message), as several application instances run them: each mail is sent once, and a worker
 * killed with SIGKILL in the middle of a batch leaves its mails to the other once the lease ends, none lost.
 * In core's test package for its {@link PostgresServer}.
 */
class PostgresMailWorkersTest {

  private PostgresServer.TestDatabase database;
  private final byte[] dataKey = new byte[32];

  @BeforeEach
  void createDatabase() throws Exception {
    PostgresServer.require();
    database = PostgresServer.find().orElseThrow().createDatabase();
    new SecureRandom().nextBytes(dataKey);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    if (database != null) {
      database.close();
    }
  }

  private JdbcMailOutbox outbox() {
    return MailWorkerProcess.outbox(database.url(), database.server().user(), database.server().password(), dataKey);
  }

  private MailDeliveryWorker worker(int smtpPort, Duration lease, int batchSize) {
    return MailDeliveryWorker.builder(outbox(), MailWorkerProcess.delivery(smtpPort)).lease(lease).batchSize(batchSize)
        .build();
  }

  private static OutgoingMessage message(int i) {
    return new OutgoingMessage(MessageKind.CONFIRM_SIGNATURE, "signer" + i + "@example.org", Locale.ENGLISH,
        "Petition", "https://p.example.org/confirm?token=t" + i, "https://p.example.org/revoke?token=r" + i);
  }

  private static Map<String, Long> counts(List<String> recipients) {
    return recipients.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  @Test
  void twoWorkersOnOneOutboxAndASlowServerSendEachMailOnce() throws Exception {
    int mails = 12;
    JdbcMailOutbox outbox = outbox();
    for (int i = 0; i < mails; i++) {
      outbox.add(message(i), Instant.now());
    }
    // The first worker claims a batch of 10 under a 2 s lease; at 300 ms a message the batch takes 3 s. The
    // second, taking one message at a time, sends the other two and then finds the end of the first one's batch
    // past its lease: without the renewal before each send, both would send those messages.
    try (SlowSmtpServer smtp = SlowSmtpServer.slow(Duration.ofMillis(300))) {
      MailDeliveryWorker batches = worker(smtp.port(), Duration.ofSeconds(2), 10);
      MailDeliveryWorker single = worker(smtp.port(), Duration.ofSeconds(2), 1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<Integer> first = pool.submit(batches::drain);
        while (outbox.backlog().waiting() == mails && smtp.recipients().isEmpty()) {
          Thread.sleep(10);
        }
        Future<?> second = pool.submit(() -> {
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
          while (outbox.backlog().waiting() > 0 && System.nanoTime() < deadline) {
            single.drain();
            Thread.sleep(50);
          }
          return null;
        });
        first.get(2, TimeUnit.MINUTES);
        second.get(2, TimeUnit.MINUTES);
      } finally {
        pool.shutdownNow();
      }
      Map<String, Long> counts = counts(smtp.recipients());
      assertThat(counts).hasSize(mails);
      assertThat(counts.values()).as("times each mail was sent").containsOnly(1L);
      assertThat(outbox.backlog()).isEqualTo(new org.petition.spring.mail.MailOutbox.Backlog(0, 0, null));
    }
  }

  @Test
  void aWorkerKilledMidBatchLeavesItsMailsToAnotherAfterTheLease() throws Exception {
    int mails = 12;
    JdbcMailOutbox outbox = outbox();
    for (int i = 0; i < mails; i++) {
      outbox.add(message(i), Instant.now());
    }
    Duration lease = Duration.ofSeconds(4);
    try (SlowSmtpServer smtp = SlowSmtpServer.slow(Duration.ofMillis(400))) {
      String java = System.getProperty("java.home") + "/bin/java";
      Process doomed = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
          MailWorkerProcess.class.getName(), database.url(), database.server().user(), database.server().password(),
          HexFormat.of().formatHex(dataKey), Integer.toString(smtp.port()), Long.toString(lease.toMillis()), "50")
          .redirectErrorStream(true).start();
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(doomed.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("ready");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (smtp.recipients().size() < 3 && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(smtp.recipients()).as("sent by the doomed worker before it dies").hasSizeGreaterThanOrEqualTo(3);
      } finally {
        doomed.destroyForcibly(); // SIGKILL: no shutdown hook, nothing released
        assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      Instant killedAt = Instant.now();
      int sentBeforeKill = smtp.recipients().size();
      assertThat(sentBeforeKill).as("killed in the middle of its one batch").isLessThan(mails);

      MailDeliveryWorker survivor = worker(smtp.port(), lease, 50);
      assertThat(survivor.drain()).as("the dead worker's lease still holds its batch").isZero();

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (outbox.backlog().waiting() > 0 && System.nanoTime() < deadline) {
        survivor.drain();
        Thread.sleep(200);
      }
      assertThat(Duration.between(killedAt, Instant.now())).as("taken over only after the lease")
          .isGreaterThanOrEqualTo(lease.minusSeconds(1));
      Map<String, Long> counts = counts(smtp.recipients());
      assertThat(counts).as("every mail sent, none lost").hasSize(mails);
      // At least once: the one message the server may have accepted just as the worker died is sent again.
      assertThat(smtp.recipients().size() - mails).as("mails sent twice").isBetween(0, 1);
      assertThat(outbox.backlog().waiting()).isZero();
    }
  }
}
