package org.petition.spring;

import org.petition.Petitions;
import org.petition.store.jdbc.JdbcSignatureStore;
import org.springframework.beans.factory.DisposableBean;

/**
 * Hears of petition definitions changed by other instances on the JDBC store's database (LISTEN/NOTIFY on
 * PostgreSQL, {@link JdbcSignatureStore#onDefinitionsChanged}) and has {@link Petitions} read them again at
 * once; without it (H2, or the listener's connection lost) {@link Petitions} still checks the store's version
 * every second. Holds one connection of the pool while the application runs.
 */
public final class PetitionDefinitionChanges implements DisposableBean {

  private final AutoCloseable listener;

  PetitionDefinitionChanges(JdbcSignatureStore store, Petitions petitions) {
    this.listener = store.onDefinitionsChanged(petitions::refreshDefinitions);
  }

  @Override
  public void destroy() throws Exception {
    listener.close();
  }
}
