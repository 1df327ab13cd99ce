package org.petition.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.petition.store.StoredSignature;

// One-statement queries and updates with positional parameters of the few types the store binds.
final class Statements {

  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private Statements() {}

  static List<StoredSignature> signatures(Connection connection, String sql, Object... parameters)
      throws SQLException {
    return query(connection, Rows::signature, sql, parameters);
  }

  static <T> List<T> query(Connection connection, RowReader<T> reader, String sql, Object... parameters)
      throws SQLException {
    List<T> rows = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          rows.add(reader.read(row));
        }
      }
    }
    return rows;
  }

  static int update(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      return statement.executeUpdate();
    }
  }

  private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      Object value = parameters[i];
      if (value instanceof String text) {
        statement.setString(i + 1, text);
      } else if (value instanceof Long number) {
        statement.setLong(i + 1, number);
      } else if (value instanceof Integer number) {
        statement.setInt(i + 1, number);
      } else if (value instanceof byte[] bytes) {
        statement.setBytes(i + 1, bytes);
      } else if (value instanceof Instant instant) {
        Rows.setInstant(statement, i + 1, instant);
      } else {
        throw new IllegalArgumentException("cannot bind a " + value.getClass().getSimpleName());
      }
    }
  }
}
