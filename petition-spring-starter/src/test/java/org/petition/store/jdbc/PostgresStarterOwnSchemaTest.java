package org.petition.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.spring.PetitionContextRunners.confirmToken;
import static org.petition.spring.PetitionContextRunners.frank;
import static org.petition.spring.PetitionContextRunners.runner;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.petition.ConfirmResult;
import org.petition.Petitions;
import org.petition.spring.TestKeys;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;

/**
 * A Boot application on a real PostgreSQL database that already has its own {@code account}, {@code petition}
 * and {@code signature} tables and {@code account_id_seq} in {@code public}: the starter starts, its store
 * migrates into schema {@code petition}, signs and confirms, and the application's tables are untouched. In
 * core's test package for its {@link PostgresServer}.
 */
class PostgresStarterOwnSchemaTest {

  @Test
  void aBootAppStartsOnADatabaseWithTablesOfItsOwn() throws Exception {
    PostgresServer.require();
    try (PostgresServer.TestDatabase database = PostgresServer.find().get().createDatabase()) {
      // As an application connects: no schema in the URL.
      String url = database.url().replace("?currentSchema=petition,public", "")
          .replace("&currentSchema=petition,public", "");
      String user = database.server().user();
      String password = database.server().password();
      try (Connection connection = DriverManager.getConnection(url, user, password);
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE account (id bigserial PRIMARY KEY, login text NOT NULL)");
        statement.execute("CREATE TABLE petition (slug text PRIMARY KEY, subject text)");
        statement.execute("CREATE TABLE signature (id bigserial PRIMARY KEY, who text)");
        statement.execute("INSERT INTO account (login) VALUES ('app-user')");
      }
      runner().withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
          .withPropertyValues(TestKeys.seedPetition(0))
          .withPropertyValues("spring.datasource.url=" + url, "spring.datasource.username=" + user,
              "spring.datasource.password=" + password)
          .run(context -> {
            assertThat(context).hasNotFailed();
            Petitions petitions = context.getBean(Petitions.class);
            petitions.sign(frank().build());
            assertThat(petitions.confirm(confirmToken(context, "frank@example.com")))
                .isEqualTo(new ConfirmResult.Confirmed(1));
          });
      try (Connection connection = DriverManager.getConnection(url, user, password);
          Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SELECT (SELECT COUNT(*) FROM public.account),"
              + " (SELECT last_value FROM public.account_id_seq), (SELECT COUNT(*) FROM public.signature),"
              + " (SELECT COUNT(*) FROM public.petition), (SELECT COUNT(*) FROM petition.signature),"
              + " (SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'),"
              + " (SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'petition'"
              + " AND table_name = 'petition_schema_history')")) {
        row.next();
        assertThat(row.getLong(1)).as("the application's accounts").isEqualTo(1);
        assertThat(row.getLong(2)).as("the application's account_id_seq").isEqualTo(1);
        assertThat(row.getLong(3)).as("the application's signatures").isZero();
        assertThat(row.getLong(4)).as("the application's petitions").isZero();
        assertThat(row.getLong(5)).as("the store's signatures").isEqualTo(1);
        assertThat(row.getLong(6)).as("the application's tables, and no others").isEqualTo(3);
        assertThat(row.getLong(7)).as("the store's Flyway history in its schema").isEqualTo(1);
      }
    }
  }
}
