package org.petition.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.petition.privacy.ConsentFixtures.chainOf;
import static org.petition.privacy.ConsentFixtures.grant;
import static org.petition.privacy.ConsentFixtures.subject;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.petition.privacy.VerificationReport.Broken;
import org.petition.privacy.VerificationReport.Problem;


class ConsentChainTest {

  private final ConsentChain chains = ConsentChain.ofDefaults();

  /** Drafts whose subjects all fall in one chain. */
  private List<ConsentRecord.Draft> draftsOfOneChain(int chain, int count) {
    List<ConsentRecord.Draft> drafts = new ArrayList<>();
    for (int n = 0; drafts.size() < count; n++) {
      if (chains.chainOf(subject(n)) == chain) {
        drafts.add(grant(n, "save-the-park"));
      }
    }
    return drafts;
  }

  @Test
  void linksTheFirstRecordToTheGenesisHash() {
    ConsentRecord record = chains.link(grant(1, "save-the-park"), null);

    assertThat(record.chain()).isEqualTo(chains.chainOf(subject(1)));
    assertThat(record.sequence()).isZero();
    assertThat(record.previousHash()).isEqualTo(ConsentChain.GENESIS_HASH).isEqualTo("0".repeat(64));
    assertThat(record.hash()).matches("[0-9a-f]{64}").isEqualTo(ConsentChain.hashOf(record));
    assertThat(record.draft()).isEqualTo(grant(1, "save-the-park"));
  }

  @Test
  void linksEachRecordToThePreviousOne() {
    List<ConsentRecord> records = chainOf(chains, draftsOfOneChain(3, 3));

    assertThat(records).extracting(ConsentRecord::sequence).containsExactly(0L, 1L, 2L);
    assertThat(records.get(1).previousHash()).isEqualTo(records.get(0).hash());
    assertThat(records.get(2).previousHash()).isEqualTo(records.get(1).hash());
    assertThat(records).extracting(ConsentRecord::hash).doesNotHaveDuplicates();
  }

  @Test
  void refusesToLinkAfterARecordOfAnotherChain() {
    ConsentRecord.Draft inChain3 = draftsOfOneChain(3, 1).get(0);
    ConsentRecord inChain4 = chains.link(draftsOfOneChain(4, 1).get(0), null);

    assertThatThrownBy(() -> chains.link(inChain3, inChain4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("previous record is in chain 4 but the draft's subject is in chain 3");
  }

  @Test
  void shardsSubjectsByTheirFirstEightBytes() {
    for (int n = 0; n < 50; n++) {
      long first8 = ByteBuffer.wrap(Base64.getUrlDecoder().decode(subject(n))).getLong();
      assertThat(chains.chainOf(subject(n))).isEqualTo((int) Math.floorMod(first8, 16L));
    }
    // A subject whose first byte is negative still lands in range.
    String negative = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {-1, -1, -1, -1, -1, -1, -1, -3});
    assertThat(chains.chainOf(negative)).isEqualTo(Math.floorMod(-3L, 16));
    assertThat(IntStream.range(0, 200).map(n -> chains.chainOf(subject(n))).distinct().count()).isEqualTo(16);
  }

  @Test
  void refusesBadChainCountsAndSubjects() {
    assertThatThrownBy(() -> ConsentChain.of(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("chainCount must be between 1 and 65536, was: 0");
    assertThatThrownBy(() -> chains.chainOf("short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("subject must be the unpadded base64url encoding of at least 8 bytes");
  }

  @Test
  void verifiesAnIntactChainWithAndWithoutAHead() {
    List<ConsentRecord> records = chainOf(chains, draftsOfOneChain(5, 4));

    assertThat(chains.verify(records, records.get(3).hash())).isEqualTo(new VerificationReport.Ok(4));
    assertThat(chains.verify(5, records, null)).isEqualTo(new VerificationReport.Ok(4));
    assertThat(chains.verify(List.of(), ConsentChain.GENESIS_HASH)).isEqualTo(new VerificationReport.Ok(0));
    assertThat(chains.verify(List.of(), null).ok()).isTrue();
  }

  static Stream<Arguments> everyFieldAtEveryPosition() {
    return ConsentFixtures.leafFields().stream()
        .flatMap(field -> Stream.of(0, 2, 4).map(position -> Arguments.of(field, position)));
  }

  @ParameterizedTest(name = "{0} of record {1}")
  @MethodSource("everyFieldAtEveryPosition")
  void namesExactlyTheRecordWhoseFieldWasChanged(String field, int position) {
    List<ConsentRecord> records = new ArrayList<>(chainOf(chains, draftsOfOneChain(7, 5)));
    String head = records.get(4).hash();
    records.set(position, ConsentFixtures.tamper(records.get(position), field));

    VerificationReport report = chains.verify(7, records, head);

    assertThat(report).isInstanceOf(Broken.class);
    Broken broken = (Broken) report;
    assertThat(broken.chain()).isEqualTo(7);
    assertThat(broken.sequence()).isEqualTo(position);
    assertThat(broken.problem()).isEqualTo(Problem.HASH_MISMATCH);
  }

  @Test
  void detectsADeletedMiddleRecord() {
    List<ConsentRecord> records = new ArrayList<>(chainOf(chains, draftsOfOneChain(2, 5)));
    String head = records.get(4).hash();
    records.remove(2);

    assertThat(chains.verify(2, records, head))
        .isEqualTo(new Broken(2, 2, Problem.SEQUENCE_GAP, "expected sequence 2 but found 3"));
  }

  @Test
  void detectsATruncatedTailAgainstTheHead() {
    List<ConsentRecord> records = new ArrayList<>(chainOf(chains, draftsOfOneChain(2, 5)));
    String head = records.get(4).hash();
    records.remove(4);

    VerificationReport report = chains.verify(2, records, head);

    assertThat(report).isInstanceOf(Broken.class);
    assertThat((Broken) report)
        .extracting(Broken::chain, Broken::sequence, Broken::problem)
        .containsExactly(2L, 4L, Problem.HEAD_MISMATCH);
    // Without a head kept apart, a cut tail cannot be told from a shorter chain.
    assertThat(chains.verify(2, records, null).ok()).isTrue();
    assertThat(((Broken) chains.verify(2, List.of(), head)).sequence()).isZero();
  }

  @Test
  void detectsARecordReplacedAndRehashed() {
    List<ConsentRecord.Draft> drafts = draftsOfOneChain(9, 4);
    List<ConsentRecord> records = new ArrayList<>(chainOf(chains, drafts));
    // An attacker rewrites record 1 and recomputes its hash, but cannot fix record 2's link to it.
    ConsentRecord.Draft forged = ConsentFixtures.grant(0, "another-petition");
    ConsentRecord.Draft sameSubject =
        new ConsentRecord.Draft(
            drafts.get(1).subject(), forged.petition(), forged.purpose(), forged.documentId(),
            forged.documentVersion(), forged.documentSha256(), forged.action(), forged.at(), forged.evidence());
    records.set(1, chains.link(sameSubject, records.get(0)));

    assertThat(chains.verify(9, records, null))
        .isEqualTo(new Broken(9, 2, Problem.PREVIOUS_HASH_MISMATCH, "previous hash does not match the hash of record 1"));
  }

  @Test
  void detectsSwappedRecords() {
    List<ConsentRecord> records = new ArrayList<>(chainOf(chains, draftsOfOneChain(1, 3)));
    records.add(0, records.remove(1));

    Broken broken = (Broken) chains.verify(1, records, null);

    assertThat(broken.sequence()).isZero();
    assertThat(broken.problem()).isEqualTo(Problem.SEQUENCE_GAP);
  }

  @Test
  void detectsARecordOfAnotherChain() {
    List<ConsentRecord> records = new ArrayList<>(chainOf(chains, draftsOfOneChain(1, 2)));
    // Linked properly, but its subject belongs to chain 6: hashes agree, the chain does not.
    ConsentRecord stranger = chains.link(draftsOfOneChain(6, 1).get(0), null);

    assertThat(chains.verify(1, List.of(stranger), null))
        .isEqualTo(new Broken(1, 0, Problem.WRONG_CHAIN, "record does not belong to chain 1 of 16"));
    assertThat(chains.verify(List.of(records.get(0), stranger), null).ok()).isFalse();
  }

  @Test
  void treatsTextThatIsNotWellFormedAsAHashMismatch() {
    ConsentRecord record = chains.link(grant(1, "save-the-park"), null);
    ConsentRecord withLoneSurrogate =
        new ConsentRecord(
            record.chain(), 0, record.subject(), record.petition(), record.purpose(), record.documentId(),
            "v\uD800", record.documentSha256(), record.action(), record.at(), record.evidence(),
            record.previousHash(), record.hash());

    assertThat(chains.verify(List.of(withLoneSurrogate), null))
        .isEqualTo(new Broken(record.chain(), 0, Problem.HASH_MISMATCH, "record holds text that is not well-formed Unicode"));
  }

  @Test
  void encodesFieldsUnambiguously() {
    // Moving a character from one field to the next must change the hash (length prefixes).
    ConsentRecord.Draft a =
        new ConsentRecord.Draft(subject(1), "ab", ConsentFixtures.TERMS.purpose(), "terms", "1x", ConsentFixtures.TERMS.sha256(),
            ConsentRecord.Action.GRANTED, ConsentFixtures.T0, new ConsentRecord.Evidence("ab", "c", null, null));
    ConsentRecord.Draft b =
        new ConsentRecord.Draft(subject(1), "ab", ConsentFixtures.TERMS.purpose(), "terms", "1x", ConsentFixtures.TERMS.sha256(),
            ConsentRecord.Action.GRANTED, ConsentFixtures.T0, new ConsentRecord.Evidence("a", "bc", null, null));
    ConsentRecord.Draft c =
        new ConsentRecord.Draft(subject(1), "ab", ConsentFixtures.TERMS.purpose(), "terms", "1x", ConsentFixtures.TERMS.sha256(),
            ConsentRecord.Action.GRANTED, ConsentFixtures.T0, new ConsentRecord.Evidence(null, "abc", null, null));

    assertThat(Stream.of(a, b, c).map(d -> chains.link(d, null).hash()).distinct()).hasSize(3);
  }

  @Test
  void hashIsStableAcrossReleases() {
    // Pins the canonical encoding (value computed independently from the documented layout): a change
    // here breaks every stored chain.
    ConsentRecord record =
        chains.link(
            new ConsentRecord.Draft(
                "AAAAAAAAAAE", "save-the-park", org.petition.privacy.ConsentPurpose.TERMS, "terms", "2025-01", "a".repeat(64),
                ConsentRecord.Action.GRANTED, java.time.Instant.parse("2025-01-01T00:00:00Z"), ConsentRecord.Evidence.none()),
            null);

    assertThat(record.chain()).isEqualTo(1);
    assertThat(record.hash()).isEqualTo(PINNED_HASH);
  }

  private static final String PINNED_HASH = "27ad63e8a7249fdab6f31356682deceea3601814dd97894fd5747a8c58f548f0";
}
