package org.petition.spring;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs every {@link PetitionMaintenanceTask} on a fixed delay on its own daemon thread. It owns the thread
 * rather than registering a {@code TaskScheduler} bean, which would make Boot's own scheduler back off.
 */
public final class PetitionMaintenance implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(PetitionMaintenance.class);

  private final List<PetitionMaintenanceTask> tasks;
  private final Duration interval;
  private volatile @Nullable ScheduledExecutorService executor;

  public PetitionMaintenance(List<PetitionMaintenanceTask> tasks, Duration interval) {
    this.tasks = List.copyOf(tasks);
    Objects.requireNonNull(interval, "interval must not be null");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, was " + interval);
    }
    this.interval = interval;
  }

  /** Runs every task once, now, on the calling thread. */
  public void runOnce() {
    for (PetitionMaintenanceTask task : tasks) {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.warn("petition maintenance task {} failed", task.getClass().getSimpleName(), RedactedException.of(e));
      }
    }
  }

  /** The tasks run. */
  public List<PetitionMaintenanceTask> tasks() {
    return tasks;
  }

  /** The delay between runs. */
  public Duration interval() {
    return interval;
  }

  @Override
  public void start() {
    if (executor != null || tasks.isEmpty()) {
      return;
    }
    ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "petition-maintenance");
      thread.setDaemon(true);
      return thread;
    });
    started.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
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
