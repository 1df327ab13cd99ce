package org.petition.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * Inserts many rows with few statements: {@code INSERT ... VALUES (...), (...), ...} in chunks of 64, 16, 4
 * and 1 rows. A fixed set of chunk sizes keeps the number of distinct statement texts at four, so the
 * server parses and plans each once per connection (the driver prepares a statement it sees again), while
 * a batch of n rows takes at most n / 64 + 9 statements. Works on PostgreSQL and H2.
 */
public final class MultiRowInsert<R> {

  private static final int[] CHUNKS = {64, 16, 4, 1};

  /** Binds one row's values from parameter {@code offset + 1}; answers the last parameter bound. */
  @FunctionalInterface
  public interface RowBinder<R> {
    int bind(PreparedStatement statement, int offset, R row) throws SQLException;
  }

  /** Reads what a chunk's statement returned ({@code RETURNING ...}), one result row at a time. */
  @FunctionalInterface
  public interface ReturnedRow {
    void read(ResultSet row) throws SQLException;
  }

  private final String[] statements = new String[CHUNKS.length];
  private final boolean returning;
  private final RowBinder<R> binder;

  /**
   * Inserts into {@code table (columns)} rows of {@code columnCount} values, followed by {@code suffix}
   * (such as {@code " ON CONFLICT DO NOTHING RETURNING id"}, or empty); {@code returning} says whether the
   * suffix makes the statement return rows.
   */
  public MultiRowInsert(String table, String columns, int columnCount, String suffix, boolean returning,
      RowBinder<R> binder) {
    Objects.requireNonNull(table, "table must not be null");
    Objects.requireNonNull(columns, "columns must not be null");
    Objects.requireNonNull(suffix, "suffix must not be null");
    if (columnCount < 1) {
      throw new IllegalArgumentException("columnCount must be at least 1");
    }
    this.returning = returning;
    this.binder = Objects.requireNonNull(binder, "binder must not be null");
    String row = "(?" + ", ?".repeat(columnCount - 1) + ")";
    for (int i = 0; i < CHUNKS.length; i++) {
      StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (").append(columns)
          .append(") VALUES ").append(row);
      for (int r = 1; r < CHUNKS[i]; r++) {
        sql.append(", ").append(row);
      }
      statements[i] = sql.append(suffix).toString();
    }
  }

  /**
   * Inserts the rows on the connection (in the caller's transaction); hands every returned row to {@code
   * returned}. Answers how many rows the statements reported inserted.
   */
  public int insert(Connection connection, List<R> rows, ReturnedRow returned) throws SQLException {
    int inserted = 0;
    int next = 0;
    for (int i = 0; i < CHUNKS.length; i++) {
      int chunk = CHUNKS[i];
      while (rows.size() - next >= chunk) {
        try (PreparedStatement statement = connection.prepareStatement(statements[i])) {
          int offset = 0;
          for (int r = next; r < next + chunk; r++) {
            offset = binder.bind(statement, offset, rows.get(r));
          }
          if (returning) {
            try (ResultSet row = statement.executeQuery()) {
              while (row.next()) {
                returned.read(row);
                inserted++;
              }
            }
          } else {
            inserted += statement.executeUpdate();
          }
        }
        next += chunk;
      }
    }
    return inserted;
  }
}
