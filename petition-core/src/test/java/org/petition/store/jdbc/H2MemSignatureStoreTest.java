package org.petition.store.jdbc;

import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.petition.store.SignatureStore;
import org.petition.store.SignatureStoreContract;

/** The store contract on H2 in memory, through H2's connection pool. */
class H2MemSignatureStoreTest extends SignatureStoreContract {

  private static JdbcConnectionPool pool;

  @BeforeAll
  static void createDatabase() {
    pool = JdbcConnectionPool.create("jdbc:h2:mem:petition-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    pool.setMaxConnections(16);
  }

  @AfterAll
  static void dropDatabase() {
    pool.dispose();
  }

  @Override
  protected SignatureStore newStore() {
    return JdbcSignatureStore.builder(pool).build();
  }
}
