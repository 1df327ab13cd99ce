package org.petition;

/**
 * Confirmed signatures from one country against that country's goal.
 *
 * @param confirmed the confirmed, counted signatures from the country
 * @param goal the country's goal, 0 when it has none
 */
public record CountryTally(long confirmed, long goal) {

  /** Progress towards the country goal in percent (may exceed 100), 0 when there is no goal. */
  public double percent() {
    return goal == 0 ? 0 : confirmed * 100.0 / goal;
  }
}
