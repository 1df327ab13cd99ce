package org.petition.store;

import java.util.Map;

/**
 * A petition's confirmed counts as a store keeps them.
 *
 * @param total the confirmed, counted total
 * @param byCountry counts by ISO country code; signatures without a country are in the total only
 */
public record Counts(long total, Map<String, Long> byCountry) {

  public Counts {
    byCountry = Map.copyOf(byCountry);
  }
}
