package org.petition.store.jdbc;

/**
 * The store contract on PostgreSQL with the statements a store sends once its tables are big: without the
 * setting that has them planned afresh, so the server keeps its plans (FreshPlans).
 */
class PostgresKeptPlansSignatureStoreTest extends PostgresSignatureStoreTest {

  @Override
  JdbcSignatureStore.Builder configure(JdbcSignatureStore.Builder builder) {
    return builder.freshPlansBelow(0);
  }
}
