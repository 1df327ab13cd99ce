package org.petition.spring;

/**
 * Republishing of core events.
 *
 * <p>Bound under {@code petition.events} ({@link PetitionProperties#getEvents()}).
 */
public class PetitionEventProperties {

  /** Whether core events are published as Spring application events (listen for PetitionEvent types). */
  private boolean publish = true;

  public boolean isPublish() {
    return publish;
  }

  public void setPublish(boolean publish) {
    this.publish = publish;
  }
}
