package org.petition.spring;

import static org.petition.spring.PropertyChecks.POSITIVE_DURATION;
import static org.petition.spring.PropertyChecks.POSITIVE_NUMBER;
import static org.petition.spring.PropertyChecks.apply;
import static org.petition.spring.PropertyChecks.positive;

import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.petition.spring.mail.MailDelivery;
import org.petition.spring.mail.MailDeliveryWorker;
import org.petition.spring.mail.MailOutbox;
import org.petition.spring.mail.RetryPolicy;

/**
 * {@code petition.mail.*} into the starter's mail components: the From and Reply-To addresses, the {@link
 * RetryPolicy}, the {@link MailDeliveryWorker}, and the plain values no builder takes (the health delay, the SMTP
 * timeouts, the in-memory capacity, how long failed messages are kept), each checked and named in errors.
 */
public final class PetitionMailMapper {

  private PetitionMailMapper() {}

  /** The From address: {@code petition.mail.from}, else no-reply at the base URL's host. */
  public static String mailFrom(PetitionProperties properties) {
    String from = properties.getMail().getFrom();
    return from == null || from.isBlank() ? "no-reply@" + PetitionPropertiesMapper.baseHost(properties) : from.strip();
  }

  /** The Reply-To address, if any. */
  public static @Nullable String mailReplyTo(PetitionProperties properties) {
    String replyTo = properties.getMail().getReplyTo();
    return replyTo == null || replyTo.isBlank() ? null : replyTo.strip();
  }

  /** The retries of a failed delivery ({@code petition.mail.retry.*}). */
  public static RetryPolicy mailRetry(PetitionProperties properties) {
    PetitionMailProperties.Retry retry = properties.getMail().getRetry();
    String prefix = "petition.mail.retry.";
    RetryPolicy.Builder builder = RetryPolicy.builder();
    apply(prefix + "initial-backoff", String.format(POSITIVE_DURATION, "10s"),
        () -> builder.initialBackoff(retry.getInitialBackoff()));
    apply(prefix + "multiplier", "Use a multiplier of at least 1, such as 2.",
        () -> builder.multiplier(retry.getMultiplier()));
    apply(prefix + "max-backoff", "Use a duration no shorter than the initial backoff, such as 1h.",
        () -> builder.maxBackoff(retry.getMaxBackoff()));
    apply(prefix + "max-attempts", String.format(POSITIVE_NUMBER, "30"),
        () -> builder.maxAttempts(retry.getMaxAttempts()));
    return apply(prefix + "max-backoff", "Use a duration no shorter than the initial backoff, such as 1h.",
        builder::build);
  }

  /** The worker that sends what the outbox holds ({@code petition.mail.*}). */
  public static MailDeliveryWorker mailDeliveryWorker(MailOutbox outbox, MailDelivery delivery, Clock clock,
      PetitionProperties properties) {
    PetitionMailProperties mail = properties.getMail();
    MailDeliveryWorker.Builder builder = MailDeliveryWorker.builder(outbox, delivery)
        .retry(mailRetry(properties))
        .clock(clock);
    apply("petition.mail.poll-interval", String.format(POSITIVE_DURATION, "5s"),
        () -> builder.pollInterval(mail.getPollInterval()));
    apply("petition.mail.lease", String.format(POSITIVE_DURATION, "5m"), () -> builder.lease(mail.getLease()));
    apply("petition.mail.batch-size", String.format(POSITIVE_NUMBER, "50"),
        () -> builder.batchSize(mail.getBatchSize()));
    return builder.build();
  }

  /** How long a message may wait before health turns DOWN. */
  public static Duration mailMaxDelay(PetitionProperties properties) {
    return positive(properties.getMail().getMaxDelay(), "petition.mail.max-delay", "30m");
  }

  /** JavaMail's timeouts ({@code petition.mail.smtp-timeout}): positive, and at most a quarter of the lease. */
  public static Duration mailSmtpTimeout(PetitionProperties properties) {
    Duration timeout = positive(properties.getMail().getSmtpTimeout(), "petition.mail.smtp-timeout", "10s");
    Duration lease = positive(properties.getMail().getLease(), "petition.mail.lease", "5m");
    if (timeout.multipliedBy(4).compareTo(lease) > 0) {
      // One send (connect, write, read) must end well within the three quarters of the lease left after a renewal.
      throw new PetitionConfigurationException("petition.mail.smtp-timeout",
          "must be at most a quarter of petition.mail.lease (" + lease + "), was " + timeout,
          "Use a shorter timeout, such as 10s, or a longer lease.", null);
    }
    return timeout;
  }

  /** The capacity of the in-memory mail outbox ({@code petition.mail.memory-capacity}). */
  public static int mailMemoryCapacity(PetitionProperties properties) {
    return positive(properties.getMail().getMemoryCapacity(), "petition.mail.memory-capacity", "10000");
  }

  /** How long messages given up on are kept. */
  public static Duration mailKeepFailed(PetitionProperties properties) {
    Duration keep = properties.getMail().getKeepFailed();
    if (keep == null || keep.isNegative()) {
      throw new PetitionConfigurationException("petition.mail.keep-failed", "must not be negative, was " + keep,
          "Use a duration of zero (delete at once) or more, such as 7d.", null);
    }
    return keep;
  }
}
