package org.petition.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.petition.invite.InvitationPrivacyContract;
import org.petition.store.SignatureStore;

/**
 * What is kept of invitations on a real PostgreSQL (V11's tables, V16's tally), each test in a schema of its own
 * in a fresh database for this class.
 */
class PostgresInvitationPrivacyTest extends InvitationPrivacyContract {

  private static PostgresServer.TestDatabase database;
  private static TinyPool pool;
  private static final List<String> SCHEMAS = new ArrayList<>();

  @BeforeAll
  static void createDatabase() throws Exception {
    if (PostgresServer.find().isPresent()) {
      database = PostgresServer.find().get().createDatabase();
      pool = database.pool(8);
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
    String schema = "invitations_" + SCHEMAS.size();
    SCHEMAS.add(schema);
    return JdbcSignatureStore.builder(pool).schema(schema).build();
  }
}
