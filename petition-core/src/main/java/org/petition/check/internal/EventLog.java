package org.petition.check.internal;

/**
 * The times (epoch milliseconds) of the latest events of one key, oldest first, in a ring that starts small
 * and grows to a fixed capacity: most keys see one event, so most rings stay two slots long. Not
 * thread-safe: callers hold the log's monitor.
 */
public final class EventLog {

  private static final int INITIAL_CAPACITY = 2;

  private long[] times;
  private int head;
  private int size;

  EventLog(int capacity) {
    this.times = new long[Math.min(capacity, INITIAL_CAPACITY)];
  }

  /** A log holding these times, oldest first, as {@link #times} gave them (a shared store's state). */
  static EventLog of(long[] times, int capacity) {
    EventLog log = new EventLog(Math.max(capacity, times.length));
    for (long time : times) {
      log.add(time, capacity);
    }
    return log;
  }

  /** The times kept, oldest first. */
  long[] times() {
    long[] copy = new long[size];
    for (int i = 0; i < size; i++) {
      copy[i] = times[(head + i) % times.length];
    }
    return copy;
  }

  int size() {
    return size;
  }

  /** The time of the {@code n}-th latest event, 1 being the latest; requires {@code 1 <= n <= size()}. */
  long latest(int n) {
    return times[(head + size - n) % times.length];
  }

  /** Forgets the events at or before {@code cutoff}. */
  void expire(long cutoff) {
    while (size > 0 && times[head] <= cutoff) {
      head = (head + 1) % times.length;
      size--;
    }
  }

  /** Appends an event, dropping the oldest once {@code capacity} events are kept. */
  void add(long time, int capacity) {
    // A clock stepping back must not break the ring's order.
    long at = size == 0 ? time : Math.max(time, latest(1));
    if (size == times.length) {
      if (times.length < capacity) {
        grow(capacity);
      } else {
        head = (head + 1) % times.length;
        size--;
      }
    }
    times[(head + size) % times.length] = at;
    size++;
  }

  private void grow(int capacity) {
    long[] grown = new long[Math.min(capacity, times.length * 2)];
    for (int i = 0; i < size; i++) {
      grown[i] = times[(head + i) % times.length];
    }
    times = grown;
    head = 0;
  }
}
