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
    confirmationsAreHeapOnlyUpdates("hot", Long.MAX_VALUE);
  }

  @Test
  void confirmationsAreHeapOnlyUpdatesWithKeptPlansToo() throws Exception {
    // What a store does once its tables are big enough for the server to keep its plans (the other test's
    // store has each hot statement planned afresh): the same statements, without the setting before them.
    confirmationsAreHeapOnlyUpdates("kept", 0);
  }

  private void confirmationsAreHeapOnlyUpdates(String petition, long freshPlansBelow) throws Exception {
    JdbcSignatureStore.builder(pool(2)).build(); // migrates (Flyway takes two connections)
    // One connection, so one server process made every update and its statistics can be flushed at will.
    TinyPool pool = pool(1);
    long[] before = tableStatistics(pool);
    JdbcSignatureStore store = JdbcSignatureStore.builder(pool).migrate(false).batchSize(64)
        .freshPlansBelow(freshPlansBelow).build();
    store.savePetition(Petition.builder(petition).title("Heap-only").goal(1000).build());
    int threads = 8;
    int each = 40;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(executor.submit(() -> {
        for (int i = 0; i < each; i++) {
          InsertOutcome inserted = store.insert(
              TestSignatures.on(petition, "s" + thread + "-" + i + "@example.org").build(), false);
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
    assertThat(store.counts(petition).total()).isEqualTo(threads * each);
    long[] after = tableStatistics(pool);
    long updates = after[0] - before[0];
    long heapOnly = after[1] - before[1];
    assertThat(updates).isEqualTo(threads * each);
    // Every one in practice; a few may miss when a page's free space is taken by versions not yet pruned.
    assertThat(heapOnly).isGreaterThanOrEqualTo(updates * 95 / 100);
    pool.close();
  }

  /** Updates and heap-only updates of the signature table so far, flushed from the pool's one server process. */
  private static long[] tableStatistics(TinyPool pool) throws Exception {
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_stat_force_next_flush()"); // flushed as this statement's transaction ends
      try (ResultSet row = statement.executeQuery("SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables"
          + " WHERE relid = 'signature'::regclass")) {
        row.next();
        return new long[] {row.getLong(1), row.getLong(2)};
      }
    }
  }
}
