package org.petition.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.petition.Petition;
import org.petition.store.PetitionStoreException;
import org.postgresql.ds.PGSimpleDataSource;

/** Building a store: argument checks, migration, and a database that is down. */
class JdbcSignatureStoreBuilderTest {

  private static JdbcDataSource h2() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:builder-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    return dataSource;
  }

  @Test
  void builderChecksItsArguments() {
    assertThatThrownBy(() -> JdbcSignatureStore.builder(null))
        .isInstanceOf(NullPointerException.class).hasMessage("dataSource must not be null");
    JdbcSignatureStore.Builder builder = JdbcSignatureStore.builder(h2());
    assertThatThrownBy(() -> builder.counterShards(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("counterShards must be between 1 and 1024, was 0");
    assertThatThrownBy(() -> builder.counterShards(1025))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("counterShards must be between 1 and 1024, was 1025");
    assertThat(builder.counterShards(1).build().counterShards()).isEqualTo(1);
    assertThat(JdbcSignatureStore.builder(h2()).build().counterShards()).isEqualTo(16);
  }

  @Test
  void aDatabaseThatIsDownIsAClearError() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort(); // closed again: nothing listens there
    }
    PGSimpleDataSource down = new PGSimpleDataSource();
    down.setURL("jdbc:postgresql://127.0.0.1:" + port + "/petition");
    down.setConnectTimeout(5);
    assertThatThrownBy(() -> JdbcSignatureStore.builder(down).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot reach the petition database: SQLState 08001");
    assertThatThrownBy(() -> JdbcSignatureStore.builder(down).migrate(false).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot reach the petition database");
  }

  @Test
  void migrationCreatesTheSchemaBesideTheApplicationsOwnTables() throws Exception {
    JdbcDataSource dataSource = h2();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      // An application's own table and Flyway history already there: the store must not mind either.
      statement.execute("CREATE TABLE app_user (id bigint PRIMARY KEY)");
      statement.execute("CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY)");
    }
    JdbcSignatureStore.builder(dataSource).build();
    JdbcSignatureStore.builder(dataSource).build(); // idempotent
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("SELECT LOWER(table_name) FROM information_schema.tables"
          + " WHERE table_schema = 'PETITION' ORDER BY 1")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      assertThat(tables).containsExactly("account", "co_signed", "co_signer", "co_signer_lock", "consent_chain_head",
          "consent_record", "invitation_attribution", "invitation_sent", "invitation_suppression", "invitation_tally",
          "key_fingerprint",
          "limit_state", "log_checkpoint", "log_entry", "log_head", "log_node", "log_secret", "moderation_action", "petition",
          "petition_schema_history", "signature", "signature_count", "signature_number", "signature_photo",
          "signature_purge_queue");
      // The application's schema holds only its own tables.
      List<String> application = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("SELECT LOWER(table_name) FROM information_schema.tables"
          + " WHERE table_schema = 'PUBLIC' ORDER BY 1")) {
        while (rows.next()) {
          application.add(rows.getString(1));
        }
      }
      assertThat(application).containsExactly("app_user", "flyway_schema_history");
      statement.execute("SET SCHEMA PETITION");
      // V4 (a PostgreSQL page setting) is recorded on H2 too, having changed nothing there.
      for (String version : List.of("1", "2", "3", "4", "5", "7", "8", "9", "14")) {
        try (ResultSet rows = statement.executeQuery("SELECT \"version\", \"success\" FROM"
            + " \"petition_schema_history\" WHERE \"version\" = '" + version + "'")) {
          assertThat(rows.next()).isTrue();
          assertThat(rows.getBoolean(2)).isTrue();
        }
      }
      // The consent ledger's 16 chain heads, empty.
      try (ResultSet rows = statement.executeQuery("SELECT COUNT(*), MIN(sequence), MAX(sequence) FROM"
          + " consent_chain_head")) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(16);
        assertThat(rows.getLong(2)).isEqualTo(-1);
        assertThat(rows.getLong(3)).isEqualTo(-1);
      }
    }
  }

  @Test
  void anH2DatabaseMigratedBeforeThereWasASchemaSettingKeepsItsTablesInPublic() throws Exception {
    JdbcDataSource dataSource = h2();
    // As earlier versions migrated (the demo's H2 file, for one): into PUBLIC, here up to V3.
    org.flywaydb.core.Flyway.configure(getClass().getClassLoader()).dataSource(dataSource)
        .locations("classpath:db/petition/migration").table("petition_schema_history").baselineOnMigrate(true)
        .baselineVersion("0").target("3").load().migrate();
    JdbcSignatureStore first = JdbcSignatureStore.builder(dataSource).build();
    first.savePetition(Petition.builder("kept").title("Kept").goal(10).build());
    long id = ((org.petition.store.InsertOutcome.Inserted) first.insert(
        org.petition.store.TestSignatures.on("kept", "a@example.org").build(), false)).id();
    first.confirm(id, java.time.Instant.parse("2026-03-01T10:00:00Z"));
    assertThat(JdbcSignatureStore.builder(dataSource).build().counts("kept").total()).isEqualTo(1);
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT (SELECT COUNT(*) FROM PUBLIC.signature),"
            + " (SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = 'PETITION')")) {
      rows.next();
      assertThat(rows.getLong(1)).isEqualTo(1);
      assertThat(rows.getLong(2)).isZero();
    }
  }

  @Test
  void aSchemaNameThatIsNotAPlainIdentifierIsRefused() {
    assertThatThrownBy(() -> JdbcSignatureStore.builder(h2()).schema("Petition"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("schema must be an unquoted SQL identifier: 1 to 63 of [a-z0-9_], not starting with a digit"
            + " or pg_ (for example petition), was 'Petition'");
    assertThatThrownBy(() -> JdbcConsentLedger.builder(h2()).schema("x-y"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JdbcAccountStore.create(h2(), false, "x y"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withoutMigrationAnUnmigratedDatabaseFailsOnUseNotOnBuild() {
    JdbcSignatureStore store = JdbcSignatureStore.builder(h2()).migrate(false).build();
    assertThatThrownBy(() -> store.savePetition(Petition.builder("p").title("P").build()))
        .isInstanceOf(PetitionStoreException.class)
        // The schema is not there either: H2 refuses to switch to it (90079) before the table is looked for.
        .hasMessageContaining("failed, nothing was changed (SQLState 90079: Schema \"PETITION\" not found")
        .satisfies(e -> assertThat(((PetitionStoreException) e).outcomeUnknown()).isFalse());
  }

  @Test
  void anUnsupportedDatabaseIsRefused() {
    // H2 in its PostgreSQL mode still says H2, so this uses a data source that claims to be another product.
    javax.sql.DataSource other = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
          if (method.getName().equals("getConnection")) {
            return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (c, m, a) -> switch (m.getName()) {
                  case "getMetaData" -> java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                      new Class<?>[] {java.sql.DatabaseMetaData.class}, (d, dm, da) -> "SomeDB");
                  case "close" -> null;
                  default -> throw new UnsupportedOperationException(m.getName());
                });
          }
          throw new UnsupportedOperationException(method.getName());
        });
    assertThatThrownBy(() -> JdbcSignatureStore.builder(other).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the petition store runs on PostgreSQL 15+ or H2 2.x, not SomeDB");
  }
}
