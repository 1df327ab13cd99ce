package org.petition.account.internal;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The failed-login state of one key: failures (consecutive, for a throttle that forgets them on success),
 * the last one's time, the end of the lock in force, and the attempts reserved but not answered yet.
 * Immutable; the throttle replaces it atomically.
 *
 * @param failures failures since the last reset
 * @param lastFailure when the last failure happened ({@link Instant#MIN} when none)
 * @param lockedUntil when the current lock ends ({@link Instant#MIN} when never locked)
 * @param inFlight attempts reserved and not yet answered
 */
public record ThrottleState(int failures, Instant lastFailure, Instant lockedUntil, int inFlight) {

  /** A state with no failure, lock or attempt. */
  public static final ThrottleState EMPTY = new ThrottleState(0, Instant.MIN, Instant.MIN, 0);

  /**
   * The state after one more failure at {@code now}: every {@code failuresPerLock}-th failure locks the key
   * for {@code firstLock}, doubled at each such step, capped at {@code maxLock}.
   */
  public static ThrottleState afterFailure(
      @Nullable ThrottleState current, Instant now, int failuresPerLock, Duration firstLock, Duration maxLock) {
    ThrottleState from = current == null ? EMPTY : current;
    int failures = from.failures == Integer.MAX_VALUE ? from.failures : from.failures + 1;
    Instant lockedUntil = from.lockedUntil;
    if (failures % failuresPerLock == 0) {
      Instant end = now.plus(lockDuration(failures / failuresPerLock, firstLock, maxLock));
      if (end.isAfter(lockedUntil)) {
        lockedUntil = end;
      }
    }
    return new ThrottleState(failures, now, lockedUntil, from.inFlight);
  }

  /**
   * Whether one more attempt may be reserved: the failures so far plus the attempts in flight stay below the
   * count that starts the next lock, so at most {@code failuresPerLock} attempts run between two locks.
   */
  public boolean hasRoomForAttempt(int failuresPerLock) {
    long nextLockAt = ((long) failures / failuresPerLock + 1) * failuresPerLock;
    return (long) failures + inFlight < nextLockAt;
  }

  /** This state with one more attempt in flight. */
  public ThrottleState withAttemptReserved() {
    return new ThrottleState(failures, lastFailure, lockedUntil, inFlight + 1);
  }

  /** This state with one attempt fewer in flight (never below zero). */
  public ThrottleState withAttemptReleased() {
    return new ThrottleState(failures, lastFailure, lockedUntil, Math.max(0, inFlight - 1));
  }

  /** Whether nothing is left worth keeping: no failure, lock or attempt. */
  public boolean isEmpty() {
    return failures == 0 && inFlight == 0 && lockedUntil.equals(Instant.MIN);
  }

  /** The lock of the {@code step}-th step (from 1): {@code firstLock × 2^(step-1)}, at most {@code maxLock}. */
  public static Duration lockDuration(int step, Duration firstLock, Duration maxLock) {
    Duration lock = firstLock;
    for (int i = 1; i < step; i++) {
      if (lock.compareTo(maxLock) >= 0) {
        break; // stops before any overflow, whatever the step
      }
      lock = lock.multipliedBy(2);
    }
    return lock.compareTo(maxLock) > 0 ? maxLock : lock;
  }

  /**
   * Whether this state's failures are forgotten at {@code now}: {@code maxLock} has passed since both the last
   * failure and the end of the lock. Counting from the lock's end too means a key that reached the cap does
   * not start again at the first, shortest lock as soon as its 24-hour lock ends. Attempts in flight are kept.
   */
  public boolean staleAt(Instant now, Duration maxLock) {
    Instant since = lockedUntil.isAfter(lastFailure) ? lockedUntil : lastFailure;
    return since.equals(Instant.MIN) || !now.isBefore(since.plus(maxLock));
  }

  /** This state as seen at {@code now}: its failures and lock dropped when stale, its attempts in flight kept. */
  public ThrottleState freshAt(Instant now, Duration maxLock) {
    return staleAt(now, maxLock) ? new ThrottleState(0, Instant.MIN, Instant.MIN, inFlight) : this;
  }
}
