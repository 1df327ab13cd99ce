package org.petition.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.petition.Petition;
import org.petition.Petitions;

/** Shared definitions on PostgreSQL: the version polled, and LISTEN/NOTIFY telling at once. */
class PostgresSharedDefinitionsTest extends SharedDefinitionsContract {

  @RegisterExtension
  static final PostgresClassDatabase POSTGRES = new PostgresClassDatabase(8);

  @Override
  DataSource dataSource() {
    return POSTGRES.pool();
  }

  @Test
  void aListeningInstanceHearsOfAChangeWithoutWaitingForItsNextCheck() throws Exception {
    Petitions one = instance(Duration.ofHours(1));
    JdbcSignatureStore listening = JdbcSignatureStore.builder(dataSource()).build();
    Petitions two = instance(listening, Duration.ofHours(1)); // its own check: an hour away
    String slug = "listened-" + System.nanoTime();
    one.register(Petition.builder(slug).title("Before").goal(100).build());
    assertThat(two.petition(slug)).get().extracting(Petition::goal).isEqualTo(100L);
    two.refreshDefinitions(); // up to date: only a later change makes the callback's refresh read again
    CountDownLatch heard = new CountDownLatch(1);
    try (AutoCloseable listener = listening.onDefinitionsChanged(() -> {
      if (two.refreshDefinitions()) {
        heard.countDown();
      }
    })) {
      Thread.sleep(300); // LISTEN in effect (a change saved before it is caught by the first refresh anyway)
      one.register(Petition.builder(slug).title("After").goal(700).build());
      assertThat(heard.await(5, TimeUnit.SECONDS)).as("heard within 5 s").isTrue();
      assertThat(two.petition(slug)).get().extracting(Petition::goal).isEqualTo(700L);
    }
  }
}
