package org.petition.account;

import java.util.List;
import org.petition.Violation;

/** The answer to registering, verifying or resetting. */
public sealed interface AccountResult {

  /** Done (for a registration: a verification mail is on its way, or a reset mail if the address had one). */
  record Done() implements AccountResult {}

  /** Refused: the email or the password breaks a rule. */
  record Rejected(List<Violation> violations) implements AccountResult {
    public Rejected {
      violations = List.copyOf(violations);
    }
  }

  /** The link is too old. */
  record Expired() implements AccountResult {}

  /** The link is not one this library issued, or was used already. */
  record Invalid() implements AccountResult {}
}
