package org.petition.check.internal;

import java.time.Duration;

/** Durations in words for explanations: "60 seconds", "5 minutes", "1 hour". */
public final class Durations {

  private Durations() {}

  public static String describe(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 3_600_000 == 0) {
      return plural(millis / 3_600_000, "hour");
    }
    if (millis % 60_000 == 0 && millis > 60_000) {
      return plural(millis / 60_000, "minute");
    }
    if (millis % 1_000 == 0) {
      return plural(millis / 1_000, "second");
    }
    return millis + " ms";
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
