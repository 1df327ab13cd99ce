package org.petition.store.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 4: on PostgreSQL, signature pages are filled to {@value #FILL_FACTOR}% by inserts, so that
 * confirming a signature can write its new row version on the same page as a heap-only update, with no new
 * index entries (V3 took every confirmed column out of the indexes). Without the room the page of a row
 * signed moments ago is full, and the update goes elsewhere and into every index. A no-op on H2, which has
 * no such setting. Existing pages keep their fill; new ones follow it.
 */
final class SignatureFillFactor implements JavaMigration {

  /**
   * Percent of a page that inserts fill. A signature row is about 800 bytes, so a page takes four or five,
   * and a batch of confirmations usually updates all of them in one transaction, before page pruning can
   * reclaim any old version: half a page leaves room for every new version. In development runs: at 70,
   * about half the updates were heap-only and an update cost 0.043 ms on the server; at 60, three in four
   * and 0.030 ms; at 50, all of them and 0.018 ms (the recorded run, RESULTS.md: all of them). The price is
   * a heap about twice the rows' size.
   */
  static final int FILL_FACTOR = 50;

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("4");
  }

  @Override
  public String getDescription() {
    return "signature fillfactor";
  }

  @Override
  public Integer getChecksum() {
    return FILL_FACTOR;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE signature SET (fillfactor = " + FILL_FACTOR + ")");
    }
  }
}
