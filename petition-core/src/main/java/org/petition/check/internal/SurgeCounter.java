package org.petition.check.internal;

/**
 * An estimate of how many events of one key fell in the rolling window ending now, from two fixed buckets
 * (Cloudflare's sliding-window counter): the current bucket's count plus the previous bucket's, weighted
 * by how much of the previous bucket the rolling window still covers. Exact while a key's first window
 * lasts; within a few percent after. Constant size. Not thread-safe: callers hold the counter's monitor.
 */
public final class SurgeCounter {

  private long start;
  private long current;
  private long previous;
  private long raisedAt = Long.MIN_VALUE;

  SurgeCounter(long now) {
    this.start = now;
  }

  /** A counter in the state {@link #state} gave (a shared store's), or a new one at {@code now} if empty. */
  static SurgeCounter of(long[] state, long now) {
    SurgeCounter counter = new SurgeCounter(now);
    if (state.length == 4) {
      counter.start = state[0];
      counter.current = state[1];
      counter.previous = state[2];
      counter.raisedAt = state[3];
    }
    return counter;
  }

  /** The counter's state, for a shared store. */
  long[] state() {
    return new long[] {start, current, previous, raisedAt};
  }

  /** Counts an event at {@code now} and returns the estimate, this event included. */
  long add(long now, long window) {
    if (now - start >= window) {
      long buckets = (now - start) / window;
      previous = buckets == 1 ? current : 0;
      current = 0;
      start += buckets * window;
    }
    current++;
    long elapsed = Math.max(0, now - start);
    return current + previous * (window - elapsed) / window;
  }

  /** Whether a surge may be raised at {@code now}: once per window; marks it raised if so. */
  boolean raise(long now, long window) {
    if (raisedAt != Long.MIN_VALUE && now - raisedAt < window) {
      return false;
    }
    raisedAt = now;
    return true;
  }
}
