package org.petition.spring;

import org.petition.Petitions;

/**
 * Adjusts the {@link Petitions.Builder} after the properties are applied and before it builds: a clock,
 * checks, a verdict policy, display names. Beans of this type are applied in {@code @Order}.
 */
@FunctionalInterface
public interface PetitionsBuilderCustomizer {

  /** Customizes the builder. */
  void customize(Petitions.Builder builder);
}
