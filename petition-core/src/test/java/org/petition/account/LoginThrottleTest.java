package org.petition.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.petition.account.LoginThrottle.Decision;

class LoginThrottleTest {

  private final LoginThrottle throttle = LoginThrottle.ofDefaults();
  private Instant now = Instant.parse("2025-06-01T12:00:00Z");

  private void advance(Duration duration) {
    now = now.plus(duration);
  }

  private Decision fail(String key, int times) {
    Decision last = Decision.ALLOWED;
    for (int i = 0; i < times; i++) {
      last = throttle.recordFailure(key, now);
    }
    return last;
  }

  @Test
  void allowsTheFirstFourFailuresAndLocksForAMinuteOnTheFifth() {
    assertThat(fail("account:1", 4)).isEqualTo(Decision.ALLOWED);
    assertThat(throttle.check("account:1", now)).isEqualTo(Decision.ALLOWED);

    assertThat(throttle.recordFailure("account:1", now)).isEqualTo(new Decision.Locked(Duration.ofMinutes(1)));
    advance(Duration.ofSeconds(20));
    assertThat(throttle.check("account:1", now)).isEqualTo(new Decision.Locked(Duration.ofSeconds(40)));
    assertThat(throttle.check("account:2", now)).as("other keys are not affected").isEqualTo(Decision.ALLOWED);
    advance(Duration.ofSeconds(40));
    assertThat(throttle.check("account:1", now)).isEqualTo(Decision.ALLOWED);
  }

  @Test
  void doublesTheLockAtEveryFurtherFiveFailuresUpToADay() {
    List<Duration> locks = new ArrayList<>();
    for (int step = 1; step <= 13; step++) {
      Decision decision = fail("account:1", 5);
      assertThat(decision).isInstanceOf(Decision.Locked.class);
      Duration lock = ((Decision.Locked) decision).retryAfter();
      locks.add(lock);
      advance(lock);
      assertThat(throttle.check("account:1", now)).isEqualTo(Decision.ALLOWED);
    }

    assertThat(locks)
        .containsExactly(
            Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8),
            Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofMinutes(64), Duration.ofMinutes(128),
            Duration.ofMinutes(256), Duration.ofMinutes(512), Duration.ofMinutes(1024), Duration.ofHours(24),
            Duration.ofHours(24));
  }

  @Test
  void successResetsTheCount() {
    fail("account:1", 4);
    throttle.recordSuccess("account:1");

    assertThat(fail("account:1", 4)).isEqualTo(Decision.ALLOWED);
    assertThat(throttle.recordFailure("account:1", now)).isEqualTo(new Decision.Locked(Duration.ofMinutes(1)));
    throttle.recordSuccess("account:1");
    assertThat(throttle.check("account:1", now)).isEqualTo(Decision.ALLOWED);
  }

  @Test
  void forgetsAKeyADayAfterItsLastFailureAndLock() {
    fail("ip:203.0.113.0/24", 9);
    advance(Duration.ofHours(24).minusSeconds(1));
    assertThat(fail("ip:203.0.113.0/24", 1)).as("still counted").isEqualTo(new Decision.Locked(Duration.ofMinutes(2)));
    advance(Duration.ofHours(24).plusMinutes(1));
    assertThat(fail("ip:203.0.113.0/24", 5)).as("a day after the failure, but not after the lock").isEqualTo(new Decision.Locked(Duration.ofMinutes(4)));
    advance(Duration.ofHours(24).plusMinutes(4));

    assertThat(fail("ip:203.0.113.0/24", 4)).as("the count started again").isEqualTo(Decision.ALLOWED);
    assertThat(throttle.recordFailure("ip:203.0.113.0/24", now)).isEqualTo(new Decision.Locked(Duration.ofMinutes(1)));
  }

  @Test
  void forgetsALockedKeyOnlyADayAfterItsLockEnds() {
    for (int step = 1; step <= 12; step++) {
      advance(((Decision.Locked) fail("account:1", 5)).retryAfter());
    }
    // The twelfth lock was the 24-hour cap and has just ended; a day later the key would be forgotten.
    advance(Duration.ofHours(23));

    assertThat(fail("account:1", 5)).isEqualTo(new Decision.Locked(Duration.ofHours(24)));
    advance(Duration.ofHours(24 + 24));
    assertThat(fail("account:1", 5)).isEqualTo(new Decision.Locked(Duration.ofMinutes(1)));
  }

  @Test
  void failuresDuringALockStillCount() {
    fail("account:1", 5);
    advance(Duration.ofSeconds(10));

    assertThat(fail("account:1", 5)).isEqualTo(new Decision.Locked(Duration.ofMinutes(2)));
  }

  @Test
  void boundsItsMemory() {
    LoginThrottle small = LoginThrottle.builder().maximumSize(100).build();
    for (int i = 0; i < 5_000; i++) {
      small.recordFailure("account:" + i, now);
    }

    assertThat(small.trackedKeys()).isLessThanOrEqualTo(100);
    assertThat(small.maximumSize()).isEqualTo(100);
  }

  @Test
  void honoursItsSettings() {
    LoginThrottle strict =
        LoginThrottle.builder().failuresPerLock(3).firstLock(Duration.ofMinutes(5)).maxLock(Duration.ofMinutes(15)).build();

    for (int i = 0; i < 2; i++) {
      assertThat(strict.recordFailure("k", now)).isEqualTo(Decision.ALLOWED);
    }
    assertThat(strict.recordFailure("k", now)).isEqualTo(new Decision.Locked(Duration.ofMinutes(5)));
    strict.recordFailure("k", now);
    strict.recordFailure("k", now);
    assertThat(strict.recordFailure("k", now)).isEqualTo(new Decision.Locked(Duration.ofMinutes(10)));
    for (int i = 0; i < 3; i++) {
      strict.recordFailure("k", now);
    }
    assertThat(strict.check("k", now)).isEqualTo(new Decision.Locked(Duration.ofMinutes(15)));
  }

  @Test
  void countsEveryConcurrentFailure() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int t = 0; t < 4; t++) {
        futures.add(pool.submit(() -> fail("account:1", 5)));
      }
      for (Future<?> future : futures) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    // 20 failures: locks at 5, 10, 15 and 20, the last one 8 minutes long.
    assertThat(throttle.check("account:1", now)).isEqualTo(new Decision.Locked(Duration.ofMinutes(8)));
  }

  @Test
  void builderRefusesNonsenseWithPreciseMessages() {
    assertThatThrownBy(() -> LoginThrottle.builder().failuresPerLock(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("failuresPerLock must be at least 1, was: 0");
    assertThatThrownBy(() -> LoginThrottle.builder().firstLock(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("firstLock must be positive, was: PT0S");
    assertThatThrownBy(() -> LoginThrottle.builder().maxLock(Duration.ofDays(400)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxLock must be between 1 second and 365 days, was: PT9600H");
    assertThatThrownBy(() -> LoginThrottle.builder().maximumSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maximumSize must be at least 1, was: 0");
    assertThatThrownBy(() -> LoginThrottle.builder().firstLock(Duration.ofHours(2)).maxLock(Duration.ofHours(1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("firstLock (PT2H) must not be longer than maxLock (PT1H)");
    assertThatThrownBy(() -> new Decision.Locked(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retryAfter must be positive, was: PT0S");
  }

  @Test
  void ofFiftyReservationsFiredAtOnceOnlyFivePass() throws Exception {
    int threads = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(threads);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<Future<Decision>> futures = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          ready.countDown();
          start.await();
          return throttle.reserve("account:1", now); // reserved, never answered: all stay in flight
        }));
      }
      ready.await(30, TimeUnit.SECONDS);
      start.countDown();
      int allowed = 0;
      for (Future<Decision> future : futures) {
        allowed += future.get(30, TimeUnit.SECONDS).allowed() ? 1 : 0;
      }
      assertThat(allowed).isEqualTo(5);
    } finally {
      pool.shutdownNow();
    }
    assertThat(throttle.reserve("account:1", now)).isEqualTo(new Decision.Locked(Duration.ofSeconds(1)));
    for (int i = 0; i < 5; i++) {
      throttle.failed("account:1", now);
    }
    assertThat(throttle.reserve("account:1", now)).isEqualTo(new Decision.Locked(Duration.ofMinutes(1)));
  }

  @Test
  void anAbandonedOrSuccessfulReservationFreesItsPlace() {
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.reserve("k", now).allowed()).isTrue();
    }
    assertThat(throttle.reserve("k", now).allowed()).isFalse();
    throttle.abandoned("k");
    assertThat(throttle.reserve("k", now).allowed()).isTrue();
    for (int i = 0; i < 4; i++) {
      throttle.failed("k", now);
    }
    throttle.succeeded("k", now); // the account throttle forgets the four failures
    assertThat(throttle.trackedKeys()).isZero();
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.reserve("k", now).allowed()).isTrue();
    }
  }

  @Test
  void aClientThrottleKeepsItsFailuresThroughSuccesses() {
    LoginThrottle clients = LoginThrottle.forClientsBuilder().failuresPerLock(7).build();
    assertThat(clients.keepsFailuresOnSuccess()).isTrue();
    // Guess at someone else's account three times, log in to one's own, and again: the successes hide nothing.
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 3; i++) {
        assertThat(clients.reserve("c:198.51.100.7", now).allowed()).isTrue();
        clients.failed("c:198.51.100.7", now);
      }
      assertThat(clients.reserve("c:198.51.100.7", now).allowed()).isTrue();
      clients.succeeded("c:198.51.100.7", now);
    }
    assertThat(clients.reserve("c:198.51.100.7", now).allowed()).isTrue();
    clients.failed("c:198.51.100.7", now); // the seventh failure, with two successes between
    assertThat(clients.reserve("c:198.51.100.7", now)).isEqualTo(new Decision.Locked(Duration.ofMinutes(1)));
    assertThat(LoginThrottle.forClients().toString()).contains("failuresPerLock=50", "maxLock=PT1H");
  }
}
