package org.petition.spring;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;

/**
 * The purge of unconfirmed signatures past the pending TTL, run with the scheduled maintenance.
 *
 * <p>Bound under {@code petition.purge} ({@link PetitionProperties#getPurge()}).
 */
public class PetitionPurgeProperties {

  /** Whether unconfirmed signatures past the pending TTL are deleted on a schedule. */
  private boolean enabled = true;

  /** How often the scheduled maintenance runs; replaced by petition.maintenance.interval. */
  private @Nullable Duration interval;

  /** How many signatures one purge statement deletes at most; a run repeats until less are left. */
  private int batchSize = 1000;

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * How often the scheduled maintenance runs.
   *
   * @deprecated use {@link PetitionMaintenanceProperties#getInterval() petition.maintenance.interval}, which wins
   *     when both are set
   */
  @Deprecated
  @DeprecatedConfigurationProperty(replacement = "petition.maintenance.interval",
      reason = "The interval is the whole scheduled maintenance's, not only the purge's.")
  public @Nullable Duration getInterval() {
    return interval;
  }

  /**
   * Sets how often the scheduled maintenance runs.
   *
   * @deprecated use {@link PetitionMaintenanceProperties#setInterval(Duration) petition.maintenance.interval}
   */
  @Deprecated
  public void setInterval(@Nullable Duration interval) {
    this.interval = interval;
  }

  public int getBatchSize() {
    return batchSize;
  }

  public void setBatchSize(int batchSize) {
    this.batchSize = batchSize;
  }
}
