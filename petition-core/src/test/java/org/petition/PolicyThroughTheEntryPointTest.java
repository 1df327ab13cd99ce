package org.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.testing.Fixtures.person;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.petition.check.Decision;
import org.petition.check.Finding;
import org.petition.check.FindingCodes;
import org.petition.check.Severity;
import org.petition.check.Verdict;
import org.petition.check.VerdictPolicy;
import org.petition.event.PetitionEvent;
import org.petition.mail.InMemoryOutbox;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

/** A custom verdict policy decides everywhere: the answer, the violations named, and silence. */
class PolicyThroughTheEntryPointTest {

  private final MutableClock clock = new MutableClock(Fixtures.START);
  private final InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();

  /** Refuses on anything above LOW, as a strict petition might. */
  private static final VerdictPolicy STRICT = findings -> {
    Verdict verdict = Verdict.ACCEPT;
    for (Finding finding : findings) {
      verdict = verdict.max(finding.severity() == Severity.LOW ? Verdict.ACCEPT : Verdict.REJECT);
    }
    return verdict;
  };

  private Petitions petitions(VerdictPolicy policy) {
    Petitions petitions = Fixtures.petitions(clock, outbox).verdictPolicy(policy).build();
    petitions.register(Fixtures.seedPetition());
    return petitions;
  }

  @Test
  void aPolicyThatRefusesOnMediumNamesTheMediumFindingNotAGenericRefusal() {
    Petitions petitions = petitions(STRICT);

    SignResult result = petitions.sign(person("Frank", "Cho", "frank@example.org")
        .comment("Read more at https://spam.example/offer").build());

    // The medium findings that decided it, each on its field: the link, and since model 2026-12.3 also the spam
    // model's verdict on this advertising comment; never the generic refusal.
    assertThat(result).isInstanceOfSatisfying(SignResult.Rejected.class, rejected -> {
      assertThat(rejected.violations()).extracting(Violation::field, Violation::code)
          .contains(org.assertj.core.groups.Tuple.tuple("comment", FindingCodes.CONTENT_LINK));
      assertThat(rejected.violations()).extracting(Violation::field).containsOnly("comment");
      assertThat(rejected.violations()).extracting(Violation::code).doesNotContain("signing.refused");
    });
    assertThat(outbox.latestTo("frank@example.org")).isEmpty();
  }

  @Test
  void theDefaultPolicyOnlyHidesTheSameComment() {
    Petitions petitions = petitions(VerdictPolicy.bySeverity());

    SignResult result = petitions.sign(person("Frank", "Cho", "frank@example.org")
        .comment("Read more at https://spam.example/offer").build());

    assertThat(result).isInstanceOf(SignResult.Pending.class);
    assertThat(outbox.latestTo("frank@example.org")).isPresent();
  }

  @Test
  void aHoneypotRefusalIsSilentWhateverThePolicyAndSaysSoInItsEvent() {
    Petitions petitions = petitions(STRICT);
    List<PetitionEvent.Refused> refused = new CopyOnWriteArrayList<>();
    petitions.events().onRefused(refused::add);

    SignResult result = petitions.sign(person("Frank", "Cho", "frank@example.org").honeypot("http://x").build());

    assertThat(result).isInstanceOf(SignResult.Pending.class);
    assertThat(refused).singleElement().satisfies(e -> {
      assertThat(e.silent()).isTrue();
      assertThat(e.codes()).contains(FindingCodes.BOT_HONEYPOT);
    });
    assertThat(outbox.latestTo("frank@example.org")).isEmpty();
  }

  @Test
  void judgeNamesOnlyTheFindingsThatDecided() {
    Finding low = Finding.of("test.low", Severity.LOW, "city", "low");
    Finding high = Finding.of("test.high", Severity.HIGH, "comment", "high");

    Decision decision = VerdictPolicy.bySeverity().judge(List.of(low, high), true);

    assertThat(decision.verdict()).isEqualTo(Verdict.HOLD);
    assertThat(decision.decisive()).containsExactly(high);
    assertThat(decision.findings()).containsExactly(low, high);
    assertThat(decision.silent()).isFalse();
  }

  @Test
  void aPolicyThatOnlyCombinesFindingsNamesThemAll() {
    VerdictPolicy twoStrikes = findings -> findings.size() >= 2 ? Verdict.REJECT : Verdict.ACCEPT;
    Finding a = Finding.of("test.a", Severity.LOW, "city", "a");
    Finding b = Finding.of("test.b", Severity.LOW, "comment", "b");

    Decision decision = twoStrikes.judge(List.of(a, b), true);

    assertThat(decision.verdict()).isEqualTo(Verdict.REJECT);
    assertThat(decision.decisive()).containsExactly(a, b);
    assertThat(decision.silent()).isFalse();
  }
}
