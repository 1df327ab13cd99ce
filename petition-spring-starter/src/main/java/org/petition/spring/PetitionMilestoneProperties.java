package org.petition.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Which counts raise a milestone event.
 *
 * <p>Bound under {@code petition.milestones} ({@link PetitionProperties#getMilestones()}).
 */
public class PetitionMilestoneProperties {

  /** Whether milestone events are raised at all. */
  private boolean enabled = true;

  /** Percentages of the total goal and of each country goal. */
  private List<Integer> percents = new ArrayList<>(List.of(25, 50, 75, 100));

  /** Absolute counts, optionally to be reached within a time from the petition's opening. */
  private List<Threshold> thresholds = new ArrayList<>();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public List<Integer> getPercents() {
    return percents;
  }

  public void setPercents(List<Integer> percents) {
    this.percents = percents;
  }

  public List<Threshold> getThresholds() {
    return thresholds;
  }

  public void setThresholds(List<Threshold> thresholds) {
    this.thresholds = thresholds;
  }

  /** An absolute milestone, such as 100,000 signatures within 30 days. */
  public static class Threshold {

    /** The count. */
    private long count;

    /** The window from the petition's opening; zero means whenever. */
    private Duration within = Duration.ZERO;

    public long getCount() {
      return count;
    }

    public void setCount(long count) {
      this.count = count;
    }

    public Duration getWithin() {
      return within;
    }

    public void setWithin(Duration within) {
      this.within = within;
    }
  }
}
