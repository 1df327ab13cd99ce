package org.petition.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A fresh PostgreSQL database per test class, pools that are closed after it, and SQL helpers. */
abstract class PostgresTestSupport {

  static PostgresServer.TestDatabase database;
  private static final List<TinyPool> POOLS = new ArrayList<>();

  @BeforeAll
  static void createDatabase() throws SQLException {
    if (PostgresServer.find().isPresent()) {
      database = PostgresServer.find().get().createDatabase();
    }
  }

  /** Each test, rather than the class, is skipped without PostgreSQL: the skips show in the test counts. */
  @BeforeEach
  void requirePostgres() {
    PostgresServer.require();
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    synchronized (POOLS) {
      POOLS.forEach(TinyPool::close);
      POOLS.clear();
    }
    if (database != null) {
      database.close();
      database = null;
    }
  }

  /** A pool of this class's database, closed after the class. */
  static TinyPool pool(int size) {
    TinyPool pool = database.pool(size);
    synchronized (POOLS) {
      POOLS.add(pool);
    }
    return pool;
  }

  static void execute(String sql) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  static long queryLong(String sql, Object... parameters) throws SQLException {
    try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  /** Makes every counter update sleep while it holds its row lock, inside the confirming transaction. */
  static void slowCounterUpdates(double seconds) throws SQLException {
    execute("CREATE OR REPLACE FUNCTION test_slow_counter() RETURNS trigger LANGUAGE plpgsql AS $$"
        + " BEGIN PERFORM pg_sleep(" + seconds + "); RETURN NEW; END $$");
    execute("DROP TRIGGER IF EXISTS test_slow_counter ON signature_count");
    execute("CREATE TRIGGER test_slow_counter AFTER UPDATE ON signature_count FOR EACH ROW"
        + " EXECUTE FUNCTION test_slow_counter()");
  }

  static void normalCounterUpdates() throws SQLException {
    execute("DROP TRIGGER IF EXISTS test_slow_counter ON signature_count");
  }
}
