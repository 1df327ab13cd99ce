package org.petition.store.jdbc.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;
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
 *
 * <p>The store's tables live in a database schema of their own ({@value #DEFAULT} unless configured), so they
 * never meet the application's own {@code account}, {@code petition} or {@code signature} tables. A
 * database migrated before there was a schema setting keeps its tables where its Flyway history is: when the
 * configured schema has no {@code petition_schema_history} but the connection's default schema has one,
 * the store stays there ({@link #locate}).
 */
public final class Schema {

  /** The schema the store's tables are in unless configured otherwise. */
  public static final String DEFAULT = "petition";

  private static final Logger LOG = LoggerFactory.getLogger(Schema.class);
  // Lower case only: PostgreSQL folds unquoted names to lower case and H2 to upper case, so a name in one
  // case means the same schema, quoted or not, on both. 63 is PostgreSQL's longest identifier.
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final String HISTORY = "petition_schema_history";

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
   * Checks a configured schema name: an unquoted SQL identifier in lower case, at most 63 characters, not
   * {@code pg_...} (reserved by PostgreSQL) nor {@code information_schema}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static String checkName(String schema) {
    if (schema == null || !NAME.matcher(schema).matches() || schema.startsWith("pg_")
        || "information_schema".equals(schema)) {
      throw new IllegalArgumentException("schema must be an unquoted SQL identifier: 1 to 63 of [a-z0-9_], not"
          + " starting with a digit or pg_ (for example petition), was " + (schema == null ? "null" : "'"
          + (schema.length() > 70 ? schema.substring(0, 70) + "..." : schema) + "'"));
    }
    return schema;
  }

  /**
   * Where the store's tables are: the configured schema as the database names it (upper case on H2), or
   * null when the database keeps them in the connection's default schema, as it did before there was a
   * schema setting (a {@code petition_schema_history} there and none in the configured schema). Null means
   * connections are used as the data source gives them.
   *
   * @throws IllegalStateException when the database cannot be reached
   */
  public static @Nullable String locate(DataSource dataSource, String configured) {
    checkName(configured);
    try (Connection connection = dataSource.getConnection()) {
      boolean h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
      String schema = h2 ? configured.toUpperCase(Locale.ROOT) : configured;
      if (hasHistory(connection, schema)) {
        return schema;
      }
      String current = connection.getSchema();
      if (current != null && !current.equals(schema) && hasHistory(connection, current)) {
        LOG.warn("petition store: its tables stay in schema {}, where they were migrated before there was a"
            + " schema setting (configured: {}); to move them, move every table and sequence of its Flyway history"
            + " {} to the configured schema", current, configured, HISTORY);
        return null;
      }
      return schema;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the petition database: " + Transactions.describe(e), e);
    }
  }

  private static boolean hasHistory(Connection connection, String schema) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM information_schema.tables"
        + " WHERE table_schema = ? AND LOWER(table_name) = '" + HISTORY + "'")) {
      statement.setString(1, schema);
      try (ResultSet row = statement.executeQuery()) {
        return row.next();
      }
    }
  }

  /**
   * Migrates the schema to the latest version, in {@code schema} (created if missing) or, when null, in the
   * connection's default schema.
   *
   * @throws IllegalStateException when the database cannot be reached or migrated
   */
  public static void migrate(DataSource dataSource, @Nullable String schema) {
    var configuration = Flyway.configure(Schema.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/petition/migration")
        .javaMigrations(new SignatureFillFactor(), new SharedStateTables())
        .table(HISTORY);
    if (schema != null) {
      configuration = configuration.schemas(schema).defaultSchema(schema).createSchemas(true);
    }
    Flyway flyway = configuration
        // The schema may already hold the application's own tables: start from an empty baseline.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load();
    try {
      MigrateResult result = flyway.migrate();
      LOG.info("petition schema {} at version {} ({} migrations applied now)", schema != null ? schema : "(default)",
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
