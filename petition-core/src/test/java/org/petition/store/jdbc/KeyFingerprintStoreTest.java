package org.petition.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.petition.Petitions;
import org.petition.mail.InMemoryOutbox;
import org.petition.privacy.DataKey;
import org.petition.privacy.DataKeys;
import org.petition.store.KeyFingerprint;
import org.petition.testing.Fixtures;
import org.petition.token.TokenKey;
import org.petition.token.Tokens;

/**
 * The JDBC store's key fingerprints (migration V7) on PostgreSQL and H2: recorded at the first start, shared by
 * every store instance over the database, and another identity secret refused by the next start.
 */
class KeyFingerprintStoreTest {

  private final byte[] identityA = Fixtures.randomBytes(32);
  private final DataKey d1 = new DataKey("d1", Fixtures.randomBytes(32));
  private final TokenKey t1 = TokenKey.of("t1", Fixtures.randomBytes(32));

  @Test
  void postgresRecordsTheKeysAndRefusesAnotherIdentitySecretFromAnotherInstance() throws Exception {
    PostgresServer.require();
    try (PostgresServer.TestDatabase database = PostgresServer.find().get().createDatabase();
        TinyPool pool = new TinyPool(database.url(), database.server().user(), database.server().password(), 4)) {
      refusesAnotherIdentitySecret(pool);
    }
  }

  @Test
  void h2RecordsTheKeysAndRefusesAnotherIdentitySecretFromAnotherInstance() {
    JdbcConnectionPool pool =
        JdbcConnectionPool.create("jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    try {
      refusesAnotherIdentitySecret(pool);
    } finally {
      pool.dispose();
    }
  }

  private void refusesAnotherIdentitySecret(DataSource dataSource) {
    petitions(JdbcSignatureStore.builder(dataSource).build(), identityA);
    JdbcSignatureStore second = JdbcSignatureStore.builder(dataSource).build();
    assertThat(second.keyFingerprints()).extracting(KeyFingerprint::kind, KeyFingerprint::keyId, KeyFingerprint::sealed)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(KeyFingerprint.Kind.IDENTITY, "identity", false),
            org.assertj.core.groups.Tuple.tuple(KeyFingerprint.Kind.DATA, "d1", true),
            org.assertj.core.groups.Tuple.tuple(KeyFingerprint.Kind.TOKEN, "t1", false));
    // Never the key itself: the fingerprint is an HMAC of a label, not the secret's base64.
    assertThat(second.keyFingerprints()).extracting(KeyFingerprint::fingerprint)
        .doesNotContain(java.util.Base64.getEncoder().encodeToString(identityA));

    petitions(second, identityA); // the same keys start again
    assertThatThrownBy(() -> petitions(JdbcSignatureStore.builder(dataSource).build(), Fixtures.randomBytes(32)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not the identity secret the stored signatures were hashed with");
    // Recording twice (two instances starting together) keeps one row per key.
    second.recordKeyFingerprints(second.keyFingerprints());
    assertThat(second.keyFingerprints()).hasSize(3);
  }

  private Petitions petitions(JdbcSignatureStore store, byte[] identity) {
    return Petitions.builder().store(store).identitySecret(identity).dataKeys(DataKeys.of(List.of(d1)))
        .tokenKeys(Tokens.of(t1)).sender(InMemoryOutbox.ofDefaults()).baseUrl("https://petitions.example.org")
        .build();
  }
}
