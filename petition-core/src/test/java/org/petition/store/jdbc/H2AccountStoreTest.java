package org.petition.store.jdbc;

import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.petition.store.AccountStore;
import org.petition.store.AccountStoreContract;

/** The account store contract on H2 in memory. */
class H2AccountStoreTest extends AccountStoreContract {

  private static JdbcConnectionPool pool;

  @BeforeAll
  static void createDatabase() {
    pool = JdbcConnectionPool.create("jdbc:h2:mem:accounts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    pool.setMaxConnections(16);
  }

  @AfterAll
  static void dropDatabase() {
    pool.dispose();
  }

  @Override
  protected AccountStore newStore() {
    return JdbcAccountStore.create(pool);
  }
}
