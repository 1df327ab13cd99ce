package org.petition.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.petition.store.PetitionStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs JDBC work on a connection of a {@link DataSource}: either as one transaction ({@link #write}) or as
 * auto-committed reads ({@link #read}), turning every {@link SQLException} into a {@link
 * PetitionStoreException} whose message carries no row data.
 *
 * <p>Isolation: the connection's default is used, READ COMMITTED on PostgreSQL and H2. That is enough
 * because every state change is a conditional update ({@code ... WHERE id = ? AND state = 'PENDING'}) or
 * follows a {@code SELECT ... FOR UPDATE}: the row lock makes a second writer wait, and PostgreSQL then
 * re-evaluates the condition on the committed row, so exactly one writer wins and the loser sees zero rows.
 * Counter shards are only ever changed with {@code n = n + 1}, which is atomic under the row lock. Stricter
 * levels also work: their serialization failures are retried.
 *
 * <p>Schema: every connection taken is switched to the store's schema for the work and switched back before
 * it is returned, so the store's unqualified names (tables, sequences, per-petition sequences it creates)
 * resolve there and the application's connections are left as they were. On PostgreSQL that is the
 * connection's {@code search_path}: for a transaction set locally as its first statement (it ends with the
 * transaction), for auto-committed reads read and set in one round trip and restored, whole, in another; on H2
 * {@link Connection#setSchema}. With no schema (a database migrated before there was a schema setting) the
 * connection is used as it comes.
 */
public final class Transactions {

  private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);
  private static final int ATTEMPTS = 3;

  private final DataSource dataSource;
  private final @Nullable String schema;
  private final boolean postgres;

  /** Transactions over this data source, in the connections' own schema. */
  public Transactions(DataSource dataSource) {
    this(dataSource, null, false);
  }

  /**
   * Transactions over this data source, in {@code schema} (as {@link Schema#locate} answers it; null: the
   * connections' own) on PostgreSQL when {@code postgres}, else on H2.
   */
  public Transactions(DataSource dataSource, @Nullable String schema, boolean postgres) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
    this.schema = schema;
    this.postgres = postgres;
  }

  /** A connection taken for work, and the schema setting to put back when it is returned (null: none). */
  private record Held(Connection connection, @Nullable String restore) {}

  /** Work on a connection; may throw {@link SQLException}. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Work whose last statement may carry its transaction's commit ({@link #COMMIT} appended to it, on
   * PostgreSQL): the commit's round trip is saved. The work calls {@link Committing#now} just before it sends
   * that statement.
   */
  /** Work that answers nothing. */
  @FunctionalInterface
  public interface Action {
    void run(Connection connection) throws SQLException;
  }

  @FunctionalInterface
  public interface CommittingWork<T> {
    T run(Connection connection, Committing committing) throws SQLException;
  }

  /** Told by the work that the statement it sends next commits. */
  public static final class Committing {
    private boolean now;

    /** The next statement commits: a connection lost from here on leaves the outcome unknown. */
    public void now() {
      now = true;
    }
  }

  /**
   * Appended to a work's last statement (PostgreSQL, which runs statements sent together in order and skips
   * the rest of them, COMMIT included, after one fails), it commits the transaction with that statement.
   */
  public static final String COMMIT = "; COMMIT";

  /**
   * Runs {@code work} as one transaction and commits it; rolls back on any failure. Retries (up to three
   * times in all) when the database reports a serialization failure or a deadlock, which left no effect.
   */
  public <T> T write(String operation, Work<T> work) {
    return write(operation, (connection, committing) -> work.run(connection));
  }

  /**
   * Like {@link #write}, for work that may commit with its last statement. A server error in that statement
   * still means nothing was committed (the commit was skipped); a connection lost while it was on its way
   * leaves the outcome unknown, as a lost commit does. The connection's own commit afterwards then finds no
   * transaction open and sends nothing.
   */
  public <T> T write(String operation, CommittingWork<T> work) {
    return write(operation, work, true);
  }

  private <T> T write(String operation, CommittingWork<T> work, boolean setSchema) {
    for (int attempt = 1; ; attempt++) {
      Held held = connect(operation, true);
      Connection connection = held.connection();
      Committing committing = new Committing();
      try {
        connection.setAutoCommit(false);
        if (setSchema) {
          enterSchemaForTransaction(connection);
        }
        T result = work.run(connection, committing);
        committing.now();
        connection.commit();
        return result;
      } catch (SQLException e) {
        rollback(connection, e);
        // A serialization failure or deadlock is the server's answer, never a lost connection: the transaction
        // was rolled back (a COMMIT sent with the failing statement was skipped), so running it again is safe.
        if (retryable(e) && attempt < ATTEMPTS) {
          LOG.debug("{}: retrying after {} (attempt {})", operation, e.getSQLState(), attempt);
          continue;
        }
        throw failure(operation, e, committing.now);
      } catch (RuntimeException | Error e) {
        rollback(connection, e);
        throw e;
      } finally {
        release(held);
      }
    }
  }

  /**
   * The statement to send first, together with the work's own, that sets the store's schema for the
   * transaction (or, outside one, for the statements sent together, which PostgreSQL runs as one implicit
   * transaction): empty unless on PostgreSQL with a schema. The schema is a checked lower-case identifier
   * (Schema.checkName), so it is written as a literal and the work's parameters keep their indexes. Its one
   * row is skipped with {@link #skipSettings}.
   */
  public String schemaPrefix() {
    return schema == null || !postgres ? "" : "SELECT set_config('search_path', '" + schema + "', true); ";
  }

  /**
   * Like {@link #write(String, CommittingWork)}, for hot work whose first statement starts with {@link
   * #schemaPrefix}: the round trip that would set the schema alone is saved.
   */
  public <T> T writeSettingSchema(String operation, CommittingWork<T> work) {
    return write(operation, work, false);
  }

  /**
   * Like {@link #read}, for hot work of one round trip whose statement starts with {@link #schemaPrefix}: the
   * two round trips that would set the schema and restore it are saved (the setting ends with the statement).
   */
  public <T> T readSettingSchema(String operation, Work<T> work) {
    Held held = connect(operation, true); // as a transaction's: nothing to switch or restore
    try {
      return work.run(held.connection());
    } catch (SQLException e) {
      throw failure(operation, e, false);
    } finally {
      release(held);
    }
  }

  /**
   * Executes a statement that starts with {@code settings} one-row settings ({@link #schemaPrefix}, {@link
   * FreshPlans#PREFIX}) and answers whether its own first result is a result set, as {@link
   * PreparedStatement#execute} does.
   */
  public static boolean executePastSettings(PreparedStatement statement, int settings) throws SQLException {
    boolean resultSet = statement.execute();
    for (int i = 0; i < settings; i++) {
      resultSet = statement.getMoreResults();
    }
    return resultSet;
  }

  /** A query made of settings and one query: its rows. */
  public static ResultSet queryPastSettings(PreparedStatement statement, int settings) throws SQLException {
    if (!executePastSettings(statement, settings)) {
      throw new SQLException("a query answered no rows after its settings", "55000");
    }
    return statement.getResultSet();
  }

  /** How many one-row settings {@link #schemaPrefix} puts before a statement: 0 or 1. */
  public int schemaSettings() {
    return schemaPrefix().isEmpty() ? 0 : 1;
  }

  /**
   * Runs read-only {@code work} in one REPEATABLE READ transaction, so every statement sees the same
   * snapshot of the database (on PostgreSQL and H2 a snapshot taken at the first statement) without
   * locking anything. The connection's isolation and read-only flag are restored afterwards.
   */
  public <T> T snapshot(String operation, Work<T> work) {
    Held held = connect(operation, true);
    Connection connection = held.connection();
    int isolation = Connection.TRANSACTION_READ_COMMITTED;
    boolean changed = false;
    try {
      isolation = connection.getTransactionIsolation();
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
      changed = true;
      enterSchemaForTransaction(connection);
      T result = work.run(connection);
      connection.commit();
      return result;
    } catch (SQLException e) {
      rollback(connection, e);
      throw failure(operation, e, false);
    } catch (RuntimeException | Error e) {
      rollback(connection, e);
      throw e;
    } finally {
      if (changed) {
        try {
          connection.setReadOnly(false);
          connection.setTransactionIsolation(isolation);
        } catch (SQLException | RuntimeException e) {
          LOG.debug("could not restore a connection's isolation: {}", e.getClass().getSimpleName());
        }
      }
      release(held);
    }
  }

  /** Runs {@code action} on an auto-committing connection: for single-statement writes that answer nothing. */
  public void run(String operation, Action action) {
    read(operation, connection -> {
      action.run(connection);
      return Boolean.TRUE;
    });
  }

  /** Runs {@code work} on an auto-committing connection: for reads and single-statement writes. */
  public <T> T read(String operation, Work<T> work) {
    Held held = connect(operation, false);
    try {
      return work.run(held.connection());
    } catch (SQLException e) {
      throw failure(operation, e, false);
    } finally {
      release(held);
    }
  }

  /** Whether the exception reports a unique-key violation (SQLState 23505 on PostgreSQL and H2). */
  public static boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState());
  }

  /**
   * Whether the failure is the database or the connection to it, not the work: a lost connection (SQLState
   * 08xxx, 57Pxx, or none) or no connection to be had.
   */
  public static boolean isConnectionFailure(PetitionStoreException e) {
    return e.getCause() instanceof SQLException sql && connectionLost(sql);
  }

  /** A short description of the exception: its SQLState and the first line of its message, capped. */
  public static String describe(SQLException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      // PostgreSQL puts "Detail: Failing row contains (...)" on later lines: row data stays out.
      message = message.substring(0, newline);
    }
    if (message.length() > 200) {
      message = message.substring(0, 200) + "...";
    }
    return "SQLState " + e.getSQLState() + ": " + message.strip();
  }

  /**
   * Rolls back the work's transaction so far and starts the next one on the same connection in the store's
   * schema: for work that goes on after a failed statement (PostgreSQL aborts the transaction). A rollback
   * alone would also undo the transaction's schema setting.
   */
  public void rollbackAndResume(Connection connection) throws SQLException {
    connection.rollback();
    enterSchemaForTransaction(connection);
  }

  /**
   * Transactions on PostgreSQL: the schema is set for the transaction alone ({@code set_config(..., true)},
   * SET LOCAL), sent as the transaction's first statement, and ends with it: one round trip where switching
   * and restoring the session's setting takes two, and nothing to restore when the connection goes back.
   */
  private void enterSchemaForTransaction(Connection connection) throws SQLException {
    if (schema == null || !postgres) {
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('search_path', ?, true)")) {
      statement.setString(1, schema);
      statement.executeQuery().close();
    }
  }

  private Held connect(String operation, boolean transaction) {
    Connection connection;
    try {
      connection = dataSource.getConnection();
      if (connection == null) {
        throw new PetitionStoreException(operation + ": the data source returned no connection", null);
      }
    } catch (SQLException e) {
      throw new PetitionStoreException("cannot reach the petition database (" + operation + "): " + describe(e), e);
    }
    if (schema == null || transaction && postgres) {
      return new Held(connection, null); // a PostgreSQL transaction sets its schema itself, locally
    }
    try {
      return new Held(connection, enterSchema(connection, schema));
    } catch (SQLException | RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException | RuntimeException closing) {
        e.addSuppressed(closing);
      }
      if (e instanceof SQLException sql) {
        throw failure(operation, sql, false);
      }
      throw (RuntimeException) e;
    }
  }

  // Switches the connection to the schema; answers the setting to restore, or null when it was already so.
  private @Nullable String enterSchema(Connection connection, String schema) throws SQLException {
    if (!postgres) {
      String before = connection.getSchema();
      if (schema.equals(before)) {
        return null;
      }
      connection.setSchema(schema);
      return before;
    }
    // The whole search_path is kept, not only its first schema, so the application gets back what it set.
    // The schema name is a checked lower-case identifier (Schema.checkName): no quoting is needed.
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT current_setting('search_path'), set_config('search_path', ?, false)")) {
      statement.setString(1, schema);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        String before = row.getString(1);
        return schema.equals(before) ? null : before;
      }
    }
  }

  private void leaveSchema(Connection connection, String restore) throws SQLException {
    if (!postgres) {
      connection.setSchema(restore);
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('search_path', ?, false)")) {
      statement.setString(1, restore);
      statement.executeQuery().close();
    }
  }

  private static PetitionStoreException failure(String operation, SQLException e, boolean committing) {
    boolean lost = connectionLost(e);
    if (committing && lost) {
      return new PetitionStoreException(operation + ": the connection was lost while committing; the change may or"
          + " may not have been applied, as a whole (" + describe(e) + ")", true, e);
    }
    if (lost) {
      return new PetitionStoreException(
          operation + ": the connection to the petition database was lost; the transaction was rolled back ("
              + describe(e) + ")", e);
    }
    return new PetitionStoreException(operation + " failed, nothing was changed (" + describe(e) + ")", e);
  }

  private static boolean connectionLost(SQLException e) {
    String state = e.getSQLState();
    // 08xxx: connection exceptions; 57P01-57P03: the server terminated the session (admin, crash, shutdown).
    return state == null || state.startsWith("08") || state.startsWith("57P");
  }

  private static boolean retryable(SQLException e) {
    String state = e.getSQLState();
    return "40001".equals(state) || "40P01".equals(state);
  }

  private static void rollback(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException | RuntimeException e) {
      // A lost connection cannot roll back: the server has already discarded the transaction.
      failure.addSuppressed(e);
    }
  }

  private void release(Held held) {
    Connection connection = held.connection();
    try {
      if (!connection.isClosed() && !connection.getAutoCommit()) {
        connection.setAutoCommit(true);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.debug("could not reset auto-commit on a connection: {}", e.getClass().getSimpleName());
    }
    if (held.restore() != null) {
      try {
        if (!connection.isClosed()) {
          leaveSchema(connection, held.restore());
        }
      } catch (SQLException | RuntimeException e) {
        // A lost connection is discarded by its pool; a live one would go back in the store's schema.
        LOG.warn("could not restore a connection's schema after petition store work: {}", e.getClass().getSimpleName());
      }
    }
    try {
      connection.close();
    } catch (SQLException | RuntimeException e) {
      // The work is done (committed or rolled back); a failing close changes nothing about it.
      LOG.debug("could not close a connection: {}", e.getClass().getSimpleName());
    }
  }
}
