package org.petition.check;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where limits keep their state when several instances of an application must enforce one set of limits:
 * the rate limits of {@link RateLimitCheck}, the counts of {@link SurgeDetector} and the failed logins of
 * {@link org.petition.account.LoginThrottle} (each given one through its builder's {@code sharedIn}, or all
 * at once through {@link org.petition.Petitions.Builder#limitStore}). Without one, each instance counts in
 * its own memory, so N instances allow N times the limits.
 *
 * <p>A state is a few numbers ({@code long[]}) under a key. Keys are built by the limits from the petition
 * and the source (an address's bits, a network, a domain, a login key); an implementation must not keep
 * them as given but as keyed hashes (HMAC with a secret of its own), so no address or email sits in the
 * store. {@code org.petition.store.jdbc.JdbcLimitStore} keeps them in the JDBC store's database.
 *
 * <p>Implementations are thread-safe, and {@link #update} is atomic against every other update of the same
 * keys, on any instance. A failing store throws an unchecked exception (the JDBC one a {@code
 * PetitionStoreException}, answered {@code 503 RETRY} by the starter's web layer): a limit never admits
 * blindly.
 */
public interface LimitStore {

  /**
   * Reads the state of each key (an empty array for a key without one, or whose state expired at or before
   * {@code now}), hands them to {@code change} in the order of {@code keys}, and writes what it answers,
   * all atomically against other updates of these keys.
   *
   * @param keys the keys, distinct, at least one
   * @param now the time of the update, epoch milliseconds; states expiring at or before it are empty
   * @param change decides from the states; may be called more than once (a retried transaction), so it
   *     must not have side effects
   * @return the change's answer
   */
  <T> T update(List<String> keys, long now, Change<T> change);

  /**
   * Several updates at the same {@code now}, as {@link #update} would make them one after the other (each
   * change sees what the ones before it wrote), answered in the order of {@code requests}. A store may make
   * them in one transaction, one round trip to its database instead of one per request; the default makes
   * them one at a time. Limits that count every signing (rate limits and surge counts) share one this way.
   *
   * @param now the time of the updates, epoch milliseconds
   * @param requests the updates, at least one
   * @return each change's answer, in the order of {@code requests}
   */
  default List<Object> updateAll(long now, List<Request<?>> requests) {
    Objects.requireNonNull(requests, "requests must not be null");
    if (requests.isEmpty()) {
      throw new IllegalArgumentException("at least one request is needed");
    }
    List<Object> answers = new java.util.ArrayList<>(requests.size());
    for (Request<?> request : requests) {
      answers.add(update(request.keys(), now, request.change()));
    }
    return answers;
  }

  /**
   * One update of {@link #updateAll}: its keys (distinct, at least one) and its change.
   *
   * @param keys the keys, as {@link #update} takes them
   * @param change decides from their states, as {@link #update}'s change does
   */
  record Request<T>(List<String> keys, Change<T> change) {
    public Request {
      keys = List.copyOf(Objects.requireNonNull(keys, "keys must not be null"));
      if (keys.isEmpty()) {
        throw new IllegalArgumentException("at least one key is needed");
      }
      Objects.requireNonNull(change, "change must not be null");
    }
  }

  /** Decides from the states read; see {@link #update}. */
  @FunctionalInterface
  interface Change<T> {
    /** Answers what to write, given one state per key in the order of the keys. */
    Outcome<T> apply(List<long[]> states);
  }

  /**
   * What a change decided.
   *
   * @param answer what {@link #update} answers
   * @param states the new state of each key, in the order of the keys; an entry {@code null} leaves its
   *     key as it was; {@code null} leaves every key as it was
   * @param expiresAt when the states written may be forgotten, epoch milliseconds
   */
  record Outcome<T>(T answer, @Nullable List<long @Nullable []> states, long expiresAt) {
    public Outcome {
      Objects.requireNonNull(answer, "answer must not be null");
    }

    /** Answers without writing anything. */
    public static <T> Outcome<T> unchanged(T answer) {
      return new Outcome<>(answer, null, 0);
    }
  }
}
