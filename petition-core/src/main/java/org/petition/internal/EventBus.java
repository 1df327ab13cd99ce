package org.petition.internal;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.petition.event.PetitionEvent;
import org.petition.event.PetitionEvents;
import org.petition.event.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place events are published; users see it as the subscribe-only {@link PetitionEvents}. */
public final class EventBus implements PetitionEvents {

  private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

  private final CopyOnWriteArrayList<Listener<?>> listeners = new CopyOnWriteArrayList<>();

  @Override
  public <E extends PetitionEvent> Subscription subscribe(Class<E> type, Consumer<? super E> listener) {
    Objects.requireNonNull(type, "event type must not be null");
    Objects.requireNonNull(listener, "listener must not be null");
    Listener<E> entry = new Listener<>(type, listener);
    listeners.add(entry);
    return () -> listeners.remove(entry);
  }

  /** Publishes the event the supplier makes, making it only when someone listens (the hot path's case). */
  public void publish(Supplier<? extends PetitionEvent> event) {
    if (!listeners.isEmpty()) {
      publish(event.get());
    }
  }

  public void publish(PetitionEvent event) {
    for (Listener<?> listener : listeners) {
      listener.offer(event);
    }
  }

  public boolean hasListeners() {
    return !listeners.isEmpty();
  }

  /**
   * Whether someone listens for events of {@code type}: the library's own listeners (photos: confirmations,
   * expiries, revocations) make {@link #hasListeners()} true on every instance, so the hot path asks about
   * the event it would build.
   */
  public boolean hasListeners(Class<? extends PetitionEvent> type) {
    for (Listener<?> listener : listeners) {
      if (listener.type().isAssignableFrom(type)) {
        return true;
      }
    }
    return false;
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
