package org.petition.account;

import java.time.Instant;

/**
 * Where login attempts of one dimension (accounts, or client addresses) are counted: the small interface a
 * shared store (a database table, for several instances) implements; {@link LoginThrottle} is the in-memory
 * default. {@link org.petition.Petitions.Builder#loginThrottle} takes the per-account counter and {@link
 * org.petition.Petitions.Builder#clientLoginThrottle} the per-client one.
 *
 * <p>An attempt is <em>reserved</em> before the password is checked, in one atomic step that refuses it when
 * the key is locked or when the attempts already in flight would reach the next lock: N guesses fired at once
 * cannot all pass a throttle that allows fewer than N. Every reservation that was allowed is then closed
 * exactly once, by {@link #failed}, {@link #succeeded} or {@link #abandoned}. Implementations must be
 * thread-safe and key their state by a digest, never the key as given (it may hold an address).
 */
public interface LoginAttempts {

  /**
   * Reserves one attempt of {@code key} at {@code now}, atomically.
   *
   * @return {@link LoginThrottle.Decision#ALLOWED} when the attempt may go ahead (and is now in flight), or
   *     {@link LoginThrottle.Decision.Locked} with the wait (nothing is reserved then)
   */
  LoginThrottle.Decision reserve(String key, Instant now);

  /** A reserved attempt of {@code key} failed: it counts as a failure, and may start a lock. */
  void failed(String key, Instant now);

  /**
   * A reserved attempt of {@code key} succeeded. Whether the key's earlier failures are forgotten is the
   * implementation's setting: yes for accounts, never for client addresses (else logging in to one's own
   * account between guesses would keep a network's count down).
   */
  void succeeded(String key, Instant now);

  /** A reserved attempt of {@code key} ended without an answer (an exception): it is released uncounted. */
  void abandoned(String key);
}
