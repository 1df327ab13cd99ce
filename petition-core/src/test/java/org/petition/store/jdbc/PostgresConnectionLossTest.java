package org.petition.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.store.TestSignatures.T0;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petition.Petition;
import org.petition.privacy.VerificationReport;
import org.petition.store.ConfirmOutcome;
import org.petition.store.Counts;
import org.petition.store.InsertOutcome;
import org.petition.store.NewSignature;
import org.petition.store.PetitionStoreException;
import org.petition.store.SignatureState;
import org.petition.store.TestSignatures;

/**
 * The connection is lost in the middle of a transaction (the server terminates the backend while it holds
 * the counter row): the caller gets a clear {@link PetitionStoreException}, and nothing of the transaction
 * remains.
 */
class PostgresConnectionLossTest extends PostgresTestSupport {

  private JdbcSignatureStore store;
  private final ExecutorService thread = Executors.newSingleThreadExecutor();

  @BeforeEach
  void setUp() throws Exception {
    store = JdbcSignatureStore.builder(pool(3)).build();
    store.savePetition(Petition.builder("lost").title("Lost").goal("US", 10).build());
  }

  @AfterEach
  void tearDown() throws Exception {
    thread.shutdownNow();
    if (database != null) {
      normalCounterUpdates();
    }
  }

  @Test
  void insertCutOffMidTransactionLeavesNoSignature() throws Exception {
    NewSignature signature = TestSignatures.on("lost", "cut@example.org").phone("+14155550199").build();
    Counts before = store.counts("lost");

    PetitionStoreException failure = killedWhileRunning(() -> store.insert(signature, true));

    assertThat(failure).hasMessageStartingWith(
        "insert signature: the connection to the petition database was lost; the transaction was rolled back");
    assertThat(failure.outcomeUnknown()).isFalse();
    assertThat(queryLong("SELECT COUNT(*) FROM signature WHERE petition = 'lost'")).isZero();
    assertThat(store.household("lost", signature.emailKey())).isEmpty();
    assertThat(store.counts("lost")).isEqualTo(before);
    // The store goes on with fresh connections, and the keys were never taken.
    assertThat(store.insert(signature, true)).isInstanceOf(InsertOutcome.Inserted.class);
    assertThat(store.counts("lost").total()).isEqualTo(before.total() + 1);
  }

  @Test
  void confirmationCutOffMidTransactionLeavesItPending() throws Exception {
    long id = pendingBesideACountedOne("pending", "warm");
    Counts before = store.counts("lost");

    PetitionStoreException failure = killedWhileRunning(() -> store.confirm(id, T0));

    assertThat(failure).hasMessageStartingWith("confirm signature: the connection to the petition database was lost");
    assertThat(store.find(id).orElseThrow().number()).isZero();
    assertPendingThenCountedOnce(id, before);
  }

  @Test
  void confirmationCutOffInTheStatementThatCommitsIsReportedAsUnknown() throws Exception {
    long id = pendingBesideACountedOne("late", "warm2");
    Counts before = store.counts("lost");
    // The chain heads move in the statement that also commits: cut there, the commit may or may not be done.
    execute("CREATE OR REPLACE FUNCTION test_slow_head() RETURNS trigger LANGUAGE plpgsql AS $$"
        + " BEGIN PERFORM pg_sleep(60); RETURN NEW; END $$");
    execute("CREATE TRIGGER test_slow_head AFTER UPDATE ON consent_chain_head FOR EACH ROW"
        + " EXECUTE FUNCTION test_slow_head()");
    PetitionStoreException failure;
    try {
      failure = killedWhileRunning(() -> store.confirm(id, T0), false);
    } finally {
      execute("DROP TRIGGER IF EXISTS test_slow_head ON consent_chain_head");
    }

    assertThat(failure.outcomeUnknown()).isTrue();
    assertThat(failure).hasMessageContaining("may or may not have been applied, as a whole");
    // Here it was not (the server died before the COMMIT ran): the signature is whole and pending, and counts
    // once confirmed again.
    assertPendingThenCountedOnce(id, before);
  }

  /** The cut-off confirmation left the signature whole and pending; confirmed again, it counts once. */
  private void assertPendingThenCountedOnce(long id, Counts before) {
    assertThat(store.find(id).orElseThrow().state()).isEqualTo(SignatureState.PENDING);
    assertThat(store.counts("lost")).isEqualTo(before);
    assertThat(store.confirm(id, T0)).isInstanceOf(ConfirmOutcome.Counted.class);
    assertThat(store.counts("lost").total()).isEqualTo(before.total() + 1);
  }

  @Test
  void aSerializationFailureInTheStatementThatCommitsIsRetried() throws Exception {
    long id = pendingBesideACountedOne("retry", "warm3");
    Counts before = store.counts("lost");
    // The first head move fails as a serialization failure would: the server skips the COMMIT sent with it. A
    // sequence counts the tries, since it is not rolled back with them.
    execute("CREATE SEQUENCE test_fail_once");
    execute("CREATE OR REPLACE FUNCTION test_fail_once() RETURNS trigger LANGUAGE plpgsql AS $$"
        + " BEGIN IF nextval('test_fail_once') = 1 THEN"
        + " RAISE EXCEPTION 'test serialization failure' USING ERRCODE = '40001'; END IF; RETURN NEW; END $$");
    execute("CREATE TRIGGER test_fail_once AFTER UPDATE ON consent_chain_head FOR EACH ROW"
        + " EXECUTE FUNCTION test_fail_once()");
    try {
      assertThat(store.confirm(id, T0)).isInstanceOf(ConfirmOutcome.Counted.class);
    } finally {
      execute("DROP TRIGGER IF EXISTS test_fail_once ON consent_chain_head");
    }
    // Retried after the failure, which had left nothing behind: counted once, the ledger whole.
    assertThat(queryLong("SELECT nextval('test_fail_once')")).as("tries before this one").isGreaterThan(2);
    assertThat(store.counts("lost").total()).isEqualTo(before.total() + 1);
    assertThat(store.find(id).orElseThrow().state()).isEqualTo(SignatureState.CONFIRMED);
    assertThat(store.consentLedger().verify()).isInstanceOf(VerificationReport.Ok.class);
    execute("DROP SEQUENCE test_fail_once");
  }

  /**
   * A pending signature of {@code name}, after confirming another ({@code warm}): its counter rows exist, so a
   * transaction cut off later is the confirmation itself.
   */
  private long pendingBesideACountedOne(String name, String warm) {
    long id = ((InsertOutcome.Inserted) store.insert(TestSignatures.on("lost", name + "@example.org").build(),
        false)).id();
    long other = ((InsertOutcome.Inserted) store.insert(TestSignatures.on("lost", warm + "@example.org").build(),
        false)).id();
    assertThat(store.confirm(other, T0)).isInstanceOf(ConfirmOutcome.Counted.class);
    return id;
  }

  /** Runs {@code work} with counter updates stalled, terminates its backend mid-transaction, returns the failure. */
  private PetitionStoreException killedWhileRunning(Callable<?> work) throws Exception {
    return killedWhileRunning(work, true);
  }

  private PetitionStoreException killedWhileRunning(Callable<?> work, boolean stallCounters) throws Exception {
    if (stallCounters) {
      slowCounterUpdates(60);
    }
    Future<?> running = thread.submit(work);
    int pid = sleepingBackend();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_terminate_backend(" + pid + ")");
    }
    normalCounterUpdates();
    try {
      running.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(PetitionStoreException.class);
      return (PetitionStoreException) e.getCause();
    }
    throw new AssertionError("the cut-off operation did not fail");
  }

  /** The backend sleeping in a test trigger, inside the store's open transaction. */
  private static int sleepingBackend() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      while (System.nanoTime() < deadline) {
        try (ResultSet row = statement.executeQuery("SELECT pid FROM pg_stat_activity"
            + " WHERE wait_event = 'PgSleep' AND state = 'active' AND backend_xid IS NOT NULL")) {
          if (row.next()) {
            return row.getInt(1);
          }
        }
        Thread.sleep(20);
      }
    }
    throw new AssertionError("no backend reached the stalled update in 30 s");
  }
}
