package org.petition.store.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.petition.store.SignatureStore;
import org.petition.store.SignatureStoreContract;

/** The store contract on a real PostgreSQL, in a fresh database for this class, through a small pool. */
class PostgresSignatureStoreTest extends SignatureStoreContract {

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
  protected SignatureStore newStore() {
    PostgresServer.require(); // skips each test (counted as skipped) when there is no PostgreSQL
    return JdbcSignatureStore.builder(pool).build();
  }
}
