package org.petition.store.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.petition.store.SignatureStore;

/** The store contract on a real PostgreSQL, in a fresh database for this class, through a small pool. */
class PostgresSignatureStoreTest extends JdbcStoreContract {

  @RegisterExtension
  static final PostgresClassDatabase POSTGRES = new PostgresClassDatabase(10);

  @Override
  protected SignatureStore newStore() {
    return configure(JdbcSignatureStore.builder(POSTGRES.pool())).build();
  }

  /** A fresh database: the store plans its hot statements afresh (FreshPlans), as on a young table. */
  JdbcSignatureStore.Builder configure(JdbcSignatureStore.Builder builder) {
    return builder;
  }

  @Override
  protected javax.sql.DataSource dataSource() {
    return POSTGRES.pool();
  }
}
