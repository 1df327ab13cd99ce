package org.petition.store;

/** What {@link SignatureStore#insert} did. */
public sealed interface InsertOutcome {

  /** The signature was stored under a new id. */
  record Inserted(long id) implements InsertOutcome {}

  /** A live signature already holds the same email key and household slot on this petition. */
  record DuplicateEmail(long existingId) implements InsertOutcome {}

  /** A live signature already holds the same phone key on this petition. */
  record DuplicatePhone(long existingId) implements InsertOutcome {}
}
