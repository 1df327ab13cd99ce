package org.petition.store.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.petition.store.AccountStore;
import org.petition.store.AccountStoreContract;

/** The account store contract on a real PostgreSQL, in a fresh database for this class. */
class PostgresAccountStoreTest extends AccountStoreContract {

  @RegisterExtension
  static final PostgresClassDatabase POSTGRES = new PostgresClassDatabase(10);

  @Override
  protected AccountStore newStore() {
    return JdbcAccountStore.create(POSTGRES.pool());
  }
}
