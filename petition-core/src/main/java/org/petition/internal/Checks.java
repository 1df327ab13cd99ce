package org.petition.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
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
  private final FormTokens formTokens;

  public Checks(List<SignatureCheck> checks, VerdictPolicy policy, boolean silentFraud, FormTokens formTokens) {
    this.checks = List.copyOf(checks);
    this.policy = policy;
    this.silentFraud = silentFraud;
    this.formTokens = formTokens;
  }

  public List<SignatureCheck> all() {
    return checks;
  }

  /**
   * The policy's decision on every check's findings. With a form token ({@code formToken} not null) the form's
   * render time is the one the token holds, never the client's, and a bad token is a finding of its own.
   */
  public Decision decide(ValidSigning signing, SignerKeys keys, @Nullable String formToken) {
    FormTokens.Judged form = formTokens.judge(signing.petition().slug(), formToken, signing.receivedAt());
    Instant renderedAt = formToken == null ? signing.formRenderedAt() : form.renderedAt();
    CheckInput input = new CheckInput(signing.petition(), signing.kind(), signing.firstName(), signing.lastName(),
        signing.organizationName(), signing.nickname(), signing.city(), signing.affiliation(), signing.comment(),
        signing.country(), keys.canonicalEmail(), keys.emailDomain(), signing.phoneE164(), keys.nameSkeleton(),
        signing.ip(), signing.userAgent(), signing.receivedAt(), renderedAt, signing.honeypot(),
        keys.nameKey(), keys.networkKey(), signing.letter());
    List<Finding> findings = form.findings();
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
