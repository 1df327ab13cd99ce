package org.petition.store.jdbc.internal;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

// The database objects counting needs, a petition's number sequence and a country's counter rows, made
// sure of outside the counting transactions: creating them inside one would hold its locks meanwhile, and
// it happens once per store, petition and country.
public final class CountingSetup {

  private final Sequences sequences;
  private final Counters counters;

  public CountingSetup(Sequences sequences, Counters counters) {
    this.sequences = sequences;
    this.counters = counters;
  }

  boolean ready(String petition, @Nullable String country) {
    return sequences.isReady(petition) && counters.areReady(petition, country);
  }

  void ensure(String petition, @Nullable String country) {
    sequences.ensure(petition);
    counters.ensure(petition, country);
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
