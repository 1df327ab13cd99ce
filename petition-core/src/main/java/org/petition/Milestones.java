package org.petition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which counts raise a {@link org.petition.event.PetitionEvent.MilestoneReached}: percentages of the total
 * goal and of each country goal (25, 50, 75 and 100 by default), and absolute thresholds, optionally within
 * a time from the petition's opening ("100,000 within 30 days"). Immutable.
 */
public final class Milestones {

  /** An absolute count, optionally to be reached within a time from the petition's opening. */
  public record Threshold(long count, Duration within) {
    public Threshold {
      if (count < 1) {
        throw new IllegalArgumentException("threshold count must be positive");
      }
      Objects.requireNonNull(within, "threshold window must not be null");
      if (within.isNegative()) {
        throw new IllegalArgumentException("threshold window must not be negative");
      }
    }
  }

  private final List<Integer> percents;
  private final List<Threshold> thresholds;

  private Milestones(List<Integer> percents, List<Threshold> thresholds) {
    this.percents = List.copyOf(percents);
    this.thresholds = List.copyOf(thresholds);
  }

  /** 25, 50, 75 and 100 percent of every goal; no thresholds. */
  public static Milestones ofDefaults() {
    return new Milestones(List.of(25, 50, 75, 100), List.of());
  }

  /** No milestones at all. */
  public static Milestones none() {
    return new Milestones(List.of(), List.of());
  }

  /** These milestones with other percentages of the goals (each 1 to 1000). */
  public Milestones withPercents(int... percents) {
    List<Integer> list = new ArrayList<>();
    for (int percent : percents) {
      if (percent < 1 || percent > 1000) {
        throw new IllegalArgumentException("milestone percent must be between 1 and 1000, was " + percent);
      }
      list.add(percent);
    }
    return new Milestones(list.stream().distinct().sorted().toList(), thresholds);
  }

  /** These milestones plus a threshold; a zero window means "whenever". */
  public Milestones withThreshold(long count, Duration within) {
    List<Threshold> list = new ArrayList<>(thresholds);
    list.add(new Threshold(count, within));
    return new Milestones(percents, list);
  }

  public List<Integer> percents() {
    return percents;
  }

  public List<Threshold> thresholds() {
    return thresholds;
  }
}
