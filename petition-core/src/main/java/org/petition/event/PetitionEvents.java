package org.petition.event;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Typed subscriptions to a {@link org.petition.Petitions}' events. Listeners run synchronously on the
 * thread that caused the event, so they should be quick (or hand off); an exception in one listener is
 * logged and does not reach the signer or other listeners. Thread-safe.
 */
public final class PetitionEvents {

  private static final Logger LOG = LoggerFactory.getLogger(PetitionEvents.class);

  private final CopyOnWriteArrayList<Listener<?>> listeners = new CopyOnWriteArrayList<>();

  /** Receives every event. */
  public Subscription onEvent(Consumer<? super PetitionEvent> listener) {
    return subscribe(PetitionEvent.class, listener);
  }

  public Subscription onSigned(Consumer<? super PetitionEvent.Signed> listener) {
    return subscribe(PetitionEvent.Signed.class, listener);
  }

  public Subscription onRefused(Consumer<? super PetitionEvent.Refused> listener) {
    return subscribe(PetitionEvent.Refused.class, listener);
  }

  public Subscription onConfirmed(Consumer<? super PetitionEvent.Confirmed> listener) {
    return subscribe(PetitionEvent.Confirmed.class, listener);
  }

  public Subscription onRevoked(Consumer<? super PetitionEvent.Revoked> listener) {
    return subscribe(PetitionEvent.Revoked.class, listener);
  }

  public Subscription onExpired(Consumer<? super PetitionEvent.Expired> listener) {
    return subscribe(PetitionEvent.Expired.class, listener);
  }

  public Subscription onMilestone(Consumer<? super PetitionEvent.MilestoneReached> listener) {
    return subscribe(PetitionEvent.MilestoneReached.class, listener);
  }

  public Subscription onSurge(Consumer<? super PetitionEvent.SurgeDetected> listener) {
    return subscribe(PetitionEvent.SurgeDetected.class, listener);
  }

  /** Receives the events of one type. */
  public <E extends PetitionEvent> Subscription subscribe(Class<E> type, Consumer<? super E> listener) {
    Objects.requireNonNull(type, "event type must not be null");
    Objects.requireNonNull(listener, "listener must not be null");
    Listener<E> entry = new Listener<>(type, listener);
    listeners.add(entry);
    return () -> listeners.remove(entry);
  }

  /** Whether anyone listens; lets callers skip building events nobody receives. */
  public boolean hasListeners() {
    return !listeners.isEmpty();
  }

  /** Delivers an event to every matching listener. */
  public void publish(PetitionEvent event) {
    for (Listener<?> listener : listeners) {
      listener.offer(event);
    }
  }

  private record Listener<E extends PetitionEvent>(Class<E> type, Consumer<? super E> consumer) {
    void offer(PetitionEvent event) {
      if (type.isInstance(event)) {
        try {
          consumer.accept(type.cast(event));
        } catch (RuntimeException e) {
          LOG.warn("event listener failed on {} of petition {}", event.getClass().getSimpleName(), event.petition(), e);
        }
      }
    }
  }
}
