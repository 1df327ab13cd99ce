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
