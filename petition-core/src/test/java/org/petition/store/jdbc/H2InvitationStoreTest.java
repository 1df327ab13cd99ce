package org.petition.store.jdbc;

import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.petition.store.InvitationStoreContract;
import org.petition.store.SignatureStore;

/** The invitation store contract on H2 in memory (V11's tables). */
class H2InvitationStoreTest extends InvitationStoreContract {

  private static JdbcConnectionPool pool;

  @BeforeAll
  static void createDatabase() {
    pool = JdbcConnectionPool.create("jdbc:h2:mem:invite-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
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
