package org.petition.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.petition.store.AccountStore;
import org.petition.store.StoredAccount;
import org.petition.store.jdbc.internal.Rows;
import org.petition.store.jdbc.internal.Schema;
import org.petition.store.jdbc.internal.Transactions;

/**
 * An {@link AccountStore} in PostgreSQL 15+ (or H2 2.x) over a {@link DataSource}, in the {@code account}
 * table of the signature store's schema ({@code petition} unless given). One account per email key is enforced by a unique constraint, so
 * several application instances may register at once: the loser of a race is answered empty. Instants are
 * kept to the microsecond (truncated). Thread-safe and immutable.
 */
public final class JdbcAccountStore implements AccountStore {

  private final Transactions transactions;

  private JdbcAccountStore(Transactions transactions) {
    this.transactions = transactions;
  }

  /**
   * A store over this data source, in the default schema {@code petition}, after checking that the database
   * answers and migrating its schema with Flyway when {@code migrate} is true.
   *
   * @throws IllegalStateException when the database cannot be reached, is not PostgreSQL or H2, or cannot
   *     be migrated
   */
  public static JdbcAccountStore create(DataSource dataSource, boolean migrate) {
    return create(dataSource, migrate, Schema.DEFAULT);
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
  public static JdbcAccountStore create(DataSource dataSource, boolean migrate, String schema) {
    Objects.requireNonNull(dataSource, "dataSource must not be null");
    Schema.checkName(schema);
    String product = Schema.checkReachable(dataSource);
    String located = Schema.locate(dataSource, schema);
    if (migrate) {
      Schema.migrate(dataSource, located);
    }
    return new JdbcAccountStore(new Transactions(dataSource, located, product.startsWith("PostgreSQL")));
  }

  /** A store over this data source, with its schema migrated. */
  public static JdbcAccountStore create(DataSource dataSource) {
    return create(dataSource, true);
  }

  @Override
  public Optional<StoredAccount> create(StoredAccount account) {
    Objects.requireNonNull(account, "account must not be null");
    return transactions.write("create account", connection -> {
      long id;
      try (PreparedStatement statement = connection.prepareStatement("SELECT nextval('account_id_seq')");
          ResultSet row = statement.executeQuery()) {
        row.next();
        id = row.getLong(1);
      }
      try (PreparedStatement statement = connection.prepareStatement("INSERT INTO account (id, email_key,"
          + " sealed_email, password_hash, created_at, verified_at) VALUES (?, ?, ?, ?, ?, ?)")) {
        statement.setLong(1, id);
        statement.setBytes(2, account.emailKey());
        statement.setBytes(3, account.sealedEmail());
        statement.setString(4, account.passwordHash());
        Rows.setInstant(statement, 5, account.createdAt());
        Rows.setInstant(statement, 6, account.verifiedAt());
        statement.executeUpdate();
      } catch (SQLException e) {
        if (Transactions.isUniqueViolation(e)) {
          connection.rollback(); // PostgreSQL has aborted the transaction; the taken id is a gap
          return Optional.<StoredAccount>empty();
        }
        throw e;
      }
      return select(connection, "SELECT " + Rows.ACCOUNT_COLUMNS + " FROM account WHERE id = ?", id);
    });
  }

  @Override
  public Optional<StoredAccount> byEmailKey(byte[] emailKey) {
    Objects.requireNonNull(emailKey, "emailKey must not be null");
    return transactions.read("read account", connection ->
        select(connection, "SELECT " + Rows.ACCOUNT_COLUMNS + " FROM account WHERE email_key = ?", emailKey));
  }

  @Override
  public Optional<StoredAccount> byId(long id) {
    return transactions.read("read account", connection ->
        select(connection, "SELECT " + Rows.ACCOUNT_COLUMNS + " FROM account WHERE id = ?", id));
  }

  @Override
  public boolean markVerified(long id, Instant at) {
    Objects.requireNonNull(at, "at must not be null");
    return transactions.read("verify account", connection -> {
      try (PreparedStatement statement = connection.prepareStatement(
          "UPDATE account SET verified_at = ? WHERE id = ? AND verified_at IS NULL")) {
        Rows.setInstant(statement, 1, at);
        statement.setLong(2, id);
        return statement.executeUpdate() == 1;
      }
    });
  }

  @Override
  public void updatePasswordHash(long id, String passwordHash) {
    Objects.requireNonNull(passwordHash, "passwordHash must not be null");
    transactions.run("update password hash", connection -> {
      try (PreparedStatement statement =
          connection.prepareStatement("UPDATE account SET password_hash = ? WHERE id = ?")) {
        statement.setString(1, passwordHash);
        statement.setLong(2, id);
        statement.executeUpdate();
      }
    });
  }

  @Override
  public boolean replacePasswordHash(long id, String expected, String replacement) {
    Objects.requireNonNull(expected, "expected must not be null");
    Objects.requireNonNull(replacement, "replacement must not be null");
    // One conditional UPDATE: the row lock makes a second use of the same reset link find a new hash.
    return transactions.read("replace password hash", connection -> {
      try (PreparedStatement statement = connection.prepareStatement(
          "UPDATE account SET password_hash = ? WHERE id = ? AND password_hash = ?")) {
        statement.setString(1, replacement);
        statement.setLong(2, id);
        statement.setString(3, expected);
        return statement.executeUpdate() == 1;
      }
    });
  }

  @Override
  public boolean delete(byte[] emailKey) {
    Objects.requireNonNull(emailKey, "emailKey must not be null");
    return transactions.read("delete account", connection -> {
      try (PreparedStatement statement = connection.prepareStatement("DELETE FROM account WHERE email_key = ?")) {
        statement.setBytes(1, emailKey);
        return statement.executeUpdate() == 1;
      }
    });
  }

  private static Optional<StoredAccount> select(java.sql.Connection connection, String sql, Object key)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      if (key instanceof byte[] bytes) {
        statement.setBytes(1, bytes);
      } else {
        statement.setLong(1, (Long) key);
      }
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? Optional.of(Rows.account(row)) : Optional.empty();
      }
    }
  }

  @Override
  public String toString() {
    return "JdbcAccountStore";
  }
}
