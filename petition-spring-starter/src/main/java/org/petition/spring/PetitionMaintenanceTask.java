package org.petition.spring;

/**
 * Part of the scheduled maintenance, run every {@code petition.maintenance.interval} on the petition
 * maintenance thread: the purge of unconfirmed signatures, retention, the deletion of failed mail. Declare a
 * bean of this type to add one; a task that throws is logged and does not stop the others.
 */
@FunctionalInterface
public interface PetitionMaintenanceTask {

  /** Runs once. */
  void run();
}
