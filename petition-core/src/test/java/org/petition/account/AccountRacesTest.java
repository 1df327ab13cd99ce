package org.petition.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petition.Petitions;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.MessageKind;
import org.petition.store.memory.InMemoryAccountStore;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

/**
 * Accounts attacked as an attacker would: guesses fired in parallel, a network guessing between its own
 * successful logins, registration timed to learn who has an account, one reset link used twice at once.
 */
class AccountRacesTest {

  private static final String PASSWORD = "korean peninsula peace 2026";
  private final MutableClock clock = new MutableClock(Fixtures.START);
  private final InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();
  private final PasswordHasher cheap = PasswordHasher.builder().memoryKiB(8_192).iterations(1).parallelism(1).build();
  private Petitions petitions;

  @BeforeEach
  void setUp() {
    petitions = petitions(cheap);
  }

  private Petitions petitions(PasswordHasher hasher) {
    Petitions built = Fixtures.petitions(clock, outbox).accountStore(new InMemoryAccountStore()).passwordHasher(hasher)
        .build();
    built.register(Fixtures.seedPetition());
    return built;
  }

  /** Runs {@code task} on {@code threads} threads released at once by a latch; answers every result. */
  private static <T> List<T> atOnce(int threads, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(() -> {
          ready.countDown();
          start.await();
          return task.call();
        }));
      }
      assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(2, TimeUnit.MINUTES));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void ofThirtyParallelGuessesAtMostFiveHaveTheirPasswordChecked() throws Exception {
    petitions.accounts().register("kim@example.kr", PASSWORD, null);

    List<LoginResult> results = atOnce(30, () -> petitions.accounts().login("kim@example.kr", "wrong guess", null));

    long checked = results.stream().filter(LoginResult.Failed.class::isInstance).count();
    // A guess is refused only while five are in flight or counted, so exactly five are checked, however they
    // interleave; before the reservation, every one of the thirty was.
    assertThat(checked).as("guesses whose password was checked").isEqualTo(5);
    assertThat(results).filteredOn(r -> !(r instanceof LoginResult.Failed)).allMatch(LoginResult.Locked.class::isInstance);
    assertThat(petitions.accounts().login("kim@example.kr", PASSWORD, null))
        .isEqualTo(new LoginResult.Locked(Duration.ofMinutes(1)));
  }

  @Test
  void parallelGuessesFromOneClientAtManyAccountsPassTheClientThrottleAtMostItsCount() throws Exception {
    Petitions strict = Fixtures.petitions(clock, outbox).accountStore(new InMemoryAccountStore()).passwordHasher(cheap)
        .clientLoginThrottle(LoginThrottle.forClientsBuilder().failuresPerLock(8).build()).build();
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

    List<LoginResult> results = atOnce(24,
        () -> strict.accounts().login("user" + next.incrementAndGet() + "@example.org", "wrong guess", "198.51.100.0/24"));

    assertThat(results.stream().filter(LoginResult.Failed.class::isInstance).count()).isEqualTo(8);
  }

  @Test
  void theClientThrottleIsSeparateMorePermissiveAndNotResetByASuccess() {
    Petitions strict = Fixtures.petitions(clock, outbox).accountStore(new InMemoryAccountStore()).passwordHasher(cheap)
        .clientLoginThrottle(LoginThrottle.forClientsBuilder().failuresPerLock(12).build()).build();
    strict.accounts().register("me@example.org", PASSWORD, null);
    String office = "203.0.113.0/24";

    // Five failures lock that account, not the office: a colleague still logs in from the same network.
    for (int i = 0; i < 5; i++) {
      assertThat(strict.accounts().login("victim@example.org", "guess " + i, office)).isInstanceOf(LoginResult.Failed.class);
    }
    assertThat(strict.accounts().login("victim@example.org", "guess 5", office)).isInstanceOf(LoginResult.Locked.class);
    assertThat(strict.accounts().login("me@example.org", PASSWORD, office)).isInstanceOf(LoginResult.SignedIn.class);

    // Guessing at other accounts, with a login to one's own every three guesses: the office count never resets.
    int guesses = 5;
    for (int round = 0; guesses < 12; round++) {
      for (int i = 0; i < 3 && guesses < 12; i++, guesses++) {
        assertThat(strict.accounts().login("other" + round + "x" + i + "@example.org", "guess", office))
            .isInstanceOf(LoginResult.Failed.class);
      }
      if (guesses < 12) {
        assertThat(strict.accounts().login("me@example.org", PASSWORD, office)).isInstanceOf(LoginResult.SignedIn.class);
      }
    }
    assertThat(strict.accounts().login("me@example.org", PASSWORD, office))
        .as("the twelfth failure locked the client").isEqualTo(new LoginResult.Locked(Duration.ofMinutes(1)));
    assertThat(strict.accounts().login("me@example.org", PASSWORD, "192.0.2.0/24")).isInstanceOf(LoginResult.SignedIn.class);
  }

  @Test
  void registeringAnExistingAddressTakesAsLongAsANewOne() {
    // Parameters where Argon2 dominates (about 10 to 30 ms here), far above the lookup and the mail.
    Petitions timed = petitions(PasswordHasher.builder().memoryKiB(16_384).iterations(2).parallelism(1).build());
    timed.accounts().register("taken@example.org", PASSWORD, null);
    for (int i = 0; i < 3; i++) { // warm up both paths
      timed.accounts().register("warm" + i + "@example.org", PASSWORD, null);
      timed.accounts().register("taken@example.org", PASSWORD, null);
    }
    int runs = 15;
    long[] fresh = new long[runs];
    long[] existing = new long[runs];
    for (int i = 0; i < runs; i++) { // interleaved, so machine noise hits both alike
      long t0 = System.nanoTime();
      timed.accounts().register("new" + i + "@example.org", PASSWORD, null);
      long t1 = System.nanoTime();
      timed.accounts().register("taken@example.org", PASSWORD, null);
      long t2 = System.nanoTime();
      fresh[i] = t1 - t0;
      existing[i] = t2 - t1;
    }
    double ratio = (double) median(existing) / median(fresh);
    // Without the hash on the existing path the ratio was below 0.1; the bound leaves room for a noisy machine.
    assertThat(ratio).as("median time of an existing address over a new one").isBetween(0.6, 1.6);
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  @Test
  void aResetLinkUsedEightTimesAtOnceWorksOnce() throws Exception {
    petitions.accounts().register("kim@example.kr", PASSWORD, null);
    petitions.accounts().requestPasswordReset("kim@example.kr", null);
    String token = Fixtures.token(outbox.latestTo("kim@example.kr").orElseThrow().actionUrl());
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();

    List<AccountResult> results = atOnce(8,
        () -> petitions.accounts().resetPassword(token, "brand new passphrase " + n.incrementAndGet()));

    assertThat(results.stream().filter(AccountResult.Done.class::isInstance).count()).isEqualTo(1);
    assertThat(results).filteredOn(r -> !(r instanceof AccountResult.Done)).allMatch(AccountResult.Invalid.class::isInstance);
  }

  @Test
  void aResetLinkLivesOneHour() {
    petitions.accounts().register("kim@example.kr", PASSWORD, null);
    petitions.accounts().requestPasswordReset("kim@example.kr", null);
    assertThat(outbox.latestTo("kim@example.kr").orElseThrow().kind()).isEqualTo(MessageKind.RESET_PASSWORD);
    String token = Fixtures.token(outbox.latestTo("kim@example.kr").orElseThrow().actionUrl());

    clock.advance(Duration.ofMinutes(61));

    assertThat(petitions.accounts().resetPassword(token, "brand new passphrase")).isInstanceOf(AccountResult.Expired.class);
    assertThat(petitions.accounts().login("kim@example.kr", PASSWORD, null)).isInstanceOf(LoginResult.SignedIn.class);
  }
}
