package org.petition.spring.mail;


import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.petition.mail.MessageKind;
import org.petition.mail.OutgoingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sends what is due in a {@link MailOutbox} on its own thread: at once when a message is queued, and on a
 * fixed delay for retries. A failed attempt is retried with exponential backoff; logs carry outbox ids and
 * exception types only, never a recipient, a link or a server's reply (which may quote the address).
 *
 * <p>Several workers (one per instance) may share an outbox. A batch is claimed under one lease; before each
 * message is sent, once a quarter of the lease has passed since the claim, its lease is renewed, and a message whose lease another worker took meanwhile is skipped. So a slow mail server cannot
 * make a long batch outlive its lease and hand the rest to a second worker while the first still sends them:
 * each message is sent once, as long as one send takes less than three quarters of the lease (the starter sets
 * JavaMail's timeouts well below it). A worker that dies mid-batch leaves its unsent messages to the others
 * once their lease ends.
 */
public final class MailDeliveryWorker implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(MailDeliveryWorker.class);

  private final MailOutbox outbox;
  private final MailDelivery delivery;
  private final RetryPolicy retry;
  private final Duration pollInterval;
  private final Duration lease;
  private final int batchSize;
  private final Clock clock;
  private final AtomicBoolean nudged = new AtomicBoolean();
  private volatile @Nullable ScheduledExecutorService executor;

  public MailDeliveryWorker(MailOutbox outbox, MailDelivery delivery, RetryPolicy retry, Duration pollInterval,
      Duration lease, int batchSize, Clock clock) {
    this.outbox = Objects.requireNonNull(outbox, "outbox must not be null");
    this.delivery = Objects.requireNonNull(delivery, "delivery must not be null");
    this.retry = Objects.requireNonNull(retry, "retry must not be null");
    this.pollInterval = Arguments.positive(pollInterval, "poll interval");
    this.lease = Arguments.positive(lease, "lease");
    this.batchSize = Arguments.atLeastOne(batchSize, "batch size");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  /**
   * A builder of a worker over the outbox and the delivery, starting from the defaults of {@code
   * petition.mail.*} and the system clock; every setter checks its argument.
   */
  public static Builder builder(MailOutbox outbox, MailDelivery delivery) {
    return new Builder(outbox, delivery);
  }

  /** Asks for a delivery round soon, without waiting for it; cheap to call on every queued message. */
  public void nudge() {
    ScheduledExecutorService running = executor;
    if (running != null && nudged.compareAndSet(false, true)) {
      try {
        running.execute(this::drainQuietly);
      } catch (RuntimeException e) {
        nudged.set(false); // shutting down: the next start polls anyway
      }
    }
  }

  /** Sends every message due now; for the schedule, and for tests. Answers how many were sent. */
  public int drain() {
    nudged.set(false);
    int sent = 0;
    while (true) {
      Instant claimedAt = clock.instant();
      List<MailOutbox.QueuedMessage> batch = outbox.claimDue(claimedAt, lease, batchSize);
      for (MailOutbox.QueuedMessage queued : batch) {
        Instant now = clock.instant();
        // Each message's lease started at the claim: renewed before sending once a quarter of it has passed.
        if (Duration.between(claimedAt, now).compareTo(lease.dividedBy(4)) >= 0) {
          if (!outbox.renew(queued.id(), queued.lease(), now.plus(lease))) {
            LOG.info("mail {}: lease lost to another worker; left to it", queued.id());
            continue;
          }
        }
        if (send(queued)) {
          sent++;
        }
      }
      if (batch.size() < batchSize) {
        return sent;
      }
    }
  }

  private boolean send(MailOutbox.QueuedMessage queued) {
    if (queued.message() == null) {
      outbox.failed(queued.id(), queued.lease(), null);
      return false;
    }
    try {
      delivery.deliver(queued.message());
    } catch (MailDelivery.PermanentMailFailure e) {
      LOG.warn("mail {} not sent and given up on: {} ({})", queued.id(), e.getMessage(), causeType(e));
      giveUp(queued);
      return false;
    } catch (RuntimeException e) {
      Instant retryAt = retry.retryAt(queued.attempts(), clock.instant());
      if (retryAt == null) {
        LOG.error("mail {} not sent after {} attempts and given up on ({})", queued.id(), queued.attempts(),
            causeType(e));
      } else {
        LOG.warn("mail {} not sent (attempt {}, {}); next attempt in {}", queued.id(), queued.attempts(),
            causeType(e), Duration.between(clock.instant(), retryAt).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
      }
      if (retryAt == null) {
        giveUp(queued);
      } else {
        outbox.failed(queued.id(), queued.lease(), retryAt);
      }
      return false;
    }
    if (!outbox.delivered(queued.id(), queued.lease())) {
      // Sent, but the lease had lapsed and another worker holds the message: it may be sent twice.
      LOG.warn("mail {} sent after its lease lapsed; another worker may send it again (raise petition.mail.lease)",
          queued.id());
    }
    return true;
  }

  // A message given up on is kept (failed) for the operators, but not an invitation: the invited address may be
  // kept no longer than its delivery takes, so it is deleted instead.
  private void giveUp(MailOutbox.QueuedMessage queued) {
    OutgoingMessage message = queued.message();
    if (message != null && message.kind() == MessageKind.INVITATION) {
      outbox.delivered(queued.id(), queued.lease());
      LOG.warn("mail {} was an invitation: deleted, not kept as failed", queued.id());
    } else {
      outbox.failed(queued.id(), queued.lease(), null);
    }
  }

  private void drainQuietly() {
    try {
      drain();
    } catch (RuntimeException e) {
      // The outbox itself failed (a database outage): the next poll tries again.
      LOG.warn("mail outbox not readable ({}); will retry in {}", causeType(e), pollInterval);
    }
  }

  /** The exception types down the chain, without messages: those may quote an address. */
  private static String causeType(Throwable e) {
    StringBuilder types = new StringBuilder(e.getClass().getSimpleName());
    Throwable cause = e.getCause();
    for (int depth = 0; cause != null && depth < 4; depth++, cause = cause.getCause()) {
      types.append(" < ").append(cause.getClass().getSimpleName());
    }
    return types.toString();
  }

  @Override
  public void start() {
    if (executor != null) {
      return;
    }
    ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "petition-mail");
      thread.setDaemon(true);
      return thread;
    });
    started.scheduleWithFixedDelay(this::drainQuietly, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    executor = started;
  }

  @Override
  public void stop() {
    ScheduledExecutorService running = executor;
    executor = null;
    if (running != null) {
      running.shutdown();
      try {
        // A message being sent finishes; what is still queued stays in the outbox for the next start.
        if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
          running.shutdownNow();
        }
      } catch (InterruptedException e) {
        running.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }

  /** Below the web server's phase: started before it takes requests, stopped after it stops taking them. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }

  /** A builder of {@link MailDeliveryWorker}. */
  public static final class Builder {
    private final MailOutbox outbox;
    private final MailDelivery delivery;
    private RetryPolicy retry = RetryPolicy.builder().build();
    private Duration pollInterval = Duration.ofSeconds(5);
    private Duration lease = Duration.ofMinutes(5);
    private int batchSize = 50;
    private Clock clock = Clock.systemUTC();

    private Builder(MailOutbox outbox, MailDelivery delivery) {
      this.outbox = Objects.requireNonNull(outbox, "outbox must not be null");
      this.delivery = Objects.requireNonNull(delivery, "delivery must not be null");
    }

    /** The retries of a failed delivery. */
    public Builder retry(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry must not be null");
      return this;
    }

    /** How often the outbox is polled for messages due; positive. */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = Arguments.positive(pollInterval, "poll interval");
      return this;
    }

    /** How long a claimed message is reserved for this worker; positive. */
    public Builder lease(Duration lease) {
      this.lease = Arguments.positive(lease, "lease");
      return this;
    }

    /** How many messages one claim takes at most; positive. */
    public Builder batchSize(int batchSize) {
      this.batchSize = Arguments.atLeastOne(batchSize, "batch size");
      return this;
    }

    /** The clock that dates claims and retries. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock must not be null");
      return this;
    }

    public MailDeliveryWorker build() {
      return new MailDeliveryWorker(outbox, delivery, retry, pollInterval, lease, batchSize, clock);
    }
  }
}
