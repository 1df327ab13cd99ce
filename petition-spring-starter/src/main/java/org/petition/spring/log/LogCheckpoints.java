package org.petition.spring.log;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.petition.Petitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Signs a checkpoint of every petition's transparency log that grew, every {@code
 * petition.log.checkpoint-interval}, on its own daemon thread: so at most one new checkpoint per interval and
 * petition, none while nothing changes, and the old ones are kept by the store.
 */
public final class LogCheckpoints implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(LogCheckpoints.class);

  private final Petitions petitions;
  private final Duration interval;
  private volatile @Nullable ScheduledExecutorService executor;

  public LogCheckpoints(Petitions petitions, Duration interval) {
    this.petitions = Objects.requireNonNull(petitions, "petitions must not be null");
    Objects.requireNonNull(interval, "interval must not be null");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, was " + interval);
    }
    this.interval = interval;
  }

  /** Signs the checkpoints due now, on the calling thread; answers how many were made. */
  public int runOnce() {
    try {
      return petitions.log().checkpointAll();
    } catch (RuntimeException e) {
      LOG.warn("petition: signing log checkpoints failed", e);
      return 0;
    }
  }

  /** The delay between runs. */
  public Duration interval() {
    return interval;
  }

  @Override
  public void start() {
    if (executor != null) {
      return;
    }
    ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "petition-log-checkpoints");
      thread.setDaemon(true);
      return thread;
    });
    started.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    executor = started;
  }

  @Override
  public void stop() {
    ScheduledExecutorService running = executor;
    executor = null;
    if (running != null) {
      running.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }
}
