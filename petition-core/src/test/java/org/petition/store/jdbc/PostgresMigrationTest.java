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
 * filled, V4 sets the page fill, V5's constraints refuse what the earlier ones did.
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

  private static String v2Signature(long id, String state, long number, String kind) {
    return "INSERT INTO signature (id, petition, state, number, confirmed_at, kind, email_key, household_slot,"
        + " name_key, nickname, comment_hidden, sealed_personal_data, signed_at, held, findings, consents, locale)"
        + " VALUES (" + id + ", 'old', '" + state + "', " + number + ", "
        + ("CONFIRMED".equals(state) ? "TIMESTAMPTZ '2020-01-01 12:00:00Z'" : "NULL") + ", '" + kind + "',"
        + " '\\x0" + id + "', 0, '\\x0" + id + "', false, false, '\\x00', TIMESTAMPTZ '2020-01-01 10:00:00Z',"
        + " false, '[]', '[]', 'en')";
  }
}
