package org.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.petition.testing.Fixtures.confirmToken;
import static org.petition.testing.Fixtures.person;
import static org.petition.testing.Fixtures.revokeToken;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.OutgoingMessage;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

/** "Signers also signed" through the entry point: kept by confirmations and revocations, shown from 5 signers. */
class RelatedPetitionsTest {

  private final MutableClock clock = new MutableClock(Fixtures.START);
  private final InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();
  private Petitions petitions;

  @BeforeEach
  void setUp() {
    petitions = Fixtures.petitions(clock, outbox).build();
    for (String slug : List.of("peace", "parks", "schools")) {
      petitions.register(Petition.builder(slug).title("Title of " + slug).target("Council")
          .consent(Fixtures.TERMS).consent(Fixtures.PRIVACY).consent(Fixtures.PROCESSING).build());
    }
  }

  private OutgoingMessage signAndConfirm(String slug, String email) {
    assertThat(petitions.sign(person("Ann", "Lee", email).petition(slug).build())).isInstanceOf(SignResult.Pending.class);
    OutgoingMessage mail = outbox.latestTo(email).orElseThrow();
    assertThat(petitions.confirm(confirmToken(mail))).isInstanceOf(ConfirmResult.Confirmed.class);
    return mail;
  }

  @Test
  void aPetitionIsListedOnlyOnceFiveSignersShareItAndDropsBelowFive() {
    OutgoingMessage last = null;
    for (int i = 0; i < 5; i++) {
      signAndConfirm("peace", "s" + i + "@example.org");
      if (i < 4) {
        assertThat(petitions.related("peace", 5)).contains(List.of());
      }
      last = signAndConfirm("parks", "s" + i + "@example.org");
    }
    for (int i = 0; i < 4; i++) {
      signAndConfirm("schools", "s" + i + "@example.org"); // four: never shown
    }
    assertThat(petitions.related("peace", 5))
        .contains(List.of(new RelatedPetition("parks", "Title of parks", "Council")));
    assertThat(petitions.related("parks", 5).orElseThrow()).extracting(RelatedPetition::slug).containsExactly("peace");
    assertThat(petitions.related("schools", 5)).contains(List.of());

    assertThat(petitions.revoke(revokeToken(last))).isInstanceOf(RevokeResult.Revoked.class);
    assertThat(petitions.related("peace", 5)).contains(List.of()); // four again
  }

  @Test
  void anUnknownPetitionIsEmptyAndTheThresholdCannotGoBelowFive() {
    assertThat(petitions.related("no-such-petition", 5)).isEqualTo(Optional.empty());
    assertThat(petitions.related(null, 5)).isEqualTo(Optional.empty());
    assertThatThrownBy(() -> petitions.related("peace", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> petitions.related("peace", 21)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Petitions.builder().relatedMinSigners(4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 5");
  }

  @Test
  void aHigherThresholdHidesWhatFiveWouldShow() {
    Petitions strict = Fixtures.petitions(clock, outbox).relatedMinSigners(6).build();
    petitions = strict;
    setUp2();
    for (int i = 0; i < 5; i++) {
      signAndConfirm("peace", "t" + i + "@example.org");
      signAndConfirm("parks", "t" + i + "@example.org");
    }
    assertThat(strict.related("peace", 5)).contains(List.of());
    signAndConfirm("peace", "t5@example.org");
    signAndConfirm("parks", "t5@example.org");
    assertThat(strict.related("peace", 5).orElseThrow()).hasSize(1);
  }

  private void setUp2() {
    for (String slug : List.of("peace", "parks")) {
      petitions.register(Petition.builder(slug).title("Title of " + slug).target("Council")
          .consent(Fixtures.TERMS).consent(Fixtures.PRIVACY).consent(Fixtures.PROCESSING).build());
    }
  }
}
