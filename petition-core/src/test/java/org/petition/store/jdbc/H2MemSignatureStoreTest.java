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

  @Test
  void aStoreBuiltWithoutCoSigningKeepsNoLinksAndAnswersNoPairs() {
    SignatureStore plain = JdbcSignatureStore.builder(pool).coSigning(false).build();
    String a = "nc-" + UUID.randomUUID().toString().substring(0, 8);
    String b = "nc-" + UUID.randomUUID().toString().substring(0, 8);
    for (String slug : java.util.List.of(a, b)) {
      plain.savePetition(org.petition.Petition.builder(slug).title("No co-signing").build());
    }
    for (int i = 0; i < 6; i++) {
      for (String slug : java.util.List.of(a, b)) {
        plain.insert(TestSignatures.on(slug, "nc" + i + "@example.org").build(), true);
      }
    }
    org.assertj.core.api.Assertions.assertThat(plain.counts(a).total()).isEqualTo(6);
    org.assertj.core.api.Assertions.assertThat(plain.coSigned(a, 1, 10)).isEmpty();
    // The same database read by a store that keeps co-signing: nothing was written.
    org.assertj.core.api.Assertions.assertThat(store.coSigned(a, 1, 10)).isEmpty();
  }

  @Override
  protected SignatureStore newStore() {
    return JdbcSignatureStore.builder(pool).build();
  }

  @Override
  protected javax.sql.DataSource dataSource() {
    return pool;
  }

}
