package org.petition.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.store.TestSignatures.T0;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AccountStore} must do, run against each implementation by a subclass. Each test uses
 * email keys of its own, so a subclass may share one database between tests.
 */
public abstract class AccountStoreContract {

  private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";

  protected AccountStore accounts;

  /** A store to test; for a database store, over a database of the test class. */
  protected abstract AccountStore newStore();

  @BeforeEach
  void createStore() {
    accounts = newStore();
  }

  private static byte[] newKey() {
    return TestSignatures.key("email:" + UUID.randomUUID() + "@example.org");
  }

  private static StoredAccount draft(byte[] emailKey) {
    return new StoredAccount(0, emailKey, TestSignatures.seal("someone@example.org"), HASH, T0, null);
  }

  private static void assertSame(StoredAccount actual, StoredAccount expected) {
    assertThat(actual.id()).isEqualTo(expected.id());
    assertThat(actual.emailKey()).isEqualTo(expected.emailKey());
    assertThat(actual.sealedEmail()).isEqualTo(expected.sealedEmail());
    assertThat(actual.passwordHash()).isEqualTo(expected.passwordHash());
    assertThat(actual.createdAt()).isEqualTo(expected.createdAt());
    assertThat(actual.verifiedAt()).isEqualTo(expected.verifiedAt());
  }

  @Test
  void deletingAnAccountForgetsItAndFreesItsAddress() {
    byte[] key = newKey();
    byte[] other = newKey();
    StoredAccount created = accounts.create(draft(key)).orElseThrow();
    StoredAccount kept = accounts.create(draft(other)).orElseThrow();

    assertThat(accounts.delete(key)).isTrue();

    assertThat(accounts.byEmailKey(key)).isEmpty();
    assertThat(accounts.byId(created.id())).isEmpty();
    assertThat(accounts.delete(key)).isFalse();
    assertSame(accounts.byEmailKey(other).orElseThrow(), kept);
    // The address may register again, as a new account.
    StoredAccount again = accounts.create(draft(key)).orElseThrow();
    assertThat(again.id()).isNotEqualTo(created.id());
  }

  @Test
  void createdAccountsAreFoundByEmailKeyAndById() {
    byte[] key = newKey();
    StoredAccount draft = new StoredAccount(12345, key, TestSignatures.seal("ann@example.org"), HASH, T0, null);
    StoredAccount created = accounts.create(draft).orElseThrow();
    assertThat(created.id()).isPositive(); // the draft's id is ignored
    assertThat(created.emailKey()).isEqualTo(key);
    assertThat(created.sealedEmail()).isEqualTo(draft.sealedEmail());
    assertThat(TestSignatures.open(created.sealedEmail())).isEqualTo("ann@example.org");
    assertThat(created.passwordHash()).isEqualTo(HASH);
    assertThat(created.createdAt()).isEqualTo(T0);
    assertThat(created.verified()).isFalse();

    assertSame(accounts.byEmailKey(key).orElseThrow(), created);
    assertSame(accounts.byId(created.id()).orElseThrow(), created);
    StoredAccount other = accounts.create(draft(newKey())).orElseThrow();
    assertThat(other.id()).isNotEqualTo(created.id());
    assertThat(accounts.byEmailKey(newKey())).isEmpty();
    assertThat(accounts.byId(987_654_321L)).isEmpty();
  }

  @Test
  void aVerifiedAccountKeepsItsVerificationTime() {
    StoredAccount verified = accounts.create(new StoredAccount(0, newKey(), TestSignatures.seal("v@example.org"),
        HASH, T0, T0.plusSeconds(30))).orElseThrow();
    assertThat(verified.verifiedAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(accounts.byId(verified.id()).orElseThrow().verified()).isTrue();
    assertThat(accounts.markVerified(verified.id(), T0.plusSeconds(99))).isFalse();
    assertThat(accounts.byId(verified.id()).orElseThrow().verifiedAt()).isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void oneAccountPerEmailKey() {
    byte[] key = newKey();
    StoredAccount first = accounts.create(draft(key)).orElseThrow();
    StoredAccount second = new StoredAccount(0, key.clone(), TestSignatures.seal("other@example.org"), "other", T0, T0);
    assertThat(accounts.create(second)).isEmpty();
    assertSame(accounts.byEmailKey(key).orElseThrow(), first);
  }

  @Test
  void markingVerifiedAnswersWhetherItChanged() {
    StoredAccount account = accounts.create(draft(newKey())).orElseThrow();
    assertThat(accounts.markVerified(account.id(), T0.plusSeconds(60))).isTrue();
    assertThat(accounts.markVerified(account.id(), T0.plusSeconds(120))).isFalse();
    StoredAccount verified = accounts.byId(account.id()).orElseThrow();
    assertThat(verified.verified()).isTrue();
    assertThat(verified.verifiedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(accounts.markVerified(987_654_321L, T0)).isFalse();
  }

  @Test
  void updatingThePasswordHashReplacesOnlyIt() {
    StoredAccount account = accounts.create(draft(newKey())).orElseThrow();
    String rehashed = HASH.replace("m=19456", "m=65536");
    accounts.updatePasswordHash(account.id(), rehashed);
    StoredAccount updated = accounts.byId(account.id()).orElseThrow();
    assertThat(updated.passwordHash()).isEqualTo(rehashed);
    assertThat(updated.emailKey()).isEqualTo(account.emailKey());
    assertThat(updated.createdAt()).isEqualTo(account.createdAt());
    accounts.updatePasswordHash(987_654_321L, rehashed); // nothing to update
    assertThat(accounts.byId(987_654_321L)).isEmpty();
  }

  @Test
  void concurrentRegistrationsOfOneAddressCreateOneAccount() throws Exception {
    byte[] key = newKey();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Optional<StoredAccount>>> futures = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return accounts.create(draft(key.clone()));
        }));
      }
      start.countDown();
      List<StoredAccount> created = new ArrayList<>();
      for (Future<Optional<StoredAccount>> future : futures) {
        future.get(1, TimeUnit.MINUTES).ifPresent(created::add);
      }
      assertThat(created).hasSize(1);
      assertSame(accounts.byEmailKey(key).orElseThrow(), created.get(0));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void replacingThePasswordHashIsACompareAndSet() {
    StoredAccount account = accounts.create(draft(newKey())).orElseThrow();
    String first = HASH.replace("m=19456", "m=65536");
    String second = HASH.replace("m=19456", "m=47104");

    assertThat(accounts.replacePasswordHash(account.id(), HASH, first)).isTrue();
    assertThat(accounts.replacePasswordHash(account.id(), HASH, second)).as("the old hash is gone").isFalse();
    assertThat(accounts.byId(account.id()).orElseThrow().passwordHash()).isEqualTo(first);
    assertThat(accounts.replacePasswordHash(987_654_321L, HASH, second)).isFalse();
  }

  @Test
  void ofConcurrentReplacementsOfOneHashExactlyOneWins() throws Exception {
    StoredAccount account = accounts.create(draft(newKey())).orElseThrow();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String replacement = HASH.replace("m=19456", "m=" + (20_000 + i));
        futures.add(pool.submit(() -> {
          start.await();
          return accounts.replacePasswordHash(account.id(), HASH, replacement);
        }));
      }
      start.countDown();
      int won = 0;
      for (Future<Boolean> future : futures) {
        won += future.get(1, TimeUnit.MINUTES) ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
      assertThat(accounts.byId(account.id()).orElseThrow().passwordHash()).startsWith("$argon2id$v=19$m=2000");
    } finally {
      pool.shutdownNow();
    }
  }
}
