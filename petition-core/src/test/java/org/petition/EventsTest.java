package org.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.testing.Fixtures.confirmToken;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.petition.event.PetitionEvent;
import org.petition.event.Subscription;
import org.petition.mail.InMemoryOutbox;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

class EventsTest {

  private final MutableClock clock = new MutableClock(Fixtures.START);
  private final InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();

  private Petitions petitions(Milestones milestones) {
    Petitions petitions = Fixtures.petitions(clock, outbox).milestones(milestones).build();
    petitions.register(Petition.builder("goals").title("Goals").goal(4).goal("KR", 2)
        .opensAt(Fixtures.START.minus(Duration.ofDays(1))).build());
    return petitions;
  }

  private void signAndConfirm(Petitions petitions, int i, String country) {
    String email = "s" + i + "@example.org";
    petitions.sign(SignatureRequest.builder("goals").person("S", "N" + i).email(email).country(country).build());
    petitions.confirm(confirmToken(outbox.latestTo(email).orElseThrow()));
  }

  @Test
  void typedSubscriptionsReceiveOnlyTheirEventsAndCarryNoPersonalData() {
    Petitions petitions = petitions(Milestones.none());
    List<PetitionEvent.Signed> signed = new CopyOnWriteArrayList<>();
    List<PetitionEvent.Confirmed> confirmed = new CopyOnWriteArrayList<>();
    List<PetitionEvent> all = new CopyOnWriteArrayList<>();
    petitions.events().onSigned(signed::add);
    petitions.events().onConfirmed(confirmed::add);
    Subscription everything = petitions.events().onEvent(all::add);

    petitions.sign(SignatureRequest.builder("goals").person("Ann", "Lee").email("ann@example.org").build());
    clock.advance(Duration.ofMinutes(3));
    petitions.confirm(confirmToken(outbox.latestTo("ann@example.org").orElseThrow()));
    everything.close();
    petitions.sign(SignatureRequest.builder("goals").person("Bob", "Lee").email("bob@example.org").build());

    assertThat(signed).hasSize(2);
    assertThat(confirmed).singleElement().satisfies(event -> {
      assertThat(event.number()).isEqualTo(1);
      assertThat(event.delay()).isEqualTo(Duration.ofMinutes(3));
    });
    assertThat(all).hasSize(2);
    assertThat(all.toString()).doesNotContain("ann@example.org").doesNotContain("Ann");
  }

  @Test
  void aFailingListenerNeitherReachesTheSignerNorStopsOtherListeners() {
    Petitions petitions = petitions(Milestones.none());
    List<PetitionEvent.Signed> signed = new CopyOnWriteArrayList<>();
    petitions.events().onSigned(event -> {
      throw new IllegalStateException("listener bug");
    });
    petitions.events().onSigned(signed::add);

    SignResult result = petitions.sign(SignatureRequest.builder("goals").person("A", "B").email("a@example.org").build());

    assertThat(result).isInstanceOf(SignResult.Pending.class);
    assertThat(signed).hasSize(1);
  }

  @Test
  void milestonesOfTheTotalAndOfEachCountryGoalFireOnce() {
    Petitions petitions = petitions(Milestones.ofDefaults());
    List<PetitionEvent.MilestoneReached> reached = new CopyOnWriteArrayList<>();
    petitions.events().onMilestone(reached::add);

    signAndConfirm(petitions, 1, "KR");
    assertThat(reached).extracting(PetitionEvent.MilestoneReached::country, PetitionEvent.MilestoneReached::percent)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(null, 25),
            org.assertj.core.groups.Tuple.tuple("KR", 25), org.assertj.core.groups.Tuple.tuple("KR", 50));
    reached.clear();
    signAndConfirm(petitions, 2, "US");
    assertThat(reached).extracting(PetitionEvent.MilestoneReached::percent).containsExactly(50);
    reached.clear();
    signAndConfirm(petitions, 3, "KR");
    signAndConfirm(petitions, 4, "KR");
    assertThat(reached).extracting(PetitionEvent.MilestoneReached::country, PetitionEvent.MilestoneReached::percent)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(null, 75),
            org.assertj.core.groups.Tuple.tuple("KR", 75), org.assertj.core.groups.Tuple.tuple("KR", 100),
            org.assertj.core.groups.Tuple.tuple(null, 100));
    reached.clear();
    signAndConfirm(petitions, 5, "KR");
    assertThat(reached).isEmpty();
  }

  @Test
  void aThresholdWithinAWindowFiresOnlyInsideIt() {
    Petitions petitions = petitions(Milestones.none().withThreshold(2, Duration.ofDays(30)).withThreshold(3, Duration.ofDays(2)));
    List<PetitionEvent.MilestoneReached> reached = new CopyOnWriteArrayList<>();
    petitions.events().onMilestone(reached::add);

    signAndConfirm(petitions, 1, "US");
    signAndConfirm(petitions, 2, "US");
    clock.advance(Duration.ofDays(3));
    signAndConfirm(petitions, 3, "US");

    assertThat(reached).singleElement().satisfies(event -> {
      assertThat(event.count()).isEqualTo(2);
      assertThat(event.within()).isEqualTo(Duration.ofDays(30));
    });
  }

  @Test
  void revocationAndExpiryAreEvents() {
    Petitions petitions = petitions(Milestones.none());
    List<PetitionEvent> events = new CopyOnWriteArrayList<>();
    petitions.events().onRevoked(events::add);
    petitions.events().onExpired(events::add);
    signAndConfirm(petitions, 1, "US");
    petitions.revoke(Fixtures.revokeToken(outbox.latestTo("s1@example.org").orElseThrow()));
    petitions.sign(SignatureRequest.builder("goals").person("Never", "Confirmed").email("never@example.org").build());
    clock.advance(Duration.ofDays(8));
    petitions.purgePending(100);

    assertThat(events).hasSize(2);
    assertThat(events.get(0)).isInstanceOfSatisfying(PetitionEvent.Revoked.class, e -> assertThat(e.wasCounted()).isTrue());
    assertThat(events.get(1)).isInstanceOf(PetitionEvent.Expired.class);
  }

  @Test
  void aGoalSetAfterTheCountPassedEveryMilestoneStillHasItsMilestones() {
    Petitions petitions = Fixtures.petitions(clock, outbox).milestones(Milestones.ofDefaults()).build();
    Petition noGoal = Petition.builder("goals").title("Goals").opensAt(Fixtures.START.minus(Duration.ofDays(1))).build();
    petitions.register(noGoal);
    List<PetitionEvent.MilestoneReached> reached = new CopyOnWriteArrayList<>();
    petitions.events().onMilestone(reached::add);
    signAndConfirm(petitions, 1, "KR");
    signAndConfirm(petitions, 2, "KR");
    assertThat(reached).isEmpty();

    petitions.register(Petition.builder("goals").title("Goals").goal(4).goal("KR", 4)
        .opensAt(Fixtures.START.minus(Duration.ofDays(1))).build());
    signAndConfirm(petitions, 3, "KR");
    assertThat(reached).extracting(PetitionEvent.MilestoneReached::country, PetitionEvent.MilestoneReached::percent)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(null, 25),
            org.assertj.core.groups.Tuple.tuple(null, 50), org.assertj.core.groups.Tuple.tuple(null, 75),
            org.assertj.core.groups.Tuple.tuple("KR", 25), org.assertj.core.groups.Tuple.tuple("KR", 50),
            org.assertj.core.groups.Tuple.tuple("KR", 75));
    reached.clear();
    signAndConfirm(petitions, 4, "KR");
    signAndConfirm(petitions, 5, "KR");
    assertThat(reached).extracting(PetitionEvent.MilestoneReached::country, PetitionEvent.MilestoneReached::percent)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(null, 100),
            org.assertj.core.groups.Tuple.tuple("KR", 100));
  }

  @Test
  void signingsBuildNoSignedEventWhenOnlyOtherEventsAreListenedTo() {
    Petitions petitions = petitions(Milestones.none());
    List<PetitionEvent> confirmedOnly = new CopyOnWriteArrayList<>();
    petitions.events().subscribe(PetitionEvent.Confirmed.class, confirmedOnly::add);
    List<PetitionEvent.Signed> signed = new CopyOnWriteArrayList<>();

    signAndConfirm(petitions, 1, "KR");
    assertThat(confirmedOnly).singleElement().isInstanceOf(PetitionEvent.Confirmed.class);
    petitions.events().onEvent(event -> {
      if (event instanceof PetitionEvent.Signed s) {
        signed.add(s);
      }
    });
    signAndConfirm(petitions, 2, "KR");
    assertThat(signed).singleElement().satisfies(event -> assertThat(event.petition()).isEqualTo("goals"));
  }
}
