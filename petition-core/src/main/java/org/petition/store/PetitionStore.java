package org.petition.store;

import java.util.List;
import java.util.Optional;
import org.petition.Petition;

/**
 * A role of a {@link SignatureStore}: where petitions' definitions live.
 *
 * <p>Implementations must be thread-safe.
 */
public interface PetitionStore {

  /** Creates or replaces a petition's definition. Existing signatures and counts are kept. */
  void savePetition(Petition petition);

  /** The petition with this slug. */
  Optional<Petition> petition(String slug);

  /** Every petition, in slug order. */
  List<Petition> petitions();

  /**
   * A number that grows whenever any definition is saved, by any instance sharing the store; {@link
   * org.petition.Petitions} polls it to drop the definitions it cached once another instance changed one. A
   * store no other instance can write answers a constant (the default, 0).
   */
  default long definitionsVersion() {
    return 0;
  }
}
