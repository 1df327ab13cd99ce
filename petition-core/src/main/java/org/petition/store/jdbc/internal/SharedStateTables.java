package org.petition.store.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 8: what instances sharing the database share besides signatures. {@code limit_state} holds
 * the limits' states ({@link LimitStates}): a keyed hash, a few numbers, when they may be forgotten. On
 * PostgreSQL it is UNLOGGED: its writes skip the write-ahead log, so updating a limit costs no log flush
 * (a commit that wrote only unlogged rows does not wait for one), at the price of the table being emptied
 * by a crash recovery and not replicated, which only forgets recent limits. {@code petition.version}
 * numbers each save of a definition from one sequence, so an instance sees that another changed one by
 * reading the highest.
 */
final class SharedStateTables implements JavaMigration {

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("8");
  }

  @Override
  public String getDescription() {
    return "limit states and definition versions";
  }

  @Override
  public Integer getChecksum() {
    return 8;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    try (Statement statement = connection.createStatement()) {
      if (postgres) {
        statement.execute("CREATE UNLOGGED TABLE limit_state (key_hash BYTEA PRIMARY KEY, state BYTEA NOT NULL,"
            + " expires_at BIGINT NOT NULL)");
      } else {
        statement.execute("CREATE TABLE limit_state (key_hash VARBINARY(16) PRIMARY KEY, state VARBINARY(8192)"
            + " NOT NULL, expires_at BIGINT NOT NULL)");
      }
      statement.execute("CREATE SEQUENCE petition_version_seq START WITH 1 INCREMENT BY 1");
      statement.execute("ALTER TABLE petition ADD COLUMN version BIGINT DEFAULT 0 NOT NULL");
    }
  }
}
