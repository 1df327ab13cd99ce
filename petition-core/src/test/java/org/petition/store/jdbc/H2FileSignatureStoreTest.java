package org.petition.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.petition.Petition;
import org.petition.store.ConfirmOutcome;
import org.petition.store.InsertOutcome;
import org.petition.store.SignatureStore;
import org.petition.store.TestSignatures;

/** The store contract on an H2 database file, and what survives closing and reopening it. */
class H2FileSignatureStoreTest extends JdbcStoreContract {

  @TempDir
  static Path folder;

  private static JdbcConnectionPool pool;

  @BeforeAll
  static void createDatabase() {
    pool = open();
  }

  private static JdbcConnectionPool open() {
    JdbcConnectionPool opened = JdbcConnectionPool.create("jdbc:h2:file:" + folder.resolve("petition"), "sa", "");
    opened.setMaxConnections(16);
    return opened;
  }

  @AfterAll
  static void closeDatabase() {
    pool.dispose();
  }

  @Override
  protected SignatureStore newStore() {
    return JdbcSignatureStore.builder(pool).build();
  }

  @Test
  void everythingSurvivesClosingTheDatabase() throws Exception {
    Petition petition = Petition.builder("survives-" + System.nanoTime()).title("Survives").goal("KR", 5).build();
    store.savePetition(petition);
    long id = ((InsertOutcome.Inserted) store.insert(
        TestSignatures.on(petition.slug(), "a@example.org").country("KR").build(), false)).id();
    long number = ((ConfirmOutcome.Counted) store.confirm(id, Instant.now())).number();

    pool.dispose();
    try (var connection = java.sql.DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("petition"), "sa",
        "")) {
      connection.createStatement().execute("SHUTDOWN");
    }
    pool = open();
    SignatureStore reopened = JdbcSignatureStore.builder(pool).build();

    assertThat(reopened.petition(petition.slug())).contains(petition);
    assertThat(reopened.find(id).orElseThrow().number()).isEqualTo(number);
    assertThat(reopened.counts(petition.slug()).byCountry()).containsEntry("KR", 1L);
    long next = ((ConfirmOutcome.Counted) reopened.confirm(((InsertOutcome.Inserted) reopened.insert(
        TestSignatures.on(petition.slug(), "b@example.org").build(), false)).id(), Instant.now())).number();
    assertThat(next).isGreaterThan(number);
  }

  @Override
  protected javax.sql.DataSource dataSource() {
    return pool;
  }

}
