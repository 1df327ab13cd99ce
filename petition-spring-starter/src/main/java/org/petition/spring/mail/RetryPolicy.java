package org.petition.spring.mail;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Exponential backoff between delivery attempts: {@code initial × multiplier^(attempt-1)}, at most {@code
 * max}, for at most {@code maxAttempts} attempts.
 */
public record RetryPolicy(Duration initial, double multiplier, Duration max, int maxAttempts) {

  public RetryPolicy {
    Arguments.positive(initial, "initial backoff");
    Arguments.positive(max, "max backoff");
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max backoff must not be less than the initial backoff");
    }
    checkMultiplier(multiplier);
    Arguments.atLeastOne(maxAttempts, "max attempts");
  }

  /** A builder starting from 10 s, doubling, at most 1 h, 30 attempts; every setter checks its argument. */
  public static Builder builder() {
    return new Builder();
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

  private static double checkMultiplier(double multiplier) {
    if (!(multiplier >= 1)) {
      throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
    }
    return multiplier;
  }

  /** A builder of {@link RetryPolicy}. */
  public static final class Builder {
    private Duration initial = Duration.ofSeconds(10);
    private double multiplier = 2.0;
    private Duration max = Duration.ofHours(1);
    private int maxAttempts = 30;

    private Builder() {}

    /** The wait after the first failure; positive. */
    public Builder initialBackoff(Duration initial) {
      this.initial = Arguments.positive(initial, "initial backoff");
      return this;
    }

    /** What each further wait is multiplied by; at least 1. */
    public Builder multiplier(double multiplier) {
      this.multiplier = checkMultiplier(multiplier);
      return this;
    }

    /** The longest wait; positive, and checked against the initial backoff when built. */
    public Builder maxBackoff(Duration max) {
      this.max = Arguments.positive(max, "max backoff");
      return this;
    }

    /** Attempts before a message is given up on; at least 1. */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = Arguments.atLeastOne(maxAttempts, "max attempts");
      return this;
    }

    /** @throws IllegalArgumentException when the max backoff is shorter than the initial one */
    public RetryPolicy build() {
      return new RetryPolicy(initial, multiplier, max, maxAttempts);
    }
  }
}
