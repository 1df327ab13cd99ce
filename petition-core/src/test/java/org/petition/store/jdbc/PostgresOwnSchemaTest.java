package org.petition.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.petition.Petition;
import org.petition.store.ConfirmOutcome;
import org.petition.store.InsertOutcome;
import org.petition.store.StoredAccount;
import org.petition.store.TestSignatures;

/**
 * The store in a schema of its own on PostgreSQL: beside an application that has its own {@code account},
 * {@code petition} and {@code signature} tables and {@code account_id_seq} in {@code public}, under another
 * schema name, and on a database migrated before there was a schema setting. Each test has a database of its
 * own, reached as an application reaches it (no schema in the URL).
 */
class PostgresOwnSchemaTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void startsBesideTheApplicationsOwnTablesOfTheSameNamesAndLeavesThemAlone() throws Exception {
    PostgresServer.require();
    try (PostgresServer.TestDatabase database = PostgresServer.find().get().createDatabase();
        TinyPool pool = applicationPool(database)) {
      try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
        // The application's own tables, named as the store's are, with a row each.
        statement.execute("CREATE TABLE account (id bigserial PRIMARY KEY, login text NOT NULL)");
        statement.execute("CREATE TABLE petition (slug text PRIMARY KEY, subject text)");
        statement.execute("CREATE TABLE signature (id bigserial PRIMARY KEY, petition text, who text)");
        statement.execute("INSERT INTO account (login) VALUES ('app-user')");
        statement.execute("INSERT INTO petition VALUES ('app-petition', 'the application''s own')");
        statement.execute("INSERT INTO signature (petition, who) VALUES ('app-petition', 'someone')");
      }
      List<String> applicationBefore = describe(pool, "public");

      JdbcSignatureStore store = JdbcSignatureStore.builder(pool).build();
      JdbcAccountStore accounts = JdbcAccountStore.create(pool);
      Petition petition = Petition.builder("own-schema").title("Own schema").goal(10).build();
      store.savePetition(petition);
      long id = ((InsertOutcome.Inserted) store.insert(TestSignatures.on("own-schema", "a@example.org").build(),
          false)).id();
      assertThat(store.confirm(id, T0)).isInstanceOf(ConfirmOutcome.Counted.class);
      assertThat(store.counts("own-schema").total()).isEqualTo(1);
      Optional<StoredAccount> account = accounts.create(new StoredAccount(0, new byte[] {1, 2, 3},
          new byte[] {4}, "hash", T0, null));
      assertThat(account).isPresent();

      // The application's tables, columns, rows and sequence are as they were; the store's are in petition.
      assertThat(describe(pool, "public")).isEqualTo(applicationBefore);
      assertThat(tables(pool, "public")).containsExactly("account", "petition", "signature");
      assertThat(tables(pool, "petition")).contains("account", "petition", "signature", "signature_count",
          "petition_schema_history");
      assertThat(query(pool, "SELECT last_value FROM public.account_id_seq")).isEqualTo("1");
      assertThat(query(pool, "SELECT COUNT(*) FROM petition.signature")).isEqualTo("1");
      // The per-petition number sequence was created in the store's schema too.
      assertThat(query(pool, "SELECT schemaname FROM pg_sequences WHERE sequencename = 'petition_number_own_schema'"))
          .isEqualTo("petition");
      // Connections go back to the pool as the application had them.
      assertThat(query(pool, "SHOW search_path")).isEqualTo("\"$user\", public");

      // A restart finds its tables and its count.
      JdbcSignatureStore again = JdbcSignatureStore.builder(pool).build();
      assertThat(again.counts("own-schema").total()).isEqualTo(1);
      assertThat(describe(pool, "public")).isEqualTo(applicationBefore);
    }
  }

  @Test
  void anotherSchemaNameIsUsedAsGiven() throws Exception {
    PostgresServer.require();
    try (PostgresServer.TestDatabase database = PostgresServer.find().get().createDatabase();
        TinyPool pool = applicationPool(database)) {
      JdbcSignatureStore store = JdbcSignatureStore.builder(pool).schema("petition_store").build();
      store.savePetition(Petition.builder("elsewhere").title("Elsewhere").goal(10).build());
      long id = ((InsertOutcome.Inserted) store.insert(TestSignatures.on("elsewhere", "b@example.org").build(),
          false)).id();
      assertThat(store.confirm(id, T0)).isInstanceOf(ConfirmOutcome.Counted.class);
      assertThat(tables(pool, "petition_store")).contains("petition", "signature", "petition_schema_history");
      assertThat(tables(pool, "petition")).isEmpty();
      assertThat(tables(pool, "public")).isEmpty();
    }
  }

  @Test
  void aDatabaseMigratedBeforeThereWasASchemaSettingKeepsItsTablesWhereTheyAre() throws Exception {
    PostgresServer.require();
    try (PostgresServer.TestDatabase database = PostgresServer.find().get().createDatabase();
        TinyPool pool = applicationPool(database)) {
      // As earlier versions migrated: into the connection's default schema.
      Flyway.configure(getClass().getClassLoader()).dataSource(pool).locations("classpath:db/petition/migration")
          .table("petition_schema_history").baselineOnMigrate(true).baselineVersion("0").target("3").load()
          .migrate(); // the store migrates V4 and V5 where these are
      JdbcSignatureStore store = JdbcSignatureStore.builder(pool).build();
      store.savePetition(Petition.builder("old").title("Old").goal(10).build());
      long id = ((InsertOutcome.Inserted) store.insert(TestSignatures.on("old", "c@example.org").build(), false))
          .id();
      assertThat(store.confirm(id, T0)).isInstanceOf(ConfirmOutcome.Counted.class);
      assertThat(query(pool, "SELECT COUNT(*) FROM public.signature")).isEqualTo("1");
      assertThat(query(pool, "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = 'petition'"))
          .isEqualTo("0");
    }
  }

  @Test
  void aSchemaNameThatIsNotAPlainIdentifierIsRefused() {
    for (String name : List.of("", "Petition", "1petition", "pg_petition", "petition;drop", "\"petition\"",
        "information_schema", "a".repeat(64))) {
      assertThatThrownBy(() -> JdbcSignatureStore.builder(new TinyPool("jdbc:postgresql://nowhere/x", "u", "p", 1))
          .schema(name)).as(name).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("schema must be an unquoted SQL identifier");
    }
  }

  private static TinyPool applicationPool(PostgresServer.TestDatabase database) {
    String url = database.url().replace("?currentSchema=petition,public", "").replace("&currentSchema=petition,public",
        "");
    return new TinyPool(url, database.server().user(), database.server().password(), 4);
  }

  private static List<String> tables(TinyPool pool, String schema) throws SQLException {
    return rows(pool, "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1", schema);
  }

  /** Every column of every table and every sequence of the schema, with the rows of its tables as text. */
  private static List<String> describe(TinyPool pool, String schema) throws SQLException {
    List<String> description = new ArrayList<>(rows(pool, "SELECT table_name || '.' || column_name || ' '"
        + " || data_type FROM information_schema.columns WHERE table_schema = ? ORDER BY 1", schema));
    description.addAll(rows(pool, "SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = ?"
        + " ORDER BY 1", schema));
    for (String table : tables(pool, schema)) {
      description.addAll(rows(pool, "SELECT t::text FROM " + schema + "." + table + " t ORDER BY 1"));
    }
    return description;
  }

  private static List<String> rows(TinyPool pool, String sql, String... parameters) throws SQLException {
    try (Connection connection = pool.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      List<String> rows = new ArrayList<>();
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          rows.add(row.getString(1));
        }
      }
      return rows;
    }
  }

  private static String query(TinyPool pool, String sql) throws SQLException {
    List<String> rows = rows(pool, sql);
    return rows.isEmpty() ? null : rows.get(0);
  }
}
