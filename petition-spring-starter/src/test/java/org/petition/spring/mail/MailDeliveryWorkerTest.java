package org.petition.spring.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.petition.mail.OutgoingMessage;

class MailDeliveryWorkerTest {

  private Instant now = Instant.parse("2026-11-23T10:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };
  private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
  private final List<OutgoingMessage> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final MailDelivery delivery = message -> {
    if (failuresLeft.getAndDecrement() > 0) {
      throw new IllegalStateException("connection refused");
    }
    sent.add(message);
  };
  private final RetryPolicy retry = new RetryPolicy(Duration.ofSeconds(10), 2, Duration.ofMinutes(1), 5);
  private final MailDeliveryWorker worker = new MailDeliveryWorker(outbox, delivery, retry, Duration.ofSeconds(5),
      Duration.ofMinutes(5), 10, clock);

  @Test
  void sendsWhatIsDueAndForgetsIt() {
    outbox.add(MailOutboxTest.message("a@example.org"), now);

    assertThat(worker.drain()).isEqualTo(1);

    assertThat(sent).containsExactly(MailOutboxTest.message("a@example.org"));
    assertThat(outbox.backlog().waiting()).isZero();
  }

  @Test
  void retriesWithExponentialBackoffUntilTheServerAnswers() {
    failuresLeft.set(3);
    outbox.add(MailOutboxTest.message("a@example.org"), now);

    assertThat(worker.drain()).isZero(); // attempt 1 fails: wait 10 s
    now = now.plusSeconds(9);
    assertThat(worker.drain()).isZero(); // not yet due
    now = now.plusSeconds(1);
    assertThat(worker.drain()).isZero(); // attempt 2 fails: wait 20 s
    now = now.plusSeconds(19);
    worker.drain();
    assertThat(sent).isEmpty();
    now = now.plusSeconds(1);
    assertThat(worker.drain()).isZero(); // attempt 3 fails: wait 40 s
    now = now.plusSeconds(40);
    assertThat(worker.drain()).isEqualTo(1);
    assertThat(sent).hasSize(1);
  }

  @Test
  void givesUpAfterTheLastAttemptAndKeepsTheMessageForInspection() {
    failuresLeft.set(100);
    outbox.add(MailOutboxTest.message("a@example.org"), now);
    for (int i = 0; i < 10; i++) {
      worker.drain();
      now = now.plus(Duration.ofMinutes(2));
    }
    assertThat(sent).isEmpty();
    assertThat(outbox.backlog()).isEqualTo(new MailOutbox.Backlog(0, 1, null));
  }

  @Test
  void aPermanentFailureIsNotRetried() {
    MailDeliveryWorker permanent = new MailDeliveryWorker(outbox, message -> {
      throw new MailDelivery.PermanentMailFailure("an address is malformed", new IllegalArgumentException());
    }, retry, Duration.ofSeconds(5), Duration.ofMinutes(5), 10, clock);
    outbox.add(MailOutboxTest.message("a@example.org"), now);

    permanent.drain();

    assertThat(outbox.backlog()).isEqualTo(new MailOutbox.Backlog(0, 1, null));
  }

  @Test
  void theBackoffGrowsAndIsCapped() {
    assertThat(retry.backoff(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(retry.backoff(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(retry.backoff(3)).isEqualTo(Duration.ofSeconds(40));
    assertThat(retry.backoff(4)).isEqualTo(Duration.ofMinutes(1));
    assertThat(retry.backoff(40)).isEqualTo(Duration.ofMinutes(1));
    assertThat(retry.retryAt(5, now)).isNull();
    assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, 2, Duration.ofMinutes(1), 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), 0.5, Duration.ofMinutes(1), 5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRunningWorkerSendsAQueuedMessageAtOnceWhenNudged() throws Exception {
    MailDeliveryWorker live = new MailDeliveryWorker(outbox, delivery, retry, Duration.ofHours(1),
        Duration.ofMinutes(5), 10, clock);
    live.start();
    try {
      Thread.sleep(100); // let the first scheduled poll pass on an empty outbox
      new OutboxConfirmationSender(outbox, live, clock).send(MailOutboxTest.message("a@example.org"));
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (sent.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(sent).hasSize(1);
    } finally {
      live.stop();
    }
    assertThat(live.isRunning()).isFalse();
  }
}
