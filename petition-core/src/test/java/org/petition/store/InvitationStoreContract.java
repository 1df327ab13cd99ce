package org.petition.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.store.TestSignatures.T0;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petition.Petition;

/**
 * What every {@link InvitationStore} must do, run against each implementation by a subclass: one invitation per
 * address and petition (also under concurrent calls), forgetting one, the suppression list, and the aggregate of
 * signatures from invitations that count now. Each test works on petitions of its own (random slugs).
 */
public abstract class InvitationStoreContract {

  /** A store that is both; for a database store, over a database of the test class. */
  protected abstract SignatureStore newStore();

  protected SignatureStore store;

  private InvitationStore invitations() {
    return (InvitationStore) store;
  }

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  private String newPetition() {
    String slug = "i-" + UUID.randomUUID().toString().substring(0, 13);
    store.savePetition(Petition.builder(slug).title("Save the park").goal(1000).build());
    return slug;
  }

  @Test
  void anAddressIsRecordedOncePerPetitionAndCountedAsSent() {
    String petition = newPetition();
    String other = newPetition();
    byte[] key = TestSignatures.key("friend@example.org");
    assertThat(invitations().recordInvitation(petition, key, T0)).isTrue();
    assertThat(invitations().recordInvitation(petition, key.clone(), T0.plusSeconds(5))).isFalse();
    assertThat(invitations().recordInvitation(other, key, T0)).isTrue();
    assertThat(invitations().recordInvitation(petition, TestSignatures.key("other@example.org"), T0)).isTrue();
    assertThat(invitations().invitationsSent(petition)).isEqualTo(2);
    assertThat(invitations().invitationsSent(other)).isEqualTo(1);
    assertThat(invitations().invitationsSent(newPetition())).isZero();
  }

  @Test
  void aForgottenInvitationMayBeRecordedAgain() {
    String petition = newPetition();
    byte[] key = TestSignatures.key("friend@example.org");
    invitations().recordInvitation(petition, key, T0);
    invitations().forgetInvitation(petition, key);
    assertThat(invitations().invitationsSent(petition)).isZero();
    assertThat(invitations().recordInvitation(petition, key, T0)).isTrue();
  }

  @Test
  void concurrentInvitationsOfOneAddressRecordExactlyOne() throws Exception {
    String petition = newPetition();
    byte[] key = TestSignatures.key("race@example.org");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        calls.add(() -> invitations().recordInvitation(petition, key, T0));
      }
      int recorded = 0;
      for (Future<Boolean> result : pool.invokeAll(calls)) {
        recorded += result.get() ? 1 : 0;
      }
      assertThat(recorded).isEqualTo(1);
      assertThat(invitations().invitationsSent(petition)).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void suppressionIsKeptPerKeyAndIdempotent() {
    byte[] key = TestSignatures.key(UUID.randomUUID() + "@example.org");
    assertThat(invitations().suppressed(key)).isFalse();
    invitations().suppress(key, T0);
    invitations().suppress(key.clone(), T0.plusSeconds(1));
    assertThat(invitations().suppressed(key.clone())).isTrue();
    assertThat(invitations().suppressed(TestSignatures.key(UUID.randomUUID() + "@example.org"))).isFalse();
  }

  @Test
  void signaturesFromInvitationsCountOnlyWhileTheyCount() {
    String petition = newPetition();
    long pending = insert(petition, "pending@example.org", false);
    long counted = insert(petition, "counted@example.org", false);
    long revoked = insert(petition, "revoked@example.org", false);
    long held = insert(petition, "held@example.org", true);
    long notInvited = insert(petition, "direct@example.org", false);
    for (long id : new long[] {pending, counted, revoked, held}) {
      invitations().attributeToInvitation(petition, id);
    }
    invitations().attributeToInvitation(petition, counted); // twice changes nothing
    assertThat(invitations().signaturesFromInvitations(petition)).isZero();

    for (long id : new long[] {counted, revoked, held, notInvited}) {
      assertThat(store.confirm(id, T0.plusSeconds(60))).isNotNull();
    }
    assertThat(invitations().signaturesFromInvitations(petition)).isEqualTo(2);
    store.revoke(revoked, T0.plusSeconds(120));
    assertThat(invitations().signaturesFromInvitations(petition)).isEqualTo(1);
    assertThat(invitations().signaturesFromInvitations(newPetition())).isZero();
  }

  @Test
  void anInviteesKeyIsListedAndForgottenEverywhereWhileTheCountsAndTheSuppressionStay() {
    String petition = newPetition();
    String other = newPetition();
    byte[] key = TestSignatures.key(UUID.randomUUID() + "@example.org");
    invitations().recordInvitation(petition, key, T0);
    invitations().recordInvitation(other, key, T0.plusSeconds(30));
    invitations().recordInvitation(petition, TestSignatures.key("someone@example.org"), T0);
    invitations().suppress(key, T0.plusSeconds(40));
    assertThat(invitations().invitationsOf(key.clone())).containsExactly(
        new InvitationStore.Invited(petition, T0), new InvitationStore.Invited(other, T0.plusSeconds(30)));
    assertThat(invitations().suppressedAt(key)).contains(T0.plusSeconds(40));

    assertThat(invitations().forgetInvitee(key)).isEqualTo(2);

    assertThat(invitations().invitationsOf(key)).isEmpty();
    assertThat(invitations().forgetInvitee(key)).isZero();
    assertThat(invitations().invitationsSent(petition)).isEqualTo(2);
    assertThat(invitations().invitationsSent(other)).isEqualTo(1);
    assertThat(invitations().suppressed(key)).isTrue();
    assertThat(invitations().invitationsOf(TestSignatures.key("someone@example.org"))).hasSize(1);
  }

  @Test
  void retentionForgetsAPetitionsRowsAndFreezesItsAggregates() {
    String petition = newPetition();
    String other = newPetition();
    byte[] key = TestSignatures.key(UUID.randomUUID() + "@example.org");
    invitations().recordInvitation(petition, key, T0);
    invitations().recordInvitation(petition, TestSignatures.key(UUID.randomUUID() + "@example.org"), T0);
    invitations().recordInvitation(other, key, T0);
    long counted = insert(petition, "counted@example.org", false);
    long pending = insert(petition, "pending@example.org", false);
    invitations().attributeToInvitation(petition, counted);
    invitations().attributeToInvitation(petition, pending);
    store.confirm(counted, T0.plusSeconds(60));
    assertThat(invitations().signaturesFromInvitations(petition)).isEqualTo(1);

    assertThat(invitations().forgetPetition(petition)).isEqualTo(4); // two invitations, two attributions

    assertThat(invitations().invitationsOf(key)).containsExactly(new InvitationStore.Invited(other, T0));
    assertThat(invitations().invitationsSent(petition)).isEqualTo(2);
    assertThat(invitations().signaturesFromInvitations(petition)).isEqualTo(1);
    store.confirm(pending, T0.plusSeconds(90)); // its attribution is gone: the frozen aggregate does not move
    assertThat(invitations().signaturesFromInvitations(petition)).isEqualTo(1);
    assertThat(invitations().forgetPetition(petition)).isZero();
    assertThat(invitations().invitationsSent(petition)).isEqualTo(2);
    assertThat(invitations().invitationsSent(other)).isEqualTo(1);
  }

  @Test
  void revokingOrErasingASignatureDropsItsAttributionInTheSameStep() {
    String petition = newPetition();
    long erased = insert(petition, "erased@example.org", false);
    long removed = insert(petition, "removed@example.org", false);
    for (long id : new long[] {erased, removed}) {
      invitations().attributeToInvitation(petition, id);
      store.confirm(id, T0.plusSeconds(60));
    }
    assertThat(invitations().signaturesFromInvitations(petition)).isEqualTo(2);

    store.erase(erased, true, T0.plusSeconds(70)); // still counts, anonymously: no longer attributed
    assertThat(store.find(erased).orElseThrow().counted()).isTrue();
    assertThat(invitations().signaturesFromInvitations(petition)).isEqualTo(1);

    store.remove(removed, T0.plusSeconds(80)); // a moderator's removal can be undone: the attribution stays
    store.restore(removed, T0.plusSeconds(90));
    assertThat(invitations().signaturesFromInvitations(petition)).isEqualTo(1);
    store.revoke(removed, T0.plusSeconds(100));
    store.restore(removed, T0.plusSeconds(110)); // a revoked signature is not restored
    assertThat(invitations().signaturesFromInvitations(petition)).isZero();
  }

  private long insert(String petition, String email, boolean held) {
    InsertOutcome outcome = store.insert(TestSignatures.on(petition, email).held(held).build(), false);
    assertThat(outcome).isInstanceOf(InsertOutcome.Inserted.class);
    return ((InsertOutcome.Inserted) outcome).id();
  }
}
