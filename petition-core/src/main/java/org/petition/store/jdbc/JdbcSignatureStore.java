package org.petition.store.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jspecify.annotations.Nullable;
import org.petition.Petition;
import org.petition.SignerKind;
import org.petition.store.ConfirmOutcome;
import org.petition.store.Counts;
import org.petition.store.HouseholdMember;
import org.petition.store.InsertOutcome;
import org.petition.store.NewSignature;
import org.petition.store.PetitionStoreException;
import org.petition.store.RemoveOutcome;
import org.petition.store.SignatureState;
import org.petition.store.SignatureStore;
import org.petition.store.StoredSignature;
import org.petition.store.jdbc.internal.Codecs;
import org.petition.store.jdbc.internal.Rows;
import org.petition.store.jdbc.internal.SequenceNames;
import org.petition.store.jdbc.internal.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SignatureStore} in PostgreSQL 15+ (or H2 2.x) over a {@link DataSource}, safe for several
 * application instances sharing one database: the database itself enforces uniqueness (unique indexes on
 * the email and phone keys of live signatures) and atomicity (each operation is one transaction).
 *
 * <p>Counts are kept in a sharded counter table, so concurrent confirmations update different rows and a
 * count is read in time independent of the number of signatures. Numbers come from one database sequence
 * per petition: they follow counting order and are unique, but may have gaps (a number taken by a
 * transaction that then failed or lost a race is not reused).
 *
 * <p>Instants are kept to the microsecond (truncated). Thread-safe and immutable; build one with {@link
 * #builder(DataSource)}. The schema is migrated with Flyway on build, recorded in {@code
 * petition_schema_history}, so it can share a database and schema with the application's own tables.
 */
public final class JdbcSignatureStore implements SignatureStore {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcSignatureStore.class);
  private static final String LIVE = "('PENDING', 'CONFIRMED')";
  /** How often an insert is retried when the signature that blocked it is gone by the time it is read. */
  private static final int INSERT_ATTEMPTS = 5;

  private final Transactions transactions;
  private final int counterShards;
  // Database objects known to exist, so each is ensured once per store rather than on every call.
  private final Set<String> readySequences = ConcurrentHashMap.newKeySet();
  private final Set<String> readyCounters = ConcurrentHashMap.newKeySet();

  private JdbcSignatureStore(Builder builder) {
    this.transactions = new Transactions(builder.dataSource);
    this.counterShards = builder.counterShards;
  }

  /** A builder of a store over this data source (ideally a connection pool). */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /** How many counter rows a petition's count is spread over, per country. */
  public int counterShards() {
    return counterShards;
  }

  @Override
  public void savePetition(Petition petition) {
    Objects.requireNonNull(petition, "petition must not be null");
    String sequence = ensureSequence(petition.slug());
    String update = "UPDATE petition SET title = ?, text = ?, target = ?, author = ?, category = ?, tags = ?, goal = ?,"
        + " goals_by_country = ?, opens_at = ?, closes_at = ?, consents = ?, display_name_policy = ?, noindex = ?,"
        + " signatures_per_email = ?, erased_signatures_count = ?, number_sequence = ? WHERE slug = ?";
    String insert = "INSERT INTO petition (title, text, target, author, category, tags, goal, goals_by_country,"
        + " opens_at, closes_at, consents, display_name_policy, noindex, signatures_per_email,"
        + " erased_signatures_count, number_sequence, slug) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    transactions.read("save petition", connection -> {
      // Update, else insert, else (another instance inserted it meanwhile) update: no dialect-specific upsert.
      for (int attempt = 0; attempt < 3; attempt++) {
        if (executePetition(connection, update, petition, sequence) == 1) {
          return null;
        }
        try {
          executePetition(connection, insert, petition, sequence);
          return null;
        } catch (SQLException e) {
          if (!Transactions.isUniqueViolation(e)) {
            throw e;
          }
        }
      }
      throw new SQLException("petition kept changing while being saved", "40001");
    });
    // Counter rows for no country and for each goal country now, so the first confirmations find them.
    ensureCounters(petition.slug(), "");
    petition.goalsByCountry().keySet().forEach(country -> ensureCounters(petition.slug(), country));
  }

  private static int executePetition(Connection connection, String sql, Petition petition, String sequence)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int i = 0;
      statement.setString(++i, petition.title());
      statement.setString(++i, petition.text());
      statement.setString(++i, petition.target());
      statement.setString(++i, petition.author());
      statement.setString(++i, petition.category());
      statement.setString(++i, Codecs.tags(petition.tags()));
      statement.setLong(++i, petition.goal());
      statement.setString(++i, Codecs.goals(petition.goalsByCountry()));
      Rows.setInstant(statement, ++i, petition.opensAt());
      Rows.setInstant(statement, ++i, petition.closesAt());
      statement.setString(++i, Codecs.consentDocuments(petition.consents()));
      statement.setString(++i, petition.displayNamePolicy().name());
      statement.setBoolean(++i, petition.noindex());
      statement.setInt(++i, petition.signaturesPerEmail());
      statement.setBoolean(++i, petition.erasedSignaturesCount());
      statement.setString(++i, sequence);
      statement.setString(++i, petition.slug());
      return statement.executeUpdate();
    }
  }

  @Override
  public Optional<Petition> petition(String slug) {
    Objects.requireNonNull(slug, "slug must not be null");
    return transactions.read("read petition", connection -> {
      try (PreparedStatement statement =
          connection.prepareStatement("SELECT " + Rows.PETITION_COLUMNS + " FROM petition WHERE slug = ?")) {
        statement.setString(1, slug);
        try (ResultSet row = statement.executeQuery()) {
          return row.next() ? Optional.of(Rows.petition(row)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public List<Petition> petitions() {
    return transactions.read("list petitions", connection -> {
      List<Petition> petitions = new ArrayList<>();
      try (PreparedStatement statement =
              connection.prepareStatement("SELECT " + Rows.PETITION_COLUMNS + " FROM petition ORDER BY slug");
          ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          petitions.add(Rows.petition(row));
        }
      }
      return petitions;
    });
  }

  @Override
  public InsertOutcome insert(NewSignature signature, boolean confirmedNow) {
    Objects.requireNonNull(signature, "signature must not be null");
    boolean counted = confirmedNow && !signature.held();
    if (counted) {
      ensureSequence(signature.petition());
      ensureCounters(signature.petition(), countryKey(signature.country()));
    }
    return transactions.write("insert signature", connection -> {
      for (int attempt = 0; attempt < INSERT_ATTEMPTS; attempt++) {
        long id = nextValue(connection, "signature_id_seq");
        long number = counted ? nextValue(connection, SequenceNames.of(signature.petition())) : 0;
        try {
          insertRow(connection, id, signature, confirmedNow, number);
        } catch (SQLException e) {
          if (!Transactions.isUniqueViolation(e)) {
            throw e;
          }
          // PostgreSQL has aborted the transaction: roll back, then name the live signature in the way.
          connection.rollback();
          InsertOutcome duplicate = duplicateOf(connection, signature);
          if (duplicate != null) {
            return duplicate;
          }
          continue; // the blocking signature was revoked or purged meanwhile: its keys are free now
        }
        if (counted) {
          addToCount(connection, signature.petition(), signature.country(), +1);
        }
        return new InsertOutcome.Inserted(id);
      }
      throw new SQLException("signature keys kept changing while inserting", "40001");
    });
  }

  private static void insertRow(Connection connection, long id, NewSignature s, boolean confirmed, long number)
      throws SQLException {
    String sql = "INSERT INTO signature (" + Rows.SIGNATURE_COLUMNS + ") VALUES"
        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int i = 0;
      statement.setLong(++i, id);
      statement.setString(++i, s.petition());
      statement.setString(++i, (confirmed ? SignatureState.CONFIRMED : SignatureState.PENDING).name());
      statement.setLong(++i, number);
      Rows.setInstant(statement, ++i, confirmed ? s.signedAt() : null);
      statement.setString(++i, s.kind().name());
      Rows.setBytes(statement, ++i, s.emailKey());
      statement.setInt(++i, s.householdSlot());
      Rows.setBytes(statement, ++i, s.phoneKey());
      Rows.setBytes(statement, ++i, s.nameKey());
      Rows.setBytes(statement, ++i, s.networkKey());
      Rows.setString(statement, ++i, s.displayName());
      statement.setBoolean(++i, s.nickname());
      Rows.setString(statement, ++i, s.comment());
      statement.setBoolean(++i, s.commentHidden());
      Rows.setString(statement, ++i, s.affiliation());
      Rows.setString(statement, ++i, s.city());
      Rows.setString(statement, ++i, s.country());
      statement.setString(++i, s.emailDomain());
      Rows.setString(statement, ++i, s.network());
      Rows.setBytes(statement, ++i, s.sealedPersonalData());
      Rows.setInstant(statement, ++i, s.signedAt());
      statement.setBoolean(++i, s.held());
      statement.setString(++i, Codecs.findings(s.findings()));
      statement.setString(++i, Codecs.consentGrants(s.consents()));
      Rows.setString(statement, ++i, s.formId());
      Rows.setString(statement, ++i, s.userAgentHash());
      statement.setString(++i, s.locale());
      statement.executeUpdate();
    }
  }

  /** The live signature holding the email (checked first, as the in-memory store does) or phone key. */
  private static @Nullable InsertOutcome duplicateOf(Connection connection, NewSignature signature)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM signature"
        + " WHERE petition = ? AND email_key = ? AND household_slot = ? AND state IN " + LIVE)) {
      statement.setString(1, signature.petition());
      statement.setBytes(2, signature.emailKey());
      statement.setInt(3, signature.householdSlot());
      try (ResultSet row = statement.executeQuery()) {
        if (row.next()) {
          return new InsertOutcome.DuplicateEmail(row.getLong(1));
        }
      }
    }
    if (signature.phoneKey() != null) {
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT id FROM signature WHERE petition = ? AND phone_key = ? AND state IN " + LIVE)) {
        statement.setString(1, signature.petition());
        statement.setBytes(2, signature.phoneKey());
        try (ResultSet row = statement.executeQuery()) {
          if (row.next()) {
            return new InsertOutcome.DuplicatePhone(row.getLong(1));
          }
        }
      }
    }
    return null;
  }

  @Override
  public Optional<StoredSignature> find(long id) {
    return transactions.read("find signature", connection -> Optional.ofNullable(select(connection, id, false)));
  }

  private static @Nullable StoredSignature select(Connection connection, long id, boolean forUpdate)
      throws SQLException {
    String sql = "SELECT " + Rows.SIGNATURE_COLUMNS + " FROM signature WHERE id = ?" + (forUpdate ? " FOR UPDATE" : "");
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, id);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? Rows.signature(row) : null;
      }
    }
  }

  @Override
  public List<HouseholdMember> household(String petition, byte[] emailKey) {
    Objects.requireNonNull(petition, "petition must not be null");
    Objects.requireNonNull(emailKey, "emailKey must not be null");
    return transactions.read("read household", connection -> {
      List<HouseholdMember> members = new ArrayList<>();
      try (PreparedStatement statement = connection.prepareStatement("SELECT id, household_slot, name_key"
          + " FROM signature WHERE petition = ? AND email_key = ? AND state IN " + LIVE + " ORDER BY household_slot")) {
        statement.setString(1, petition);
        statement.setBytes(2, emailKey);
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            members.add(new HouseholdMember(row.getLong(1), row.getInt(2), row.getBytes(3)));
          }
        }
      }
      return members;
    });
  }

  @Override
  public boolean hasNearDuplicate(String petition, byte[] nameKey, @Nullable String city, byte @Nullable [] networkKey) {
    Objects.requireNonNull(petition, "petition must not be null");
    Objects.requireNonNull(nameKey, "nameKey must not be null");
    if (city == null && networkKey == null) {
      return false;
    }
    // The few live rows sharing the name key are compared here rather than in SQL: LOWER() depends on the
    // database's locale, Locale.ROOT lower-casing does not.
    String lowerCity = city == null ? null : city.toLowerCase(Locale.ROOT);
    return transactions.read("near-duplicate check", connection -> {
      try (PreparedStatement statement = connection.prepareStatement("SELECT city, network_key FROM signature"
          + " WHERE petition = ? AND name_key = ? AND state IN " + LIVE)) {
        statement.setString(1, petition);
        statement.setBytes(2, nameKey);
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            String otherCity = row.getString(1);
            byte[] otherNetwork = row.getBytes(2);
            if (lowerCity != null && otherCity != null && otherCity.toLowerCase(Locale.ROOT).equals(lowerCity)) {
              return true;
            }
            if (networkKey != null && otherNetwork != null && java.util.Arrays.equals(networkKey, otherNetwork)) {
              return true;
            }
          }
        }
      }
      return false;
    });
  }

  @Override
  public ConfirmOutcome confirm(long id, Instant now) {
    Objects.requireNonNull(now, "now must not be null");
    while (true) {
      Object outcome = transactions.write("confirm signature", connection -> {
        StoredSignature current = select(connection, id, false);
        if (current == null || current.state() != SignatureState.PENDING) {
          return settled(current);
        }
        boolean held = current.data().held();
        String country = current.data().country();
        if (!held && !ready(current.petition(), country)) {
          return new Setup(current.petition(), country);
        }
        long number = held ? 0 : nextValue(connection, SequenceNames.of(current.petition()));
        int updated;
        try (PreparedStatement statement = connection.prepareStatement("UPDATE signature"
            + " SET state = 'CONFIRMED', number = ?, confirmed_at = ? WHERE id = ? AND state = 'PENDING'")) {
          statement.setLong(1, number);
          Rows.setInstant(statement, 2, now);
          statement.setLong(3, id);
          updated = statement.executeUpdate();
        }
        if (updated == 0) {
          // Another transaction confirmed, revoked or purged it first; its number, if taken, is a gap.
          return settled(select(connection, id, false));
        }
        if (held) {
          return new ConfirmOutcome.Held();
        }
        addToCount(connection, current.petition(), country, +1);
        return new ConfirmOutcome.Counted(number, country);
      });
      if (outcome instanceof Setup setup) {
        setup.run(this);
        continue;
      }
      return (ConfirmOutcome) outcome;
    }
  }

  /** What confirming a signature that is no longer pending answers. */
  private static ConfirmOutcome settled(@Nullable StoredSignature signature) {
    if (signature == null) {
      return new ConfirmOutcome.NotFound();
    }
    return switch (signature.state()) {
      case CONFIRMED -> new ConfirmOutcome.AlreadyConfirmed(signature.number());
      case REVOKED, REMOVED -> new ConfirmOutcome.Gone();
      case PENDING -> throw new IllegalStateException("a pending signature is not settled");
    };
  }

  @Override
  public RemoveOutcome revoke(long id, Instant now) {
    Objects.requireNonNull(now, "now must not be null");
    while (true) {
      Object outcome = transactions.write("revoke signature", connection -> {
        // The row lock orders this against a concurrent confirm: whichever commits first, the other sees it.
        StoredSignature current = select(connection, id, true);
        if (current == null) {
          return new RemoveOutcome.NotFound();
        }
        if (current.state() != SignatureState.PENDING && current.state() != SignatureState.CONFIRMED) {
          return new RemoveOutcome.AlreadyGone();
        }
        boolean wasCounted = current.counted();
        String country = current.data().country();
        if (wasCounted && !ready(current.petition(), country)) {
          return new Setup(current.petition(), country);
        }
        // Erase everything personal or identifying; keep what the tally and consent evidence need.
        try (PreparedStatement statement = connection.prepareStatement("UPDATE signature SET state = 'REVOKED',"
            + " email_key = NULL, phone_key = NULL, name_key = NULL, network_key = NULL, display_name = NULL,"
            + " nickname = FALSE, comment = NULL, comment_hidden = TRUE, affiliation = NULL, city = NULL,"
            + " email_domain = NULL, network = NULL, sealed_personal_data = NULL, user_agent_hash = NULL"
            + " WHERE id = ?")) {
          statement.setLong(1, id);
          statement.executeUpdate();
        }
        if (wasCounted) {
          addToCount(connection, current.petition(), country, -1);
        }
        return new RemoveOutcome.Removed(wasCounted, country);
      });
      if (outcome instanceof Setup setup) {
        setup.run(this);
        continue;
      }
      return (RemoveOutcome) outcome;
    }
  }

  @Override
  public Counts counts(String petition) {
    Objects.requireNonNull(petition, "petition must not be null");
    return transactions.read("read counts", connection -> {
      long total = 0;
      Map<String, Long> byCountry = new HashMap<>();
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT country, SUM(n) FROM signature_count WHERE petition = ? GROUP BY country")) {
        statement.setString(1, petition);
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            String country = row.getString(1);
            long n = row.getLong(2);
            total += n;
            if (!country.isEmpty() && n > 0) {
              byCountry.put(country, n);
            }
          }
        }
      }
      return new Counts(total, byCountry);
    });
  }

  @Override
  public List<StoredSignature> latest(String petition, @Nullable SignerKind kind, long beforeNumber, int limit) {
    Objects.requireNonNull(petition, "petition must not be null");
    if (limit <= 0) {
      return List.of();
    }
    // Keyset pagination on (petition[, kind], number DESC); number > 0 skips uncounted rows in the index.
    String sql = "SELECT " + Rows.SIGNATURE_COLUMNS + " FROM signature WHERE petition = ?"
        + (kind == null ? "" : " AND kind = ?")
        + " AND number > 0 AND number < ? AND state = 'CONFIRMED' AND NOT held ORDER BY number DESC LIMIT ?";
    return transactions.read("read latest signatures", connection -> {
      List<StoredSignature> page = new ArrayList<>(Math.min(limit, 100));
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        int i = 0;
        statement.setString(++i, petition);
        if (kind != null) {
          statement.setString(++i, kind.name());
        }
        statement.setLong(++i, beforeNumber);
        statement.setInt(++i, limit);
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            page.add(Rows.signature(row));
          }
        }
      }
      return page;
    });
  }

  @Override
  public List<StoredSignature> purgePending(Instant cutoff, int limit) {
    Objects.requireNonNull(cutoff, "cutoff must not be null");
    if (limit <= 0) {
      return List.of();
    }
    return transactions.write("purge pending signatures", connection -> {
      // SKIP LOCKED: a signature being confirmed right now is not waited for; it is no longer pending anyway.
      List<StoredSignature> candidates = new ArrayList<>();
      try (PreparedStatement statement = connection.prepareStatement("SELECT " + Rows.SIGNATURE_COLUMNS
          + " FROM signature WHERE state = 'PENDING' AND signed_at < ? ORDER BY signed_at LIMIT ?"
          + " FOR UPDATE SKIP LOCKED")) {
        Rows.setInstant(statement, 1, cutoff);
        statement.setInt(2, limit);
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            candidates.add(Rows.signature(row));
          }
        }
      }
      if (candidates.isEmpty()) {
        return List.of();
      }
      int[] deleted;
      try (PreparedStatement statement =
          connection.prepareStatement("DELETE FROM signature WHERE id = ? AND state = 'PENDING'")) {
        for (StoredSignature candidate : candidates) {
          statement.setLong(1, candidate.id());
          statement.addBatch();
        }
        deleted = statement.executeBatch();
      }
      List<StoredSignature> purged = new ArrayList<>(candidates.size());
      for (int i = 0; i < candidates.size(); i++) {
        // The rows are locked, so each delete succeeds; a driver may report SUCCESS_NO_INFO (-2) instead.
        if (deleted[i] != 0) {
          purged.add(candidates.get(i));
        }
      }
      return purged;
    });
  }

  /** Whether the petition's sequence and the counter rows for this country are known to exist. */
  private boolean ready(String petition, @Nullable String country) {
    return readySequences.contains(SequenceNames.of(petition))
        && readyCounters.contains(counterKey(petition, countryKey(country)));
  }

  private static String counterKey(String petition, String country) {
    return petition + '\u0000' + country;
  }

  /**
   * Database objects a transaction found missing: it commits having changed nothing, they are created with
   * auto-committed statements, and the transaction runs again. Happens once per store, petition and country.
   */
  private record Setup(String petition, @Nullable String country) {
    void run(JdbcSignatureStore store) {
      store.ensureSequence(petition);
      store.ensureCounters(petition, countryKey(country));
    }
  }

  private static String countryKey(@Nullable String country) {
    return country == null ? "" : country;
  }

  /** Adds {@code delta} to one random counter shard of the petition and country, under its row lock only. */
  private void addToCount(Connection connection, String petition, @Nullable String country, int delta)
      throws SQLException {
    int shard = ThreadLocalRandom.current().nextInt(counterShards);
    try (PreparedStatement statement = connection.prepareStatement(
        "UPDATE signature_count SET n = n + ? WHERE petition = ? AND country = ? AND shard = ?")) {
      statement.setLong(1, delta);
      statement.setString(2, petition);
      statement.setString(3, countryKey(country));
      statement.setInt(4, shard);
      if (statement.executeUpdate() != 1) {
        // Counter rows are ensured before every transaction that counts; their absence is a broken schema.
        throw new SQLException("counter shard missing for a petition", "55000");
      }
    }
  }

  private static long nextValue(Connection connection, String sequence) throws SQLException {
    // nextval() works on both PostgreSQL and H2; sequences are outside transactions, so numbering never
    // makes one confirmer wait for another.
    try (PreparedStatement statement = connection.prepareStatement("SELECT nextval('" + sequence + "')");
        ResultSet row = statement.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  /** Creates the petition's number sequence unless it exists; returns its name. */
  private String ensureSequence(String petition) {
    String sequence = SequenceNames.of(petition);
    if (readySequences.contains(sequence)) {
      return sequence;
    }
    transactions.read("create number sequence", connection -> {
      try (Statement statement = connection.createStatement()) {
        // The name is [a-z0-9_] only (SequenceNames checks the slug), so concatenating it is safe.
        statement.execute("CREATE SEQUENCE IF NOT EXISTS " + sequence + " START WITH 1 INCREMENT BY 1");
      } catch (SQLException e) {
        // Two instances creating it at once: PostgreSQL may report the loser as a duplicate; it exists now.
        if (!Transactions.isUniqueViolation(e) && !"42P07".equals(e.getSQLState())) {
          throw e;
        }
      }
      return null;
    });
    readySequences.add(sequence);
    return sequence;
  }

  /** Creates the counter shard rows of a petition and country that do not exist yet. */
  private void ensureCounters(String petition, String country) {
    String key = counterKey(petition, country);
    if (readyCounters.contains(key)) {
      return;
    }
    transactions.read("create counter shards", connection -> {
      Set<Integer> present = new HashSet<>();
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT shard FROM signature_count WHERE petition = ? AND country = ?")) {
        statement.setString(1, petition);
        statement.setString(2, country);
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            present.add(row.getInt(1));
          }
        }
      }
      try (PreparedStatement statement = connection.prepareStatement(
          "INSERT INTO signature_count (petition, country, shard, n) VALUES (?, ?, ?, 0)")) {
        for (int shard = 0; shard < counterShards; shard++) {
          if (present.contains(shard)) {
            continue;
          }
          statement.setString(1, petition);
          statement.setString(2, country);
          statement.setInt(3, shard);
          try {
            statement.executeUpdate(); // auto-committed one by one, so a concurrent creator is harmless
          } catch (SQLException e) {
            if (!Transactions.isUniqueViolation(e)) {
              throw e;
            }
          }
        }
      }
      return null;
    });
    readyCounters.add(key);
  }

  @Override
  public String toString() {
    return "JdbcSignatureStore[counterShards=" + counterShards + "]";
  }

  /** A builder of {@link JdbcSignatureStore}; every setter checks its argument. */
  public static final class Builder {
    private static final int MAX_SHARDS = 1024;

    private final DataSource dataSource;
    private int counterShards = 16;
    private boolean migrate = true;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
    }

    /**
     * How many counter rows per petition and country confirmations spread over (default 16, at most 1024).
     * More shards mean fewer confirmers waiting on the same row and slightly slower count reads. Instances
     * sharing a database may use different values.
     */
    public Builder counterShards(int counterShards) {
      if (counterShards < 1 || counterShards > MAX_SHARDS) {
        throw new IllegalArgumentException(
            "counterShards must be between 1 and " + MAX_SHARDS + ", was " + counterShards);
      }
      this.counterShards = counterShards;
      return this;
    }

    /**
     * Whether {@link #build()} migrates the schema with Flyway (default true). Turn it off when the schema
     * is migrated by a deployment step; the store then only checks that the database answers.
     */
    public Builder migrate(boolean migrate) {
      this.migrate = migrate;
      return this;
    }

    /**
     * Checks that the database answers, migrates it when asked, and returns the store.
     *
     * @throws IllegalStateException when the database cannot be reached, is not PostgreSQL or H2, or cannot
     *     be migrated
     */
    public JdbcSignatureStore build() {
      String product = checkReachable();
      if (migrate) {
        migrateSchema();
      }
      JdbcSignatureStore store = new JdbcSignatureStore(this);
      LOG.info("petition store ready on {} with {} counter shards", product, counterShards);
      return store;
    }

    private String checkReachable() {
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

    private void migrateSchema() {
      Flyway flyway = Flyway.configure(JdbcSignatureStore.class.getClassLoader())
          .dataSource(dataSource)
          .locations("classpath:db/petition/migration")
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
}
