package org.petition.store.jdbc.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's schema: checks that a database answers and is one the store runs on, and migrates it with
 * Flyway ({@code classpath:db/petition/migration} and {@link SignatureFillFactor}, history in {@code
 * petition_schema_history}). Shared by the signature store, the consent ledger and the account store, which
 * use one schema.
 */
public final class Schema {

  private static final Logger LOG = LoggerFactory.getLogger(Schema.class);

  private Schema() {}

  /**
   * The product name and version of the database behind the data source.
   *
   * @throws IllegalStateException when it cannot be reached or is not PostgreSQL or H2
   */
  public static String checkReachable(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      String product = meta.getDatabaseProductName();
      if (!"PostgreSQL".equals(product) && !"H2".equals(product)) {
        throw new IllegalStateException("the petition store runs on PostgreSQL 15+ or H2 2.x, not " + product);
      }
      return product + " " + meta.getDatabaseProductVersion();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the petition database: " + Transactions.describe(e), e);
    }
  }

  /**
   * Migrates the schema to the latest version.
   *
   * @throws IllegalStateException when the database cannot be reached or migrated
   */
  public static void migrate(DataSource dataSource) {
    Flyway flyway = Flyway.configure(Schema.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/petition/migration")
        .javaMigrations(new SignatureFillFactor())
        .table("petition_schema_history")
        // The schema may already hold the application's own tables: start from an empty baseline.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load();
    try {
      MigrateResult result = flyway.migrate();
      LOG.info("petition schema at version {} ({} migrations applied now)",
          result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
          result.migrationsExecuted);
    } catch (RuntimeException e) {
      SQLException sql = sqlCause(e);
      if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
        throw new IllegalStateException("cannot reach the petition database: " + Transactions.describe(sql), e);
      }
      throw new IllegalStateException("cannot migrate the petition database: " + e.getMessage(), e);
    }
  }

  private static @Nullable SQLException sqlCause(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }
}
