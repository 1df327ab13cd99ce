package org.petition.internal;

import java.util.ArrayList;
import java.util.List;
import org.petition.check.CheckInput;
import org.petition.check.Decision;
import org.petition.check.Finding;
import org.petition.check.SignatureCheck;
import org.petition.check.VerdictPolicy;

/** Runs every check over a signing, then lets the policy decide on what they found. */
public final class Checks {

  private final List<SignatureCheck> checks;
  private final VerdictPolicy policy;
  private final boolean silentFraud;

  public Checks(List<SignatureCheck> checks, VerdictPolicy policy, boolean silentFraud) {
    this.checks = List.copyOf(checks);
    this.policy = policy;
    this.silentFraud = silentFraud;
  }

  public List<SignatureCheck> all() {
    return checks;
  }

  public Decision decide(ValidSigning signing, SignerKeys keys) {
    CheckInput input = new CheckInput(signing.petition(), signing.kind(), signing.firstName(), signing.lastName(),
        signing.organizationName(), signing.nickname(), signing.city(), signing.affiliation(), signing.comment(),
        signing.country(), keys.canonicalEmail(), keys.emailDomain(), signing.phoneE164(), keys.nameSkeleton(),
        signing.ip(), signing.userAgent(), signing.receivedAt(), signing.formRenderedAt(), signing.honeypot(),
        keys.nameKey(), keys.networkKey());
    List<Finding> findings = List.of();
    for (SignatureCheck check : checks) {
      List<Finding> found = check.check(input);
      if (!found.isEmpty()) {
        findings = findings.isEmpty() ? found : concat(findings, found);
      }
    }
    return policy.judge(findings, silentFraud);
  }

  private static List<Finding> concat(List<Finding> a, List<Finding> b) {
    List<Finding> both = new ArrayList<>(a.size() + b.size());
    both.addAll(a);
    both.addAll(b);
    return both;
  }
}
