package org.petition.store.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.petition.store.PetitionStoreException;
import org.petition.store.TestSignatures;
import org.petition.store.SignatureStore;

/** The store contract on H2 in memory, through H2's connection pool. */
class H2MemSignatureStoreTest extends JdbcStoreContract {

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

  @Test
  void signaturesNeedASavedPetition() {
    assertThatThrownBy(() -> store.insert(TestSignatures.on("never-saved", "a@example.org").build(), false))
        .isInstanceOf(PetitionStoreException.class)
        .hasMessageStartingWith("insert signature failed, nothing was changed (SQLState 23506");
    assertThatThrownBy(() -> store.insert(TestSignatures.on("never-saved", "a@example.org").build(), true))
        .isInstanceOf(PetitionStoreException.class);
  }

  @Override
  protected SignatureStore newStore() {
    return JdbcSignatureStore.builder(pool).build();
  }

  @Override
  protected javax.sql.DataSource dataSource() {
    return pool;
  }

  @Override
  protected boolean coSigningLocksSigners() {
    return false; // H2 takes no advisory lock (see CoSignings)
  }
}
