package org.petition.spring.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Exponential backoff between delivery attempts: {@code initial × multiplier^(attempt-1)}, at most {@code
 * max}, for at most {@code maxAttempts} attempts.
 */
public record RetryPolicy(Duration initial, double multiplier, Duration max, int maxAttempts) {

  public RetryPolicy {
    Objects.requireNonNull(initial, "initial must not be null");
    Objects.requireNonNull(max, "max must not be null");
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("initial backoff must be positive");
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max backoff must not be less than the initial backoff");
    }
    if (multiplier < 1) {
      throw new IllegalArgumentException("multiplier must be at least 1");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max attempts must be at least 1");
    }
  }

  /** The wait after the given failed attempt (1 for the first). */
  public Duration backoff(int attempt) {
    double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
    return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
  }

  /** When to try again after the given failed attempt, or {@code null} to give up. */
  public @Nullable Instant retryAt(int attempt, Instant now) {
    return attempt >= maxAttempts ? null : now.plus(backoff(attempt));
  }
}
