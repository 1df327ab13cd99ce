package org.petition.account.internal;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The failed-login state of one key: consecutive failures, the last one's time, and the end of the lock
 * in force. Immutable; the throttle replaces it atomically.
 *
 * @param failures consecutive failures since the last success
 * @param lastFailure when the last failure happened
 * @param lockedUntil when the current lock ends ({@link Instant#MIN} when never locked)
 */
public record ThrottleState(int failures, Instant lastFailure, Instant lockedUntil) {

  /**
   * The state after one more failure at {@code now}: every {@code failuresPerLock}-th consecutive failure
   * locks the key for {@code firstLock}, doubled at each such step, capped at {@code maxLock}.
   */
  public static ThrottleState afterFailure(
      @Nullable ThrottleState current, Instant now, int failuresPerLock, Duration firstLock, Duration maxLock) {
    int failures = current == null ? 1 : current.failures == Integer.MAX_VALUE ? current.failures : current.failures + 1;
    Instant lockedUntil = current == null ? Instant.MIN : current.lockedUntil;
    if (failures % failuresPerLock == 0) {
      Instant end = now.plus(lockDuration(failures / failuresPerLock, firstLock, maxLock));
      if (end.isAfter(lockedUntil)) {
        lockedUntil = end;
      }
    }
    return new ThrottleState(failures, now, lockedUntil);
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
   * Whether this state is forgotten at {@code now}: {@code maxLock} has passed since both the last failure
   * and the end of the lock. Counting from the lock's end too means a key that reached the cap does not
   * start again at the first, shortest lock as soon as its 24-hour lock ends.
   */
  public boolean staleAt(Instant now, Duration maxLock) {
    Instant since = lockedUntil.isAfter(lastFailure) ? lockedUntil : lastFailure;
    return !now.isBefore(since.plus(maxLock));
  }
}
