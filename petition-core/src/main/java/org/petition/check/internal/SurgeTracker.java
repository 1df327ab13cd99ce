package org.petition.check.internal;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Rolling-window counts of one dimension's keys in a bounded cache, with a surge threshold and an optional
 * hold threshold. Thread-safe.
 */
public final class SurgeTracker<K> {

  private final Cache<K, SurgeCounter> counters;
  private final long window;
  private final long threshold;
  private final long holdThreshold;
  private final Clock clock;
  private final Function<K, SurgeCounter> create;

  /**
   * @param holdThreshold the count above which events are held, 0 for never
   */
  public SurgeTracker(Duration window, long threshold, long holdThreshold, long maximumKeys, Clock clock) {
    this.window = window.toMillis();
    this.threshold = threshold;
    this.holdThreshold = holdThreshold;
    this.clock = clock;
    // A bucket counts until two windows after it began: the current one, then as the weighted previous one.
    this.counters = Caches.bounded(maximumKeys, window.multipliedBy(2), clock);
    this.create = key -> new SurgeCounter(this.clock.millis());
  }

  /**
   * What counting one event found, when it found something.
   *
   * @param count the estimated count in the window, this event included
   * @param raise whether this event raises a surge (the first to reach the threshold in the window)
   * @param hold whether this event is above the hold threshold
   */
  public record Outcome(long count, boolean raise, boolean hold) {}

  /**
   * Counts an event at {@code now} into a counter in the state a shared store gave ({@code state}, empty for
   * none), which is updated in place; {@code null} when there is nothing to raise or hold.
   */
  public @Nullable Outcome count(long[][] state, int index, long now) {
    SurgeCounter counter = SurgeCounter.of(state[index], now);
    long count = counter.add(now, window);
    boolean raise = count >= threshold && counter.raise(now, window);
    state[index] = counter.state();
    boolean hold = holdThreshold > 0 && count > holdThreshold;
    return raise || hold ? new Outcome(count, raise, hold) : null;
  }

  /** How long a counter matters after its last event: two windows. */
  public long keepMillis() {
    return 2 * window;
  }

  /** Counts an event at {@code now}; {@code null} when there is nothing to raise or hold. */
  public @Nullable Outcome count(K key, long now) {
    SurgeCounter counter = counters.get(key, create);
    long count;
    boolean raise;
    synchronized (counter) {
      count = counter.add(now, window);
      raise = count >= threshold && counter.raise(now, window);
    }
    boolean hold = holdThreshold > 0 && count > holdThreshold;
    return raise || hold ? new Outcome(count, raise, hold) : null;
  }

  /** The estimated number of keys after pending maintenance; for tests and metrics. */
  public long estimatedSize() {
    counters.cleanUp();
    return counters.estimatedSize();
  }
}
