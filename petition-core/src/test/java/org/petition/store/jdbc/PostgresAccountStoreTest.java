package org.petition.store.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.petition.store.AccountStore;
import org.petition.store.AccountStoreContract;

/** The account store contract on a real PostgreSQL, in a fresh database for this class. */
class PostgresAccountStoreTest extends AccountStoreContract {

  private static PostgresServer.TestDatabase database;
  private static TinyPool pool;

  @BeforeAll
  static void createDatabase() throws Exception {
    if (PostgresServer.find().isPresent()) {
      database = PostgresServer.find().get().createDatabase();
      pool = database.pool(10);
    }
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    if (pool != null) {
      pool.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Override
  protected AccountStore newStore() {
    PostgresServer.require(); // skips each test (counted as skipped) when there is no PostgreSQL
    return JdbcAccountStore.create(pool);
  }
}
