package org.petition.check;

import java.util.List;

/**
 * Turns the findings of every check into one {@link Verdict}. Implementations must be pure and
 * thread-safe.
 */
@FunctionalInterface
public interface VerdictPolicy {

  /** Decides the verdict for the given findings (possibly empty). */
  Verdict decide(List<Finding> findings);

  /**
   * The default policy: the strictest verdict any finding calls for, by severity: {@link Severity#LOW} →
   * {@link Verdict#ACCEPT}, {@link Severity#MEDIUM} → {@link Verdict#ACCEPT_HIDE_COMMENT}, {@link
   * Severity#HIGH} → {@link Verdict#HOLD}, {@link Severity#CRITICAL} → {@link Verdict#REJECT}.
   */
  static VerdictPolicy bySeverity() {
    return findings -> {
      Verdict verdict = Verdict.ACCEPT;
      for (Finding finding : findings) {
        verdict = verdict.max(of(finding.severity()));
      }
      return verdict;
    };
  }

  /** The verdict a single severity calls for under {@link #bySeverity()}. */
  static Verdict of(Severity severity) {
    return switch (severity) {
      case LOW -> Verdict.ACCEPT;
      case MEDIUM -> Verdict.ACCEPT_HIDE_COMMENT;
      case HIGH -> Verdict.HOLD;
      case CRITICAL -> Verdict.REJECT;
    };
  }
}
