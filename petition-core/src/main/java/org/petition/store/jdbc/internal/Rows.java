package org.petition.store.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.petition.Petition;
import org.petition.SignerKind;
import org.petition.privacy.DisplayNamePolicy;
import org.petition.store.ModerationAction;
import org.petition.store.NewSignature;
import org.petition.store.SignatureState;
import org.petition.store.StoredAccount;
import org.petition.store.StoredSignature;

/** Maps petitions and signatures to and from rows. */
public final class Rows {

  /** Every column of {@code signature}, in the order {@link #signature} reads them. */
  public static final String SIGNATURE_COLUMNS = "id, petition, state, number, confirmed_at, kind, email_key,"
      + " household_slot, phone_key, name_key, network_key, display_name, nickname, comment, comment_hidden,"
      + " affiliation, city, country, email_domain, network, sealed_personal_data, signed_at, held, findings,"
      + " consents, form_id, user_agent_hash, locale";

  /** Every column of {@code petition} but the sequence name, in the order {@link #petition} reads them. */
  public static final String PETITION_COLUMNS = "slug, title, text, target, author, category, tags, goal,"
      + " goals_by_country, opens_at, closes_at, consents, display_name_policy, noindex, signatures_per_email,"
      + " erased_signatures_count";

  /** Every column of {@code moderation_action}, in the order {@link #moderationAction} reads them. */
  public static final String MODERATION_COLUMNS =
      "id, petition, kind, moderator, reason, criteria, signature_ids, at, undone_at, undone_by";

  /** Every column of {@code account}, in the order {@link #account} reads them. */
  public static final String ACCOUNT_COLUMNS = "id, email_key, sealed_email, password_hash, created_at, verified_at";

  private static final byte[] NONE = new byte[0];

  private Rows() {}

  /** Reads a signature selected with {@link #SIGNATURE_COLUMNS}. */
  public static StoredSignature signature(ResultSet row) throws SQLException {
    byte[] emailKey = row.getBytes("email_key");
    byte[] nameKey = row.getBytes("name_key");
    String emailDomain = row.getString("email_domain");
    byte[] sealed = row.getBytes("sealed_personal_data");
    // A revoked signature has its keys and personal data erased: the record holds empty values instead.
    NewSignature data = new NewSignature(
        row.getString("petition"),
        SignerKind.valueOf(row.getString("kind")),
        emailKey == null ? NONE : emailKey,
        row.getInt("household_slot"),
        row.getBytes("phone_key"),
        nameKey == null ? NONE : nameKey,
        row.getBytes("network_key"),
        row.getString("display_name"),
        row.getBoolean("nickname"),
        row.getString("comment"),
        row.getBoolean("comment_hidden"),
        row.getString("affiliation"),
        row.getString("city"),
        row.getString("country"),
        emailDomain == null ? "" : emailDomain,
        row.getString("network"),
        sealed == null ? NONE : sealed,
        instant(row, "signed_at"),
        row.getBoolean("held"),
        Codecs.findings(row.getString("findings")),
        Codecs.consentGrants(row.getString("consents")),
        row.getString("form_id"),
        row.getString("user_agent_hash"),
        row.getString("locale"));
    return new StoredSignature(
        row.getLong("id"),
        SignatureState.valueOf(row.getString("state")),
        row.getLong("number"),
        nullableInstant(row, "confirmed_at"),
        data);
  }

  /** Reads a moderator's action selected with {@link #MODERATION_COLUMNS}. */
  public static ModerationAction moderationAction(ResultSet row) throws SQLException {
    return new ModerationAction(
        row.getLong("id"),
        row.getString("petition"),
        ModerationAction.Kind.valueOf(row.getString("kind")),
        row.getString("moderator"),
        row.getString("reason"),
        row.getString("criteria"),
        Codecs.ids(row.getString("signature_ids")),
        instant(row, "at"),
        nullableInstant(row, "undone_at"),
        row.getString("undone_by"));
  }

  /** Reads an account selected with {@link #ACCOUNT_COLUMNS}. */
  public static StoredAccount account(ResultSet row) throws SQLException {
    return new StoredAccount(
        row.getLong("id"),
        row.getBytes("email_key"),
        row.getBytes("sealed_email"),
        row.getString("password_hash"),
        instant(row, "created_at"),
        nullableInstant(row, "verified_at"));
  }

  /** Reads a petition selected with {@link #PETITION_COLUMNS}. */
  public static Petition petition(ResultSet row) throws SQLException {
    return new Petition(
        row.getString("slug"),
        row.getString("title"),
        row.getString("text"),
        row.getString("target"),
        row.getString("author"),
        row.getString("category"),
        Codecs.tags(row.getString("tags")),
        row.getLong("goal"),
        Codecs.goals(row.getString("goals_by_country")),
        nullableInstant(row, "opens_at"),
        nullableInstant(row, "closes_at"),
        Codecs.consentDocuments(row.getString("consents")),
        DisplayNamePolicy.valueOf(row.getString("display_name_policy")),
        row.getBoolean("noindex"),
        row.getInt("signatures_per_email"),
        row.getBoolean("erased_signatures_count"));
  }

  /**
   * Binds an instant as {@code timestamp with time zone}, truncated to the microsecond: PostgreSQL keeps no
   * finer, and would round rather than truncate.
   */
  public static void setInstant(PreparedStatement statement, int index, @Nullable Instant instant)
      throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }
  }

  /**
   * An instant as PostgreSQL reads it exactly in a text array element: ISO 8601 in UTC, to the microsecond
   * (truncated, as {@link #setInstant} stores it).
   */
  public static String arrayElement(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).toString();
  }

  public static void setBytes(PreparedStatement statement, int index, byte @Nullable [] bytes) throws SQLException {
    if (bytes == null) {
      statement.setNull(index, Types.VARBINARY);
    } else {
      statement.setBytes(index, bytes);
    }
  }

  public static void setString(PreparedStatement statement, int index, @Nullable String value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }

  /** A NOT NULL timestamp column. */
  public static Instant instant(ResultSet row, String column) throws SQLException {
    Instant instant = nullableInstant(row, column);
    if (instant == null) {
      throw new SQLException("column " + column + " is unexpectedly NULL", "22004");
    }
    return instant;
  }

  private static @Nullable Instant nullableInstant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
