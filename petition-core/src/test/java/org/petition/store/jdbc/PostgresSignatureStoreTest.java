package org.petition.store.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.petition.store.SignatureStore;

/** The store contract on a real PostgreSQL, in a fresh database for this class, through a small pool. */
class PostgresSignatureStoreTest extends JdbcStoreContract {

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
    return configure(JdbcSignatureStore.builder(pool)).build();
  }

  /** A fresh database: the store plans its hot statements afresh (FreshPlans), as on a young table. */
  JdbcSignatureStore.Builder configure(JdbcSignatureStore.Builder builder) {
    return builder;
  }

  @Override
  protected javax.sql.DataSource dataSource() {
    return pool;
  }
}
