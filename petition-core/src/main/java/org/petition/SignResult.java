package org.petition;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The answer to {@link Petitions#sign}: either the signing waits for its owner's confirmation, or it was
 * refused for reasons the signer can fix.
 *
 * <p>A repeated signing, a held one and (in silent mode) one dropped as fraud all answer {@link Pending},
 * so no one can learn from the form who has signed or what the checks found.
 */
public sealed interface SignResult {

  /** The signing was taken; a confirmation message is on its way to the address given. */
  record Pending() implements SignResult {
    private static final Pending INSTANCE = new Pending();

    /** The one pending answer: it carries nothing, on purpose. */
    public static Pending instance() {
      return INSTANCE;
    }
  }

  /**
   * The signing of a logged-in signer whose account's email is verified: confirmed and counted at once.
   *
   * @param number the signer's number in counting order
   */
  record Confirmed(long number) implements SignResult {}

  /**
   * The signing was refused.
   *
   * @param violations what was wrong, one per field and rule; never empty
   * @param retryAfter for {@code rate.limited}, how long to wait; otherwise {@code null}
   */
  record Rejected(List<Violation> violations, @Nullable Duration retryAfter) implements SignResult {

    public Rejected {
      violations = List.copyOf(violations);
      if (violations.isEmpty()) {
        throw new IllegalArgumentException("a rejection must name at least one violation");
      }
    }

    public Rejected(List<Violation> violations) {
      this(violations, null);
    }

    /** Whether any violation has the given code. */
    public boolean has(String code) {
      return violations.stream().anyMatch(v -> v.code().equals(code));
    }

    /** The wait before a retry, for a rate limit. */
    public Optional<Duration> retryAfterDuration() {
      return Optional.ofNullable(retryAfter);
    }
  }
}
