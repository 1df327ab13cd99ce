package org.petition.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.text.Normalizer;
import org.junit.jupiter.api.BeforeAll;
import org.petition.identity.EmailCanonicalizer;
import org.petition.internal.EmailRefusal;
import org.petition.internal.Emails;

/**
 * The email field as typed: normalising and validating it is a verdict, never an exception, and a valid
 * address canonicalises without throwing, to a fixed point.
 */
class EmailFuzzTest {

  private static final EmailCanonicalizer CANONICALIZER = EmailCanonicalizer.ofDefaults();

  /** Loads Commons Validator, IDN and the provider rules before fuzzing, so the first input is not timed with it. */
  @BeforeAll
  static void warmUp() {
    CANONICALIZER.canonicalize(Emails.normalise("Frank.C+petition@B\u00fccher.de"));
    Emails.refusal(Emails.normalise("\"a b\"@example.org"));
  }

  @FuzzTest(maxDuration = "10s")
  void validationIsAVerdictAndCanonicalisationAFixedPoint(FuzzedDataProvider data) {
    String raw = data.consumeRemainingAsString();
    String normalised = Emails.normalise(raw);
    EmailRefusal refusal = Emails.refusal(normalised);
    if (normalised == null) {
      assertThat(refusal).isNotNull();
      return;
    }
    assertThat(Emails.normalise(normalised)).as("normalising is idempotent").isEqualTo(normalised);
    if (refusal != null) {
      return;
    }
    assertThat(normalised.length()).isLessThanOrEqualTo(Emails.MAX_LENGTH);
    assertThat(Normalizer.isNormalized(normalised, Normalizer.Form.NFC)).isTrue();
    String canonical = CANONICALIZER.canonicalize(normalised);
    assertThat(canonical).contains("@");
    assertThat(CANONICALIZER.canonicalize(canonical)).as("canonicalising is idempotent").isEqualTo(canonical);
    String domain = CANONICALIZER.domainOf(normalised);
    assertThat(domain).isNotEmpty().doesNotContain("@");
    assertThat(domain.chars().allMatch(c -> c < 0x80)).as("the domain is ASCII").isTrue();
  }
}
