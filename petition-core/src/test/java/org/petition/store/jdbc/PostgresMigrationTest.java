package org.petition.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.petition.Petition;
import org.petition.SignerKind;
import org.petition.store.StoredSignature;

/**
 * Schema versions 3 to 5 on a PostgreSQL database that holds signatures already: V3's two narrow tables are
 * filled, V4 sets the page fill, V5's constraints refuse what the earlier ones did; V17 keeps only a
 * transparency log's tile nodes, and its proofs stay exact.
 */
class PostgresMigrationTest extends PostgresTestSupport {

  @Test
  void version3ListsExistingCountedSignaturesAndQueuesExistingPendingOnes() throws Exception {
    TinyPool pool = pool(2);
    Flyway.configure(getClass().getClassLoader()).dataSource(pool)
        .locations("classpath:db/petition/migration").table("petition_schema_history").target("2").load()
        .migrate();
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      // The petition as V2 kept it (today's store writes columns V2 did not have).
      statement.execute("INSERT INTO petition VALUES ('old', 'Before V3', '', '', '', '', '[]', 10, '{}', NULL, NULL,"
          + " '[]', '" + Petition.builder("old").title("Before V3").build().displayNamePolicy().name() + "', FALSE, 1,"
          + " FALSE, 'petition_number_old')");
      // As V2 left them: a pending signature, and two counted ones that only have their number.
      statement.execute(v2Signature(1, "PENDING", 0, "PERSON"));
      statement.execute(v2Signature(2, "CONFIRMED", 1, "PERSON"));
      statement.execute(v2Signature(3, "CONFIRMED", 2, "ORGANIZATION"));
    }
    JdbcSignatureStore store = JdbcSignatureStore.builder(pool).build(); // V3 and V4 now

    assertThat(store.latest("old", null, Long.MAX_VALUE, 10)).extracting(StoredSignature::id).containsExactly(3L, 2L);
    assertThat(store.latest("old", SignerKind.ORGANIZATION, Long.MAX_VALUE, 10)).extracting(StoredSignature::id)
        .containsExactly(3L);
    assertThat(store.purgePending(Instant.parse("2020-01-02T00:00:00Z"), 10)).extracting(StoredSignature::id)
        .containsExactly(1L);
    assertThat(queryLong("SELECT COUNT(*) FROM signature_purge_queue")).isZero();
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT array_to_string(reloptions, ',') FROM pg_class"
            + " WHERE oid = 'signature'::regclass")) {
      row.next();
      assertThat(row.getString(1)).isEqualTo("fillfactor=50");
    }
    // V5's constraints refuse what V1's and V2's did.
    for (String update : List.of("UPDATE signature SET state = 'LOST' WHERE id = 2",
        "UPDATE signature SET kind = 'ROBOT' WHERE id = 2", "UPDATE signature SET name_key = NULL WHERE id = 2")) {
      assertThatThrownBy(() -> execute(update)).as(update).isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23514");
    }
  }

  @Test
  void version17KeepsAnOldLogsTilesAndItsProofs() throws Exception {
    TinyPool pool = pool(2);
    // A schema of its own: the test above migrates this database's default one from version 2.
    JdbcSignatureStore store = JdbcSignatureStore.builder(pool).schema("log_v17").build();
    store.savePetition(Petition.builder("logged").title("Before V17").build());
    int total = 300;
    List<Long> ids = new java.util.ArrayList<>();
    for (int i = 0; i < total; i++) {
      ids.add(((org.petition.store.InsertOutcome.Inserted) store.insert(
          org.petition.store.TestSignatures.on("logged", "v17-" + i + "@example.org").build(), false)).id());
    }
    for (long id : ids) {
      store.confirm(id, Instant.parse("2026-12-01T00:00:00Z").plusSeconds(id));
    }
    org.petition.log.Frontier frontier = store.logFrontier("logged");
    List<byte[]> entries = store.logEntries("logged", 0, total);
    assertThat(entries).hasSize(total);
    // The log as V9 to V16 wrote it: a row for every complete subtree, the leaves (level 0) too.
    org.petition.log.InMemoryNodes all = new org.petition.log.InMemoryNodes();
    try (Connection connection = pool.getConnection(); java.sql.PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO log_v17.log_node (petition, level, idx, hash) VALUES ('logged', ?, ?, ?) ON CONFLICT DO NOTHING")) {
      org.petition.log.Frontier old = org.petition.log.Frontier.empty();
      for (byte[] entry : entries) {
        all.append(org.petition.log.MerkleTree.leafHash(entry));
        old = old.append(org.petition.log.MerkleTree.leafHash(entry), (level, index, hash) -> {
          try {
            insert.setInt(1, level);
            insert.setLong(2, index);
            insert.setBytes(3, hash);
            insert.executeUpdate();
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
      }
      assertThat(old).isEqualTo(frontier);
    }
    assertThat(queryLong("SELECT COUNT(*) FROM log_v17.log_node WHERE petition = 'logged'"))
        .isEqualTo(2L * total - Long.bitCount(total));
    // Back to version 16, as a database written before V17, then migrated forward by a new build.
    execute("DELETE FROM log_v17.petition_schema_history WHERE version = '17'");
    JdbcSignatureStore migrated = JdbcSignatureStore.builder(pool).schema("log_v17").build();

    assertThat(queryLong("SELECT COUNT(*) FROM log_v17.log_node WHERE petition = 'logged'")).isOne();
    assertThat(queryLong("SELECT level FROM log_v17.log_node WHERE petition = 'logged'")).isEqualTo(8);
    assertThat(migrated.logFrontier("logged")).isEqualTo(frontier);
    assertThat(migrated.logEntries("logged", 0, total)).containsExactlyElementsOf(entries);
    org.petition.log.NodeSource nodes = (level, index) -> migrated.logNode("logged", level, index);
    for (long index = 0; index < total; index += 7) {
      List<byte[]> proof = org.petition.log.MerkleTree.inclusionProof(index, total, nodes);
      assertThat(proof).containsExactlyElementsOf(org.petition.log.MerkleTree.inclusionProof(index, total, all));
      assertThat(org.petition.log.MerkleTree.verifyInclusion(index, total,
          org.petition.log.MerkleTree.leafHash(entries.get((int) index)), proof, frontier.root())).isTrue();
    }
    for (long from = 1; from < total; from += 37) {
      assertThat(org.petition.log.MerkleTree.verifyConsistency(from, total,
          org.petition.log.MerkleTree.root(from, all), frontier.root(),
          org.petition.log.MerkleTree.consistencyProof(from, total, nodes))).as("consistency from %d", from).isTrue();
    }
    // And it goes on appending as before.
    long next = ((org.petition.store.InsertOutcome.Inserted) migrated.insert(
        org.petition.store.TestSignatures.on("logged", "v17-next@example.org").build(), false)).id();
    migrated.confirm(next, Instant.parse("2026-12-02T00:00:00Z"));
    assertThat(migrated.logFrontier("logged").size()).isEqualTo(total + 1);
    assertThat(org.petition.log.MerkleTree.root(total + 1,
        (level, index) -> migrated.logNode("logged", level, index))).isEqualTo(migrated.logFrontier("logged").root());
  }

  private static String v2Signature(long id, String state, long number, String kind) {
    return "INSERT INTO signature (id, petition, state, number, confirmed_at, kind, email_key, household_slot,"
        + " name_key, nickname, comment_hidden, sealed_personal_data, signed_at, held, findings, consents, locale)"
        + " VALUES (" + id + ", 'old', '" + state + "', " + number + ", "
        + ("CONFIRMED".equals(state) ? "TIMESTAMPTZ '2020-01-01 12:00:00Z'" : "NULL") + ", '" + kind + "',"
        + " '\\x0" + id + "', 0, '\\x0" + id + "', false, false, '\\x00', TIMESTAMPTZ '2020-01-01 10:00:00Z',"
        + " false, '[]', '[]', 'en')";
  }
}
