package org.petition.store.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.petition.store.InvitationStoreContract;
import org.petition.store.SignatureStore;

/** The invitation store contract on a real PostgreSQL (V11's tables), in a fresh database for this class. */
class PostgresInvitationStoreTest extends InvitationStoreContract {

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
