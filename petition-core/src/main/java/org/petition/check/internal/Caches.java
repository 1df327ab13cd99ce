package org.petition.check.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;

/** Bounded Caffeine caches whose expiry reads the same clock as the windows they hold. */
public final class Caches {

  private Caches() {}

  /**
   * A cache of at most {@code maximumSize} entries, each dropped {@code idle} after it was last read or
   * written.
   */
  public static <K, V> Cache<K, V> bounded(long maximumSize, Duration idle, Clock clock) {
    return Caffeine.newBuilder()
        .maximumSize(maximumSize)
        .expireAfterAccess(idle)
        // Expiry follows the injected clock, so an entry leaves once its window has passed by that clock.
        .ticker(() -> clock.millis() * 1_000_000L)
        .build();
  }
}
