package org.petition.store.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.petition.store.InvitationStoreContract;
import org.petition.store.SignatureStore;

/** The invitation store contract on a real PostgreSQL (V11's tables), in a fresh database for this class. */
class PostgresInvitationStoreTest extends InvitationStoreContract {

  @RegisterExtension
  static final PostgresClassDatabase POSTGRES = new PostgresClassDatabase(10);

  @Override
  protected SignatureStore newStore() {
    return JdbcSignatureStore.builder(POSTGRES.pool()).build();
  }
}
