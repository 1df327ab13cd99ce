package org.petition.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.store.TestSignatures.T0;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.petition.Petition;
import org.petition.privacy.ConsentPurpose;
import org.petition.privacy.ConsentRecord;
import org.petition.privacy.ConsentSubjects;
import org.petition.privacy.WithdrawResult;
import org.petition.store.InsertOutcome;
import org.petition.store.ModerationAction;
import org.petition.store.NewSignature;
import org.petition.store.StoredAccount;
import org.petition.store.TestSignatures;


/**
 * A dump of every table holds no email, phone, full name or full IP address in clear: the store only ever
 * receives keyed hashes and sealed (AES-GCM) data, plus the public display name and the truncated network.
 */
class PostgresDumpTest extends PostgresTestSupport {

  private record Person(String first, String last, String displayName, String email, String phone, String ip) {}

  private static final List<Person> PEOPLE = List.of(
      new Person("Frank", "Castellano", "Frank C.", "frank.castellano@example.org", "+12025550143", "203.0.113.45"),
      new Person("민준", "김", "김○○", "minjun.kim@example.kr", "+821012345678", "198.51.100.77"),
      new Person("Zoë", "Ångström", "Zoë Å.", "zoe.angstrom@example.se", "+46701234567", "192.0.2.201"));

  @Test
  void noPersonalDataInClearInAnyTable() throws Exception {
    JdbcSignatureStore store = JdbcSignatureStore.builder(pool(2)).build();
    store.savePetition(Petition.builder("dump").title("Dump").goal("KR", 10).build());
    List<Long> ids = new ArrayList<>();
    for (Person person : PEOPLE) {
      NewSignature signature = TestSignatures.on("dump", person.email()).phone(person.phone())
          .name(person.first(), person.last()).displayName(person.displayName()).ip(person.ip())
          .city("Springfield").build();
      // The test data really carries the personal data, sealed.
      assertThat(TestSignatures.open(signature.sealedPersonalData())).contains(person.email(), person.phone(),
          person.last(), person.ip());
      ids.add(((InsertOutcome.Inserted) store.insert(signature, false)).id());
    }
    // Confirmations write the consents to the ledger; one is withdrawn through the ledger alone.
    store.confirm(ids.get(0), T0);
    store.confirm(ids.get(1), T0);
    store.revoke(ids.get(1), T0);
    String subject = ConsentSubjects.of(TestSignatures.key("email:" + PEOPLE.get(0).email().toLowerCase(Locale.ROOT)));
    JdbcConsentLedger ledger = JdbcConsentLedger.builder(pool(2)).build();
    assertThat(ledger.withdraw(subject, "dump", ConsentPurpose.PRIVACY_POLICY, T0.plusSeconds(60),
        new ConsentRecord.Evidence("form-1", "203.0.113.0/24", null, "en-US")))
        .isInstanceOf(WithdrawResult.Withdrawn.class);
    assertThat(ledger.recordsOf(subject)).hasSize(3);
    // A returning signer's account, and a moderator's action.
    JdbcAccountStore accounts = JdbcAccountStore.create(pool(2));
    for (Person person : PEOPLE) {
      accounts.create(new StoredAccount(0, TestSignatures.key("email:" + person.email()),
          TestSignatures.seal(person.email()), "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", T0, null));
    }
    store.remove(ids.get(2), T0);
    store.recordModeration(new ModerationAction(0, "dump", ModerationAction.Kind.REMOVE, "moderator-1", "spam",
        null, List.of(ids.get(2)), T0, null));

    String dump = dumpEveryTable();
    assertThat(dump).contains("Frank C.", "example.org", "signature_count", "petition_schema_history",
        "consent_record", "consent_chain_head", "account", "moderation_action");
    // The ledger's subject is the keyed hash of the email, as the store's other tables hold it.
    assertThat(dump).contains("subject=" + subject, "WITHDRAWN");
    String lower = dump.toLowerCase(Locale.ROOT);
    for (Person person : PEOPLE) {
      List<String> secrets = List.of(person.email(), person.email().substring(0, person.email().indexOf('@')),
          person.phone(), person.phone().substring(1), person.first() + " " + person.last(),
          person.last() + person.first(), person.ip());
      for (String secret : secrets) {
        assertThat(lower).as("dump must not contain %s", secret).doesNotContain(secret.toLowerCase(Locale.ROOT));
        String hex = HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8));
        assertThat(lower).as("dump must not contain the bytes of %s", secret).doesNotContain(hex);
      }
      if (!person.last().equals("김")) { // a one-letter family name is also the public display name's first letter
        assertThat(lower).doesNotContain(person.last().toLowerCase(Locale.ROOT));
      }
    }
  }

  /** Every row of every table of the store's schema, every column as text; bytea as hex and as UTF-8. */
  private static String dumpEveryTable() throws Exception {
    StringBuilder dump = new StringBuilder();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
          + " WHERE table_schema = current_schema() ORDER BY table_name")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      assertThat(tables).contains("petition", "signature", "signature_count", "petition_schema_history",
          "consent_record", "consent_chain_head", "moderation_action", "account");
      for (String table : tables) {
        dump.append("== ").append(table).append('\n');
        try (ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
          ResultSetMetaData meta = rows.getMetaData();
          while (rows.next()) {
            for (int column = 1; column <= meta.getColumnCount(); column++) {
              dump.append(meta.getColumnName(column)).append('=');
              if ("bytea".equals(meta.getColumnTypeName(column))) {
                byte[] bytes = rows.getBytes(column);
                if (bytes != null) {
                  dump.append(HexFormat.of().formatHex(bytes)).append(" | ")
                      .append(new String(bytes, StandardCharsets.UTF_8)).append(" | ")
                      .append(new String(bytes, StandardCharsets.ISO_8859_1));
                }
              } else {
                dump.append(rows.getString(column));
              }
              dump.append('\t');
            }
            dump.append('\n');
          }
        }
      }
    }
    return dump.toString();
  }
}
