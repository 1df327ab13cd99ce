package org.petition.spring;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Delivery of confirmation messages through the application's JavaMailSender.
 *
 * <p>Bound under {@code petition.mail} ({@link PetitionProperties#getMail()}).
 */
public class PetitionMailProperties {

  /** Whether messages go through the outbox to the JavaMailSender when the application has one. */
  private boolean enabled = true;

  /** The From address; by default no-reply at the base URL's host. */
  private @Nullable String from;

  /** A Reply-To address, if any. */
  private @Nullable String replyTo;

  /** How often the outbox is polled for messages due (new messages are also sent at once). */
  private Duration pollInterval = Duration.ofSeconds(5);

  /** How many messages one poll sends at most. */
  private int batchSize = 50;

  /** How long a message being sent is reserved for one sender before another may take it. */
  private Duration lease = Duration.ofMinutes(5);

  /** Health turns DOWN when a message has waited longer than this. */
  private Duration maxDelay = Duration.ofMinutes(30);

  /** How long messages that could not be sent are kept for inspection before deletion. */
  private Duration keepFailed = Duration.ofDays(7);

  /**
   * JavaMail's connect, read and write timeouts (mail.smtp.connectiontimeout, timeout, writetimeout), set
   * on the application's JavaMailSenderImpl where it has not set them itself: keep them well below the lease.
   */
  private Duration smtpTimeout = Duration.ofSeconds(10);

  /** The most messages the in-memory outbox (no DataSource) holds; beyond it a signing is answered 503. */
  private int memoryCapacity = 10_000;

  public Duration getSmtpTimeout() {
    return smtpTimeout;
  }

  public void setSmtpTimeout(Duration smtpTimeout) {
    this.smtpTimeout = smtpTimeout;
  }

  public int getMemoryCapacity() {
    return memoryCapacity;
  }

  public void setMemoryCapacity(int memoryCapacity) {
    this.memoryCapacity = memoryCapacity;
  }

  private final Retry retry = new Retry();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public @Nullable String getFrom() {
    return from;
  }

  public void setFrom(@Nullable String from) {
    this.from = from;
  }

  public @Nullable String getReplyTo() {
    return replyTo;
  }

  public void setReplyTo(@Nullable String replyTo) {
    this.replyTo = replyTo;
  }

  public Duration getPollInterval() {
    return pollInterval;
  }

  public void setPollInterval(Duration pollInterval) {
    this.pollInterval = pollInterval;
  }

  public int getBatchSize() {
    return batchSize;
  }

  public void setBatchSize(int batchSize) {
    this.batchSize = batchSize;
  }

  public Duration getLease() {
    return lease;
  }

  public void setLease(Duration lease) {
    this.lease = lease;
  }

  public Duration getMaxDelay() {
    return maxDelay;
  }

  public void setMaxDelay(Duration maxDelay) {
    this.maxDelay = maxDelay;
  }

  public Duration getKeepFailed() {
    return keepFailed;
  }

  public void setKeepFailed(Duration keepFailed) {
    this.keepFailed = keepFailed;
  }

  public Retry getRetry() {
    return retry;
  }

  /** Retries of a failed delivery, with exponential backoff. */
  public static class Retry {

    /** The wait after the first failure. */
    private Duration initialBackoff = Duration.ofSeconds(10);

    /** What each further wait is multiplied by. */
    private double multiplier = 2.0;

    /** The longest wait between two attempts. */
    private Duration maxBackoff = Duration.ofHours(1);

    /** Attempts before a message is given up on (about a day with the other defaults). */
    private int maxAttempts = 30;

    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    public double getMultiplier() {
      return multiplier;
    }

    public void setMultiplier(double multiplier) {
      this.multiplier = multiplier;
    }

    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }

    public int getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }
  }
}
