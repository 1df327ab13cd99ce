package org.petition.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.petition.SignerKind;
import org.petition.store.HouseholdMember;
import org.petition.store.SignatureCriteria;
import org.petition.store.SignatureState;
import org.petition.store.StoredSignature;

// Signatures read back: by id (also under a row lock, for the transactions that change one), a
// household, the held list, searches, a subject's, and the latest counted.
public final class SignatureReads {

  // The states a live signature has, as SQL: pending or confirmed.
  static final String LIVE = "('PENDING', 'CONFIRMED')";

  private static final String SIGNATURE_COLUMNS_OF_S = "s." + Rows.SIGNATURE_COLUMNS.replace(", ", ", s.");

  private final Transactions transactions;
  private final FreshPlans freshPlans;

  public SignatureReads(Transactions transactions, FreshPlans freshPlans) {
    this.transactions = transactions;
    this.freshPlans = freshPlans;
  }

  static boolean isLive(StoredSignature signature) {
    return signature.state() == SignatureState.PENDING || signature.state() == SignatureState.CONFIRMED;
  }

  // Every confirmation reads its signature first (Petitions.confirm): one round trip, the statement setting the
  // schema for itself (Transactions.readSettingSchema). Through read() it took three (the session's schema
  // switched, the row read, the schema restored): two of the four and a half round trips of a signing and its
  // confirmation on PostgreSQL in a development run (pg_stat_statements, 2026-12-07).
  public Optional<StoredSignature> find(long id) {
    return transactions.readSettingSchema("find signature", connection -> {
      boolean fresh = freshPlans.now();
      try (PreparedStatement statement = connection.prepareStatement(transactions.schemaPrefix()
          + FreshPlans.sql(BY_ID, fresh))) {
        statement.setLong(1, id);
        try (ResultSet row = Transactions.queryPastSettings(statement, transactions.schemaSettings() + (fresh ? 1 : 0))) {
          return Optional.ofNullable(row.next() ? Rows.signature(row) : null);
        }
      }
    });
  }

  private static final String BY_ID = "SELECT " + Rows.SIGNATURE_COLUMNS + " FROM signature WHERE id = ?";

  // forUpdate: locked until the caller's transaction ends, so what is decided from it still holds.
  @Nullable StoredSignature byId(Connection connection, long id, boolean forUpdate) throws SQLException {
    boolean fresh = freshPlans.now();
    String sql = BY_ID + (forUpdate ? " FOR UPDATE" : "");
    try (PreparedStatement statement = connection.prepareStatement(FreshPlans.sql(sql, fresh))) {
      statement.setLong(1, id);
      try (ResultSet row = FreshPlans.executeQuery(statement, fresh)) {
        return row.next() ? Rows.signature(row) : null;
      }
    }
  }

  public List<HouseholdMember> household(String petition, byte[] emailKey) {
    return transactions.read("read household", connection -> {
      List<HouseholdMember> members = new ArrayList<>();
      boolean fresh = freshPlans.now();
      try (PreparedStatement statement = connection.prepareStatement(FreshPlans.sql("SELECT id, household_slot,"
          + " name_key FROM signature WHERE petition = ? AND email_key = ? AND state IN " + LIVE
          + " ORDER BY household_slot", fresh))) {
        statement.setString(1, petition);
        statement.setBytes(2, emailKey);
        try (ResultSet row = FreshPlans.executeQuery(statement, fresh)) {
          while (row.next()) {
            byte[] nameKey = row.getBytes(3); // NULL once erased while it keeps counting
            members.add(new HouseholdMember(row.getLong(1), row.getInt(2), nameKey == null ? new byte[0] : nameKey));
          }
        }
      }
      return members;
    });
  }

  public List<StoredSignature> held(String petition, long afterId, int limit) {
    // Keyset-paged on (petition, held, id). Retention takes a signature off the list (name_key is then NULL).
    return transactions.read("read held signatures", connection -> Statements.signatures(connection, "SELECT "
        + Rows.SIGNATURE_COLUMNS + " FROM signature WHERE petition = ? AND held = TRUE AND id > ? AND state IN "
        + LIVE + " AND name_key IS NOT NULL ORDER BY id LIMIT ?", petition, afterId, limit));
  }

  public List<StoredSignature> search(String petition, SignatureCriteria criteria, long afterId, int limit) {
    // Every criterion but the display-name pattern (a Java regular expression) is a condition in SQL.
    StringBuilder sql = new StringBuilder("SELECT " + Rows.SIGNATURE_COLUMNS
        + " FROM signature WHERE petition = ? AND state <> 'REVOKED' AND id > ?");
    List<Object> parameters = new ArrayList<>();
    parameters.add(petition);
    parameters.add(0L); // the keyset position, replaced for each batch
    if (criteria.network() != null) {
      sql.append(" AND network = ?");
      parameters.add(criteria.network());
    }
    if (criteria.networkPrefix() != null) {
      sql.append(" AND network LIKE ? ESCAPE '\\'");
      parameters.add(likePrefix(criteria.networkPrefix()));
    }
    if (criteria.emailDomain() != null) {
      sql.append(" AND email_domain = ?");
      parameters.add(criteria.emailDomain());
    }
    if (criteria.emailKey() != null) {
      sql.append(" AND email_key = ?");
      parameters.add(criteria.emailKey());
    }
    if (criteria.displayNamePattern() != null) {
      sql.append(" AND display_name IS NOT NULL");
    }
    if (criteria.country() != null) {
      sql.append(" AND country = ?");
      parameters.add(criteria.country());
    }
    if (criteria.signedFrom() != null) {
      sql.append(" AND signed_at >= ?");
      parameters.add(criteria.signedFrom());
    }
    if (criteria.signedUntil() != null) {
      sql.append(" AND signed_at < ?");
      parameters.add(criteria.signedUntil());
    }
    sql.append(" ORDER BY id LIMIT ?");
    boolean filtered = criteria.displayNamePattern() != null;
    int batch = filtered ? Math.max(limit, 200) : limit;
    parameters.add(batch);
    // One snapshot for every batch, so a page is consistent even when it takes several reads.
    return transactions.snapshot("search signatures", connection -> {
      List<StoredSignature> page = new ArrayList<>(Math.min(limit, 100));
      long after = afterId;
      while (true) {
        parameters.set(1, after);
        List<StoredSignature> rows = Statements.signatures(connection, sql.toString(), parameters.toArray());
        for (StoredSignature row : rows) {
          if (!filtered || criteria.matches(row)) {
            page.add(row);
            if (page.size() == limit) {
              return page;
            }
          }
          after = row.id();
        }
        if (rows.size() < batch) {
          return page;
        }
      }
    });
  }

  // A LIKE pattern matching text that starts with prefix, with \ as the escape.
  private static String likePrefix(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  public List<StoredSignature> bySubject(byte[] emailKey) {
    return transactions.read("read signatures of a subject", connection -> Statements.signatures(connection,
        "SELECT " + Rows.SIGNATURE_COLUMNS + " FROM signature WHERE email_key = ? ORDER BY id", emailKey));
  }

  public List<StoredSignature> latest(String petition, @Nullable SignerKind kind, long beforeNumber, int limit) {
    // Keyset pagination on signature_number (petition[, kind], number DESC), each entry's signature by its
    // key. An entry whose signature no longer counts (revoked, removed, held) is skipped. A signature counts
    // under one number all its life (approve and restore number only one that never had a number), so its
    // number need not be compared: doing so in the join made PostgreSQL expect one row and scan them all.
    String sql = "SELECT " + SIGNATURE_COLUMNS_OF_S + " FROM signature_number n JOIN signature s ON s.id = n.signature_id"
        + " WHERE n.petition = ?" + (kind == null ? "" : " AND n.kind = ?")
        + " AND n.number < ? AND s.state = 'CONFIRMED' AND NOT s.held ORDER BY n.number DESC LIMIT ?";
    boolean fresh = freshPlans.now();
    return transactions.read("read latest signatures", connection -> {
      List<StoredSignature> page = new ArrayList<>(Math.min(limit, 100));
      try (PreparedStatement statement = connection.prepareStatement(FreshPlans.sql(sql, fresh))) {
        int i = 0;
        statement.setString(++i, petition);
        if (kind != null) {
          statement.setString(++i, kind.name());
        }
        statement.setLong(++i, beforeNumber);
        statement.setInt(++i, limit);
        try (ResultSet row = FreshPlans.executeQuery(statement, fresh)) {
          while (row.next()) {
            page.add(Rows.signature(row));
          }
        }
      }
      return page;
    });
  }
}
