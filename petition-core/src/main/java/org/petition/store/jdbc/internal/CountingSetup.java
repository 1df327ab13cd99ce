package org.petition.store.jdbc.internal;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

// The database objects counting needs, a petition's number sequence, a country's counter rows and the
// petition's log head (see LogAppends), made
// sure of outside the counting transactions: creating them inside one would hold its locks meanwhile, and
// it happens once per store, petition and country.
public final class CountingSetup {

  private final Sequences sequences;
  private final Counters counters;
  private final LogAppends logs;

  public CountingSetup(Sequences sequences, Counters counters, LogAppends logs) {
    this.sequences = sequences;
    this.counters = counters;
    this.logs = logs;
  }

  // Where every transaction that changes a count appends its entries.
  LogAppends logs() {
    return logs;
  }

  boolean ready(String petition, @Nullable String country) {
    return sequences.isReady(petition) && counters.areReady(petition, country) && logs.isReady(petition);
  }

  void ensure(String petition, @Nullable String country) {
    sequences.ensure(petition);
    counters.ensure(petition, country);
    logs.ensure(petition);
  }

  // Runs the transaction again after each setup it asks for.
  <T> T untilReady(Supplier<Attempt<T>> transaction) {
    while (true) {
      Attempt<T> attempt = transaction.get();
      if (attempt instanceof Attempt.Done<T> done) {
        return done.outcome();
      }
      if (attempt instanceof Attempt.NeedsSetup<T> missing) {
        ensure(missing.petition(), missing.country());
      }
    }
  }
}
