package org.petition.account.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.account.LoginAttempts;
import org.petition.account.LoginThrottle;
import org.petition.check.LimitStore;

/**
 * {@link LoginThrottle}'s rules with the states in a {@link LimitStore}, so every instance sharing it counts one
 * set of attempts per key: failures, the last one's time, the lock's end, the attempts in flight and when they
 * were last touched, as five numbers under {@code login:<key>} (the store hashes keys with its own secret). An
 * attempt in flight untouched for a minute is taken for one whose instance died, and released.
 */
public final class SharedLoginAttempts implements LoginAttempts {

  private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(1);
  private static final long IN_FLIGHT_MILLIS = Duration.ofMinutes(1).toMillis();
  private static final long NEVER = Long.MIN_VALUE;

  private final LimitStore store;
  private final int failuresPerLock;
  private final Duration firstLock;
  private final Duration maxLock;
  private final boolean keepFailuresOnSuccess;

  public SharedLoginAttempts(LimitStore store, int failuresPerLock, Duration firstLock, Duration maxLock,
      boolean keepFailuresOnSuccess) {
    this.store = store;
    this.failuresPerLock = failuresPerLock;
    this.firstLock = firstLock;
    this.maxLock = maxLock;
    this.keepFailuresOnSuccess = keepFailuresOnSuccess;
  }

  @Override
  public LoginThrottle.Decision reserve(String key, Instant now) {
    Objects.requireNonNull(key, "key must not be null");
    long at = now.toEpochMilli();
    return store.update(keys(key), at, states -> {
      ThrottleState state = decode(states.get(0), at).freshAt(now, maxLock);
      if (now.isBefore(state.lockedUntil())) {
        return LimitStore.Outcome.unchanged(new LoginThrottle.Decision.Locked(Duration.between(now, state.lockedUntil())));
      }
      if (!state.hasRoomForAttempt(failuresPerLock)) {
        return LimitStore.Outcome.unchanged(new LoginThrottle.Decision.Locked(IN_FLIGHT_WAIT));
      }
      return write(LoginThrottle.Decision.ALLOWED, state.withAttemptReserved(), at);
    });
  }

  @Override
  public void failed(String key, Instant now) {
    Objects.requireNonNull(key, "key must not be null");
    long at = now.toEpochMilli();
    store.update(keys(key), at, states -> write(Boolean.TRUE, ThrottleState.afterFailure(
        decode(states.get(0), at).freshAt(now, maxLock).withAttemptReleased(), now, failuresPerLock, firstLock, maxLock),
        at));
  }

  @Override
  public void succeeded(String key, Instant now) {
    Objects.requireNonNull(key, "key must not be null");
    long at = now.toEpochMilli();
    store.update(keys(key), at, states -> {
      ThrottleState released = decode(states.get(0), at).withAttemptReleased();
      if (!keepFailuresOnSuccess) {
        released = new ThrottleState(0, Instant.MIN, Instant.MIN, released.inFlight());
      }
      return write(Boolean.TRUE, released, at);
    });
  }

  @Override
  public void abandoned(String key) {
    Objects.requireNonNull(key, "key must not be null");
    long at = System.currentTimeMillis();
    store.update(keys(key), at, states -> write(Boolean.TRUE, decode(states.get(0), at).withAttemptReleased(), at));
  }

  private static List<String> keys(String key) {
    return List.of("login:" + key);
  }

  private <T> LimitStore.Outcome<T> write(T answer, ThrottleState state, long now) {
    if (state.isEmpty()) {
      return new LimitStore.Outcome<>(answer, List.of(new long[0]), 0); // expired at once: forgotten
    }
    Instant since = state.lockedUntil().isAfter(state.lastFailure()) ? state.lockedUntil() : state.lastFailure();
    long keep = since.equals(Instant.MIN) ? now : since.plus(maxLock).toEpochMilli();
    long expiresAt = Math.max(keep, state.inFlight() > 0 ? now + IN_FLIGHT_MILLIS : now);
    long lockedUntil = state.lockedUntil().equals(Instant.MIN) ? NEVER : state.lockedUntil().toEpochMilli();
    long lastFailure = state.lastFailure().equals(Instant.MIN) ? NEVER : state.lastFailure().toEpochMilli();
    return new LimitStore.Outcome<>(answer,
        List.of(new long[] {state.failures(), lastFailure, lockedUntil, state.inFlight(), now}), expiresAt);
  }

  private static ThrottleState decode(long @Nullable [] state, long now) {
    if (state == null || state.length != 5) {
      return ThrottleState.EMPTY;
    }
    Instant lastFailure = state[1] == NEVER ? Instant.MIN : Instant.ofEpochMilli(state[1]);
    Instant lockedUntil = state[2] == NEVER ? Instant.MIN : Instant.ofEpochMilli(state[2]);
    // Attempts in flight untouched for a minute belong to an instance that died before answering them.
    int inFlight = now - state[4] > IN_FLIGHT_MILLIS ? 0 : (int) state[3];
    return new ThrottleState((int) state[0], lastFailure, lockedUntil, inFlight);
  }
}
