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
   * Decides, and says why: the findings that decided the verdict are those that, each on its own, call for
   * that same verdict under this policy (for a policy that only combines findings, every finding), and a
   * refusal is silent when a decisive finding is fraud and {@code silentFraud} is on, or when the form's
   * honeypot was filled in ({@link FindingCodes#BOT_HONEYPOT}: an answer would only teach the bot).
   *
   * @param findings every finding of every check, possibly empty
   * @param silentFraud whether refusals for fraud are answered as acceptances
   */
  default Decision judge(List<Finding> findings, boolean silentFraud) {
    if (findings.isEmpty()) {
      Verdict verdict = decide(findings);
      return verdict == Verdict.ACCEPT ? Decision.accept() : new Decision(verdict, findings, findings, false);
    }
    Verdict verdict = decide(findings);
    if (verdict == Verdict.ACCEPT) {
      return new Decision(verdict, findings, List.of(), false);
    }
    List<Finding> decisive = new java.util.ArrayList<>(findings.size());
    for (Finding finding : findings) {
      if (decide(List.of(finding)) == verdict) {
        decisive.add(finding);
      }
    }
    if (decisive.isEmpty()) {
      decisive.addAll(findings);
    }
    boolean silent = false;
    if (verdict == Verdict.REJECT) {
      for (Finding finding : decisive) {
        silent |= finding.fraud() && silentFraud || finding.code().equals(FindingCodes.BOT_HONEYPOT);
      }
    }
    return new Decision(verdict, findings, decisive, silent);
  }

  /**
   * The default policy: the strictest verdict any finding calls for, by severity: {@link Severity#LOW} →
   * {@link Verdict#ACCEPT}, {@link Severity#MEDIUM} → {@link Verdict#ACCEPT_HIDE_COMMENT}, {@link
   * Severity#HIGH} → {@link Verdict#HOLD}, {@link Severity#CRITICAL} → {@link Verdict#REJECT}.
   */
  static VerdictPolicy bySeverity() {
    return findings -> {
      Verdict verdict = Verdict.ACCEPT;
      if (findings instanceof java.util.RandomAccess) {
        // By index: no iterator per signing for the usual short list.
        for (int i = 0; i < findings.size(); i++) {
          verdict = verdict.max(of(findings.get(i).severity()));
        }
        return verdict;
      }
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
