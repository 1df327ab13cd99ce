package org.petition.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.petition.store.PhotoInfo;
import org.petition.store.PhotoState;
import org.petition.store.PhotoStore;
import org.petition.store.StoredPhoto;
import org.petition.store.jdbc.internal.Rows;
import org.petition.store.jdbc.internal.Schema;
import org.petition.store.jdbc.internal.Transactions;

/**
 * A {@link PhotoStore} in PostgreSQL 15+ (or H2 2.x) over a {@link DataSource}: table {@code signature_photo}
 * (migration V12) of the signature store's schema ({@code petition} unless given), the bytes in {@code bytea}
 * columns. Its foreign key to {@code signature} deletes a photo with a purged pending signature. Instants are
 * kept to the microsecond (truncated). Thread-safe and immutable.
 */
public final class JdbcPhotoStore implements PhotoStore {

  private static final String INFO_COLUMNS = "id, petition, signature_id, state, counted, width, height, received_at";
  private static final int MAX_IDS_PER_QUERY = 100;

  private final Transactions transactions;

  private JdbcPhotoStore(Transactions transactions) {
    this.transactions = transactions;
  }

  /**
   * A store over this data source in database schema {@code schema} (that of the signature store, see {@link
   * JdbcSignatureStore.Builder#schema}), after checking that the database answers and migrating it with
   * Flyway when {@code migrate} is true.
   *
   * @throws IllegalArgumentException when {@code schema} is not an unquoted lower-case SQL identifier
   * @throws IllegalStateException when the database cannot be reached, is not PostgreSQL or H2, or cannot
   *     be migrated
   */
  public static JdbcPhotoStore create(DataSource dataSource, boolean migrate, String schema) {
    Objects.requireNonNull(dataSource, "dataSource must not be null");
    Schema.checkName(schema);
    String product = Schema.checkReachable(dataSource);
    String located = Schema.locate(dataSource, schema);
    if (migrate) {
      Schema.migrate(dataSource, located);
    }
    return new JdbcPhotoStore(new Transactions(dataSource, located, product.startsWith("PostgreSQL")));
  }

  /** A store over this data source, in the default schema {@code petition}, with its schema migrated. */
  public static JdbcPhotoStore create(DataSource dataSource) {
    return create(dataSource, true, JdbcSignatureStore.DEFAULT_SCHEMA);
  }

  @Override
  public void save(StoredPhoto photo) {
    Objects.requireNonNull(photo, "photo must not be null");
    PhotoInfo info = photo.info();
    transactions.write("save photo", connection -> {
      try (PreparedStatement delete =
          connection.prepareStatement("DELETE FROM signature_photo WHERE signature_id = ?")) {
        delete.setLong(1, info.signatureId());
        delete.executeUpdate();
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO signature_photo (" + INFO_COLUMNS
          + ", image, thumbnail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        int i = 0;
        insert.setString(++i, info.id());
        insert.setString(++i, info.petition());
        insert.setLong(++i, info.signatureId());
        insert.setString(++i, info.state().name());
        insert.setBoolean(++i, info.counted());
        insert.setInt(++i, info.width());
        insert.setInt(++i, info.height());
        Rows.setInstant(insert, ++i, info.receivedAt());
        insert.setBytes(++i, photo.image());
        insert.setBytes(++i, photo.thumbnail());
        insert.executeUpdate();
      }
      return Boolean.TRUE;
    });
  }

  @Override
  public Optional<StoredPhoto> find(String id) {
    Objects.requireNonNull(id, "id must not be null");
    return findWhere("id = ?", id);
  }

  @Override
  public Optional<StoredPhoto> findBySignature(long signatureId) {
    return findWhere("signature_id = ?", signatureId);
  }

  private Optional<StoredPhoto> findWhere(String condition, Object key) {
    return transactions.read("read photo", connection -> {
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT " + INFO_COLUMNS + ", image, thumbnail FROM signature_photo WHERE " + condition)) {
        statement.setObject(1, key);
        try (ResultSet row = statement.executeQuery()) {
          return row.next() ? Optional.of(new StoredPhoto(info(row), row.getBytes("image"), row.getBytes("thumbnail")))
              : Optional.<StoredPhoto>empty();
        }
      }
    });
  }

  @Override
  public List<PhotoInfo> list(String petition, PhotoState state, boolean countedOnly, int limit) {
    Objects.requireNonNull(petition, "petition must not be null");
    Objects.requireNonNull(state, "state must not be null");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    return transactions.read("list photos", connection -> {
      try (PreparedStatement statement = connection.prepareStatement("SELECT " + INFO_COLUMNS
          + " FROM signature_photo WHERE petition = ? AND state = ?" + (countedOnly ? " AND counted" : "")
          + " ORDER BY received_at, id LIMIT ?")) {
        statement.setString(1, petition);
        statement.setString(2, state.name());
        statement.setInt(3, limit);
        List<PhotoInfo> found = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            found.add(info(row));
          }
        }
        return List.copyOf(found);
      }
    });
  }

  @Override
  public List<byte[]> thumbnails(List<String> ids) {
    Objects.requireNonNull(ids, "ids must not be null");
    Map<String, byte[]> found = new HashMap<>();
    for (int from = 0; from < ids.size(); from += MAX_IDS_PER_QUERY) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + MAX_IDS_PER_QUERY));
      found.putAll(transactions.read("read thumbnails", connection -> thumbnails(connection, chunk)));
    }
    List<byte[]> ordered = new ArrayList<>(found.size());
    for (String id : ids) {
      byte[] thumbnail = found.get(id);
      if (thumbnail != null) {
        ordered.add(thumbnail);
      }
    }
    return ordered;
  }

  private static Map<String, byte[]> thumbnails(Connection connection, List<String> ids) throws SQLException {
    // A fixed statement per chunk size: no IN list built from text.
    StringBuilder sql = new StringBuilder("SELECT id, thumbnail FROM signature_photo WHERE id IN (");
    for (int i = 0; i < ids.size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
    }
    Map<String, byte[]> found = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql.append(')').toString())) {
      for (int i = 0; i < ids.size(); i++) {
        statement.setString(i + 1, ids.get(i));
      }
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          found.put(row.getString(1), row.getBytes(2));
        }
      }
    }
    return found;
  }

  @Override
  public boolean approve(String id, Instant at) {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(at, "at must not be null");
    return transactions.read("approve photo", connection -> {
      try (PreparedStatement statement = connection.prepareStatement(
          "UPDATE signature_photo SET state = 'APPROVED', moderated_at = ? WHERE id = ? AND state = 'HELD'")) {
        Rows.setInstant(statement, 1, at);
        statement.setString(2, id);
        return statement.executeUpdate() == 1;
      }
    });
  }

  @Override
  public void markCounted(long signatureId, boolean counted) {
    transactions.run("mark a photo's signature counted", connection -> {
      try (PreparedStatement statement =
          connection.prepareStatement("UPDATE signature_photo SET counted = ? WHERE signature_id = ?")) {
        statement.setBoolean(1, counted);
        statement.setLong(2, signatureId);
        statement.executeUpdate();
      }
    });
  }

  @Override
  public boolean delete(String id) {
    Objects.requireNonNull(id, "id must not be null");
    return update("delete photo", "DELETE FROM signature_photo WHERE id = ?", id) == 1;
  }

  @Override
  public int deleteBySignature(long signatureId) {
    return transactions.read("delete a signature's photo", connection -> {
      try (PreparedStatement statement =
          connection.prepareStatement("DELETE FROM signature_photo WHERE signature_id = ?")) {
        statement.setLong(1, signatureId);
        return statement.executeUpdate();
      }
    });
  }

  @Override
  public int deleteByPetition(String petition) {
    Objects.requireNonNull(petition, "petition must not be null");
    return update("delete a petition's photos", "DELETE FROM signature_photo WHERE petition = ?", petition);
  }

  private int update(String operation, String sql, String argument) {
    return transactions.read(operation, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setString(1, argument);
        return statement.executeUpdate();
      }
    });
  }

  private static PhotoInfo info(ResultSet row) throws SQLException {
    return new PhotoInfo(row.getString("id"), row.getString("petition"), row.getLong("signature_id"),
        PhotoState.valueOf(row.getString("state")), row.getBoolean("counted"), row.getInt("width"), row.getInt("height"),
        Rows.instant(row, "received_at"));
  }
}
