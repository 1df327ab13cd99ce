package org.petition.spring;

import static org.petition.spring.PropertyChecks.positive;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled maintenance's settings: its interval ({@code petition.maintenance.interval}, else the deprecated
 * {@code petition.purge.interval}, else one hour) and the batch sizes of the purge and of retention.
 */
public final class PetitionMaintenanceMapper {

  /** How often the scheduled maintenance runs when neither interval property is set. */
  public static final Duration DEFAULT_MAINTENANCE_INTERVAL = Duration.ofHours(1);

  private static final Logger LOG = LoggerFactory.getLogger(PetitionMaintenanceMapper.class);

  private PetitionMaintenanceMapper() {}

  /**
   * How often the scheduled maintenance runs: {@code petition.maintenance.interval}, else the deprecated
   * {@code petition.purge.interval}, else one hour.
   */
  public static Duration maintenanceInterval(PetitionProperties properties) {
    Duration interval = properties.getMaintenance().getInterval();
    String property = "petition.maintenance.interval";
    if (interval == null) {
      @SuppressWarnings("deprecation")
      Duration deprecated = properties.getPurge().getInterval();
      if (deprecated == null) {
        return DEFAULT_MAINTENANCE_INTERVAL;
      }
      LOG.warn("petition.purge.interval is deprecated: set petition.maintenance.interval instead");
      interval = deprecated;
      property = "petition.purge.interval";
    }
    return positive(interval, property, "1h");
  }

  /** How many unconfirmed signatures one purge statement deletes at most. */
  public static int purgeBatchSize(PetitionProperties properties) {
    return positive(properties.getPurge().getBatchSize(), "petition.purge.batch-size", "1000");
  }

  /** How many signatures one retention step anonymises at most. */
  public static int retentionBatchSize(PetitionProperties properties) {
    return positive(properties.getRetention().getBatchSize(), "petition.retention.batch-size", "1000");
  }
}
