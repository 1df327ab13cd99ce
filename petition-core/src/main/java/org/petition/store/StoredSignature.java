package org.petition.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A signature as a store holds it.
 *
 * @param id the store's id
 * @param state where it is in its life
 * @param number its number in counting order once counted, else 0
 * @param confirmedAt when its owner confirmed it, or {@code null}
 * @param data what was inserted (personal data sealed; erased once revoked)
 */
public record StoredSignature(
    long id, SignatureState state, long number, @Nullable Instant confirmedAt, NewSignature data) {

  /** Whether the signature counts: confirmed and not held for review. */
  public boolean counted() {
    return state == SignatureState.CONFIRMED && !data.held();
  }

  /** The petition's slug. */
  public String petition() {
    return data.petition();
  }
}
