package org.petition.privacy;

import java.util.Objects;

/** What verifying a consent chain found: every record intact, or the first broken one and why. */
public sealed interface VerificationReport permits VerificationReport.Ok, VerificationReport.Broken {

  /** Whether every record checked was intact. */
  boolean ok();

  /**
   * Every record is intact and linked, and the last one matched the expected head.
   *
   * @param recordsChecked how many records were checked
   */
  record Ok(long recordsChecked) implements VerificationReport {
    @Override
    public boolean ok() {
      return true;
    }
  }

  /**
   * The first record found broken, named by its chain and its position in the chain from 0 (its sequence
   * while the chain before it is intact). For {@link Problem#HEAD_MISMATCH} the position is the one after
   * the last record given, where the missing tail starts.
   *
   * @param chain the chain verified; -1 if it had to be read from the records and none was given
   * @param sequence the position of the broken record
   * @param problem what is wrong
   * @param detail a short explanation for an operator; never contains personal data
   */
  record Broken(long chain, long sequence, Problem problem, String detail) implements VerificationReport {
    public Broken {
      Objects.requireNonNull(problem, "problem must not be null");
      Objects.requireNonNull(detail, "detail must not be null");
    }

    @Override
    public boolean ok() {
      return false;
    }
  }

  /** Why a record is broken. */
  enum Problem {
    /** The record's content does not hash to its stored hash: a field was changed. */
    HASH_MISMATCH,
    /** The record does not point at the hash of the record before it: a record was replaced or reordered. */
    PREVIOUS_HASH_MISMATCH,
    /** The record's sequence is not the next one: a record before it is missing. */
    SEQUENCE_GAP,
    /** The record does not belong to the chain being verified, or its subject belongs to another chain. */
    WRONG_CHAIN,
    /** The last record is not the expected head: records are missing at the end. */
    HEAD_MISMATCH
  }
}
