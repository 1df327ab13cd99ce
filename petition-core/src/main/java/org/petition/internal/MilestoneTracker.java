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
    return events;
  }

  private boolean mayReach(Petition petition, long number, @Nullable String country) {
    if (country != null && petition.goalsByCountry().containsKey(country) && !milestones.percents().isEmpty()) {
      return true;
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
