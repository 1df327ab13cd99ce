package org.petition.spring;

/**
 * Housekeeping run every {@code petition.purge.interval} on the petition maintenance thread: purging
 * unconfirmed signatures, deleting failed mail, and later retention. Declare a bean of this type to add one;
 * a task that throws is logged and does not stop the others.
 */
@FunctionalInterface
public interface PetitionMaintenanceTask {

  /** Runs once. */
  void run();
}
