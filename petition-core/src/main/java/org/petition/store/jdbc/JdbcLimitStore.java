package org.petition.store.jdbc;

import java.util.List;
import java.util.Objects;
import org.petition.check.LimitStore;
import org.petition.store.jdbc.internal.LimitStates;

/**
 * The limits' states ({@link LimitStore}) in the database of a {@link JdbcSignatureStore}, in its schema, so
 * every instance on that database enforces one set of rate limits, surge counts and login locks. Keys are
 * written only as keyed hashes (the first 16 bytes of their HMAC-SHA256 under {@link Builder#secret}, which
 * every instance must share), never as the addresses, networks, domains or login keys they stand for.
 *
 * <p>Cost: one update per signing for the rate limits and the surge counts together ({@link #updateAll}),
 * group-committed (updates arriving together share a transaction); on PostgreSQL two round trips per transaction
 * (advisory locks on the keys and the read of their rows, then the write, an upsert, carrying the commit) on an
 * UNLOGGED table, whose commits wait for no log flush. A crash recovery of PostgreSQL empties that table: limits start
 * again, nothing else is lost.
 *
 * <p>Bounded: states are forgotten once expired, and beyond {@link Builder#maximumStates} those soonest to
 * expire are dropped with a warning naming the cap; the store purges itself every minute and after every
 * quarter of the cap of updates, and {@link #purge} may be scheduled too. A database that cannot be reached
 * makes {@link #update} throw a {@link org.petition.store.PetitionStoreException}: no limit admits blindly.
 * Thread-safe.
 */
public final class JdbcLimitStore implements LimitStore {

  private final LimitStates states;

  private JdbcLimitStore(Builder builder) {
    this.states = builder.store.limitStates(builder.secret, builder.maximumStates);
  }

  /** A builder over {@code store}'s database and schema (migrated by it). */
  public static Builder builder(JdbcSignatureStore store) {
    return new Builder(store);
  }

  @Override
  public <T> T update(List<String> keys, long now, Change<T> change) {
    Objects.requireNonNull(keys, "keys must not be null");
    Objects.requireNonNull(change, "change must not be null");
    return states.update(keys, now, change);
  }

  /** All of {@code requests} in one update of the store: one group-committed transaction for them all. */
  @Override
  public List<Object> updateAll(long now, List<Request<?>> requests) {
    Objects.requireNonNull(requests, "requests must not be null");
    return states.updateAll(now, requests);
  }

  /** Deletes the states expired at {@code now}, and those beyond the cap; answers how many. */
  public int purge(long now) {
    return states.purge(now);
  }

  /** How many states the table holds now, expired ones not yet purged included. */
  public long size() {
    return states.size();
  }

  /** A builder of {@link JdbcLimitStore}; every setter checks its argument. */
  public static final class Builder {
    private final JdbcSignatureStore store;
    private byte[] secret = new byte[0];
    private long maximumStates = 1_000_000;

    private Builder(JdbcSignatureStore store) {
      this.store = Objects.requireNonNull(store, "store must not be null");
    }

    /**
     * The secret (at least 32 bytes, from configuration, the same on every instance) keying the hashes the
     * keys are stored as; required.
     */
    public Builder secret(byte[] secret) {
      Objects.requireNonNull(secret, "limit key secret must not be null");
      if (secret.length < 32) {
        throw new IllegalArgumentException("limit key secret must be at least 32 bytes, was " + secret.length);
      }
      this.secret = secret.clone();
      return this;
    }

    /**
     * The most states kept (default 1,000,000, about 100 MB at most): beyond it those soonest to expire are
     * dropped at the next purge, with a warning. At least 1,000.
     */
    public Builder maximumStates(long maximumStates) {
      if (maximumStates < 1_000) {
        throw new IllegalArgumentException("maximumStates must be at least 1000, was " + maximumStates);
      }
      this.maximumStates = maximumStates;
      return this;
    }

    /** The store; fails when no secret was given. */
    public JdbcLimitStore build() {
      if (secret.length == 0) {
        throw new IllegalStateException("a limit key secret must be set: secret(...)");
      }
      return new JdbcLimitStore(this);
    }
  }
}
