package org.petition.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.store.TestSignatures.T0;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.petition.store.CoSigningStore.CoSigned;

/**
 * What every {@link SignatureStore} must do for "signers also signed" ({@link CoSigningStore}): the pairs move
 * with every change to whether a signature counts, once per distinct signer. A base of {@link
 * SignatureStoreContract}, so every store runs it.
 */
public abstract class CoSigningStoreContract extends LogStoreContract {

  /**
   * The store the concurrent tests confirm through, over the same data as {@code store}: for a database store,
   * one writing each confirmation in a transaction of its own, several at once (so they really race).
   */
  protected SignatureStore racingStore() {
    return store;
  }

  private long counted(String petition, String email) {
    long id = pending(petition, email, 0);
    assertThat(store.confirm(id, T0.plusSeconds(60))).isInstanceOf(ConfirmOutcome.Counted.class);
    return id;
  }

  private long pending(String petition, String email, int slot) {
    InsertOutcome outcome = store.insert(TestSignatures.on(petition, email).slot(slot).build(), false);
    assertThat(outcome).isInstanceOf(InsertOutcome.Inserted.class);
    return ((InsertOutcome.Inserted) outcome).id();
  }

  private long shared(String petition, String other) {
    return store.coSigned(petition, 1, 100).stream().filter(c -> c.petition().equals(other))
        .mapToLong(CoSigned::signers).findFirst().orElse(0);
  }

  @Test
  void pairsCountDistinctConfirmedSignersBothWaysAndTheThresholdFilters() {
    String a = newPetition();
    String b = newPetition();
    String c = newPetition();
    for (int i = 0; i < 5; i++) {
      counted(a, "both" + i + "@example.org");
      counted(b, "both" + i + "@example.org");
    }
    for (int i = 0; i < 3; i++) {
      counted(c, "both" + i + "@example.org");
    }
    counted(a, "only-a@example.org");
    long pendingOnB = pending(b, "only-a@example.org", 0); // pending: no pair

    assertThat(shared(a, b)).isEqualTo(5);
    assertThat(shared(b, a)).isEqualTo(5);
    assertThat(shared(a, c)).isEqualTo(3);
    assertThat(store.coSigned(a, 5, 10)).containsExactly(new CoSigned(b, 5));
    assertThat(store.coSigned(a, 1, 10)).containsExactly(new CoSigned(b, 5), new CoSigned(c, 3));
    assertThat(store.coSigned(a, 1, 1)).containsExactly(new CoSigned(b, 5));
    assertThat(store.coSigned(c, 6, 10)).isEmpty();
    assertThat(store.coSigned(newPetition(), 1, 10)).isEmpty();

    store.confirm(pendingOnB, T0.plusSeconds(90)); // now confirmed: one more
    assertThat(shared(a, b)).isEqualTo(6);
  }

  @Test
  void everyWayOutOfTheCountTakesThePairDownAndBackInRestoresIt() {
    String a = newPetition();
    String b = newPetition();
    long[] onA = new long[5];
    for (int i = 0; i < 5; i++) {
      counted(b, "s" + i + "@example.org");
      onA[i] = counted(a, "s" + i + "@example.org");
    }
    assertThat(shared(a, b)).isEqualTo(5);
    store.revoke(onA[0], T0.plusSeconds(100));
    assertThat(shared(a, b)).isEqualTo(4);
    store.remove(onA[1], T0.plusSeconds(101));
    assertThat(shared(b, a)).isEqualTo(3);
    assertThat(store.restore(onA[1], T0.plusSeconds(102))).isTrue();
    assertThat(shared(b, a)).isEqualTo(4);
    store.erase(onA[2], true, T0.plusSeconds(103)); // still counts, but the signer's link is erased
    assertThat(store.counts(a).total()).isEqualTo(4);
    assertThat(shared(a, b)).isEqualTo(3);
    store.erase(onA[2], false, T0.plusSeconds(104)); // and revoked after: no second decrement
    assertThat(shared(a, b)).isEqualTo(3);
    store.erase(onA[3], false, T0.plusSeconds(105));
    assertThat(shared(a, b)).isEqualTo(2);
    store.revoke(onA[3], T0.plusSeconds(106)); // already gone
    assertThat(shared(a, b)).isEqualTo(2);
  }

  @Test
  void heldSignaturesCountOnlyOnceApprovedAndAHouseholdIsOneSigner() {
    String a = newPetition();
    String b = newPetition();
    counted(b, "family@example.org");
    long first = pending(a, "family@example.org", 0);
    long second = pending(a, "family@example.org", 1);
    store.confirm(first, T0.plusSeconds(60));
    store.confirm(second, T0.plusSeconds(61));
    assertThat(shared(a, b)).isEqualTo(1); // one address, one signer
    store.revoke(first, T0.plusSeconds(62));
    assertThat(shared(a, b)).isEqualTo(1); // the other member still counts
    store.revoke(second, T0.plusSeconds(63));
    assertThat(shared(a, b)).isZero();

    InsertOutcome held = store.insert(TestSignatures.on(a, "held@example.org").held(true).build(), false);
    long heldId = ((InsertOutcome.Inserted) held).id();
    counted(b, "held@example.org");
    assertThat(store.confirm(heldId, T0.plusSeconds(70))).isInstanceOf(ConfirmOutcome.Held.class);
    assertThat(shared(a, b)).isZero();
    assertThat(store.approve(heldId, T0.plusSeconds(71))).isInstanceOf(ConfirmOutcome.Counted.class);
    assertThat(shared(a, b)).isEqualTo(1);

    long atOnce = ((InsertOutcome.Inserted) store.insert(TestSignatures.on(a, "now@example.org").build(), true)).id();
    assertThat(store.find(atOnce).orElseThrow().counted()).isTrue();
    counted(b, "now@example.org"); // a signature confirmed at insert is linked too
    assertThat(shared(a, b)).isEqualTo(2);
  }

  @Test
  void retentionKeepsThePairsAndForgetsTheLinks() {
    String a = newPetition();
    String b = newPetition();
    long onA = counted(a, "kept@example.org");
    long onB = counted(b, "kept@example.org");
    assertThat(shared(a, b)).isEqualTo(1);
    assertThat(store.anonymise(a, 10)).isEqualTo(1);
    assertThat(shared(a, b)).isEqualTo(1); // an aggregate of no one
    store.revoke(onB, T0.plusSeconds(200)); // the link to A is gone: nothing to take down
    assertThat(shared(a, b)).isEqualTo(1);
    assertThat(store.find(onA).orElseThrow().counted()).isTrue();
  }

  @Test
  void manySignersFormingANewPairAtOnceCountEachOnce() throws Exception {
    // The pair's row does not exist yet: every confirmation below would insert it (an upsert that is not atomic
    // lets two of them insert, and one fails or one is lost).
    int n = 12;
    String a = newPetition();
    String b = newPetition();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      counted(a, "pair" + i + "@example.org");
      ids.add(pending(b, "pair" + i + "@example.org", 0));
    }
    confirmAllAtOnce(ids);
    assertThat(shared(a, b)).isEqualTo(n);
    assertThat(shared(b, a)).isEqualTo(n);
  }

  private void confirmAllAtOnce(List<Long> ids) throws Exception {
    SignatureStore racing = racingStore();
    ExecutorService pool = Executors.newFixedThreadPool(ids.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<ConfirmOutcome>> done = new ArrayList<>();
      for (long id : ids) {
        done.add(pool.submit(() -> {
          start.await();
          return racing.confirm(id, T0.plusSeconds(60));
        }));
      }
      start.countDown();
      for (Future<ConfirmOutcome> outcome : done) {
        assertThat(outcome.get(60, TimeUnit.SECONDS)).isInstanceOf(ConfirmOutcome.Counted.class);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void oneSignerConfirmingManyPetitionsAtOnceFormsEveryPair() throws Exception {
    int n = 6;
    List<String> petitions = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String petition = newPetition();
      petitions.add(petition);
      ids.add(pending(petition, "busy@example.org", 0));
    }
    confirmAllAtOnce(ids);
    for (String petition : petitions) {
      for (String other : petitions) {
        if (!petition.equals(other)) {
          assertThat(shared(petition, other)).as(petition + " with " + other).isEqualTo(1);
        }
      }
    }
  }
}
