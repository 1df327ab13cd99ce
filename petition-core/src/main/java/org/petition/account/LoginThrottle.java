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
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.petition.account.internal.SharedThrottleStates;
import org.petition.account.internal.ThrottleState;
import org.petition.check.LimitStore;

/**
 * Slows down password guessing: after every 5 consecutive failed logins of one key the key is locked, for
 * 1 minute, then 2, 4, 8 ... doubling at each further 5 failures, capped at 24 hours; a successful login
 * resets the key. Use one throttle per dimension: one keyed by account and one keyed by client address
 * (with more permissive settings, since many people may share an address), and refuse a login when
 * either is locked.
 *
 * <p>Memory is bounded: at most {@code maximumSize} keys are tracked (the least used go first), and a key
 * is forgotten once the cap (24 hours) has passed since both its last failure and the end of its lock. Keys are kept only as salted SHA-256
 * digests, so no email or address sits in the heap. Thread-safe; every update of a key is atomic.
 *
 * <p>Shared ({@link Builder#sharedIn}): the same states kept in a {@link LimitStore}, so failures on every
 * instance sharing the store count together; the store keys them by its own keyed hash and bounds its size.
 */
public final class LoginThrottle {

  private final int failuresPerLock;
  private final Duration firstLock;
  private final Duration maxLock;
  private final long maximumSize;
  private final Cache<String, ThrottleState> states;
  private final byte[] salt = new byte[16];
  private final @Nullable SharedThrottleStates shared;
  private final @Nullable LimitStore store;

  private LoginThrottle(Builder builder) {
    this.failuresPerLock = builder.failuresPerLock;
    this.firstLock = builder.firstLock;
    this.maxLock = builder.maxLock;
    this.maximumSize = builder.maximumSize;
    this.states =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            // A lock ends at most maxLock after the failure that wrote it; the state is kept maxLock more.
            .expireAfterWrite(maxLock.multipliedBy(2))
            .executor(Runnable::run) // evict on the calling thread: no background work in a library
            .build();
    new SecureRandom().nextBytes(salt);
    this.store = builder.store;
    this.shared = store == null ? null : new SharedThrottleStates(store, maxLock);
  }

  /** 5 failures per lock, 1 minute first, 24 hours at most, 100 000 keys. */
  public static LoginThrottle ofDefaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A throttle with the same settings whose states are kept in {@code store}, shared by every instance using it. */
  public LoginThrottle sharedIn(LimitStore store) {
    return builder().failuresPerLock(failuresPerLock).firstLock(firstLock).maxLock(maxLock).maximumSize(maximumSize)
        .sharedIn(store).build();
  }

  /** The store the states are kept in when shared; empty when they are in this instance's memory. */
  public Optional<LimitStore> limitStore() {
    return Optional.ofNullable(store);
  }

  /** Whether a login for {@code key} may be tried at {@code now}. */
  public Decision check(String key, Instant now) {
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(now, "now must not be null");
    ThrottleState state = shared != null ? shared.read(key, now) : states.getIfPresent(digest(key));
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
    if (shared != null) {
      return decision(shared.fail(key, now, failuresPerLock, firstLock), now);
    }
    ThrottleState state =
        states
            .asMap()
            .compute(
                digest(key),
                (k, current) ->
                    ThrottleState.afterFailure(
                        current == null || current.staleAt(now, maxLock) ? null : current,
                        now, failuresPerLock, firstLock, maxLock));
    return decision(state, now);
  }

  /** Records a successful login of {@code key}: its failures and any lock are forgotten. */
  public void recordSuccess(String key) {
    Objects.requireNonNull(key, "key must not be null");
    if (shared != null) {
      shared.forget(key);
      return;
    }
    states.invalidate(digest(key));
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
        + ", maximumSize=" + maximumSize + "]";
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
    private @Nullable LimitStore store;

    private Builder() {}

    /**
     * Keeps the states in {@code store}, shared by every instance using it, instead of this instance's
     * memory (the default); {@link #maximumSize} then bounds nothing, the store has its own bound.
     */
    public Builder sharedIn(LimitStore store) {
      this.store = Objects.requireNonNull(store, "limit store must not be null");
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
