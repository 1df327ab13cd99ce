package org.petition;

import java.util.Map;

/**
 * The counter of a petition ("276 / 1000"): only confirmed, approved signatures count.
 *
 * @param petition the petition's slug
 * @param confirmed the confirmed total
 * @param goal the total goal, 0 when there is none
 * @param countries per-country counts and goals, for every country that has either (upper-case ISO codes)
 */
public record Tally(String petition, long confirmed, long goal, Map<String, CountryTally> countries) {

  public Tally {
    countries = Map.copyOf(countries);
  }

  /** Progress towards the goal in percent (may exceed 100), 0 when there is no goal. */
  public double percent() {
    return goal == 0 ? 0 : confirmed * 100.0 / goal;
  }

  /** The tally of one country, zero when it has neither signatures nor a goal. */
  public CountryTally country(String country) {
    return countries.getOrDefault(country, new CountryTally(0, 0));
  }
}
