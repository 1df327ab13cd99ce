package org.petition.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.spring.PetitionContextRunners.assertFailure;
import static org.petition.spring.PetitionContextRunners.confirmToken;
import static org.petition.spring.PetitionContextRunners.frank;
import static org.petition.spring.PetitionContextRunners.rootMessage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.petition.ConfirmResult;
import org.petition.Petitions;
import org.petition.spring.PetitionContextRunners;
import org.petition.spring.TestKeys;
import org.petition.spring.health.PetitionHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Keys that cannot silently change, and configuration checked before the database is touched, on a real
 * PostgreSQL database reached as an application reaches it: an application signs with one identity secret; a
 * restart with another, or without the data key that sealed its rows, stops naming the property; a rotation
 * that adds keys starts; health turns DOWN when the database's recorded keys stop matching. In core's test
 * package for its {@link PostgresServer}.
 */
class PostgresStarterKeysTest {

  private static final String IDENTITY_A = TestKeys.base64(32);
  private static final String TOKEN = TestKeys.base64(32);
  private static final String D1 = TestKeys.base64(32);
  private static final String LOG_SEED = TestKeys.base64(32);

  @Test
  void anotherIdentitySecretOrAMissingDataKeyStopsStartUpNamingTheProperty() throws Exception {
    PostgresServer.require();
    try (PostgresServer.TestDatabase database = PostgresServer.find().get().createDatabase()) {
      String[] datasource = datasource(database);

      app(datasource, IDENTITY_A, "d1=" + D1).run(context -> {
        assertThat(context).hasNotFailed();
        Petitions petitions = context.getBean(Petitions.class);
        petitions.sign(frank().build());
        assertThat(petitions.confirm(confirmToken(context, "frank@example.com")))
            .isEqualTo(new ConfirmResult.Confirmed(1));
        assertThat(context.getBean(PetitionHealthIndicator.class).health(true).getStatus()).isEqualTo(Status.UP);
      });

      String identityB = TestKeys.base64(32);
      app(datasource, identityB, "d1=" + D1).run(context -> {
        assertFailure(context, "petition.identity.secret", "is not the identity secret the stored signatures");
        assertThat(rootMessage(context)).doesNotContain(identityB).doesNotContain(IDENTITY_A);
      });

      String d2 = TestKeys.base64(32);
      app(datasource, IDENTITY_A, "d2=" + d2).run(context ->
          assertFailure(context, "petition.privacy.keys", "data key 'd1' sealed stored personal data"));

      // Rotation: a new data key added last, the old one kept for reading. Frank is still counted once.
      app(datasource, IDENTITY_A, "d1=" + D1, "d2=" + d2).run(context -> {
        assertThat(context).hasNotFailed();
        Petitions petitions = context.getBean(Petitions.class);
        petitions.sign(frank().build());
        assertThat(petitions.tally(PetitionContextRunners.SEED).orElseThrow().confirmed()).isEqualTo(1);
      });
    }
  }

  @Test
  void healthTurnsDownWhenTheDatabasesRecordedKeysNoLongerMatch() throws Exception {
    PostgresServer.require();
    try (PostgresServer.TestDatabase database = PostgresServer.find().get().createDatabase()) {
      String[] datasource = datasource(database);
      app(datasource, IDENTITY_A, "d1=" + D1).run(context -> {
        assertThat(context).hasNotFailed();
        // As if the database were restored from another deployment's backup under the running application.
        execute(database, "UPDATE petition.key_fingerprint SET fingerprint = 'AAAA' WHERE kind = 'IDENTITY'");
        Health health = context.getBean(PetitionHealthIndicator.class).health(true);
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("keys").toString()).contains("petition.identity.secret");
      });
    }
  }

  @Test
  void everyProblemIsReportedAtOnceAndNothingIsMigrated() throws Exception {
    PostgresServer.require();
    try (PostgresServer.TestDatabase database = PostgresServer.find().get().createDatabase()) {
      String shared = TestKeys.base64(32);
      new ApplicationContextRunner().withConfiguration(PetitionContextRunners.ALL)
          .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
          .withPropertyValues(datasource(database))
          .withPropertyValues("petition.identity.secret=" + shared, "petition.privacy.keys[0].id=d1",
              "petition.privacy.keys[0].secret=" + shared, "petition.store.schema=Bad-Name",
              "petition.checks.rate-limit.ip-burst.count=0")
          .run(context -> {
            assertThat(context).hasFailed();
            String message = rootMessage(context);
            assertThat(message).contains("petition.base-url: is not set", "petition.tokens.keys: no token key is set",
                "petition.store.schema", "petition.checks.rate-limit.ip-burst",
                "petition.privacy.keys[0].secret: is the same secret as petition.identity.secret")
                .doesNotContain(shared);
          });
      assertThat(query(database, "SELECT schema_name FROM information_schema.schemata"
          + " WHERE schema_name NOT IN ('public', 'information_schema') AND schema_name NOT LIKE 'pg_%'"))
          .as("no schema created, nothing migrated").isEmpty();
      assertThat(query(database, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
          .as("no table created").isEmpty();
    }
  }

  private static ApplicationContextRunner app(String[] datasource, String identity, String... dataKeys) {
    List<String> properties = new ArrayList<>(List.of("petition.base-url=https://petitions.example.org",
        "petition.tokens.keys[0].id=k1", "petition.tokens.keys[0].secret=" + TOKEN,
        "petition.identity.secret=" + identity, "petition.log.keys[0].name=keys-test",
        "petition.log.keys[0].seed=" + LOG_SEED));
    for (int i = 0; i < dataKeys.length; i++) {
      String[] idAndSecret = dataKeys[i].split("=", 2);
      properties.add("petition.privacy.keys[" + i + "].id=" + idAndSecret[0]);
      properties.add("petition.privacy.keys[" + i + "].secret=" + idAndSecret[1]);
    }
    properties.addAll(List.of(TestKeys.seedPetition(0)));
    return new ApplicationContextRunner().withConfiguration(PetitionContextRunners.ALL)
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
        .withPropertyValues(datasource).withPropertyValues(properties.toArray(String[]::new));
  }

  private static String url(PostgresServer.TestDatabase database) {
    // As an application connects: no schema in the URL.
    return database.url().replace("?currentSchema=petition,public", "").replace("&currentSchema=petition,public",
        "");
  }

  private static String[] datasource(PostgresServer.TestDatabase database) {
    return new String[] {"spring.datasource.url=" + url(database),
      "spring.datasource.username=" + database.server().user(),
      "spring.datasource.password=" + database.server().password()};
  }

  private static void execute(PostgresServer.TestDatabase database, String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(url(database), database.server().user(),
            database.server().password());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static List<String> query(PostgresServer.TestDatabase database, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url(database), database.server().user(),
            database.server().password());
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      while (row.next()) {
        rows.add(row.getString(1));
      }
    }
    return rows;
  }
}
