package org.petition.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.petition.ResendLimits;

/**
 * The {@link ResendLimits} at work: per email key, the times of the mails sent again in the last 24 hours.
 * Keys are the keyed hashes of canonical emails, never addresses. Memory is bounded by the limits' maximum
 * keys, and a key is forgotten a day after it was last asked about, by the instance's clock. Thread-safe.
 */
public final class ResendThrottle {

  private static final long MINUTE = Duration.ofMinutes(1).toMillis();
  private static final long DAY = Duration.ofDays(1).toMillis();

  private final ResendLimits limits;
  private final Clock clock;
  private final Cache<Key, ArrayDeque<Long>> sent;

  public ResendThrottle(ResendLimits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
    this.sent = Caffeine.newBuilder()
        .maximumSize(limits.maximumKeys())
        .expireAfterAccess(Duration.ofMillis(DAY))
        .ticker(() -> clock.millis() * 1_000_000L)
        .executor(Runnable::run) // evict on the calling thread: no background work in a library
        .build();
  }

  /** Whether one more mail may go to the owner of this email key now; if so, it is counted. */
  public boolean admit(byte[] emailKey) {
    if (limits.perDay() == 0 || limits.perMinute() == 0) {
      return false;
    }
    long now = clock.millis();
    ArrayDeque<Long> times = sent.get(new Key(emailKey), key -> new ArrayDeque<>(2));
    synchronized (times) {
      while (!times.isEmpty() && times.getFirst() <= now - DAY) {
        times.pollFirst();
      }
      if (times.size() >= limits.perDay() || inLastMinute(times, now) >= limits.perMinute()) {
        return false;
      }
      // A clock stepping back must not break the order.
      times.addLast(times.isEmpty() ? now : Math.max(now, times.getLast()));
      return true;
    }
  }

  private static int inLastMinute(ArrayDeque<Long> times, long now) {
    int count = 0;
    var newestFirst = times.descendingIterator();
    while (newestFirst.hasNext() && newestFirst.next() > now - MINUTE) {
      count++;
    }
    return count;
  }

  private record Key(byte[] emailKey) {
    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Key key && Arrays.equals(emailKey, key.emailKey);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(emailKey);
    }

    @Override
    public String toString() {
      return "Key";
    }
  }
}
