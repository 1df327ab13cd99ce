package org.petition.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.account.internal.SharedLoginAttempts;
import org.petition.account.internal.ThrottleState;
import org.petition.check.LimitStore;

/**
 * Slows down password guessing: after every 5 consecutive failed logins of one key the key is locked, for
 * 1 minute, then 2, 4, 8 ... doubling at each further 5 failures, capped at 24 hours; a successful login
 * resets the key. Use one throttle per dimension: one keyed by account and one keyed by client address
 * (with more permissive settings, since many people may share an address, and {@link
 * Builder#keepFailuresOnSuccess()}), and refuse a login when either is locked; {@link #forClients()} gives the
 * second one's defaults.
 *
 * <p>The in-memory {@link LoginAttempts}: {@link #reserve} counts an attempt in flight before the password is
 * checked, and refuses one when the failures so far plus the attempts in flight would reach the next lock, so
 * 50 guesses fired at once let 5 through, not 50. The older {@link #check}/{@link #recordFailure}/{@link
 * #recordSuccess} remain for callers that count after the fact.
 *
 * <p>Memory is bounded: at most {@code maximumSize} keys are tracked (the least used go first), and a key
 * is forgotten once the cap (24 hours) has passed since both its last failure and the end of its lock. Keys are kept only as salted SHA-256
 * digests, so no email or address sits in the heap. Thread-safe; every update of a key is atomic.
 */
public final class LoginThrottle implements LoginAttempts {

  /** How long a refused attempt waits when the attempts in flight, not a lock, fill the key. */
  private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(1);

  private final int failuresPerLock;
  private final Duration firstLock;
  private final Duration maxLock;
  private final long maximumSize;
  private final boolean keepFailuresOnSuccess;
  private final Cache<String, ThrottleState> states;
  private final byte[] salt = new byte[16];

  private LoginThrottle(Builder builder) {
    this.failuresPerLock = builder.failuresPerLock;
    this.firstLock = builder.firstLock;
    this.maxLock = builder.maxLock;
    this.maximumSize = builder.maximumSize;
    this.keepFailuresOnSuccess = builder.keepFailuresOnSuccess;
    this.states =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            // A lock ends at most maxLock after the failure that wrote it; the state is kept maxLock more.
            .expireAfterWrite(maxLock.multipliedBy(2))
            .executor(Runnable::run) // evict on the calling thread: no background work in a library
            .build();
    new SecureRandom().nextBytes(salt);
  }

  /** 5 failures per lock, 1 minute first, 24 hours at most, 100 000 keys. */
  public static LoginThrottle ofDefaults() {
    return builder().build();
  }

  /**
   * The per-client defaults: 50 failures per lock, 1 minute first, 1 hour at most, failures never forgotten
   * on a success (only by time), 100 000 keys. More permissive than the per-account throttle, since an office
   * or a carrier's NAT puts many people behind one address.
   */
  public static LoginThrottle forClients() {
    return forClientsBuilder().build();
  }

  /** A builder starting from the per-client defaults of {@link #forClients()}. */
  public static Builder forClientsBuilder() {
    return builder().failuresPerLock(50).maxLock(Duration.ofHours(1)).keepFailuresOnSuccess();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The same rules counting in {@code store} instead of this instance's memory, so every instance sharing the
   * store counts one set of attempts per key (the store keys them by its own keyed hash and bounds its size).
   * An attempt reserved on an instance that then died is released after a minute.
   */
  public LoginAttempts sharedIn(LimitStore store) {
    Objects.requireNonNull(store, "limit store must not be null");
    return new SharedLoginAttempts(store, failuresPerLock, firstLock, maxLock, keepFailuresOnSuccess);
  }

  /** Whether a login for {@code key} may be tried at {@code now}. */
  public Decision check(String key, Instant now) {
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(now, "now must not be null");
    ThrottleState state = states.getIfPresent(digest(key));
    return decision(state, now);
  }

  /**
   * Records a failed login of {@code key} at {@code now}.
   *
   * @return the decision for the next try, {@link Decision.Locked} if this failure started a lock
   */
  public Decision recordFailure(String key, Instant now) {
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(now, "now must not be null");
    ThrottleState state =
        states
            .asMap()
            .compute(
                digest(key),
                (k, current) ->
                    ThrottleState.afterFailure(
                        current == null ? null : current.freshAt(now, maxLock),
                        now, failuresPerLock, firstLock, maxLock));
    return decision(state, now);
  }

  @Override
  public Decision reserve(String key, Instant now) {
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(now, "now must not be null");
    Decision[] answer = {Decision.ALLOWED};
    states.asMap().compute(digest(key), (k, current) -> {
      ThrottleState state = current == null ? ThrottleState.EMPTY : current.freshAt(now, maxLock);
      Decision locked = decision(state, now);
      if (!locked.allowed()) {
        answer[0] = locked;
        return state;
      }
      if (!state.hasRoomForAttempt(failuresPerLock)) {
        // The attempts in flight would reach the next lock: wait until they are answered.
        answer[0] = new Decision.Locked(IN_FLIGHT_WAIT);
        return state;
      }
      return state.withAttemptReserved();
    });
    return answer[0];
  }

  @Override
  public void failed(String key, Instant now) {
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(now, "now must not be null");
    states.asMap().compute(digest(key), (k, current) -> ThrottleState.afterFailure(
        current == null ? null : current.freshAt(now, maxLock).withAttemptReleased(),
        now, failuresPerLock, firstLock, maxLock));
  }

  @Override
  public void succeeded(String key, Instant now) {
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(now, "now must not be null");
    states.asMap().computeIfPresent(digest(key), (k, current) -> {
      ThrottleState released = current.withAttemptReleased();
      if (!keepFailuresOnSuccess) {
        released = new ThrottleState(0, Instant.MIN, Instant.MIN, released.inFlight());
      }
      return released.isEmpty() ? null : released;
    });
  }

  @Override
  public void abandoned(String key) {
    Objects.requireNonNull(key, "key must not be null");
    states.asMap().computeIfPresent(digest(key), (k, current) -> {
      ThrottleState released = current.withAttemptReleased();
      return released.isEmpty() ? null : released;
    });
  }

  /** Records a successful login of {@code key}: its failures and any lock are forgotten. */
  public void recordSuccess(String key) {
    Objects.requireNonNull(key, "key must not be null");
    // Forgets failures and lock but keeps any attempt still in flight, so its reservation is not lost.
    states.asMap().computeIfPresent(digest(key), (k, current) -> current.inFlight() == 0
        ? null : new ThrottleState(0, Instant.MIN, Instant.MIN, current.inFlight()));
  }

  /** How many keys are tracked now (after pending evictions); for metrics and tests. */
  public long trackedKeys() {
    states.cleanUp();
    return states.estimatedSize();
  }

  /** The most keys tracked at once. */
  public long maximumSize() {
    return maximumSize;
  }

  /** Whether a success keeps the key's failures (a per-client throttle) instead of forgetting them. */
  public boolean keepsFailuresOnSuccess() {
    return keepFailuresOnSuccess;
  }

  private Decision decision(@Nullable ThrottleState state, Instant now) {
    if (state == null || state.staleAt(now, maxLock) || !now.isBefore(state.lockedUntil())) {
      return Decision.ALLOWED;
    }
    return new Decision.Locked(Duration.between(now, state.lockedUntil()));
  }

  private String digest(String key) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(salt);
      return Base64.getEncoder().encodeToString(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "LoginThrottle[failuresPerLock=" + failuresPerLock + ", firstLock=" + firstLock + ", maxLock=" + maxLock
        + ", maximumSize=" + maximumSize + ", keepFailuresOnSuccess=" + keepFailuresOnSuccess + "]";
  }

  /** Whether a login may be tried. */
  public sealed interface Decision permits Decision.Allowed, Decision.Locked {

    /** The decision that allows a try. */
    Decision ALLOWED = new Allowed();

    /** Whether a login may be tried now. */
    boolean allowed();

    /** A login may be tried. */
    record Allowed() implements Decision {
      @Override
      public boolean allowed() {
        return true;
      }
    }

    /**
     * The key is locked.
     *
     * @param retryAfter how long until a login may be tried again; positive
     */
    record Locked(Duration retryAfter) implements Decision {
      public Locked {
        Objects.requireNonNull(retryAfter, "retryAfter must not be null");
        if (retryAfter.isNegative() || retryAfter.isZero()) {
          throw new IllegalArgumentException("retryAfter must be positive, was: " + retryAfter);
        }
      }

      @Override
      public boolean allowed() {
        return false;
      }
    }
  }

  /** A builder of {@link LoginThrottle}; every setter checks its argument. */
  public static final class Builder {
    private int failuresPerLock = 5;
    private Duration firstLock = Duration.ofMinutes(1);
    private Duration maxLock = Duration.ofHours(24);
    private long maximumSize = 100_000;
    private boolean keepFailuresOnSuccess;

    private Builder() {}

    /**
     * A success no longer forgets the key's failures; they age out {@code maxLock} after the last one. For a
     * throttle keyed by client address, so that one's own successful logins do not hide guesses at others.
     */
    public Builder keepFailuresOnSuccess() {
      this.keepFailuresOnSuccess = true;
      return this;
    }

    /** How many consecutive failures start each lock: at least 1. */
    public Builder failuresPerLock(int failuresPerLock) {
      if (failuresPerLock < 1) {
        throw new IllegalArgumentException("failuresPerLock must be at least 1, was: " + failuresPerLock);
      }
      this.failuresPerLock = failuresPerLock;
      return this;
    }

    /** The first lock: positive; later locks double it. */
    public Builder firstLock(Duration firstLock) {
      Objects.requireNonNull(firstLock, "firstLock must not be null");
      if (firstLock.isNegative() || firstLock.isZero()) {
        throw new IllegalArgumentException("firstLock must be positive, was: " + firstLock);
      }
      this.firstLock = firstLock;
      return this;
    }

    /**
     * The longest lock, and how long a key is remembered after its last failure and lock: from 1 second to
     * 365 days.
     */
    public Builder maxLock(Duration maxLock) {
      Objects.requireNonNull(maxLock, "maxLock must not be null");
      if (maxLock.compareTo(Duration.ofSeconds(1)) < 0 || maxLock.compareTo(Duration.ofDays(365)) > 0) {
        throw new IllegalArgumentException("maxLock must be between 1 second and 365 days, was: " + maxLock);
      }
      this.maxLock = maxLock;
      return this;
    }

    /** The most keys tracked at once: at least 1. */
    public Builder maximumSize(long maximumSize) {
      if (maximumSize < 1) {
        throw new IllegalArgumentException("maximumSize must be at least 1, was: " + maximumSize);
      }
      this.maximumSize = maximumSize;
      return this;
    }

    /**
     * The throttle.
     *
     * @throws IllegalArgumentException if {@code firstLock} is longer than {@code maxLock}
     */
    public LoginThrottle build() {
      if (firstLock.compareTo(maxLock) > 0) {
        throw new IllegalArgumentException("firstLock (" + firstLock + ") must not be longer than maxLock (" + maxLock + ")");
      }
      return new LoginThrottle(this);
    }
  }
}
