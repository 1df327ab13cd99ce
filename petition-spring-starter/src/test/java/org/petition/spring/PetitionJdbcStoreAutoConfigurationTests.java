package org.petition.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.spring.PetitionContextRunners.assertFailure;
import static org.petition.spring.PetitionContextRunners.confirmToken;
import static org.petition.spring.PetitionContextRunners.frank;
import static org.petition.spring.PetitionContextRunners.h2;
import static org.petition.spring.PetitionContextRunners.runner;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.petition.Petitions;
import org.petition.SignResult;
import org.petition.Violation;
import org.petition.check.LimitStore;
import org.petition.store.jdbc.JdbcLimitStore;
import org.petition.store.SignatureStore;
import org.petition.store.jdbc.JdbcSignatureStore;
import org.petition.store.memory.InMemorySignatureStore;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@link PetitionJdbcStoreAutoConfiguration}: the JDBC store over the application's one DataSource. */
class PetitionJdbcStoreAutoConfigurationTests {

  @Test
  void withADataSourceSignaturesGoToTheJdbcStoreAndSurviveARestart() {
    ApplicationContextRunner database = runner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
        .withPropertyValues(TestKeys.seedPetition(0))
        .withPropertyValues("spring.datasource.url=jdbc:h2:mem:jdbcstore;DB_CLOSE_DELAY=-1",
            "petition.store.counter-shards=4", "petition.store.batch-size=16", "petition.store.concurrent-batches=2");
    String[] keys = TestKeys.required();
    database.withPropertyValues(keys).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).getBean(SignatureStore.class).isInstanceOf(JdbcSignatureStore.class);
      JdbcSignatureStore jdbc = (JdbcSignatureStore) context.getBean(SignatureStore.class);
      assertThat(jdbc.counterShards()).isEqualTo(4);
      assertThat(jdbc.batchSize()).isEqualTo(16);
      assertThat(jdbc.concurrentBatches()).isEqualTo(2);
      Petitions petitions = context.getBean(Petitions.class);
      petitions.sign(frank().build());
      assertThat(petitions.confirm(confirmToken(context, "frank@example.com")))
          .isEqualTo(new org.petition.ConfirmResult.Confirmed(1));
    });
    database.withPropertyValues(keys).run(context ->
        assertThat(context.getBean(Petitions.class).tally("us-troops-out-of-korea").orElseThrow().confirmed())
            .isEqualTo(1));
    database.withPropertyValues("petition.store.counter-shards=0")
        .run(context -> assertFailure(context, "petition.store.counter-shards", "between 1 and 1024"));
    database.withPropertyValues("petition.store.batch-size=0")
        .run(context -> assertFailure(context, "petition.store.batch-size", "between 1 and 256"));
    database.withPropertyValues("petition.store.concurrent-batches=0")
        .run(context -> assertFailure(context, "petition.store.concurrent-batches", "at least 1"));
  }

  @Test
  void withTheJdbcStoreTheLimitsAreSharedByEveryContextOnTheDatabase() {
    ApplicationContextRunner database = runner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
        .withPropertyValues(TestKeys.seedPetition(0))
        .withPropertyValues(TestKeys.required())
        .withPropertyValues("spring.datasource.url=jdbc:h2:mem:sharedlimits;DB_CLOSE_DELAY=-1");
    database.run(first -> database.run(second -> {
      assertThat(first).getBean(LimitStore.class).isInstanceOf(JdbcLimitStore.class);
      Petitions one = first.getBean(Petitions.class);
      Petitions two = second.getBean(Petitions.class);
      assertThat(one.sign(frank().ip("203.0.113.40").build())).isInstanceOf(SignResult.Pending.class);
      SignResult refused = two.sign(frank().email("other@example.com").ip("203.0.113.40").build());
      assertThat(refused).isInstanceOfSatisfying(SignResult.Rejected.class, rejected ->
          assertThat(rejected.violations()).extracting(Violation::code).containsExactly("rate.limited"));
    }));
    database.withPropertyValues("petition.store.shared-limits=false")
        .run(context -> assertThat(context).doesNotHaveBean(LimitStore.class));
    database.withPropertyValues("petition.store.limit-states=10")
        .run(context -> assertFailure(context, "petition.store.limit-states", "at least 1000"));
  }

  @Test
  void theStoreHasItsOwnSchemaBesideTheApplicationsTablesOfTheSameNames() throws Exception {
    String url = "jdbc:h2:mem:ownschema;DB_CLOSE_DELAY=-1";
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "sa", "");
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute("CREATE SEQUENCE account_id_seq");
      statement.execute("CREATE TABLE account (id BIGINT DEFAULT NEXT VALUE FOR account_id_seq PRIMARY KEY,"
          + " login VARCHAR)");
      statement.execute("CREATE TABLE petition (slug VARCHAR PRIMARY KEY, subject VARCHAR)");
      statement.execute("CREATE TABLE signature (id BIGINT PRIMARY KEY, who VARCHAR)");
      statement.execute("INSERT INTO account (login) VALUES ('app-user')");
    }
    ApplicationContextRunner database = runner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
        .withPropertyValues(TestKeys.seedPetition(0))
        .withPropertyValues("spring.datasource.url=" + url);
    database.run(context -> {
      assertThat(context).hasNotFailed();
      Petitions petitions = context.getBean(Petitions.class);
      petitions.sign(frank().build());
      assertThat(petitions.confirm(confirmToken(context, "frank@example.com")))
          .isEqualTo(new org.petition.ConfirmResult.Confirmed(1));
    });
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "sa", "");
        java.sql.Statement statement = connection.createStatement();
        java.sql.ResultSet row = statement.executeQuery("SELECT (SELECT COUNT(*) FROM PUBLIC.account),"
            + " (SELECT COUNT(*) FROM PUBLIC.signature), (SELECT COUNT(*) FROM PETITION.signature),"
            + " (SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'PUBLIC'),"
            + " (SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'PETITION'"
            + " AND LOWER(table_name) = 'petition_schema_history')")) {
      row.next();
      assertThat(row.getLong(1)).as("the application's accounts").isEqualTo(1);
      assertThat(row.getLong(2)).as("the application's signatures").isZero();
      assertThat(row.getLong(3)).as("the store's signatures").isEqualTo(1);
      assertThat(row.getLong(4)).as("the application's tables, and no others").isEqualTo(3);
      assertThat(row.getLong(5)).as("the store's Flyway history in its schema").isEqualTo(1);
    }
  }

  @Test
  void theStoresSchemaIsSetByPetitionStoreSchemaAndAnInvalidNameStopsStartUpBeforeMigrating() {
    ApplicationContextRunner database = runner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
        .withPropertyValues(TestKeys.seedPetition(0))
        .withPropertyValues("spring.datasource.url=jdbc:h2:mem:namedschema;DB_CLOSE_DELAY=-1");
    database.withPropertyValues("petition.store.schema=Petition-Store").run(context -> {
      assertFailure(context, "petition.store.schema", "unquoted SQL identifier");
      assertThat(org.petition.spring.PetitionConfigurationException.class.cast(findConfiguration(context))
          .action()).contains("petition.store.schema").contains("petition_store");
      try (java.sql.Connection connection =
              java.sql.DriverManager.getConnection("jdbc:h2:mem:namedschema;DB_CLOSE_DELAY=-1", "sa", "");
          java.sql.ResultSet row = connection.createStatement().executeQuery("SELECT COUNT(*) FROM"
              + " information_schema.tables WHERE LOWER(table_name) = 'petition_schema_history'")) {
        row.next();
        assertThat(row.getLong(1)).as("nothing migrated").isZero();
      }
    });
    database.withPropertyValues("petition.store.schema=app_petitions").run(context -> {
      assertThat(context).hasNotFailed();
      try (java.sql.Connection connection = context.getBean(DataSource.class).getConnection();
          java.sql.ResultSet row = connection.createStatement().executeQuery("SELECT COUNT(*) FROM"
              + " information_schema.tables WHERE table_schema = 'APP_PETITIONS'"
              + " AND LOWER(table_name) IN ('signature', 'petition_schema_history')")) {
        row.next();
        assertThat(row.getLong(1)).isEqualTo(2);
      }
    });
  }

  private static Throwable findConfiguration(
      org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider<?> context) {
    Throwable failure = context.getStartupFailure();
    while (failure != null && !(failure instanceof org.petition.spring.PetitionConfigurationException)) {
      failure = failure.getCause();
    }
    return failure;
  }

  @Test
  void withoutADataSourceTheStoreIsInMemory() {
    runner().run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).getBean(SignatureStore.class).isInstanceOf(InMemorySignatureStore.class);
    });
  }

  @Test
  void twoDataSourcesWithoutAPrimaryOneLeaveTheStoreInMemory() {
    runner().withBean("first", DataSource.class, () -> h2("first"))
        .withBean("second", DataSource.class, () -> h2("second"))
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).getBean(SignatureStore.class).isInstanceOf(InMemorySignatureStore.class);
        });
  }

  @Test
  void theApplicationsOwnStoreWinsOverTheDataSource() {
    SignatureStore own = new InMemorySignatureStore();
    runner().withBean(DataSource.class, () -> h2("own-store"))
        .withBean("myStore", SignatureStore.class, () -> own)
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).hasSingleBean(SignatureStore.class);
          assertThat(context.getBean(Petitions.class).store()).isSameAs(own);
        });
  }
}
