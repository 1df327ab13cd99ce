package org.petition.spring.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import java.util.List;
import org.petition.Petitions;
import org.petition.spring.PetitionConfigurationException;
import org.petition.spring.PetitionKeyCheck;
import org.petition.spring.mail.MailOutbox;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP when the signature store answers, the configured keys are those it recorded ({@link PetitionKeyCheck}) and
 * no confirmation mail has waited longer than the allowed delay; DOWN otherwise. Details: the number of petitions, and the outbox's waiting and failed counts.
 */
public final class PetitionHealthIndicator extends AbstractHealthIndicator {

  private final Petitions petitions;
  private final @Nullable MailOutbox outbox;
  private final Duration maxDelay;
  private final Clock clock;
  private final @Nullable PetitionKeyCheck keys;

  public PetitionHealthIndicator(Petitions petitions, @Nullable MailOutbox outbox, Duration maxDelay, Clock clock) {
    this(petitions, outbox, maxDelay, clock, null);
  }

  /** With {@code keys}, a configured key that differs from what the store recorded is DOWN too. */
  public PetitionHealthIndicator(Petitions petitions, @Nullable MailOutbox outbox, Duration maxDelay, Clock clock,
      @Nullable PetitionKeyCheck keys) {
    super("petition health check failed");
    this.keys = keys;
    this.petitions = Objects.requireNonNull(petitions, "petitions must not be null");
    this.outbox = outbox;
    this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.up().withDetail("petitions", petitions.store().petitions().size());
    if (keys != null) {
      List<PetitionConfigurationException> problems = keys.problems();
      if (!problems.isEmpty()) {
        // Property names and what is wrong, never a key or a fingerprint.
        builder.down().withDetail("keys", problems.stream().map(PetitionConfigurationException::getMessage).toList());
      }
    }
    if (outbox != null) {
      MailOutbox.Backlog backlog = outbox.backlog();
      builder.withDetail("mailWaiting", backlog.waiting()).withDetail("mailFailed", backlog.failed());
      long refused = outbox.refusedWhenFull();
      if (refused > 0) {
        builder.withDetail("mailRefusedWhenFull", refused);
      }
      if (outbox.isFull()) {
        builder.down().withDetail("mail", "the mail outbox is full: new mails are refused");
      }
      Instant oldest = backlog.oldestWaiting();
      if (oldest != null) {
        Duration age = Duration.between(oldest, clock.instant());
        builder.withDetail("mailOldestWaiting", age.toString());
        if (age.compareTo(maxDelay) > 0) {
          builder.down().withDetail("mail", "a confirmation mail has waited longer than " + maxDelay);
        }
      }
    }
  }
}
