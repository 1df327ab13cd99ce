package org.petition.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Inserts many rows of one table in one round trip. On PostgreSQL with one statement whatever their number:
 * {@code INSERT INTO t (a, b) SELECT * FROM unnest(CAST(? AS bigint[]), CAST(? AS text[]))}, one array per
 * column, so the server plans one statement and runs one executor for the lot, and the statement text never
 * changes. On H2, with {@link MultiRowInsert}'s {@code VALUES} lists. Columns are declared once, with the
 * function that reads each row's value.
 */
public final class BulkInsert<R> {

  /** The column types this insert can bind, with their PostgreSQL array types. */
  public enum Type {
    BIGINT("bigint"),
    INTEGER("integer"),
    TEXT("text"),
    BYTEA("bytea"),
    BOOLEAN("boolean"),
    /** An {@link Instant}, stored to the microsecond (the precision of both databases' timestamps). */
    TIMESTAMPTZ("timestamptz");

    final String sql;

    Type(String sql) {
      this.sql = sql;
    }
  }

  private record Column<R>(String name, Type type, Function<R, @Nullable Object> value) {}

  private final List<Column<R>> columns;
  private final String columnList;
  private final String unnestSql;
  private final String arraySql;
  private final boolean returning;
  private final MultiRowInsert<R> valuesLists;

  private BulkInsert(String table, List<Column<R>> columns, String suffix, boolean returning) {
    this.columns = List.copyOf(columns);
    this.returning = returning;
    StringBuilder names = new StringBuilder();
    StringBuilder arrays = new StringBuilder();
    for (Column<R> column : columns) {
      if (names.length() > 0) {
        names.append(", ");
        arrays.append(", ");
      }
      names.append(column.name());
      arrays.append("CAST(? AS ").append(column.type().sql).append("[])");
    }
    this.columnList = names.toString();
    this.unnestSql = "unnest(" + arrays + ")";
    this.arraySql = "INSERT INTO " + table + " (" + names + ") SELECT * FROM " + unnestSql + suffix;
    this.valuesLists = new MultiRowInsert<>(table, names.toString(), columns.size(), suffix, returning,
        (statement, offset, row) -> {
          int i = offset;
          for (Column<R> column : this.columns) {
            bindOne(statement, ++i, column.type(), column.value().apply(row));
          }
          return i;
        });
  }

  /** Starts declaring an insert into {@code table}. */
  public static <R> Builder<R> into(String table) {
    return new Builder<>(table);
  }

  /**
   * PostgreSQL: inserts the rows on the connection (in the caller's transaction) with {@link #arraySql}, one
   * statement whatever their number; hands every returned row to {@code returned}. Answers how many rows
   * went in.
   */
  public int insertWithArrays(Connection connection, List<R> rows, MultiRowInsert.ReturnedRow returned)
      throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    try (PreparedStatement statement = connection.prepareStatement(arraySql)) {
      bindArrays(connection, statement, 0, rows);
      if (!returning) {
        return statement.executeUpdate();
      }
      int inserted = 0;
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          returned.read(row);
          inserted++;
        }
      }
      return inserted;
    }
  }

  /**
   * Any database: inserts the rows on the connection (in the caller's transaction) with {@link
   * MultiRowInsert}'s value lists; hands every returned row to {@code returned}. Answers how many rows went in.
   */
  public int insertWithValueLists(Connection connection, List<R> rows, MultiRowInsert.ReturnedRow returned)
      throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    return valuesLists.insert(connection, rows, returned);
  }

  /**
   * PostgreSQL: the statement inserting any number of rows from one array parameter per column, for a caller
   * that sends it together with other statements (in one round trip) and binds it with {@link #bindArrays}.
   */
  public String arraySql() {
    return arraySql;
  }

  /** The column names, comma-separated, in the order declared. */
  public String columnList() {
    return columnList;
  }

  /**
   * PostgreSQL: {@code unnest(CAST(? AS type[]), ...)}, the rows as a set with one array parameter per column
   * (bound by {@link #bindArrays}), for a caller writing its own statement around them.
   */
  public String unnestSql() {
    return unnestSql;
  }

  /** PostgreSQL: binds {@link #arraySql}'s arrays after parameter {@code offset}; answers the last one bound. */
  public int bindArrays(Connection connection, PreparedStatement statement, int offset, List<R> rows)
      throws SQLException {
    for (int c = 0; c < columns.size(); c++) {
      // A typed Java array bound as it is: the driver encodes it in binary under its type's own array type, where
      // createArrayOf looked the type up by name in the driver's cache, under a lock, for every column of every
      // batch (18 % of the request threads' samples in a development run); the statement's CAST names the type.
      statement.setObject(offset + c + 1, values(columns.get(c), rows));
    }
    return offset + columns.size();
  }

  /** One column's values as a typed Java array (the driver encodes only typed Java arrays well). */
  private static <R> Object[] values(Column<R> column, List<R> rows) {
    int n = rows.size();
    Object[] values = switch (column.type()) {
      case BIGINT -> new Long[n];
      case INTEGER -> new Integer[n];
      case TEXT, TIMESTAMPTZ -> new String[n];
      case BYTEA -> new byte[n][];
      case BOOLEAN -> new Boolean[n];
    };
    for (int i = 0; i < n; i++) {
      Object value = column.value().apply(rows.get(i));
      values[i] = column.type() == Type.TIMESTAMPTZ && value != null ? Rows.arrayElement((Instant) value) : value;
    }
    return values;
  }

  static void bindOne(PreparedStatement statement, int index, Type type, @Nullable Object value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, switch (type) {
        case BIGINT -> Types.BIGINT;
        case INTEGER -> Types.INTEGER;
        case TEXT -> Types.VARCHAR;
        case BYTEA -> Types.VARBINARY;
        case BOOLEAN -> Types.BOOLEAN;
        case TIMESTAMPTZ -> Types.TIMESTAMP_WITH_TIMEZONE;
      });
      return;
    }
    switch (type) {
      case BIGINT -> statement.setLong(index, (Long) value);
      case INTEGER -> statement.setInt(index, (Integer) value);
      case TEXT -> statement.setString(index, (String) value);
      case BYTEA -> statement.setBytes(index, (byte[]) value);
      case BOOLEAN -> statement.setBoolean(index, (Boolean) value);
      case TIMESTAMPTZ -> Rows.setInstant(statement, index, (Instant) value);
    }
  }

  /** Declares the columns of a {@link BulkInsert}, in the order of the table's column list. */
  public static final class Builder<R> {
    private final String table;
    private final List<Column<R>> columns = new ArrayList<>();

    private Builder(String table) {
      this.table = Objects.requireNonNull(table, "table must not be null");
    }

    /** A column and how to read its value (of the type's Java class, or null) from a row. */
    public Builder<R> column(String name, Type type, Function<R, @Nullable Object> value) {
      columns.add(new Column<>(Objects.requireNonNull(name, "name must not be null"),
          Objects.requireNonNull(type, "type must not be null"), Objects.requireNonNull(value, "value must not be null")));
      return this;
    }

    /** The insert, each statement followed by {@code suffix}; {@code returning} if the suffix returns rows. */
    public BulkInsert<R> build(String suffix, boolean returning) {
      if (columns.isEmpty()) {
        throw new IllegalStateException("a bulk insert needs at least one column");
      }
      return new BulkInsert<>(table, columns, Objects.requireNonNull(suffix, "suffix must not be null"), returning);
    }

    /** The insert, with no suffix. */
    public BulkInsert<R> build() {
      return build("", false);
    }
  }
}
