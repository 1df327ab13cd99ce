package org.petition.store.jdbc.internal;

import org.jspecify.annotations.Nullable;

// What a counting transaction answers: its outcome, or that it found a database object it needs missing
// (a petition's number sequence, a country's counter rows). Then it has changed nothing and commits;
// CountingSetup creates the objects with auto-committed statements and runs it again.
sealed interface Attempt<T> {

  record Done<T>(T outcome) implements Attempt<T> {}

  record NeedsSetup<T>(String petition, @Nullable String country) implements Attempt<T> {}

  static <T> Attempt<T> done(T outcome) {
    return new Done<>(outcome);
  }
}
