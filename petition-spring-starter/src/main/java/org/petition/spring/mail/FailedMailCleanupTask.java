package org.petition.spring.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.petition.spring.PetitionMaintenanceTask;

/** Deletes messages given up on once they have been kept for inspection long enough. */
public final class FailedMailCleanupTask implements PetitionMaintenanceTask {

  private final MailOutbox outbox;
  private final Duration keepFailed;
  private final Clock clock;

  public FailedMailCleanupTask(MailOutbox outbox, Duration keepFailed, Clock clock) {
    this.outbox = Objects.requireNonNull(outbox, "outbox must not be null");
    this.keepFailed = Objects.requireNonNull(keepFailed, "keepFailed must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  @Override
  public void run() {
    outbox.deleteFailedBefore(clock.instant().minus(keepFailed));
  }
}
