package org.petition.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.petition.identity.IdentityHasher;
import org.petition.privacy.ConsentChain;
import org.petition.privacy.ConsentDocument;
import org.petition.privacy.ConsentFixtures;
import org.petition.privacy.ConsentGrant;
import org.petition.privacy.ConsentLedger;
import org.petition.privacy.ConsentPurpose;
import org.petition.privacy.ConsentRecord;
import org.petition.privacy.ConsentSubjects;
import org.petition.privacy.VerificationReport;
import org.petition.privacy.WithdrawResult;

/**
 * {@link InMemoryConsentLedger#appendGrants} stores exactly what the interface's default (a draft per
 * consent, appended one by one) stores, whichever way it takes; and {@link InMemoryConsentLedger#rollBack}
 * forgets exactly what came after its checkpoint.
 */
class AppendGrantsTest {

  private static final ConsentChain FOUR_CHAINS = ConsentChain.of(4);
  private static final IdentityHasher IDENTITY = IdentityHasher.of(new byte[32]);
  private static final List<ConsentGrant> THREE = List.of(
      ConsentGrant.of(ConsentFixtures.TERMS),
      ConsentGrant.of(ConsentDocument.ofText("privacy", "2026 판", ConsentPurpose.PRIVACY_POLICY, "Privacy.")),
      ConsentGrant.of(ConsentFixtures.NEWSLETTER));
  private static final List<ConsentGrant> ONE = List.of(ConsentGrant.of(ConsentFixtures.TERMS));
  private static final ConsentRecord.Evidence FULL =
      new ConsentRecord.Evidence("폼-1", "203.0.113.0/24", "ab".repeat(32), "ko-KR");

  /** The ledger through the interface's default appendGrants: a draft per consent, one append each. */
  private static final class DraftByDraft implements ConsentLedger {
    final InMemoryConsentLedger ledger = new InMemoryConsentLedger(FOUR_CHAINS);

    @Override
    public ConsentRecord append(ConsentRecord.Draft draft) {
      return ledger.append(draft);
    }

    @Override
    public WithdrawResult withdraw(String subject, String petition, ConsentPurpose purpose, Instant at,
        ConsentRecord.Evidence evidence) {
      return ledger.withdraw(subject, petition, purpose, at, evidence);
    }

    @Override
    public List<ConsentRecord> recordsOf(String subject) {
      return ledger.recordsOf(subject);
    }

    @Override
    public VerificationReport verify() {
      return ledger.verify();
    }
  }

  private static byte[] key(int n) {
    return IDENTITY.emailKey("signer" + n + "@example.org");
  }

  private static List<List<ConsentRecord>> stored(InMemoryConsentLedger ledger) {
    List<List<ConsentRecord>> chains = new ArrayList<>();
    for (int chain = 0; chain < FOUR_CHAINS.chainCount(); chain++) {
      chains.add(List.copyOf(ledger.storedRecordsForTampering(chain)));
    }
    return chains;
  }

  private static List<String> heads(InMemoryConsentLedger ledger) {
    List<String> heads = new ArrayList<>();
    for (int chain = 0; chain < FOUR_CHAINS.chainCount(); chain++) {
      heads.add(ledger.head(chain));
    }
    return heads;
  }

  private static void assertSameLedgers(InMemoryConsentLedger fast, DraftByDraft reference, int subjects) {
    assertThat(stored(fast)).isEqualTo(stored(reference.ledger));
    assertThat(heads(fast)).isEqualTo(heads(reference.ledger));
    for (int n = 0; n < subjects; n++) {
      String subject = ConsentSubjects.of(key(n));
      assertThat(fast.recordsOf(subject)).isEqualTo(reference.recordsOf(subject));
    }
  }

  @Test
  void storesWhatAppendingEachDraftStores() {
    InMemoryConsentLedger fast = new InMemoryConsentLedger(FOUR_CHAINS);
    DraftByDraft reference = new DraftByDraft();
    for (int n = 0; n < 40; n++) {
      Instant at = ConsentFixtures.T0.plusSeconds(n).plusNanos(n * 7919L);
      ConsentRecord.Evidence evidence = n % 3 == 0 ? FULL : new ConsentRecord.Evidence(null, null, null, "en");
      for (ConsentLedger ledger : List.of(fast, reference)) {
        ledger.appendGrants(key(n), "save-the-park", THREE, at, evidence);
        ledger.appendGrants(key(n), "other-" + (n % 2), ONE, at, ConsentRecord.Evidence.none());
        // The general way in between: the next grant must link after it.
        ledger.append(ConsentRecord.Draft.grant(ConsentSubjects.of(key(n + 1)), "mixed", ConsentFixtures.TERMS, at,
            evidence));
      }
    }

    assertSameLedgers(fast, reference, 41);
    assertThat(fast.verify()).isEqualTo(new VerificationReport.Ok(40 * 5));
    assertThat(fast.recordsOf(ConsentSubjects.of(key(3)))).hasSize(4 + 1);
  }

  @Test
  void followsAListThatChangedSinceItWasLastGiven() {
    InMemoryConsentLedger fast = new InMemoryConsentLedger(FOUR_CHAINS);
    DraftByDraft reference = new DraftByDraft();
    List<ConsentGrant> changing = new ArrayList<>(THREE);
    for (ConsentLedger ledger : List.of(fast, reference)) {
      ledger.appendGrants(key(1), "save-the-park", changing, ConsentFixtures.T0, FULL);
    }
    // Changed to another list of the same size, then to a shorter one.
    changing.set(1, ONE.get(0));
    for (ConsentLedger ledger : List.of(fast, reference)) {
      ledger.appendGrants(key(2), "save-the-park", changing, ConsentFixtures.T0, FULL);
    }
    changing.remove(0);
    for (ConsentLedger ledger : List.of(fast, reference)) {
      ledger.appendGrants(key(3), "save-the-park", changing, ConsentFixtures.T0, FULL);
      // An equal list, another instance.
      ledger.appendGrants(key(4), "save-the-park", List.copyOf(changing), ConsentFixtures.T0, FULL);
    }

    assertSameLedgers(fast, reference, 5);
    assertThat(fast.recordsOf(ConsentSubjects.of(key(2))).get(1).documentId()).isEqualTo("terms");
    assertThat(fast.recordsOf(ConsentSubjects.of(key(3)))).hasSize(2);
  }

  @Test
  void takesTheGeneralWayForWhatDoesNotFitCompactly() {
    InMemoryConsentLedger fast = new InMemoryConsentLedger(FOUR_CHAINS);
    DraftByDraft reference = new DraftByDraft();
    Instant far = Instant.parse("+100000-01-01T00:00:00.000000001Z");
    for (ConsentLedger ledger : List.of(fast, reference)) {
      ledger.appendGrants(key(1), "far", THREE, far, FULL);
      ledger.appendGrants(key(1), "near", THREE, ConsentFixtures.T0, FULL);
      // A key of 128 bytes, the longest a subject may encode.
      ledger.appendGrants(new byte[128], "long", ONE, ConsentFixtures.T0, FULL);
    }

    assertSameLedgers(fast, reference, 2);
    assertThat(fast.verify()).isEqualTo(new VerificationReport.Ok(7));
  }

  @Test
  void linksAfterATamperedLastRecordAsAnAppendWould() {
    InMemoryConsentLedger fast = new InMemoryConsentLedger(FOUR_CHAINS);
    DraftByDraft reference = new DraftByDraft();
    int chain = FOUR_CHAINS.chainOf(ConsentSubjects.of(key(5)));
    for (InMemoryConsentLedger ledger : List.of(fast, reference.ledger)) {
      ledger.appendGrants(key(5), "save-the-park", ONE, ConsentFixtures.T0, FULL);
      List<ConsentRecord> records = ledger.storedRecordsForTampering(chain);
      records.set(0, ConsentFixtures.tamper(records.get(0), "hash"));
    }
    fast.appendGrants(key(5), "save-the-park", THREE, ConsentFixtures.T0, FULL);
    reference.appendGrants(key(5), "save-the-park", THREE, ConsentFixtures.T0, FULL);

    assertSameLedgers(fast, reference, 6);
  }

  @Test
  void refusesWhatADraftRefusesAndAppendsNothing() {
    List<ConsentGrant> badSecond = List.of(ConsentGrant.of(ConsentFixtures.TERMS),
        new ConsentGrant("Not An Id", "v1", "ab".repeat(32), ConsentPurpose.TERMS));
    List<Runnable> calls = new ArrayList<>();
    List<Runnable> drafts = new ArrayList<>();
    InMemoryConsentLedger fast = new InMemoryConsentLedger(FOUR_CHAINS);
    String subject = ConsentSubjects.of(key(1));
    addCase(calls, drafts, () -> fast.appendGrants(new byte[7], "p", ONE, ConsentFixtures.T0, FULL),
        () -> ConsentRecord.Draft.grant(ConsentSubjects.of(new byte[7]), "p", ConsentFixtures.TERMS,
            ConsentFixtures.T0, FULL));
    addCase(calls, drafts, () -> fast.appendGrants(new byte[129], "p", ONE, ConsentFixtures.T0, FULL),
        () -> ConsentRecord.Draft.grant(ConsentSubjects.of(new byte[129]), "p", ConsentFixtures.TERMS,
            ConsentFixtures.T0, FULL));
    addCase(calls, drafts, () -> fast.appendGrants(key(1), "Bad Slug", ONE, ConsentFixtures.T0, FULL),
        () -> ConsentRecord.Draft.grant(subject, "Bad Slug", ConsentFixtures.TERMS, ConsentFixtures.T0, FULL));
    addCase(calls, drafts, () -> fast.appendGrants(key(1), "p", badSecond, ConsentFixtures.T0, FULL),
        () -> new ConsentRecord.Draft(subject, "p", ConsentPurpose.TERMS, "Not An Id", "v1", "ab".repeat(32),
            ConsentRecord.Action.GRANTED, ConsentFixtures.T0, FULL));
    ConsentRecord.Evidence badAgent = new ConsentRecord.Evidence(null, null, "not hex", null);
    addCase(calls, drafts, () -> fast.appendGrants(key(1), "p", ONE, ConsentFixtures.T0, badAgent),
        () -> ConsentRecord.Draft.grant(subject, "p", ConsentFixtures.TERMS, ConsentFixtures.T0, badAgent));
    ConsentRecord.Evidence loneSurrogate = new ConsentRecord.Evidence("form \uD800", null, null, null);
    addCase(calls, drafts, () -> fast.appendGrants(key(1), "p", ONE, ConsentFixtures.T0, loneSurrogate),
        () -> ConsentRecord.Draft.grant(subject, "p", ConsentFixtures.TERMS, ConsentFixtures.T0, loneSurrogate));

    for (int i = 0; i < calls.size(); i++) {
      Throwable expected = catchThrowable(drafts.get(i)::run);
      assertThat(expected).as("case %d", i).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(calls.get(i)::run).as("case %d", i)
          .isInstanceOf(IllegalArgumentException.class).hasMessage(expected.getMessage());
    }
    assertThat(fast.verify()).isEqualTo(new VerificationReport.Ok(0));
    assertThat(fast.recordsOf(subject)).isEmpty();
  }

  private static void addCase(List<Runnable> calls, List<Runnable> drafts, Runnable call, Runnable draft) {
    calls.add(call);
    drafts.add(draft);
  }

  @Test
  void rollBackForgetsExactlyWhatCameAfterTheCheckpoint() {
    InMemoryConsentLedger ledger = new InMemoryConsentLedger(FOUR_CHAINS);
    DraftByDraft reference = new DraftByDraft();
    for (int n = 0; n < 20; n++) {
      ledger.appendGrants(key(n), "save-the-park", THREE, ConsentFixtures.T0, FULL);
      reference.appendGrants(key(n), "save-the-park", THREE, ConsentFixtures.T0, FULL);
    }
    List<List<ConsentRecord>> before = stored(ledger);
    List<String> headsBefore = heads(ledger);
    InMemoryConsentLedger.Checkpoint checkpoint = ledger.checkpoint();

    for (int round = 0; round < 2; round++) {
      // Enough new subjects to grow every chain's subject index, old subjects, and the general way.
      for (int n = 0; n < 300; n++) {
        ledger.appendGrants(key(n), "save-the-park", ONE, ConsentFixtures.T0.plusSeconds(1), FULL);
      }
      ledger.append(ConsentRecord.Draft.grant(ConsentSubjects.of(key(1)), "later", ConsentFixtures.NEWSLETTER,
          ConsentFixtures.T0, FULL));
      ledger.rollBack(checkpoint);

      assertThat(stored(ledger)).isEqualTo(before);
      assertThat(heads(ledger)).isEqualTo(headsBefore);
      assertThat(ledger.verify()).isEqualTo(new VerificationReport.Ok(60));
      assertThat(ledger.recordsOf(ConsentSubjects.of(key(299)))).isEmpty();
      assertThat(ledger.recordsOf(ConsentSubjects.of(key(1)))).hasSize(3);
    }
    // What comes next links as if the forgotten records had never been.
    for (int n = 15; n < 25; n++) {
      ledger.appendGrants(key(n), "next", ONE, ConsentFixtures.T0, FULL);
      reference.appendGrants(key(n), "next", ONE, ConsentFixtures.T0, FULL);
    }
    assertSameLedgers(ledger, reference, 25);
    assertThatThrownBy(() -> reference.ledger.rollBack(checkpoint)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentAppendsKeepEveryChainDenseAndLinked() throws Exception {
    InMemoryConsentLedger ledger = new InMemoryConsentLedger(ConsentChain.ofDefaults());
    int threads = 8;
    int perThread = 500;
    ConsentFixtures.inParallel(threads, thread -> {
      for (int i = 0; i < perThread; i++) {
        // Threads interleave over shared subjects and both ways of appending.
        int n = (thread * 7 + i) % 100;
        if (i % 10 == 0) {
          ledger.append(ConsentRecord.Draft.grant(ConsentSubjects.of(key(n)), "p", ConsentFixtures.TERMS,
              ConsentFixtures.T0, FULL));
        } else {
          ledger.appendGrants(key(n), "p", THREE, ConsentFixtures.T0, FULL);
        }
      }
    });

    int expected = threads * (perThread / 10 + perThread * 9 / 10 * THREE.size());
    assertThat(ledger.verify()).isEqualTo(new VerificationReport.Ok(expected));
    long total = 0;
    for (int n = 0; n < 100; n++) {
      total += ledger.recordsOf(ConsentSubjects.of(key(n))).size();
    }
    assertThat(total).isEqualTo(expected);
  }
}
