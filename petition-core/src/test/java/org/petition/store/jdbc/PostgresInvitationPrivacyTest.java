package org.petition.store.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import java.util.ArrayList;
import java.util.List;
import org.petition.invite.InvitationPrivacyContract;
import org.petition.store.SignatureStore;

/**
 * What is kept of invitations on a real PostgreSQL (V11's tables, V16's tally), each test in a schema of its own
 * in a fresh database for this class.
 */
class PostgresInvitationPrivacyTest extends InvitationPrivacyContract {

  @RegisterExtension
  static final PostgresClassDatabase POSTGRES = new PostgresClassDatabase(8);
  private static final List<String> SCHEMAS = new ArrayList<>();

  @Override
  protected SignatureStore newStore() {
    String schema = "invitations_" + SCHEMAS.size();
    SCHEMAS.add(schema);
    return JdbcSignatureStore.builder(POSTGRES.pool()).schema(schema).build();
  }
}
