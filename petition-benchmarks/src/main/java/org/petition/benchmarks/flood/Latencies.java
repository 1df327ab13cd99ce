package org.petition.benchmarks.flood;

import java.util.Arrays;

/** Latencies in microseconds, recorded from many threads; percentiles by sorting (a few thousand values). */
final class Latencies {

  private long[] values = new long[1024];
  private int count;

  synchronized void record(long nanos) {
    if (count == values.length) {
      values = Arrays.copyOf(values, count * 2);
    }
    values[count++] = nanos / 1_000;
  }

  synchronized int count() {
    return count;
  }

  /** The {@code p}-th percentile (0 to 100) in milliseconds, nearest rank; 0 when nothing was recorded. */
  synchronized double percentileMillis(double p) {
    if (count == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1000.0;
  }

  String summary() {
    return String.format(java.util.Locale.ROOT, "n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms", count(),
        percentileMillis(50), percentileMillis(90), percentileMillis(99), percentileMillis(100));
  }
}
