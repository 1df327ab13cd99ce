package org.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.testing.Fixtures.confirmToken;
import static org.petition.testing.Fixtures.person;
import static org.petition.testing.Fixtures.revokeToken;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petition.log.Checkpoint;
import org.petition.log.LogKey;
import org.petition.log.LogKeys;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.OutgoingMessage;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

/** The delivery export: CSV at three levels, each ending with the signed checkpoint its rows correspond to. */
class ExportTest {

  private static final String SLUG = "us-troops-out-of-korea";
  private final MutableClock clock = new MutableClock(Fixtures.START);
  private final InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();
  private final LogKeys keys = LogKeys.of(List.of(LogKey.generate("petitions.example.org/log", new SecureRandom())));
  private Petitions petitions;

  @BeforeEach
  void setUp() {
    petitions = Fixtures.petitions(clock, outbox).logKeys(keys).build();
    petitions.register(Fixtures.seedPetition());
    OutgoingMessage a = sign("Frank", "Castellano", "a@example.com", "US", "Seattle, \"WA\"");
    OutgoingMessage b = sign("민준", "김", "b@example.com", "KR", "서울");
    OutgoingMessage c = sign("Ana", "Silva", "c@example.com", "KR", null);
    for (OutgoingMessage mail : List.of(a, b, c)) {
      petitions.confirm(confirmToken(mail));
    }
    petitions.revoke(revokeToken(c));
  }

  private OutgoingMessage sign(String first, String last, String email, String country, String city) {
    assertThat(petitions.sign(person(first, last, email).country(country).city(city).build()))
        .isInstanceOf(SignResult.Pending.class);
    return outbox.latestTo(email).orElseThrow();
  }

  private List<CSVRecord> export(ExportLevel level) throws IOException {
    StringWriter out = new StringWriter();
    assertThat(petitions.export(SLUG, level, out)).isInstanceOf(LogAnswer.Found.class);
    return CSVFormat.RFC4180.parse(new StringReader(out.toString())).getRecords();
  }

  /** The last record is the signed checkpoint; it opens with the published keys and recounts to the total. */
  private Checkpoint checkpointOf(List<CSVRecord> records) throws Exception {
    CSVRecord last = records.get(records.size() - 1);
    assertThat(last.get(0)).isEqualTo("checkpoint");
    Checkpoint checkpoint = Checkpoint.open(last.get(1), keys.verifiers());
    assertThat(checkpoint.size()).isEqualTo(4); // three COUNTED, one UNCOUNTED
    return checkpoint;
  }

  @Test
  void countsArePerCountryAndEndWithTheCheckpointTheyCorrespondTo() throws Exception {
    List<CSVRecord> records = export(ExportLevel.COUNTS);
    assertThat(records.get(0).values()).containsExactly("country", "signatures");
    assertThat(records.get(1).values()).containsExactly("ALL", "2");
    assertThat(records.get(2).values()).containsExactly("KR", "1");
    assertThat(records.get(3).values()).containsExactly("US", "1");
    assertThat(records).hasSize(5);
    checkpointOf(records);
  }

  @Test
  void thePublicLevelIsThePublicListWithoutNames() throws Exception {
    List<CSVRecord> records = export(ExportLevel.PUBLIC);
    assertThat(records.get(0).values())
        .containsExactly("number", "name", "affiliation", "city", "country", "signed_at", "comment");
    assertThat(records).hasSize(4);
    assertThat(records.get(1).get(0)).isEqualTo("2");
    assertThat(records.get(2).get(1)).isEqualTo("Frank C.");
    assertThat(records.get(2).get(3)).isEqualTo("Seattle, \"WA\"");
    assertThat(String.join(",", records.stream().map(r -> String.join("|", r.values())).toList()))
        .doesNotContain("Castellano").doesNotContain("@example.com").doesNotContain("Silva");
    checkpointOf(records);
  }

  @Test
  void theTargetLevelHasTheNamesSignersGaveInAnyScript() throws Exception {
    List<CSVRecord> records = export(ExportLevel.TARGET);
    assertThat(records.get(0).values()).containsExactly("number", "first_name", "last_name", "organization", "city",
        "country", "signed_at", "comment", "letter");
    assertThat(records.get(1).values()).startsWith("2", "민준", "김", "", "서울", "KR");
    assertThat(records.get(2).values()).startsWith("1", "Frank", "Castellano", "", "Seattle, \"WA\"", "US");
    assertThat(records).hasSize(4); // the revoked signer is not there
    assertThat(records.toString()).doesNotContain("@example.com");
    checkpointOf(records);
  }

  @Test
  void theCheckpointInTheFileVerifiesAgainstThePublicLog() throws Exception {
    List<CSVRecord> records = export(ExportLevel.COUNTS);
    String note = records.get(records.size() - 1).get(1);
    assertThat(petitions.log().checkpoint(SLUG)).isEqualTo(new LogAnswer.Found<>(note));
  }

  @Test
  void unknownPetitionsAndInstancesWithoutKeysWriteNothing() throws Exception {
    StringWriter out = new StringWriter();
    assertThat(petitions.export("no-such-petition", ExportLevel.COUNTS, out))
        .isInstanceOf(LogAnswer.UnknownPetition.class);
    Petitions unsigned = Fixtures.petitions(clock, outbox).build();
    unsigned.register(Fixtures.seedPetition());
    assertThat(unsigned.export(SLUG, ExportLevel.PUBLIC, out)).isInstanceOf(LogAnswer.NotKept.class);
    assertThat(out.toString()).isEmpty();
  }
}
