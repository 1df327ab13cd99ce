package org.petition.spring;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys that encrypt personal data at rest.
 *
 * <p>Bound under {@code petition.privacy} ({@link PetitionProperties#getPrivacy()}).
 */
public class PetitionPrivacyProperties {

  /** AES-256 keys, oldest first; the last one seals new data. Each secret is exactly 32 bytes, base64. */
  private List<PetitionKeyProperties> keys = new ArrayList<>();

  public List<PetitionKeyProperties> getKeys() {
    return keys;
  }

  public void setKeys(List<PetitionKeyProperties> keys) {
    this.keys = keys;
  }
}
