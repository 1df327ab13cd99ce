package org.petition.event;

import java.util.function.Consumer;

/**
 * Typed subscriptions to a {@link org.petition.Petitions}' events; only the library publishes. Listeners run
 * synchronously on the thread that caused the event, so they should be quick (or hand off); an exception in
 * one listener is logged and does not reach the signer or other listeners. Thread-safe.
 */
public interface PetitionEvents {

  /**
   * Subscribes to the events of this type (and its subtypes).
   *
   * @return the subscription; {@linkplain Subscription#close() closing} it ends it
   */
  <E extends PetitionEvent> Subscription subscribe(Class<E> type, Consumer<? super E> listener);

  /** Receives every event. */
  default Subscription onEvent(Consumer<? super PetitionEvent> listener) {
    return subscribe(PetitionEvent.class, listener);
  }

  /** A signing was taken (pending, held or confirmed at once). */
  default Subscription onSigned(Consumer<? super PetitionEvent.Signed> listener) {
    return subscribe(PetitionEvent.Signed.class, listener);
  }

  /** A signing was refused, silently or not. */
  default Subscription onRefused(Consumer<? super PetitionEvent.Refused> listener) {
    return subscribe(PetitionEvent.Refused.class, listener);
  }

  /** A signature was confirmed (counted, or held for a moderator). */
  default Subscription onConfirmed(Consumer<? super PetitionEvent.Confirmed> listener) {
    return subscribe(PetitionEvent.Confirmed.class, listener);
  }

  /** A signature was revoked, removed or erased. */
  default Subscription onRevoked(Consumer<? super PetitionEvent.Revoked> listener) {
    return subscribe(PetitionEvent.Revoked.class, listener);
  }

  /** A pending signature expired unconfirmed and was purged. */
  default Subscription onExpired(Consumer<? super PetitionEvent.Expired> listener) {
    return subscribe(PetitionEvent.Expired.class, listener);
  }

  /** A count crossed a milestone. */
  default Subscription onMilestone(Consumer<? super PetitionEvent.MilestoneReached> listener) {
    return subscribe(PetitionEvent.MilestoneReached.class, listener);
  }

  /** Many signings came from one source in a short time. */
  default Subscription onSurge(Consumer<? super PetitionEvent.SurgeDetected> listener) {
    return subscribe(PetitionEvent.SurgeDetected.class, listener);
  }
}
