package org.petition.spring;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The scheduled maintenance: the purge, retention, the mail outbox's cleanup and every other task.
 *
 * <p>Bound under {@code petition.maintenance} ({@link PetitionProperties#getMaintenance()}).
 */
public class PetitionMaintenanceProperties {

  /**
   * How often the scheduled maintenance runs (1 hour by default; the deprecated petition.purge.interval is
   * used when this is not set).
   */
  private @Nullable Duration interval;

  public @Nullable Duration getInterval() {
    return interval;
  }

  public void setInterval(@Nullable Duration interval) {
    this.interval = interval;
  }
}
