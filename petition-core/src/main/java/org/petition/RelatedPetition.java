package org.petition;

import java.util.Objects;

/**
 * A petition that many signers of another also signed ("signers also signed", {@link Petitions#related}). It
 * carries no count: a count that moves by one when a known person signs would tell whether that person signed
 * both, so only the order (most shared first) is shown, and only where at least {@link
 * Petitions.Builder#relatedMinSigners} distinct signers count on both.
 *
 * @param slug the other petition's URL id
 * @param title its title
 * @param target whom it addresses
 */
public record RelatedPetition(String slug, String title, String target) {

  public RelatedPetition {
    Objects.requireNonNull(slug, "slug must not be null");
    Objects.requireNonNull(title, "title must not be null");
    Objects.requireNonNull(target, "target must not be null");
  }
}
