package org.petition.spring;

import java.util.Objects;
import org.petition.Petitions;

/** Deletes unconfirmed signatures older than the pending TTL, a batch at a time. */
public final class PurgePendingTask implements PetitionMaintenanceTask {

  // Bounds one run, so a huge backlog cannot hold the thread; the next run goes on.
  private static final int MAX_BATCHES_PER_RUN = 100;

  private final Petitions petitions;
  private final int batchSize;

  public PurgePendingTask(Petitions petitions, int batchSize) {
    this.petitions = Objects.requireNonNull(petitions, "petitions must not be null");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive, was " + batchSize);
    }
    this.batchSize = batchSize;
  }

  @Override
  public void run() {
    for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      if (petitions.purgePending(batchSize) < batchSize) {
        return;
      }
    }
  }
}
