package org.petition.store.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * How well the {@link JdbcSignatureStore}'s group commit is batching, per kind of write, since the store
 * was built: when most items are written alone under load, more concurrent batches than the database needs
 * are allowed ({@link JdbcSignatureStore.Builder#concurrentBatches}).
 *
 * @param batches transactions that wrote several items together
 * @param batchedItems items written by those transactions
 * @param aloneItems items written in a transaction of their own (alone in the queue, or left by a batch)
 * @param writing time spent writing them, summed over concurrent batches: close to the time elapsed (times
 *     the concurrent batches allowed) means this kind of write is the bottleneck
 */
public record GroupCommitStatistics(long batches, long batchedItems, long aloneItems, Duration writing) {

  /** Checks the arguments. */
  public GroupCommitStatistics {
    Objects.requireNonNull(writing, "writing must not be null");
  }

  /** Items per batch on average, or 0 before the first batch. */
  public double averageBatchSize() {
    return batches == 0 ? 0 : (double) batchedItems / batches;
  }
}
