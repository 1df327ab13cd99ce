package org.petition.check.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The sliding-window limits of one dimension (an IP address, a network, a domain): at most {@code count}
 * events in any window of {@code window}, for each limit. One {@link EventLog} per key serves every limit:
 * it keeps as many events as the largest count, for as long as the longest window. Immutable.
 */
public final class WindowLimits {

  private final int[] counts;
  private final long[] windows;
  private final String[] explanations;
  private final int capacity;
  private final long longest;

  /**
   * @param source what the events come from, for explanations: "this IP address", "this network", ...
   * @param limits the limits; at least one
   */
  public WindowLimits(String source, List<Limit> limits) {
    if (limits.isEmpty()) {
      throw new IllegalArgumentException("at least one limit is needed");
    }
    counts = new int[limits.size()];
    windows = new long[limits.size()];
    explanations = new String[limits.size()];
    int most = 0;
    long longestWindow = 0;
    for (int i = 0; i < limits.size(); i++) {
      Limit limit = limits.get(i);
      counts[i] = limit.count();
      windows[i] = limit.window().toMillis();
      explanations[i] = "too many signings from " + source + ": at most " + limit.count() + " per "
          + Durations.describe(limit.window());
      most = Math.max(most, limit.count());
      longestWindow = Math.max(longestWindow, windows[i]);
    }
    capacity = most;
    longest = longestWindow;
  }

  /**
   * A limit.
   *
   * @param count the most events in any window
   * @param window the window, at least a millisecond
   */
  public record Limit(int count, Duration window) {
    public Limit {
      if (count < 1) {
        throw new IllegalArgumentException("count must be positive");
      }
      if (window.toMillis() < 1) {
        throw new IllegalArgumentException("window must be at least a millisecond");
      }
    }
  }

  /** Just the given limits, skipping {@code null}s. */
  public static List<Limit> of(@Nullable Limit... limits) {
    List<Limit> list = new ArrayList<>(limits.length);
    for (Limit limit : limits) {
      if (limit != null) {
        list.add(limit);
      }
    }
    return list;
  }

  /** The longest window, how long a log matters after its last event. */
  public Duration longestWindow() {
    return Duration.ofMillis(longest);
  }

  /** A log of these times, oldest first (a shared store's state). */
  EventLog logOf(long[] times) {
    return EventLog.of(times, capacity);
  }

  EventLog newLog() {
    return new EventLog(capacity);
  }

  /**
   * How many milliseconds until one more event fits every limit; 0 when it fits now. The window ending at
   * {@code now} is half-open, {@code (now - window, now]}: an event leaves it exactly {@code window} after
   * it happened. Caller holds the log's monitor.
   */
  long waitMillis(EventLog log, long now) {
    log.expire(now - longest);
    long wait = 0;
    for (int i = 0; i < counts.length; i++) {
      if (log.size() >= counts[i]) {
        // The count-th latest event must have left the window before one more may enter it.
        wait = Math.max(wait, log.latest(counts[i]) + windows[i] - now);
      }
    }
    return wait;
  }

  /** The explanation of the limit that makes the longest wait. Caller holds the log's monitor. */
  String explain(EventLog log, long now) {
    long wait = 0;
    String why = explanations[0];
    for (int i = 0; i < counts.length; i++) {
      if (log.size() >= counts[i]) {
        long w = log.latest(counts[i]) + windows[i] - now;
        if (w > wait) {
          wait = w;
          why = explanations[i];
        }
      }
    }
    return why;
  }

  void record(EventLog log, long now) {
    log.add(now, capacity);
  }
}
