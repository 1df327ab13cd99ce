package org.petition.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.store.TestSignatures.T0;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.petition.log.Frontier;
import org.petition.log.LogEntry;
import org.petition.log.MerkleTree;
import org.petition.log.NodeSource;

/**
 * What every {@link SignatureStore} must do with its transparency log ({@link LogStore}): one entry per change
 * to a count, appended with the change, adding up to the count at every size; proofs from the kept nodes;
 * receipts; checkpoints kept. The base of {@link SignatureStoreContract}, so every store runs it.
 */
public abstract class LogStoreContract {

  protected SignatureStore store;

  /** Saves a fresh petition with a random slug and returns the slug. */
  protected abstract String newPetition();

  private long insert(String petition, String email, boolean held) {
    InsertOutcome outcome = store.insert(TestSignatures.on(petition, email).held(held).build(), false);
    assertThat(outcome).isInstanceOf(InsertOutcome.Inserted.class);
    return ((InsertOutcome.Inserted) outcome).id();
  }

  /** The log's size and the store's count, recorded after each step: the count the log must add up to there. */
  private final Map<Long, Long> countAtSize = new HashMap<>();

  private void record(String petition) {
    countAtSize.put(store.logFrontier(petition).size(), store.counts(petition).total());
  }

  @Test
  void everyChangeToTheCountIsOneEntryAndTheEntriesAddUpAtEverySize() {
    String petition = newPetition();
    record(petition);
    long a = insert(petition, "a@example.org", false);
    long b = insert(petition, "b@example.org", false);
    long c = insert(petition, "c@example.org", true);
    long d = insert(petition, "d@example.org", true);
    record(petition); // pending signatures are no change to the count
    assertThat(store.logFrontier(petition).size()).isZero();

    Instant t1 = T0.plusSeconds(10);
    long numberA = ((ConfirmOutcome.Counted) store.confirm(a, t1)).number();
    record(petition);
    long numberB = ((ConfirmOutcome.Counted) store.confirm(b, t1.plusSeconds(1))).number();
    record(petition);
    assertThat(store.confirm(c, t1.plusSeconds(2))).isInstanceOf(ConfirmOutcome.Held.class); // held: no entry
    record(petition);
    assertThat(store.confirm(a, t1.plusSeconds(3))).isInstanceOf(ConfirmOutcome.AlreadyConfirmed.class);
    long numberC = ((ConfirmOutcome.Counted) store.approve(c, t1.plusSeconds(4))).number(); // moderator approval
    record(petition);
    assertThat(store.approve(d, t1.plusSeconds(5))).isInstanceOf(ConfirmOutcome.Held.class); // pending: not yet
    record(petition);
    long numberD = ((ConfirmOutcome.Counted) store.confirm(d, t1.plusSeconds(6))).number();
    record(petition);
    store.revoke(a, t1.plusSeconds(7)); // the signer's revocation
    record(petition);
    store.remove(b, t1.plusSeconds(8)); // a moderator's removal
    record(petition);
    assertThat(store.restore(b, t1.plusSeconds(9))).isTrue(); // undone: counts again, same number
    record(petition);
    store.erase(b, true, t1.plusSeconds(10)); // erasure that keeps counting: no change
    record(petition);
    store.erase(b, false, t1.plusSeconds(11)); // erasure: stops counting
    record(petition);
    store.revoke(a, t1.plusSeconds(12)); // already gone: no change
    InsertOutcome signedIn = store.insert(TestSignatures.on(petition, "e@example.org").build(), true);
    long e = ((InsertOutcome.Inserted) signedIn).id(); // a verified signed-in signing counts at once
    record(petition);

    List<LogEntry> entries = entries(petition);
    assertThat(entries).extracting(LogEntry::type).containsExactly(
        LogEntry.Type.COUNTED, LogEntry.Type.COUNTED, LogEntry.Type.COUNTED, LogEntry.Type.COUNTED,
        LogEntry.Type.UNCOUNTED, LogEntry.Type.UNCOUNTED, LogEntry.Type.COUNTED, LogEntry.Type.UNCOUNTED,
        LogEntry.Type.COUNTED);
    long numberE = store.find(e).orElseThrow().number();
    assertThat(entries).extracting(LogEntry::number)
        .containsExactly(numberA, numberB, numberC, numberD, numberA, numberB, numberB, numberB, numberE);
    assertThat(entries.get(0).at()).isEqualTo(t1);
    assertThat(entries.get(2).at()).isEqualTo(t1.plusSeconds(4));
    assertThat(entries.get(7).at()).isEqualTo(t1.plusSeconds(11));
    for (int i = 0; i < entries.size(); i++) {
      assertThat(entries.get(i).seq()).isEqualTo(i);
      assertThat(entries.get(i).petition()).isEqualTo(petition);
    }
    // One signature, one commitment; another signature, another.
    assertThat(entries.get(4).signer()).isEqualTo(entries.get(0).signer());
    assertThat(entries.get(7).signer()).isEqualTo(entries.get(1).signer());
    assertThat(entries.get(1).signer()).isNotEqualTo(entries.get(0).signer());

    assertAddsUpAtEveryRecordedSize(petition);
    assertThat(store.counts(petition).total()).isEqualTo(3);
  }

  @Test
  void theFrontierIsTheTreeOfTheEntriesAndProofsComeFromTheKeptNodes() {
    String petition = newPetition();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      ids.add(insert(petition, "p" + i + "@example.org", false));
    }
    Frontier before = null;
    for (int i = 0; i < ids.size(); i++) {
      store.confirm(ids.get(i), T0.plusSeconds(i));
      if (i == 4) {
        before = store.logFrontier(petition);
      }
    }
    store.revoke(ids.get(3), T0.plusSeconds(100));
    Frontier now = store.logFrontier(petition);
    List<byte[]> bytes = store.logEntries(petition, 0, 1000);
    assertThat(now.size()).isEqualTo(14).isEqualTo(bytes.size());
    Frontier rebuilt = Frontier.empty();
    for (byte[] entry : bytes) {
      rebuilt = rebuilt.append(MerkleTree.leafHash(entry));
    }
    assertThat(rebuilt).isEqualTo(now);
    assertThat(store.logEntries(petition, 3, 6)).hasSize(3);
    assertThat(store.logEntries(petition, 3, 6).get(0)).isEqualTo(bytes.get(3));
    assertThat(store.logEntries(petition, 12, 1000)).hasSize(2);
    assertThat(store.logEntries(petition, 20, 30)).isEmpty();

    NodeSource nodes = (level, index) -> store.logNode(petition, level, index);
    assertThat(MerkleTree.root(now.size(), nodes)).isEqualTo(now.root());
    for (int index = 0; index < now.size(); index++) {
      List<byte[]> proof = MerkleTree.inclusionProof(index, now.size(), nodes);
      assertThat(MerkleTree.verifyInclusion(index, now.size(), MerkleTree.leafHash(bytes.get(index)), proof,
          now.root())).as("inclusion of %d", index).isTrue();
    }
    assertThat(before).isNotNull();
    List<byte[]> consistency = MerkleTree.consistencyProof(before.size(), now.size(), nodes);
    assertThat(MerkleTree.verifyConsistency(before.size(), now.size(), before.root(), now.root(), consistency))
        .isTrue();
  }

  @Test
  void aReceiptIsTheLatestCountedEntryOfANumber() {
    String petition = newPetition();
    long a = insert(petition, "a@example.org", false);
    long number = ((ConfirmOutcome.Counted) store.confirm(a, T0)).number();
    LogEntry receipt = store.countedEntry(petition, number).orElseThrow();
    assertThat(receipt.seq()).isZero();
    assertThat(receipt.number()).isEqualTo(number);
    assertThat(receipt.bytes()).isEqualTo(store.logEntries(petition, 0, 1).get(0));
    store.remove(a, T0.plusSeconds(1));
    store.restore(a, T0.plusSeconds(2));
    assertThat(store.countedEntry(petition, number).orElseThrow().seq()).isEqualTo(2);
    assertThat(store.countedEntry(petition, number + 1000)).isEmpty();
    assertThat(store.countedEntry(newPetition(), number)).isEmpty();
  }

  @Test
  void erasureAndRetentionKeepTheEntries() {
    String petition = newPetition();
    long a = insert(petition, "a@example.org", false);
    long b = insert(petition, "b@example.org", false);
    store.confirm(a, T0);
    store.confirm(b, T0);
    List<byte[]> before = store.logEntries(petition, 0, 10);
    store.erase(a, true, T0.plusSeconds(5));
    store.anonymise(petition, 10);
    List<byte[]> after = store.logEntries(petition, 0, 10);
    assertThat(after).hasSize(2);
    for (int i = 0; i < 2; i++) {
      assertThat(after.get(i)).isEqualTo(before.get(i));
    }
    store.erase(b, false, T0.plusSeconds(6));
    assertThat(store.logEntries(petition, 0, 10)).hasSize(3);
    assertThat(store.logEntries(petition, 0, 2).get(1)).isEqualTo(before.get(1));
  }

  @Test
  void checkpointsAreKeptOncePerSizeAndTheLargestIsTheLatest() {
    String petition = newPetition();
    assertThat(store.latestCheckpoint(petition)).isEmpty();
    store.saveCheckpoint(petition, 3, "three\n", T0);
    store.saveCheckpoint(petition, 5, "five\n", T0.plusSeconds(10));
    store.saveCheckpoint(petition, 5, "five again\n", T0.plusSeconds(20));
    store.saveCheckpoint(petition, 4, "four\n", T0.plusSeconds(30));
    assertThat(store.latestCheckpoint(petition)).contains("five\n");
    assertThat(store.latestCheckpoint(newPetition())).isEmpty();
  }

  @Test
  void concurrentConfirmationsAndRevocationsKeepTheLogAndTheCountTogether() throws Exception {
    String petition = newPetition();
    int n = 48;
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(insert(petition, "c" + i + "@example.org", false));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        long id = ids.get(i);
        boolean revoked = i % 3 == 0;
        done.add(pool.submit(() -> {
          store.confirm(id, T0.plusSeconds(1));
          if (revoked) {
            store.revoke(id, T0.plusSeconds(2));
          }
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    List<LogEntry> entries = entries(petition);
    assertThat(entries).hasSize(n + n / 3);
    // Each signature's entries alternate, starting with COUNTED, and the running count never goes below zero.
    Map<String, Boolean> counting = new HashMap<>();
    long running = 0;
    for (LogEntry entry : entries) {
      String signer = Arrays.toString(entry.signer());
      boolean counts = counting.getOrDefault(signer, false);
      assertThat(counts).as("entry %d", entry.seq()).isEqualTo(entry.type() == LogEntry.Type.UNCOUNTED);
      counting.put(signer, !counts);
      running += entry.delta();
      assertThat(running).isNotNegative();
    }
    assertThat(running).isEqualTo(store.counts(petition).total()).isEqualTo(n - n / 3);
  }

  private List<LogEntry> entries(String petition) {
    return store.logEntries(petition, 0, Long.MAX_VALUE).stream().map(LogEntry::parse).toList();
  }

  private void assertAddsUpAtEveryRecordedSize(String petition) {
    List<LogEntry> entries = entries(petition);
    assertThat(countAtSize).isNotEmpty();
    countAtSize.forEach((size, count) -> {
      long recount = 0;
      for (int i = 0; i < size; i++) {
        recount += entries.get(i).delta();
      }
      assertThat(recount).as("COUNTED - UNCOUNTED over the first %d entries", size).isEqualTo(count);
    });
  }
}
