package org.petition.spring;

import static org.petition.spring.PropertyChecks.apply;

import java.util.List;
import org.petition.Milestones;

/**
 * {@code petition.milestones.*} into {@link Milestones}: the percents, then each threshold, named by its index when
 * refused.
 */
public final class PetitionMilestonesMapper {

  private PetitionMilestonesMapper() {}

  /** The milestones. */
  public static Milestones milestones(PetitionProperties properties) {
    PetitionMilestoneProperties settings = properties.getMilestones();
    if (!settings.isEnabled()) {
      return Milestones.none();
    }
    Milestones milestones = apply("petition.milestones.percents", "Use percents between 1 and 1000.",
        () -> Milestones.none().withPercents(settings.getPercents().stream().mapToInt(Integer::intValue).toArray()));
    List<PetitionMilestoneProperties.Threshold> thresholds = settings.getThresholds();
    for (int i = 0; i < thresholds.size(); i++) {
      PetitionMilestoneProperties.Threshold threshold = thresholds.get(i);
      Milestones before = milestones;
      milestones = apply("petition.milestones.thresholds[" + i + "]",
          "Use a positive count and a window of zero (whenever) or more.",
          () -> before.withThreshold(threshold.getCount(), threshold.getWithin()));
    }
    return milestones;
  }
}
