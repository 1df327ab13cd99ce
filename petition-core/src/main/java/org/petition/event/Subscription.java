package org.petition.event;

/** A listener's registration; closing it stops delivery. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

  /** Unsubscribes. Idempotent. */
  @Override
  void close();
}
