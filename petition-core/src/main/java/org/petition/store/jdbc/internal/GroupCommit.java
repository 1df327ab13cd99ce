package org.petition.store.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.petition.store.PetitionStoreException;

/**
 * Group commit without a thread of its own: concurrent callers queue their operations, and whichever caller
 * finds one of the leader permits free takes what is queued (up to the batch size) and writes it in one
 * transaction, then wakes the callers it served. A caller returns only once its own operation is committed
 * (or has failed), so durability is the same as one transaction per operation; what is saved is a commit,
 * a connection checkout and most round trips per operation.
 *
 * <p>The batch may answer {@code null} for an item it leaves to the one-at-a-time path (a unique-key
 * conflict, a counter that does not exist yet): those run alone right after the batch commits. A batch that
 * fails as a whole (a constraint it cannot skip) left nothing behind, so each item is run alone and gets
 * its own answer or error. A commit whose outcome is unknown, or a database that cannot be reached, is
 * reported to every caller of the batch, never retried. An operation alone in the queue runs alone.
 */
public final class GroupCommit<I, O> {

  /** Writes items in one transaction; answers one outcome per item, or null to run that item alone. */
  @FunctionalInterface
  public interface Batch<I, O> {
    List<@Nullable O> run(List<I> items);
  }

  /** Writes one item in its own transaction. */
  @FunctionalInterface
  public interface Single<I, O> {
    O run(I item);
  }

  // Waiting callers are woken by the leader that served them, or, when a leader finishes, the first one still
  // queued is woken to lead next. The timeout only bounds the damage of a missed wake-up (none is known); a
  // short one has every waiting caller polling: at 5 ms, 32 callers waiting through batches of 5 to 20 ms on a
  // busy server woke about ten times per operation for nothing, each wake-up a system call and a context
  // switch (petition-benchmarks/results/s8-17-cpu).
  private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final ConcurrentLinkedQueue<Slot<I, O>> queue = new ConcurrentLinkedQueue<>();
  private final Semaphore leaders;
  private final int maxBatch;
  private final Batch<I, O> batch;
  private final Single<I, O> single;
  private final LongAdder batches = new LongAdder();
  private final LongAdder batchedItems = new LongAdder();
  private final LongAdder aloneItems = new LongAdder();
  private final LongAdder writingNanos = new LongAdder();

  /** Batches of at most {@code maxBatch} items, with at most {@code concurrentBatches} in flight. */
  public GroupCommit(int maxBatch, int concurrentBatches, Batch<I, O> batch, Single<I, O> single) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1");
    }
    if (concurrentBatches < 1) {
      throw new IllegalArgumentException("concurrentBatches must be at least 1");
    }
    this.maxBatch = maxBatch;
    this.leaders = new Semaphore(concurrentBatches);
    this.batch = Objects.requireNonNull(batch, "batch must not be null");
    this.single = Objects.requireNonNull(single, "single must not be null");
  }

  /** Writes the item, alone or with others queued at the same time; returns once it is committed. */
  public O submit(I item) {
    if (maxBatch == 1) {
      return single.run(item);
    }
    Slot<I, O> slot = new Slot<>(item, Thread.currentThread());
    queue.add(slot);
    // An interrupt cannot abandon a queued write (another caller may already be writing it): it is held
    // while waiting, so parking does not spin and a leader's connection checkout is not refused, and set
    // again on return.
    boolean interrupted = false;
    try {
      while (!slot.done) {
        interrupted |= Thread.interrupted();
        // Once a leader has taken the slot, only its outcome is awaited: leading again would spin.
        if (!slot.taken && leaders.tryAcquire()) {
          slot.leading = true;
          try {
            lead(slot);
          } finally {
            slot.leading = false;
            leaders.release();
          }
          Slot<I, O> next = queue.peek();
          if (next != null) {
            LockSupport.unpark(next.caller); // it may be parked while no leader is left to take it
          }
        } else {
          LockSupport.parkNanos(this, RECHECK_NANOS);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    Slot<I, O> next = slot.wakeNext;
    if (next != null) {
      LockSupport.unpark(next.caller);
    }
    return slot.answer();
  }

  /** Transactions that wrote several items at once so far. */
  public long batches() {
    return batches.sum();
  }

  /** Items written by those transactions. */
  public long batchedItems() {
    return batchedItems.sum();
  }

  /** Items written in a transaction of their own: alone in the queue, left by a batch, or after a failed one. */
  public long aloneItems() {
    return aloneItems.sum();
  }

  /** Time leaders spent writing (batches and items alone), summed over concurrent batches. */
  public long writingNanos() {
    return writingNanos.sum();
  }

  /** How many operations wait in the queue (for tests). */
  int queued() {
    return queue.size();
  }

  private void lead(Slot<I, O> self) {
    List<Slot<I, O>> taken = new ArrayList<>();
    long start = System.nanoTime();
    try {
      Slot<I, O> next;
      while (taken.size() < maxBatch && (next = queue.poll()) != null) {
        next.taken = true;
        taken.add(next);
      }
      if (taken.size() == 1) {
        runAlone(taken.get(0));
      } else if (!taken.isEmpty()) {
        runBatch(taken, self);
      }
    } catch (RuntimeException | Error e) {
      // Whatever went wrong here, no caller whose slot was taken may be left waiting for ever.
      for (Slot<I, O> slot : taken) {
        if (!slot.done) {
          slot.fail(e);
        }
      }
    } finally {
      writingNanos.add(System.nanoTime() - start);
    }
  }

  private void runBatch(List<Slot<I, O>> taken, Slot<I, O> self) {
    List<I> items = new ArrayList<>(taken.size());
    for (Slot<I, O> slot : taken) {
      items.add(slot.item);
    }
    List<@Nullable O> outcomes;
    try {
      outcomes = batch.run(items);
    } catch (PetitionStoreException e) {
      if (e.outcomeUnknown() || Transactions.isConnectionFailure(e)) {
        // Unknown: retrying could write twice. Unreachable database: each alone would wait as long again.
        taken.forEach(slot -> slot.fail(e));
      } else {
        taken.forEach(this::runAlone); // the batch left nothing behind: each gets its own answer or error
      }
      return;
    } catch (RuntimeException e) {
      taken.forEach(this::runAlone); // rolled back by then; alone, only the item at fault fails
      return;
    }
    if (outcomes.size() != taken.size()) {
      throw new IllegalStateException("a batch answered " + outcomes.size() + " outcomes for " + taken.size()
          + " items");
    }
    batches.increment();
    List<Slot<I, O>> alone = new ArrayList<>();
    List<Slot<I, O>> served = new ArrayList<>(taken.size());
    for (int i = 0; i < taken.size(); i++) {
      O outcome = outcomes.get(i);
      if (outcome == null) {
        alone.add(taken.get(i));
      } else {
        batchedItems.increment();
        taken.get(i).outcome = outcome;
        served.add(taken.get(i));
      }
    }
    wakeInChain(served, self);
    alone.forEach(this::runAlone);
  }

  /**
   * Marks the slots done and wakes the first caller only; each caller, once awake, wakes the next. The
   * leader, whose next batch waits for it, makes one wake-up instead of one per caller (each a system call
   * that may also hand its core to the caller woken). Callers that are leading a batch of their own (the
   * leader itself, or, with several concurrent batches, one whose slot another leader took meanwhile) go
   * last: they pass the wake-up on only when done leading.
   */
  private static <I, O> void wakeInChain(List<Slot<I, O>> served, Slot<I, O> self) {
    List<Slot<I, O>> busy = new ArrayList<>(1);
    served.removeIf(slot -> (slot == self || slot.leading) && busy.add(slot));
    served.addAll(busy);
    for (int i = 0; i + 1 < served.size(); i++) {
      served.get(i).wakeNext = served.get(i + 1);
    }
    for (Slot<I, O> slot : served) {
      slot.done = true; // after wakeNext and outcome: the volatile write publishes both
    }
    if (!served.isEmpty()) {
      LockSupport.unpark(served.get(0).caller);
    }
  }

  private void runAlone(Slot<I, O> slot) {
    aloneItems.increment();
    try {
      slot.succeed(single.run(slot.item));
    } catch (RuntimeException | Error e) {
      slot.fail(e);
    }
  }

  /** One queued operation and, once done, its outcome or failure. */
  private static final class Slot<I, O> {
    final I item;
    final Thread caller;
    private @Nullable O outcome;
    private @Nullable Throwable failure;
    private @Nullable Slot<I, O> wakeNext; // the caller this one wakes once done (a batch's wake chain)
    volatile boolean leading; // its caller is leading a batch (its own slot may be served by another)
    volatile boolean taken; // by a leader: the caller now only waits
    volatile boolean done; // written last: makes outcome and failure visible to the caller

    Slot(I item, Thread caller) {
      this.item = item;
      this.caller = caller;
    }

    void succeed(O value) {
      outcome = value;
      done = true;
      LockSupport.unpark(caller);
    }

    void fail(Throwable error) {
      failure = error;
      done = true;
      LockSupport.unpark(caller);
    }

    O answer() {
      Throwable error = failure;
      if (error instanceof PetitionStoreException shared) {
        // One exception may be answered to a whole batch: each caller gets its own, with its own stack.
        throw new PetitionStoreException(String.valueOf(shared.getMessage()), shared.outcomeUnknown(), shared);
      }
      if (error instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (error instanceof Error fatal) {
        throw fatal;
      }
      return Objects.requireNonNull(outcome);
    }
  }
}
