package org.petition.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.petition.store.TestSignatures.T0;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.petition.Petition;
import org.petition.privacy.VerificationReport;
import org.petition.store.ConfirmOutcome;
import org.petition.store.InsertOutcome;
import org.petition.store.TestSignatures;

/**
 * The store over H2's plain (unpooled) data source on an in-memory database: every operation on a fresh
 * connection, the migrating one long closed. H2 2.4.240 evaluated the IN lists of check constraints with the
 * session that created them, so before V5 the first insert failed with "Check constraint invalid".
 */
class H2PlainDataSourceTest {

  @Test
  void signsAndConfirmsOnFreshConnectionsAfterTheMigratingOneIsClosed() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:plain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    JdbcSignatureStore store = JdbcSignatureStore.builder(dataSource).build();
    store.savePetition(Petition.builder("plain").title("Plain").goal(10).build());

    InsertOutcome inserted = store.insert(TestSignatures.on("plain", "a@example.org").build(), false);
    assertThat(inserted).isInstanceOf(InsertOutcome.Inserted.class);
    long id = ((InsertOutcome.Inserted) inserted).id();
    assertThat(store.confirm(id, T0)).isInstanceOf(ConfirmOutcome.Counted.class);
    assertThat(store.counts("plain").total()).isEqualTo(1);
    assertThat(store.consentLedger().verify()).isInstanceOf(VerificationReport.Ok.class);
    // The constraints still refuse what they refused.
    for (String update : List.of("UPDATE signature SET state = 'LOST'", "UPDATE signature SET kind = 'ROBOT'",
        "UPDATE signature SET name_key = NULL")) {
      assertThatThrownBy(() -> {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
          connection.setSchema("PETITION");
          statement.executeUpdate(update);
        }
      }).as(update).isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("23513");
    }
  }
}
