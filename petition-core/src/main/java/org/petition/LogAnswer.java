package org.petition;

/**
 * The answer to a question about a petition's transparency log ({@link TransparencyLog}): the value, or why
 * there is none. Bad input is an answer here, not an exception.
 *
 * @param <T> what is asked for
 */
public sealed interface LogAnswer<T> {

  /** The answer. */
  record Found<T>(T value) implements LogAnswer<T> {}

  /** No petition has this slug. */
  record UnknownPetition<T>() implements LogAnswer<T> {}

  /**
   * A parameter is malformed or out of range.
   *
   * @param parameter the parameter's name, as the HTTP API spells it ({@code index}, {@code size}, {@code
   *     from}, {@code to}, {@code start}, {@code end})
   * @param reason the rule it breaks, e.g. "must be at most the log's size, 12"
   */
  record BadParameter<T>(String parameter, String reason) implements LogAnswer<T> {}

  /** This instance keeps no log, or has no key to sign checkpoints with. */
  record NotKept<T>(String reason) implements LogAnswer<T> {}
}
