package org.petition.spring;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys that sign confirmation and "this wasn't me" links.
 *
 * <p>Bound under {@code petition.tokens} ({@link PetitionProperties#getTokens()}).
 */
public class PetitionTokenProperties {

  /**
   * The key ring, oldest first; the last key signs new links, every key still verifies. Each secret is at
   * least 32 random bytes, base64.
   */
  private List<PetitionKeyProperties> keys = new ArrayList<>();

  public List<PetitionKeyProperties> getKeys() {
    return keys;
  }

  public void setKeys(List<PetitionKeyProperties> keys) {
    this.keys = keys;
  }
}
