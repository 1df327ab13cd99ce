package org.petition.account.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.petition.check.LimitStore;

/**
 * The login throttle's states in a {@link LimitStore}: failures, the last one's time and the lock's end, as
 * three numbers under the key {@code login:<key>} (which the store hashes with its own secret). The rules
 * are {@link ThrottleState}'s; only where the state is kept differs.
 */
public final class SharedThrottleStates {

  private static final long NEVER = Long.MIN_VALUE;

  private final LimitStore store;
  private final Duration maxLock;

  public SharedThrottleStates(LimitStore store, Duration maxLock) {
    this.store = store;
    this.maxLock = maxLock;
  }

  /** The state of {@code key} at {@code now}, or null when none is kept. */
  public @Nullable ThrottleState read(String key, Instant now) {
    return store.update(List.of("login:" + key), now.toEpochMilli(),
        states -> LimitStore.Outcome.unchanged(new Read(decode(states.get(0))))).state();
  }

  /** The state after one more failure of {@code key} at {@code now}, written. */
  public ThrottleState fail(String key, Instant now, int failuresPerLock, Duration firstLock) {
    return store.update(List.of("login:" + key), now.toEpochMilli(), states -> {
      ThrottleState current = decode(states.get(0));
      ThrottleState next = ThrottleState.afterFailure(
          current == null || current.staleAt(now, maxLock) ? null : current, now, failuresPerLock, firstLock, maxLock);
      Instant since = next.lockedUntil().isAfter(next.lastFailure()) ? next.lockedUntil() : next.lastFailure();
      return new LimitStore.Outcome<>(next, List.of(encode(next)), since.plus(maxLock).toEpochMilli());
    });
  }

  /** Forgets {@code key}'s failures and lock. */
  public void forget(String key) {
    // A state expiring at 0 is empty from the moment it is written.
    store.update(List.of("login:" + key), System.currentTimeMillis(),
        states -> new LimitStore.Outcome<>(Boolean.TRUE, List.of(new long[0]), 0));
  }

  /** What a read found; a record because a store's answer must not be null. */
  private record Read(@Nullable ThrottleState state) {}

  private static long[] encode(ThrottleState state) {
    long lockedUntil = state.lockedUntil().equals(Instant.MIN) ? NEVER : state.lockedUntil().toEpochMilli();
    return new long[] {state.failures(), state.lastFailure().toEpochMilli(), lockedUntil};
  }

  private static @Nullable ThrottleState decode(long[] state) {
    if (state.length != 3) {
      return null;
    }
    Instant lockedUntil = state[2] == NEVER ? Instant.MIN : Instant.ofEpochMilli(state[2]);
    return new ThrottleState((int) state[0], Instant.ofEpochMilli(state[1]), lockedUntil);
  }
}
