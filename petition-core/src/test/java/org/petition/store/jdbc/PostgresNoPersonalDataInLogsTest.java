package org.petition.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.petition.testing.Fixtures.person;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.petition.Petitions;
import org.petition.mail.InMemoryOutbox;
import org.petition.store.PetitionStoreException;
import org.petition.testing.Fixtures;
import org.petition.testing.LogScan;
import org.petition.testing.MutableClock;

/**
 * The log scan of {@code NoPersonalDataInLogsTest} on the JDBC stores over a real PostgreSQL: signing,
 * confirmation, revocation, moderation, erasure, the purge and the account flows, then a store failure (a table
 * gone) whose exception and logs must name no signer either.
 */
class PostgresNoPersonalDataInLogsTest {

  @Test
  void theJdbcStoresOnPostgresLogNoPersonalData() throws Exception {
    PostgresServer.require();
    List<String> secrets = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    try (PostgresServer.TestDatabase database = PostgresServer.find().orElseThrow().createDatabase();
        TinyPool pool = database.pool(4)) {
      if (!database.server().password().isEmpty()) {
        secrets.add(database.server().password());
      }
      String logs = LogScan.capture(() -> {
        MutableClock clock = new MutableClock(Fixtures.START);
        InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();
        Petitions petitions = Fixtures.petitions(clock, outbox)
            .store(JdbcSignatureStore.builder(pool).build())
            .accountStore(JdbcAccountStore.create(pool))
            .passwordHasher(LogScan.CHEAP)
            .check(input -> input.comment() != null && input.comment().contains("hold")
                ? List.of(org.petition.check.Finding.of("test.hold", org.petition.check.Severity.HIGH, "comment",
                    "held"))
                : List.of())
            .build();
        petitions.register(Fixtures.seedPetition());
        LogScan.lifecycle(petitions, clock, outbox, secrets);
        LogScan.accounts(petitions, outbox, secrets);

        // The store fails under a signing: its exception (which the starter logs) names no one either.
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
          statement.execute("ALTER TABLE signature RENAME TO signature_gone");
        }
        secrets.add("store.failure@example.org");
        assertThatThrownBy(() -> petitions.sign(person("Store", "Failure", "store.failure@example.org")
            .ip("203.0.113.201").build()))
            .isInstanceOfSatisfying(PetitionStoreException.class, e -> failures.add(String.valueOf(e.getMessage())));
        secrets.add("203.0.113.201");
      });
      LogScan.assertClean(logs, secrets);
      assertThat(failures).hasSize(1);
      LogScan.assertClean("log capture works " + failures.get(0), secrets);
    }
  }
}
