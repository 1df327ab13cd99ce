package org.petition.check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Signs that a program, not a person, filled in the form:
 *
 * <ul>
 *   <li>{@code bot.honeypot} ({@link Severity#CRITICAL}, fraud): the field hidden from people was filled
 *       in;
 *   <li>{@code bot.too_fast} ({@link Severity#HIGH}, fraud): the form was sent sooner after it was shown
 *       than a person can fill it in ({@linkplain Builder#minimumFillTime 3 seconds} by default);
 *   <li>{@code bot.clock} ({@link Severity#HIGH}, fraud): the form claims to have been shown after the
 *       signing arrived, by more than the {@linkplain Builder#clockTolerance tolerated clock difference}
 *       (1 minute by default), so its time was forged;
 *   <li>{@code bot.no_user_agent} ({@link Severity#LOW}): the request has no User-Agent, as browsers
 *       always send one.
 * </ul>
 *
 * <p>Timing is not checked when the form's time is unknown. Immutable and thread-safe.
 */
public final class BotSignalsCheck implements SignatureCheck {

  /** The default {@link Builder#minimumFillTime}: 3 seconds. */
  public static final Duration DEFAULT_MINIMUM_FILL_TIME = Duration.ofSeconds(3);

  /** The default {@link Builder#clockTolerance}: 1 minute. */
  public static final Duration DEFAULT_CLOCK_TOLERANCE = Duration.ofMinutes(1);

  private static final BotSignalsCheck DEFAULTS = builder().build();
  private static final Finding HONEYPOT = Finding.fraud(FindingCodes.BOT_HONEYPOT, Severity.CRITICAL, "honeypot",
      "the form field hidden from people was filled in");
  private static final List<Finding> NO_USER_AGENT = List.of(Finding.of(FindingCodes.BOT_NO_USER_AGENT, Severity.LOW,
      "userAgent", "the request has no User-Agent, which every browser sends"));

  private final Duration minimumFillTime;
  private final Duration clockTolerance;

  private BotSignalsCheck(Builder builder) {
    this.minimumFillTime = builder.minimumFillTime;
    this.clockTolerance = builder.clockTolerance;
  }

  /** The check with a minimum fill time of 3 seconds and a clock tolerance of 1 minute. */
  public static BotSignalsCheck ofDefaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public List<Finding> check(CheckInput input) {
    Objects.requireNonNull(input, "input must not be null");
    String honeypot = input.honeypot();
    Instant rendered = input.formRenderedAt();
    String userAgent = input.userAgent();
    boolean noUserAgent = userAgent == null || userAgent.isBlank();
    if ((honeypot == null || honeypot.isEmpty()) && rendered == null) {
      return noUserAgent ? NO_USER_AGENT : List.of(); // the common cases, without allocating
    }
    List<Finding> findings = new ArrayList<>(2);
    if (honeypot != null && !honeypot.isEmpty()) {
      findings.add(HONEYPOT);
    }
    if (rendered != null) {
      Duration elapsed = Duration.between(rendered, input.receivedAt());
      if (elapsed.isNegative() && elapsed.negated().compareTo(clockTolerance) > 0) {
        findings.add(Finding.fraud(FindingCodes.BOT_CLOCK, Severity.HIGH, "formRenderedAt",
            "the form claims to have been shown " + seconds(elapsed.negated())
                + " after the signing arrived; its time was forged"));
      } else if (elapsed.compareTo(minimumFillTime) < 0) {
        findings.add(Finding.fraud(FindingCodes.BOT_TOO_FAST, Severity.HIGH, "formRenderedAt",
            "the form was sent " + seconds(elapsed) + " after it was shown; a person needs at least "
                + seconds(minimumFillTime)));
      }
    }
    if (noUserAgent) {
      findings.add(NO_USER_AGENT.get(0));
    }
    return findings.isEmpty() ? List.of() : List.copyOf(findings);
  }

  private static String seconds(Duration duration) {
    long millis = Math.abs(duration.toMillis());
    return (duration.isNegative() ? "-" : "") + millis / 1000 + "." + millis % 1000 / 100 + " s";
  }

  /** The minimum time between showing the form and receiving it. */
  public Duration minimumFillTime() {
    return minimumFillTime;
  }

  /** How far in the future the form's time may be before it counts as forged. */
  public Duration clockTolerance() {
    return clockTolerance;
  }

  @Override
  public String toString() {
    return "BotSignalsCheck[minimumFillTime=" + minimumFillTime + ", clockTolerance=" + clockTolerance + "]";
  }

  /** A builder of {@link BotSignalsCheck}; every setter checks its argument. */
  public static final class Builder {
    private Duration minimumFillTime = DEFAULT_MINIMUM_FILL_TIME;
    private Duration clockTolerance = DEFAULT_CLOCK_TOLERANCE;

    private Builder() {}

    /**
     * Sets the minimum time a person needs to fill in the form; a form sent sooner is {@code bot.too_fast}.
     *
     * @param minimumFillTime zero or more; zero turns the timing check off
     * @return this builder
     */
    public Builder minimumFillTime(Duration minimumFillTime) {
      Objects.requireNonNull(minimumFillTime, "minimumFillTime must not be null");
      if (minimumFillTime.isNegative()) {
        throw new IllegalArgumentException("minimumFillTime must not be negative, was " + minimumFillTime);
      }
      this.minimumFillTime = minimumFillTime;
      return this;
    }

    /**
     * Sets how far the form's time may be ahead of the time the signing arrived (clocks of two servers
     * differ) before it is {@code bot.clock}.
     *
     * @param clockTolerance zero or more
     * @return this builder
     */
    public Builder clockTolerance(Duration clockTolerance) {
      Objects.requireNonNull(clockTolerance, "clockTolerance must not be null");
      if (clockTolerance.isNegative()) {
        throw new IllegalArgumentException("clockTolerance must not be negative, was " + clockTolerance);
      }
      this.clockTolerance = clockTolerance;
      return this;
    }

    /** Builds the check. */
    public BotSignalsCheck build() {
      return new BotSignalsCheck(this);
    }
  }
}
