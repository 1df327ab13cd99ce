package org.petition.check;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link VerdictPolicy} made of a signing's findings: the verdict, the findings that decided it, and
 * whether a refusal is answered as if the signing had been accepted.
 *
 * @param verdict the verdict
 * @param findings every finding of every check, in the order found
 * @param decisive the findings that decided the verdict under the policy (empty for {@link Verdict#ACCEPT});
 *     a refusal names these, and only these, to the signer
 * @param silent whether a {@link Verdict#REJECT} is answered as an acceptance, so that a bot learns nothing
 */
public record Decision(Verdict verdict, List<Finding> findings, List<Finding> decisive, boolean silent) {

  private static final Decision ACCEPT = new Decision(Verdict.ACCEPT, List.of(), List.of(), false);

  public Decision {
    Objects.requireNonNull(verdict, "verdict must not be null");
    findings = List.copyOf(findings);
    decisive = List.copyOf(decisive);
    if (silent && verdict != Verdict.REJECT) {
      throw new IllegalArgumentException("only a refusal can be silent, was " + verdict);
    }
  }

  /** The decision for a signing without findings. */
  public static Decision accept() {
    return ACCEPT;
  }

  /** The longest wait any decisive finding asks for, or {@code null} when none asks for one. */
  public @Nullable Duration retryAfter() {
    Duration longest = null;
    for (Finding finding : decisive) {
      Duration wait = finding.retryAfter();
      if (wait != null && (longest == null || wait.compareTo(longest) > 0)) {
        longest = wait;
      }
    }
    return longest;
  }

  /** Whether any finding on this field is more than {@link Severity#LOW} (the field is then not shown as given). */
  public boolean flags(String field) {
    for (Finding finding : findings) {
      if (finding.field().equals(field) && finding.severity().compareTo(Severity.LOW) > 0) {
        return true;
      }
    }
    return false;
  }
}
