package org.petition.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.petition.store.ConfirmOutcome;
import org.petition.store.InsertOutcome;
import org.petition.store.NewSignature;
import org.petition.store.RemoveOutcome;
import org.petition.store.StoredSignature;
import org.petition.store.TestSignatures;

// The purge starts at the first id that may still be pending; a restore that makes an older id pending
// again must bring the start back to it.
class InMemoryPurgeWatermarkTest {

  private final InMemorySignatureStore store = new InMemorySignatureStore();
  private final Instant old = Instant.parse("2003-01-01T00:00:00Z");
  private final Instant cutoff = old.plus(Duration.ofDays(7));

  InMemoryPurgeWatermarkTest() {
    for (String slug : new String[] {"p", "q", "r"}) {
      store.savePetition(org.petition.Petition.builder(slug).title("Save the park").goal(1000).build());
    }
  }

  private long inserted(NewSignature signature) {
    return ((InsertOutcome.Inserted) store.insert(signature, false)).id();
  }

  @Test
  void aSignatureRestoredToPendingBehindThePurgedOnesIsPurgedLater() {
    long removedWhilePending = inserted(TestSignatures.on("p", "a@example.org").signedAt(old).build());
    assertThat(store.remove(removedWhilePending, old)).isInstanceOf(RemoveOutcome.Removed.class);
    for (int i = 0; i < 20; i++) {
      long id = inserted(TestSignatures.on("p", "c" + i + "@example.org").signedAt(old).build());
      assertThat(store.confirm(id, old)).isInstanceOf(ConfirmOutcome.Counted.class);
    }
    long expired = inserted(TestSignatures.on("p", "e@example.org").signedAt(old).build());
    assertThat(store.purgePending(cutoff, 100)).extracting(StoredSignature::id).containsExactly(expired);
    assertThat(store.purgePending(cutoff, 100)).isEmpty();

    assertThat(store.restore(removedWhilePending, old)).isTrue();
    assertThat(store.purgePending(cutoff, 100)).extracting(StoredSignature::id).containsExactly(removedWhilePending);
  }

  @Test
  void aPendingSignatureNotYetExpiredIsFoundByTheNextPurge() {
    long young = inserted(TestSignatures.on("q", "y@example.org").signedAt(cutoff.plusSeconds(60)).build());
    for (int i = 0; i < 5; i++) {
      inserted(TestSignatures.on("q", "o" + i + "@example.org").signedAt(old).build());
    }
    assertThat(store.purgePending(cutoff, 100)).hasSize(5);
    assertThat(store.purgePending(cutoff.plus(Duration.ofDays(1)), 100)).extracting(StoredSignature::id)
        .containsExactly(young);
  }

  @Test
  void aPurgeStoppedByItsLimitResumesWhereItStopped() {
    for (int i = 0; i < 10; i++) {
      inserted(TestSignatures.on("r", "x" + i + "@example.org").signedAt(old).build());
    }
    assertThat(store.purgePending(cutoff, 4)).hasSize(4);
    assertThat(store.purgePending(cutoff, 4)).hasSize(4);
    assertThat(store.purgePending(cutoff, 4)).hasSize(2);
  }
}
