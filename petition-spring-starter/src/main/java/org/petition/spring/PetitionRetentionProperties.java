package org.petition.spring;

import java.time.Duration;

/**
 * Retention of signers' personal data after a petition closes (run with the scheduled maintenance).
 *
 * <p>Bound under {@code petition.retention} ({@link PetitionProperties#getRetention()}).
 */
public class PetitionRetentionProperties {

  /** Whether personal data of closed petitions is erased on schedule once the period is over. */
  private boolean enabled = true;

  /** How long after a petition closes its signers' personal data is kept (the UK site keeps 6 months). */
  private Duration period = Duration.ofDays(180);

  /** How many signatures one retention step anonymises at most; a run repeats until less are left. */
  private int batchSize = 1000;

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Duration getPeriod() {
    return period;
  }

  public void setPeriod(Duration period) {
    this.period = period;
  }

  public int getBatchSize() {
    return batchSize;
  }

  public void setBatchSize(int batchSize) {
    this.batchSize = batchSize;
  }
}
