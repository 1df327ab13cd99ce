package org.petition.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.privacy.ConsentFixtures.grant;
import static org.petition.privacy.ConsentFixtures.subject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.petition.privacy.ConsentChain;
import org.petition.privacy.ConsentFixtures;
import org.petition.privacy.ConsentRecord;
import org.petition.privacy.VerificationReport;
import org.petition.privacy.VerificationReport.Broken;
import org.petition.privacy.VerificationReport.Problem;

class InMemoryConsentLedgerTest {

  private static final ConsentChain FOUR_CHAINS = ConsentChain.of(4);

  /** A ledger of 40 grants over 4 chains, about 10 records each. */
  private static InMemoryConsentLedger filled() {
    InMemoryConsentLedger ledger = new InMemoryConsentLedger(FOUR_CHAINS);
    for (int n = 0; n < 40; n++) {
      ledger.append(grant(n, "save-the-park"));
    }
    return ledger;
  }

  @Test
  void keepsEachChainsHeadApartFromItsRecords() {
    InMemoryConsentLedger ledger = filled();

    for (int chain = 0; chain < 4; chain++) {
      List<ConsentRecord> records = ledger.storedRecordsForTampering(chain);
      assertThat(records).isNotEmpty();
      assertThat(ledger.head(chain)).isEqualTo(records.get(records.size() - 1).hash());
    }
    assertThat(new InMemoryConsentLedger(FOUR_CHAINS).head(2)).isEqualTo(ConsentChain.GENESIS_HASH);
    assertThat(ledger.verify()).isEqualTo(new VerificationReport.Ok(40));
  }

  @Test
  void readsBackExactlyWhatItAppendedHoweverItStoresIt() {
    InMemoryConsentLedger ledger = new InMemoryConsentLedger(FOUR_CHAINS);
    List<ConsentRecord> appended = new ArrayList<>();
    for (int n = 0; n < 30; n++) {
      appended.add(ledger.append(grant(n % 10, "p" + (n % 3))));
    }
    // Kept whole rather than compactly: a time beyond epoch nanoseconds, a subject with stray trailing bits.
    appended.add(ledger.append(ConsentRecord.Draft.grant(subject(3), "far", ConsentFixtures.TERMS,
        java.time.Instant.parse("+100000-01-01T00:00:00.000000001Z"), ConsentRecord.Evidence.none())));
    appended.add(ledger.append(ConsentRecord.Draft.grant("AAAAAAAAAAB", "odd", ConsentFixtures.TERMS,
        java.time.Instant.parse("1900-01-01T00:00:00.5Z"), ConsentFixtures.EVIDENCE)));
    appended.add(ledger.append(ConsentRecord.Draft.grant("AAAAAAAAAAA", "odd", ConsentFixtures.TERMS,
        ConsentFixtures.T0, ConsentFixtures.EVIDENCE)));

    List<ConsentRecord> readBack = new ArrayList<>();
    for (String subject : appended.stream().map(ConsentRecord::subject).distinct().toList()) {
      readBack.addAll(ledger.recordsOf(subject));
    }
    assertThat(readBack).containsExactlyInAnyOrderElementsOf(appended);
    List<ConsentRecord> stored = new ArrayList<>();
    for (int chain = 0; chain < 4; chain++) {
      stored.addAll(ledger.storedRecordsForTampering(chain));
    }
    assertThat(stored).containsExactlyInAnyOrderElementsOf(appended);
    assertThat(ledger.verify()).isEqualTo(new VerificationReport.Ok(appended.size()));
  }

  static Stream<Arguments> everyFieldOfFirstMiddleAndLastRecord() {
    return ConsentFixtures.leafFields().stream()
        .flatMap(field -> Stream.of("first", "middle", "last").map(where -> Arguments.of(field, where)));
  }

  @ParameterizedTest(name = "{0} of the {1} record")
  @MethodSource("everyFieldOfFirstMiddleAndLastRecord")
  void verifyNamesExactlyTheStoredRecordThatWasTamperedWith(String field, String where) {
    InMemoryConsentLedger ledger = filled();
    List<ConsentRecord> stored = ledger.storedRecordsForTampering(2);
    int index = switch (where) {
      case "first" -> 0;
      case "middle" -> stored.size() / 2;
      default -> stored.size() - 1;
    };
    stored.set(index, ConsentFixtures.tamper(stored.get(index), field));

    VerificationReport report = ledger.verify();

    assertThat(report).isInstanceOf(Broken.class);
    assertThat((Broken) report)
        .extracting(Broken::chain, Broken::sequence, Broken::problem)
        .containsExactly(2L, (long) index, Problem.HASH_MISMATCH);
  }

  @Test
  void verifyDetectsADeletedMiddleRecord() {
    InMemoryConsentLedger ledger = filled();
    List<ConsentRecord> stored = ledger.storedRecordsForTampering(1);
    int middle = stored.size() / 2;
    stored.remove(middle);

    assertThat(ledger.verify())
        .isEqualTo(new Broken(1, middle, Problem.SEQUENCE_GAP, "expected sequence " + middle + " but found " + (middle + 1)));
  }

  @Test
  void verifyDetectsATruncatedTail() {
    InMemoryConsentLedger ledger = filled();
    List<ConsentRecord> stored = ledger.storedRecordsForTampering(3);
    int size = stored.size();
    stored.remove(size - 1);
    stored.remove(size - 2);

    VerificationReport report = ledger.verify();

    assertThat(report).isInstanceOf(Broken.class);
    assertThat((Broken) report)
        .extracting(Broken::chain, Broken::sequence, Broken::problem)
        .containsExactly(3L, (long) size - 2, Problem.HEAD_MISMATCH);
  }

  @Test
  void verifyDetectsAnEmptiedChain() {
    InMemoryConsentLedger ledger = filled();
    ledger.storedRecordsForTampering(0).clear();

    assertThat(((Broken) ledger.verify()).problem()).isEqualTo(Problem.HEAD_MISMATCH);
  }

  @Test
  void concurrentAppendsKeepEveryChainDenseAndLinked() throws Exception {
    InMemoryConsentLedger ledger = new InMemoryConsentLedger(ConsentChain.ofDefaults());
    int threads = 8;
    int perThread = 1000;
    int subjects = 200;
    ConsentFixtures.inParallel(threads, thread -> {
      for (int i = 0; i < perThread; i++) {
        // Threads interleave over shared subjects, so chains see contention.
        ledger.append(grant((thread * 7 + i) % subjects, "p" + (i % 5)));
      }
    });

    assertThat(ledger.verify()).isEqualTo(new VerificationReport.Ok(threads * perThread));
    List<ConsentRecord> all = new ArrayList<>();
    for (int n = 0; n < subjects; n++) {
      all.addAll(ledger.recordsOf(subject(n)));
    }
    assertThat(all).hasSize(threads * perThread);
    Map<Long, List<Long>> sequencesByChain =
        all.stream()
            .collect(
                Collectors.groupingBy(
                    ConsentRecord::chain,
                    Collectors.mapping(ConsentRecord::sequence, Collectors.toList())));
    assertThat(sequencesByChain).hasSize(16);
    sequencesByChain.forEach(
        (chain, sequences) -> {
          sequences.sort(Comparator.naturalOrder());
          assertThat(sequences)
              .as("chain %d", chain)
              .isEqualTo(LongStream.range(0, sequences.size()).boxed().toList());
        });
  }
}
