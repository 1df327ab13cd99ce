package org.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.testing.Fixtures.confirmToken;
import static org.petition.testing.Fixtures.person;

import org.junit.jupiter.api.Test;
import org.petition.mail.InMemoryOutbox;
import org.petition.privacy.DisplayNamePolicy;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

class PublicViewPrivacyTest {

  private final MutableClock clock = new MutableClock(Fixtures.START);
  private final InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();

  private Petitions petitions(DisplayNamePolicy policy, boolean noindex) {
    Petitions petitions = Fixtures.petitions(clock, outbox).build();
    petitions.register(Petition.builder("p").title("P").displayNamePolicy(policy).noindex(noindex).build());
    return petitions;
  }

  private void signAndConfirm(Petitions petitions, SignatureRequest.Builder request, String email) {
    petitions.sign(request.petition("p").email(email).build());
    petitions.confirm(confirmToken(outbox.latestTo(email).orElseThrow()));
  }

  @Test
  void aNicknameReplacesTheNameAndKeepsThePageOutOfSearchEngines() {
    Petitions petitions = petitions(DisplayNamePolicy.FULL, false);
    signAndConfirm(petitions, person("Frank", "Castellano", "x").nickname("peacemaker"), "frank@example.org");
    signAndConfirm(petitions, person("Ann", "Lee", "x"), "ann@example.org");

    SignaturePage first = petitions.latest("p", null, 1);
    SignaturePage both = petitions.latest("p", null, 10);

    assertThat(first.items()).singleElement().satisfies(s -> {
      assertThat(s.displayName()).isEqualTo("Ann Lee");
      assertThat(s.noindex()).isFalse();
    });
    assertThat(first.noindex()).isFalse();
    assertThat(both.items().get(1).displayName()).isEqualTo("peacemaker");
    assertThat(both.items().get(1).noindex()).isTrue();
    assertThat(both.noindex()).isTrue();
  }

  @Test
  void anonymousPetitionsShowNumbersOnlyEvenForNicknames() {
    Petitions petitions = petitions(DisplayNamePolicy.ANONYMOUS, true);
    signAndConfirm(petitions, person("Frank", "Castellano", "x").nickname("peacemaker"), "frank@example.org");

    SignaturePage page = petitions.latest("p", null, 10);

    assertThat(page.items()).singleElement().satisfies(s -> assertThat(s.displayName()).isEqualTo("Signer #1"));
    assertThat(page.noindex()).isTrue();
    assertThat(page.toString()).doesNotContain("Frank").doesNotContain("peacemaker");
  }

  @Test
  void theDefaultPolicyShowsFirstNameAndLastInitialInEachScript() {
    Petitions petitions = petitions(DisplayNamePolicy.FIRST_NAME_LAST_INITIAL, false);
    signAndConfirm(petitions, person("Γιώργος", "Παπαδόπουλος", "x"), "g@example.gr");
    signAndConfirm(petitions, person("Frank", "Castellano", "x"), "f@example.org");

    assertThat(petitions.latest("p", null, 10).items()).extracting(PublicSignature::displayName)
        .containsExactly("Frank C.", "Γιώργος Π.");
  }
}
