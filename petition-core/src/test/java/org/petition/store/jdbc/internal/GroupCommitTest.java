package org.petition.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.petition.store.PetitionStoreException;

class GroupCommitTest {

  private static final int THREADS = 8;
  private static final int PER_THREAD = 500;

  /** Submits from 8 threads at once; answers what each call returned, in submission order per thread. */
  private static List<List<Object>> hammer(GroupCommit<Integer, String> commit) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Object>>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        start.await();
        List<Object> answers = new ArrayList<>();
        for (int i = 0; i < PER_THREAD; i++) {
          try {
            answers.add(commit.submit(thread * PER_THREAD + i));
          } catch (RuntimeException e) {
            answers.add(e);
          }
        }
        return answers;
      }));
    }
    start.countDown();
    List<List<Object>> all = new ArrayList<>();
    for (Future<List<Object>> future : futures) {
      all.add(future.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();
    return all;
  }

  @Test
  void everyCallerGetsItsOwnAnswerOnceAndConcurrentCallsShareBatches() throws Exception {
    List<Integer> batchSizes = new CopyOnWriteArrayList<>(); // sizes of the batches written
    ConcurrentHashMap<Integer, Integer> written = new ConcurrentHashMap<>();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger mostInFlight = new AtomicInteger();
    GroupCommit<Integer, String> commit = new GroupCommit<>(16, 1, items -> {
      mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      batchSizes.add(items.size());
      List<@Nullable String> answers = new ArrayList<>();
      for (int item : items) {
        written.merge(item, 1, Integer::sum);
        answers.add("batch:" + item);
      }
      LockSupport.parkNanos(100_000); // a transaction takes time: callers arriving meanwhile queue up
      inFlight.decrementAndGet();
      return answers;
    }, item -> {
      written.merge(item, 1, Integer::sum);
      LockSupport.parkNanos(100_000);
      return "alone:" + item;
    });

    List<List<Object>> answers = hammer(commit);

    for (int t = 0; t < THREADS; t++) {
      for (int i = 0; i < PER_THREAD; i++) {
        assertThat(answers.get(t).get(i).toString()).endsWith(":" + (t * PER_THREAD + i));
      }
    }
    assertThat(written).hasSize(THREADS * PER_THREAD).allSatisfy((item, times) -> assertThat(times).isEqualTo(1));
    assertThat(batchSizes).allMatch(size -> size >= 2 && size <= 16);
    assertThat(commit.batchedItems() + commit.aloneItems()).isEqualTo(THREADS * PER_THREAD);
    // How many shared a batch depends on scheduling (a caller finding the queue empty writes alone at once);
    // that callers arriving during a write share the next is shown deterministically below.
    assertThat(mostInFlight.get()).isEqualTo(1);
  }

  @Test
  void itemsTheBatchLeavesAndBatchesThatFailRunAlone() throws Exception {
    ConcurrentHashMap<Integer, Integer> committed = new ConcurrentHashMap<>();
    GroupCommit<Integer, String> commit = new GroupCommit<>(8, 2, items -> {
      if (items.contains(13)) {
        throw new PetitionStoreException("insert signatures failed, nothing was changed", null);
      }
      List<@Nullable String> answers = new ArrayList<>();
      for (int item : items) {
        if (item % 5 == 0) {
          answers.add(null); // left to its own transaction
        } else {
          committed.merge(item, 1, Integer::sum);
          answers.add("batch");
        }
      }
      return answers;
    }, item -> {
      if (item == 13) {
        throw new IllegalArgumentException("13 is refused alone too");
      }
      committed.merge(item, 1, Integer::sum);
      return "alone";
    });

    List<List<Object>> answers = hammer(commit);

    List<Object> flat = new ArrayList<>();
    answers.forEach(flat::addAll);
    for (int item = 0; item < THREADS * PER_THREAD; item++) {
      Object answer = flat.get(item);
      if (item == 13) {
        assertThat(answer).isInstanceOf(IllegalArgumentException.class);
      } else if (item % 5 == 0) {
        assertThat(answer).isEqualTo("alone");
      }
      if (item != 13) {
        assertThat(committed.get(item)).as("item %d committed once", item).isEqualTo(1);
      }
    }
  }

  @Test
  void callersArrivingWhileOneIsWrittenShareTheNextTransaction() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger aloneRuns = new AtomicInteger();
    List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    GroupCommit<Integer, String> commit = new GroupCommit<>(64, 1, items -> {
      batches.add(List.copyOf(items));
      return new ArrayList<>(Collections.nCopies(items.size(), "batch"));
    }, item -> {
      aloneRuns.incrementAndGet();
      try {
        release.await(); // the first write takes a while; six callers arrive meanwhile
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "alone";
    });
    ExecutorService pool = Executors.newFixedThreadPool(7);
    Future<String> first = pool.submit(() -> commit.submit(0));
    while (aloneRuns.get() == 0) {
      Thread.onSpinWait();
    }
    List<Future<String>> later = new ArrayList<>();
    for (int item = 1; item <= 6; item++) {
      int it = item;
      later.add(pool.submit(() -> commit.submit(it)));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (commit.queued() < 6 && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("alone");
    for (Future<String> future : later) {
      assertThat(future.get(10, TimeUnit.SECONDS)).isEqualTo("batch");
    }
    assertThat(batches).hasSize(1);
    assertThat(batches.get(0)).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
    assertThat(commit.batches()).isEqualTo(1);
    assertThat(commit.batchedItems()).isEqualTo(6);
    assertThat(commit.aloneItems()).isEqualTo(1);
    pool.shutdown();
  }

  @Test
  void aCommitWhoseOutcomeIsUnknownIsReportedToEveryCallerOfItsBatchAndNotRetried() throws Exception {
    List<PetitionStoreException> answers =
        answersOfAFailingBatch(new PetitionStoreException("lost while committing", true, null));
    assertThat(answers).allSatisfy(e -> assertThat(e.outcomeUnknown()).isTrue());
  }

  @Test
  void anUnreachableDatabaseIsReportedToEveryCallerOfTheBatchRatherThanTriedOnceForEach() throws Exception {
    List<PetitionStoreException> answers = answersOfAFailingBatch(new PetitionStoreException(
        "cannot reach the petition database", new java.sql.SQLException("refused", "08001")));
    assertThat(answers).allSatisfy(e -> assertThat(e).hasMessageContaining("cannot reach"));
  }

  @Test
  void anInterruptedCallerIsStillAnsweredAndKeepsItsInterrupt() {
    GroupCommit<Integer, String> commit = new GroupCommit<>(8, 1, items -> List.of(), item -> {
      // A connection pool refuses an interrupted thread: the write must not see the interrupt.
      return Thread.currentThread().isInterrupted() ? "interrupted" : "written";
    });
    Thread.currentThread().interrupt();
    try {
      assertThat(commit.submit(1)).isEqualTo("written");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  /** Four callers queued behind a long lone write share one batch, which fails with {@code failure}. */
  private static List<PetitionStoreException> answersOfAFailingBatch(PetitionStoreException failure)
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger aloneRuns = new AtomicInteger();
    GroupCommit<Integer, String> commit = new GroupCommit<>(8, 1, items -> {
      throw failure;
    }, item -> {
      aloneRuns.incrementAndGet();
      try {
        release.await(); // holds the only leader permit while the others queue
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "alone";
    });
    ExecutorService pool = Executors.newFixedThreadPool(5);
    Future<Object> first = pool.submit(() -> commit.submit(0));
    while (aloneRuns.get() == 0) {
      Thread.onSpinWait();
    }
    List<Future<Object>> queued = new ArrayList<>();
    for (int item = 1; item <= 4; item++) {
      int it = item;
      queued.add(pool.submit(() -> {
        try {
          return commit.submit(it);
        } catch (PetitionStoreException e) {
          return e;
        }
      }));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (commit.queued() < 4 && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("alone");
    List<PetitionStoreException> answers = new ArrayList<>();
    for (Future<Object> future : queued) {
      Object answer = future.get(10, TimeUnit.SECONDS);
      assertThat(answer).isInstanceOf(PetitionStoreException.class);
      answers.add((PetitionStoreException) answer);
    }
    assertThat(aloneRuns.get()).as("never retried alone").isEqualTo(1);
    // Each caller gets an exception of its own, caused by the batch's.
    assertThat(answers).doesNotHaveDuplicates().allSatisfy(e -> assertThat(e.getCause()).isSameAs(failure));
    pool.shutdown();
    return answers;
  }

  @Test
  void aLoneCallRunsAloneAndMisuseIsRefused() {
    List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<Integer, String> commit = new GroupCommit<>(64, 2, items -> {
      batches.add(items.size());
      return new ArrayList<>(Collections.nCopies(items.size(), "batch"));
    }, item -> "alone");
    assertThat(commit.submit(1)).isEqualTo("alone");
    assertThat(batches).isEmpty();
    assertThatThrownBy(() -> new GroupCommit<Integer, String>(0, 1, items -> List.of(), item -> ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxBatch must be at least 1");
    assertThatThrownBy(() -> new GroupCommit<Integer, String>(1, 0, items -> List.of(), item -> ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("concurrentBatches must be at least 1");
  }
}
