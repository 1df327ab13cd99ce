package org.petition.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.petition.Milestones;
import org.petition.Petition;
import org.petition.event.PetitionEvent;
import org.petition.store.Counts;
import org.petition.store.SigningStore;

/**
 * Finds the milestones a confirmation reached, each once per petition in this JVM. The counts are read
 * only when the new signer's number could have crossed a milestone: a count never exceeds the highest
 * number given, so a number below every open milestone proves none was reached.
 */
public final class MilestoneTracker {

  private final Milestones milestones;
  private final Set<String> reached = ConcurrentHashMap.newKeySet();
  // What is known to be all reached, so that a confirmation past every milestone (most of them, on a large
  // petition) neither reads the counts nor builds keys: petitions whose goal and thresholds are all reached
  // (with the goal they had then: a goal set later has milestones to reach), and per petition the countries
  // whose goal is.
  private final ConcurrentHashMap<String, Long> totalDone = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Set<String>> countriesDone = new ConcurrentHashMap<>();

  public MilestoneTracker(Milestones milestones) {
    this.milestones = milestones;
  }

  public List<PetitionEvent.MilestoneReached> afterCount(
      Petition petition, long number, @Nullable String country, SigningStore store, Instant now) {
    if (!mayReach(petition, number, country)) {
      return List.of();
    }
    Counts counts = store.counts(petition.slug());
    List<PetitionEvent.MilestoneReached> events = new ArrayList<>(1);
    if (petition.goal() > 0) {
      for (int percent : milestones.percents()) {
        long needed = needed(petition.goal(), percent);
        if (counts.total() >= needed && reached.add(petition.slug() + "|*|" + percent)) {
          events.add(new PetitionEvent.MilestoneReached(petition.slug(), null, percent, counts.total(), null, now));
        }
      }
    }
    if (country != null) {
      Long goal = petition.goalsByCountry().get(country);
      long countryCount = counts.byCountry().getOrDefault(country, 0L);
      if (goal != null) {
        for (int percent : milestones.percents()) {
          if (countryCount >= needed(goal, percent) && reached.add(petition.slug() + "|" + country + "|" + percent)) {
            events.add(new PetitionEvent.MilestoneReached(petition.slug(), country, percent, countryCount, null, now));
          }
        }
      }
    }
    for (Milestones.Threshold threshold : milestones.thresholds()) {
      boolean inWindow = threshold.within().isZero()
          || (petition.opensAt() != null && !now.isAfter(petition.opensAt().plus(threshold.within())));
      if (inWindow && counts.total() >= threshold.count()
          && reached.add(petition.slug() + "|#|" + threshold.count() + "|" + threshold.within())) {
        events.add(new PetitionEvent.MilestoneReached(petition.slug(), null, 0, counts.total(),
            threshold.within().isZero() ? null : threshold.within(), now));
      }
    }
    rememberDone(petition, country);
    return events;
  }

  /** Notes the petition's total, and {@code country}'s goal, when all of their milestones are reached. */
  private void rememberDone(Petition petition, @Nullable String country) {
    String slug = petition.slug();
    if (!totalDone(petition)) {
      boolean done = true;
      if (petition.goal() > 0) {
        for (int percent : milestones.percents()) {
          done &= reached.contains(slug + "|*|" + percent);
        }
      }
      for (Milestones.Threshold threshold : milestones.thresholds()) {
        done &= reached.contains(slug + "|#|" + threshold.count() + "|" + threshold.within());
      }
      if (done) {
        totalDone.put(slug, petition.goal());
      }
    }
    if (country != null && petition.goalsByCountry().containsKey(country) && !countryDone(slug, country)) {
      boolean done = true;
      for (int percent : milestones.percents()) {
        done &= reached.contains(slug + "|" + country + "|" + percent);
      }
      if (done) {
        countriesDone.computeIfAbsent(slug, s -> ConcurrentHashMap.newKeySet()).add(country);
      }
    }
  }

  private boolean totalDone(Petition petition) {
    Long goal = totalDone.get(petition.slug());
    return goal != null && goal == petition.goal();
  }

  private boolean countryDone(String slug, String country) {
    Set<String> done = countriesDone.get(slug);
    return done != null && done.contains(country);
  }

  private boolean mayReach(Petition petition, long number, @Nullable String country) {
    if (country != null && petition.goalsByCountry().containsKey(country) && !milestones.percents().isEmpty()
        && !countryDone(petition.slug(), country)) {
      return true;
    }
    if (totalDone(petition)) {
      return false;
    }
    long lowest = Long.MAX_VALUE;
    if (petition.goal() > 0) {
      for (int percent : milestones.percents()) {
        if (!reached.contains(petition.slug() + "|*|" + percent)) {
          lowest = Math.min(lowest, needed(petition.goal(), percent));
        }
      }
    }
    for (Milestones.Threshold threshold : milestones.thresholds()) {
      lowest = Math.min(lowest, threshold.count());
    }
    return number >= lowest;
  }

  private static long needed(long goal, int percent) {
    return (goal * percent + 99) / 100;
  }
}
