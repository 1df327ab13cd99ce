package org.petition.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.petition.Petition;

// Petitions, one row each, saved with the database objects their counting needs (number sequence, counter
// rows for no country and each goal country), so the first confirmations find them.
public final class SavedPetitions {

  private static final String UPDATE = "UPDATE petition SET title = ?, text = ?, target = ?, author = ?,"
      + " category = ?, tags = ?, goal = ?, goals_by_country = ?, opens_at = ?, closes_at = ?, consents = ?,"
      + " display_name_policy = ?, noindex = ?, signatures_per_email = ?, erased_signatures_count = ?,"
      + " photo_policy = ?, number_sequence = ?, version = nextval('petition_version_seq') WHERE slug = ?";
  private static final String INSERT = "INSERT INTO petition (title, text, target, author, category, tags, goal,"
      + " goals_by_country, opens_at, closes_at, consents, display_name_policy, noindex, signatures_per_email,"
      + " erased_signatures_count, photo_policy, number_sequence, slug, version)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, nextval('petition_version_seq'))";

  private final Transactions transactions;
  private final Sequences sequences;
  private final Counters counters;
  private final boolean postgres;

  public SavedPetitions(Transactions transactions, Sequences sequences, Counters counters, boolean postgres) {
    this.transactions = transactions;
    this.postgres = postgres;
    this.sequences = sequences;
    this.counters = counters;
  }

  public void save(Petition petition) {
    String sequence = sequences.ensure(petition.slug());
    transactions.run("save petition", connection -> {
      // Update, else insert, else (another instance inserted it meanwhile) update: no dialect-specific upsert.
      for (int attempt = 0; attempt < 3; attempt++) {
        if (execute(connection, UPDATE, petition, sequence) == 1) {
          saveLetterLimit(connection, petition);
          return;
        }
        try {
          execute(connection, INSERT, petition, sequence);
          saveLetterLimit(connection, petition);
          return;
        } catch (SQLException e) {
          if (!Transactions.isUniqueViolation(e)) {
            throw e;
          }
        }
      }
      throw new SQLException("petition kept changing while being saved", "40001");
    });
    if (postgres) {
      // Instances listening hear of it at once; the others see the version at their next check.
      transactions.run("announce petition change", connection -> {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_notify(?, '')")) {
          statement.setString(1, DefinitionListener.CHANNEL);
          statement.executeQuery().close();
        }
      });
    }
    counters.ensure(petition.slug(), "");
    petition.goalsByCountry().keySet().forEach(country -> counters.ensure(petition.slug(), country));
  }

  // A statement of its own (V13's column), in the same transaction as the row's.
  private static void saveLetterLimit(Connection connection, Petition petition) throws SQLException {
    Statements.update(connection, "UPDATE petition SET letter_limit = ? WHERE slug = ?", petition.letterLimit(),
        petition.slug());
  }

  private static int execute(Connection connection, String sql, Petition petition, String sequence)
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
      statement.setString(++i, petition.photos().name());
      statement.setString(++i, sequence);
      statement.setString(++i, petition.slug());
      return statement.executeUpdate();
    }
  }

  // The highest version of any definition: each save takes a new one from one sequence, so any change made
  // by any instance raises it.
  public long version() {
    return transactions.read("read definitions version", connection -> {
      try (PreparedStatement statement = connection.prepareStatement("SELECT MAX(version) FROM petition");
          ResultSet row = statement.executeQuery()) {
        return row.next() ? row.getLong(1) : 0L;
      }
    });
  }

  public Optional<Petition> find(String slug) {
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

  public List<Petition> all() {
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
}
