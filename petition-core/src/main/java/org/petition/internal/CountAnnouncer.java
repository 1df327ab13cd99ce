package org.petition.internal;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.petition.Petition;
import org.petition.event.PetitionEvent;
import org.petition.store.SigningStore;

/** Tells listeners that a signature was confirmed, and which milestones its count crossed. */
public final class CountAnnouncer {

  private final EventBus events;
  private final MilestoneTracker milestones;
  private final SigningStore store;

  public CountAnnouncer(EventBus events, MilestoneTracker milestones, SigningStore store) {
    this.events = events;
    this.milestones = milestones;
    this.store = store;
  }

  /**
   * After a confirmation: {@code number} is the signer's number, or 0 when the signature waits for a
   * moderator; {@code signedAt} when it was signed, if the caller knows. Reads the store only when someone
   * listens and the signing's time is not known (someone always listens: the photo service does).
   */
  public void confirmed(Petition petition, long id, long number, @Nullable String country, @Nullable Instant signedAt,
      Instant now) {
    if (!events.hasListeners()) {
      return;
    }
    Instant signed = signedAt != null ? signedAt : store.find(id).map(s -> s.data().signedAt()).orElse(now);
    events.publish(new PetitionEvent.Confirmed(petition.slug(), id, number, country, Duration.between(signed, now),
        now));
    if (number > 0) {
      milestones.afterCount(petition, number, country, store, now).forEach(events::publish);
    }
  }
}
