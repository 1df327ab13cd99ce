package org.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.testing.Fixtures.confirmToken;
import static org.petition.testing.Fixtures.person;
import static org.petition.testing.Fixtures.revokeToken;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petition.log.Checkpoint;
import org.petition.log.LogEntry;
import org.petition.log.LogKey;
import org.petition.log.LogKeys;
import org.petition.log.LogSource;
import org.petition.log.LogVerifier;
import org.petition.log.MerkleTree;
import org.petition.log.VerificationException;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.OutgoingMessage;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

/** The transparency log through the entry point: signings make entries, checkpoints are signed, answers checked. */
class TransparencyLogTest {

  private static final String SLUG = "us-troops-out-of-korea";
  private final MutableClock clock = new MutableClock(Fixtures.START);
  private final InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();
  private final LogKeys keys = LogKeys.of(List.of(LogKey.generate("petitions.example.org/log", new SecureRandom())));
  private Petitions petitions;

  @BeforeEach
  void setUp() {
    petitions = Fixtures.petitions(clock, outbox).logKeys(keys).build();
    petitions.register(Fixtures.seedPetition());
  }

  private OutgoingMessage sign(String email) {
    assertThat(petitions.sign(person("Frank", "Castellano", email).build())).isInstanceOf(SignResult.Pending.class);
    return outbox.latestTo(email).orElseThrow();
  }

  @Test
  void confirmationsAndRevocationsAreEntriesAndTheSignedCheckpointVerifies() throws Exception {
    OutgoingMessage a = sign("a@example.com");
    OutgoingMessage b = sign("b@example.com");
    OutgoingMessage c = sign("c@example.com");
    clock.advance(Duration.ofMinutes(1));
    for (OutgoingMessage mail : List.of(a, b, c)) {
      assertThat(petitions.confirm(confirmToken(mail))).isInstanceOf(ConfirmResult.Confirmed.class);
    }
    assertThat(petitions.revoke(revokeToken(b))).isInstanceOf(RevokeResult.Revoked.class);

    TransparencyLog log = petitions.log();
    String note = ((LogAnswer.Found<String>) log.checkpoint(SLUG)).value();
    Checkpoint checkpoint = Checkpoint.open(note, keys.verifiers());
    assertThat(checkpoint.origin()).isEqualTo("petitions.example.org/petitions/" + SLUG);
    assertThat(checkpoint.size()).isEqualTo(4);
    assertThat(log.checkpointIfGrown(SLUG)).isFalse(); // not grown: no new checkpoint

    LogVerifier.Verified verified = LogVerifier.of(new InProcess(log)).verify(SLUG, null);
    assertThat(verified.count()).isEqualTo(2).isEqualTo(petitions.tally(SLUG).orElseThrow().confirmed());
    assertThat(verified.uncounted()).isEqualTo(1);

    OutgoingMessage d = sign("d@example.com");
    assertThat(petitions.confirm(confirmToken(d))).isEqualTo(new ConfirmResult.Confirmed(4));
    assertThat(log.checkpoint(SLUG)).isEqualTo(new LogAnswer.Found<>(note)); // the latest kept, until the next one
    assertThat(log.checkpointIfGrown(SLUG)).isTrue();
    LogVerifier.Verified grown = LogVerifier.of(new InProcess(log)).verify(SLUG, note);
    assertThat(grown.count()).isEqualTo(3);
    assertThat(grown.previous()).isEqualTo(checkpoint);
  }

  @Test
  void aReceiptIsTheSignersCountedEntryAndItsInclusionIsProved() {
    OutgoingMessage a = sign("a@example.com");
    OutgoingMessage b = sign("b@example.com");
    petitions.confirm(confirmToken(a));
    petitions.confirm(confirmToken(b));
    TransparencyLog.Receipt receipt = petitions.log().receipt(confirmToken(b), 2).orElseThrow();
    assertThat(receipt.index()).isEqualTo(1);
    LogEntry entry = LogEntry.parse(receipt.entry());
    assertThat(entry.number()).isEqualTo(2);
    assertThat(entry.type()).isEqualTo(LogEntry.Type.COUNTED);
    assertThat(petitions.log().receipt(confirmToken(b), 7)).isEmpty();
    assertThat(petitions.log().receipt("not-a-token", 2)).isEmpty();

    Checkpoint checkpoint = Checkpoint.open(
        ((LogAnswer.Found<String>) petitions.log().checkpoint(SLUG)).value(), keys.verifiers());
    List<byte[]> path = ((LogAnswer.Found<List<byte[]>>) petitions.log().inclusion(SLUG, 1, 2)).value();
    assertThat(MerkleTree.verifyInclusion(1, checkpoint.size(), MerkleTree.leafHash(receipt.entry()), path,
        checkpoint.rootHash())).isTrue();
  }

  @Test
  void badParametersAreNamedAndUnknownPetitionsSaidSo() {
    petitions.confirm(confirmToken(sign("a@example.com")));
    petitions.confirm(confirmToken(sign("b@example.com")));
    TransparencyLog log = petitions.log();
    assertThat(log.entries(SLUG, -1, 1)).isEqualTo(new LogAnswer.BadParameter<>("start", "must not be negative"));
    assertThat(log.entries(SLUG, 0, 3)).isInstanceOf(LogAnswer.BadParameter.class)
        .extracting("parameter").isEqualTo("end");
    assertThat(log.entries(SLUG, 2, 1)).extracting("parameter").isEqualTo("start");
    assertThat(((LogAnswer.Found<List<byte[]>>) log.entries(SLUG, 0, 2)).value()).hasSize(2);
    assertThat(((LogAnswer.Found<List<byte[]>>) log.entries(SLUG, 2, 2)).value()).isEmpty();
    assertThat(log.inclusion(SLUG, 2, 2)).extracting("parameter").isEqualTo("index");
    assertThat(log.inclusion(SLUG, 0, 3)).extracting("parameter").isEqualTo("size");
    assertThat(log.inclusion(SLUG, 0, 0)).extracting("parameter").isEqualTo("size");
    assertThat(log.consistency(SLUG, 2, 1)).extracting("parameter").isEqualTo("from");
    assertThat(log.consistency(SLUG, 0, 3)).extracting("parameter").isEqualTo("to");
    assertThat(log.consistency(SLUG, 1, 2)).isInstanceOf(LogAnswer.Found.class);
    assertThat(log.checkpoint("no-such-petition")).isInstanceOf(LogAnswer.UnknownPetition.class);
    assertThat(log.entries("no-such-petition", 0, 1)).isInstanceOf(LogAnswer.UnknownPetition.class);
  }

  @Test
  void withoutKeysTheLogIsKeptButNoCheckpointIsSigned() {
    Petitions unsigned = Fixtures.petitions(clock, outbox).build();
    unsigned.register(Fixtures.seedPetition());
    assertThat(unsigned.log().enabled()).isFalse();
    assertThat(unsigned.log().checkpoint(SLUG)).isInstanceOf(LogAnswer.NotKept.class);
    assertThat(unsigned.log().verifierKeys()).isInstanceOf(LogAnswer.NotKept.class);
  }

  /** The log read in process, as the HTTP API serves it. */
  private record InProcess(TransparencyLog log) implements LogSource {
    @Override
    public String keys() {
      return ((LogAnswer.Found<String>) log.verifierKeys()).value();
    }

    @Override
    public String checkpoint(String slug) {
      return ((LogAnswer.Found<String>) log.checkpoint(slug)).value();
    }

    @Override
    public List<byte[]> entries(String slug, long start, long end) {
      return ((LogAnswer.Found<List<byte[]>>) log.entries(slug, start, end)).value();
    }

    @Override
    public List<byte[]> consistency(String slug, long from, long to) throws IOException {
      if (!(log.consistency(slug, from, to) instanceof LogAnswer.Found<List<byte[]>> found)) {
        throw new IOException("no proof");
      }
      return found.value();
    }
  }
}
