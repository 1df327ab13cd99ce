package org.petition.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.store.TestSignatures.T0;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.petition.Petition;
import org.petition.store.ConfirmOutcome;
import org.petition.store.InsertOutcome;
import org.petition.store.TestSignatures;

/**
 * Confirming signatures in batches on PostgreSQL updates no index: with V3 no index holds a column a
 * confirmation sets, and V4's page fill leaves room for the new row versions beside the old ones.
 */
class PostgresHeapOnlyUpdateTest extends PostgresTestSupport {

  @Test
  void confirmationsAreHeapOnlyUpdates() throws Exception {
    JdbcSignatureStore.builder(pool(2)).build(); // migrates (Flyway takes two connections)
    // One connection, so one server process made every update and its statistics can be flushed at will.
    TinyPool pool = pool(1);
    JdbcSignatureStore store = JdbcSignatureStore.builder(pool).migrate(false).batchSize(64).build();
    store.savePetition(Petition.builder("hot").title("Heap-only").goal(1000).build());
    int threads = 8;
    int each = 40;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(executor.submit(() -> {
        for (int i = 0; i < each; i++) {
          InsertOutcome inserted = store.insert(
              TestSignatures.on("hot", "s" + thread + "-" + i + "@example.org").build(), false);
          long id = ((InsertOutcome.Inserted) inserted).id();
          assertThat(store.confirm(id, T0)).isInstanceOf(ConfirmOutcome.Counted.class);
        }
        return null;
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    executor.shutdown();
    assertThat(store.confirmationBatches().batches()).as("batches formed").isPositive();
    long updates;
    long heapOnly;
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_stat_force_next_flush()"); // flushed as this statement's transaction ends
      try (ResultSet row = statement.executeQuery("SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables"
          + " WHERE relid = 'signature'::regclass")) {
        row.next();
        updates = row.getLong(1);
        heapOnly = row.getLong(2);
      }
    }
    assertThat(updates).isEqualTo(threads * each);
    // Every one in practice; a few may miss when a page's free space is taken by versions not yet pruned.
    assertThat(heapOnly).isGreaterThanOrEqualTo(updates * 95 / 100);
    pool.close();
  }
}
