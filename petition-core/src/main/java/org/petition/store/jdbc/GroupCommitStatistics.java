package org.petition.store.jdbc;

/**
 * How well the {@link JdbcSignatureStore}'s group commit is batching, per kind of write, since the store
 * was built: when most items are written alone under load, more concurrent batches than the database needs
 * are allowed ({@link JdbcSignatureStore.Builder#concurrentBatches}).
 *
 * @param batches transactions that wrote several items together
 * @param batchedItems items written by those transactions
 * @param aloneItems items written in a transaction of their own (alone in the queue, or left by a batch)
 */
public record GroupCommitStatistics(long batches, long batchedItems, long aloneItems) {

  /** Items per batch on average, or 0 before the first batch. */
  public double averageBatchSize() {
    return batches == 0 ? 0 : (double) batchedItems / batches;
  }
}
