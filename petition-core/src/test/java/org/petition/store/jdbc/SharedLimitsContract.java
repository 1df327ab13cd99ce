package org.petition.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.petition.Petition;
import org.petition.SignerKind;
import org.petition.account.LoginAttempts;
import org.petition.account.LoginThrottle;
import org.petition.check.CheckInput;
import org.petition.check.Finding;
import org.petition.check.LimitStore;
import org.petition.check.RateLimitCheck;
import org.petition.check.SharedLimitChecks;
import org.petition.check.SignatureCheck;
import org.petition.check.Surge;
import org.petition.check.SurgeDetector;
import org.petition.identity.IpAddresses;
import org.petition.testing.MutableClock;

/**
 * Limits shared through a {@link JdbcLimitStore}: checks built separately, as two instances would build
 * them, over one database count into the same windows, with the in-memory check's exact waits.
 */
abstract class SharedLimitsContract {

  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  static final byte[] SECRET = "a limit key secret of 32 bytes!!".getBytes(StandardCharsets.US_ASCII);

  final MutableClock clock = new MutableClock(T0);

  abstract DataSource dataSource();

  JdbcSignatureStore store() {
    return JdbcSignatureStore.builder(dataSource()).build();
  }

  JdbcLimitStore limits(JdbcSignatureStore store) {
    return JdbcLimitStore.builder(store).secret(SECRET).build();
  }

  static Petition petition(String slug) {
    return Petition.builder(slug).title("Shared limits").build();
  }

  static CheckInput input(Petition petition, String ip, String email) {
    InetAddress address = IpAddresses.parse(ip).orElseThrow();
    String domain = email.substring(email.indexOf('@') + 1);
    return new CheckInput(petition, SignerKind.PERSON, "Jane", "Doe", null, null, "Springfield", null, null, "US",
        email, domain, null, "jane doe", address, "Mozilla/5.0", T0, null, null,
        "jane doe".getBytes(StandardCharsets.UTF_8), null);
  }

  @Test
  void aSigningOnTheSecondInstanceWithinTheWindowIsRefusedWithTheExactWait() {
    JdbcSignatureStore store = store();
    RateLimitCheck first = RateLimitCheck.builder().clock(clock).sharedIn(limits(store)).build();
    RateLimitCheck second = RateLimitCheck.builder().clock(clock).sharedIn(limits(store)).build();
    Petition petition = petition("shared-rate-" + System.nanoTime());

    assertThat(first.check(input(petition, "203.0.113.7", "jane@example.org"))).isEmpty();
    clock.advance(Duration.ofSeconds(10));
    List<Finding> refused = second.check(input(petition, "203.0.113.7", "john@example.org"));

    assertThat(refused).singleElement().satisfies(finding -> {
      assertThat(finding.code()).isEqualTo("rate.limited");
      assertThat(finding.retryAfter()).isEqualTo(Duration.ofSeconds(50));
      assertThat(finding.explanation()).isEqualTo("too many signings from this IP address: at most 1 per 60 seconds");
    });
    // A refused signing is not counted: the wait does not grow.
    clock.advance(Duration.ofMillis(49_999));
    assertThat(first.check(input(petition, "203.0.113.7", "jane@example.org")).get(0).retryAfter())
        .isEqualTo(Duration.ofMillis(1));
    clock.advance(Duration.ofMillis(1));
    assertThat(second.check(input(petition, "203.0.113.7", "jane@example.org"))).isEmpty();
    // Another address, another petition: their own windows.
    assertThat(first.check(input(petition, "203.0.113.8", "jane@example.org"))).isEmpty();
    assertThat(first.check(input(petition("other-" + System.nanoTime()), "203.0.113.7", "x@example.org"))).isEmpty();
  }

  @Test
  void theNetworkLimitCountsSigningsFromEveryInstance() {
    JdbcSignatureStore store = store();
    RateLimitCheck a = RateLimitCheck.builder().clock(clock).networkBurst(3, Duration.ofMinutes(1))
        .sharedIn(limits(store)).build();
    RateLimitCheck b = RateLimitCheck.builder().clock(clock).networkBurst(3, Duration.ofMinutes(1))
        .sharedIn(limits(store)).build();
    Petition petition = petition("shared-net-" + System.nanoTime());

    assertThat(a.check(input(petition, "198.51.100.1", "a@example.org"))).isEmpty();
    assertThat(b.check(input(petition, "198.51.100.2", "b@example.org"))).isEmpty();
    assertThat(a.check(input(petition, "198.51.100.3", "c@example.org"))).isEmpty();
    clock.advance(Duration.ofSeconds(5));
    assertThat(b.check(input(petition, "198.51.100.4", "d@example.org"))).singleElement().satisfies(finding -> {
      assertThat(finding.retryAfter()).isEqualTo(Duration.ofSeconds(55));
      assertThat(finding.explanation()).contains("this network");
    });
  }

  @Test
  void concurrentSigningsFromOneAddressOnTwoInstancesAdmitExactlyOne() throws Exception {
    JdbcSignatureStore store = store();
    RateLimitCheck[] instances = {
        RateLimitCheck.builder().clock(clock).sharedIn(limits(store)).build(),
        RateLimitCheck.builder().clock(clock).sharedIn(limits(store)).build()};
    Petition petition = petition("shared-race-" + System.nanoTime());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Finding>>> results = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      RateLimitCheck check = instances[i % 2];
      String email = "signer" + i + "@example.org";
      results.add(pool.submit(() -> {
        start.await();
        return check.check(input(petition, "192.0.2.55", email));
      }));
    }
    start.countDown();
    int admitted = 0;
    for (Future<List<Finding>> result : results) {
      if (result.get(30, TimeUnit.SECONDS).isEmpty()) {
        admitted++;
      }
    }
    pool.shutdown();
    assertThat(admitted).isEqualTo(1);
  }

  @Test
  void aSurgeSpreadOverTwoInstancesIsRaisedOnceAndHoldsOnBoth() {
    JdbcSignatureStore store = store();
    List<Surge> raised = new CopyOnWriteArrayList<>();
    SurgeDetector a = SurgeDetector.builder().clock(clock).threshold(4).holdThreshold(4).sharedIn(limits(store)).build();
    SurgeDetector b = SurgeDetector.builder().clock(clock).threshold(4).holdThreshold(4).sharedIn(limits(store)).build();
    a.onSurge(raised::add);
    b.onSurge(raised::add);
    Petition petition = petition("shared-surge-" + System.nanoTime());

    for (int i = 0; i < 4; i++) {
      SurgeDetector instance = i % 2 == 0 ? a : b;
      assertThat(instance.check(input(petition, "203.0.113.9", "s" + i + "@example.org"))).isEmpty();
      clock.advance(Duration.ofSeconds(1));
    }
    // The address, its network and the domain, once each, on whichever instance counted the fourth.
    assertThat(raised).extracting(Surge::dimension)
        .containsExactlyInAnyOrder(Surge.Dimension.IP, Surge.Dimension.NETWORK, Surge.Dimension.DOMAIN);
    assertThat(b.check(input(petition, "203.0.113.9", "s5@example.org"))).singleElement()
        .satisfies(finding -> assertThat(finding.code()).isEqualTo(SurgeDetector.HOLD));
    assertThat(raised).hasSize(3);
  }

  /** A limit store that counts the calls made of it, over the JDBC one. */
  static final class Counted implements LimitStore {
    final JdbcLimitStore store;
    final AtomicInteger updates = new AtomicInteger();
    final AtomicInteger updatesTogether = new AtomicInteger();

    Counted(JdbcLimitStore store) {
      this.store = store;
    }

    @Override
    public <T> T update(List<String> keys, long now, Change<T> change) {
      updates.incrementAndGet();
      return store.update(keys, now, change);
    }

    @Override
    public List<Object> updateAll(long now, List<Request<?>> requests) {
      updatesTogether.incrementAndGet();
      return store.updateAll(now, requests);
    }
  }

  @Test
  void rateLimitsAndSurgeCountsTogetherFindWhatTheyFindApartWithOneStoreUpdatePerSigning() {
    JdbcSignatureStore store = store();
    Counted apartStore = new Counted(limits(store));
    Counted togetherStore = new Counted(JdbcLimitStore.builder(store)
        .secret("another limit key secret of 32 b".getBytes(StandardCharsets.US_ASCII)).build());
    List<Surge> raisedApart = new CopyOnWriteArrayList<>();
    List<Surge> raisedTogether = new CopyOnWriteArrayList<>();
    RateLimitCheck ratesApart = RateLimitCheck.builder().clock(clock).networkBurst(3, Duration.ofMinutes(1))
        .sharedIn(apartStore).build();
    SurgeDetector surgesApart = SurgeDetector.builder().clock(clock).threshold(3).holdThreshold(3)
        .sharedIn(apartStore).build();
    surgesApart.onSurge(raisedApart::add);
    SurgeDetector surgesTogether = SurgeDetector.builder().clock(clock).threshold(3).holdThreshold(3)
        .sharedIn(togetherStore).build();
    surgesTogether.onSurge(raisedTogether::add);
    SignatureCheck together = SharedLimitChecks.merged(List.of(RateLimitCheck.builder().clock(clock)
        .networkBurst(3, Duration.ofMinutes(1)).sharedIn(togetherStore).build(), surgesTogether)).get(0);
    assertThat(together).isInstanceOf(SharedLimitChecks.class);
    Petition petition = petition("shared-together-" + System.nanoTime());

    // Same address twice (the IP limit refuses with its exact wait), then its network filling up (refused), the
    // domain surging past its threshold (raised once, then held): each step's findings are the same both ways.
    String[] ips = {"198.51.100.1", "198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4", "203.0.113.5"};
    List<List<String>> seen = new ArrayList<>();
    for (int i = 0; i < ips.length; i++) {
      CheckInput input = input(petition, ips[i], "s" + i + "@farm.example.net");
      List<Finding> apart = new ArrayList<>(ratesApart.check(input));
      apart.addAll(surgesApart.check(input));
      List<Finding> both = together.check(input);
      assertThat(both).as("signing %d", i).usingRecursiveFieldByFieldElementComparator().isEqualTo(apart);
      seen.add(both.stream().map(Finding::code).toList());
      clock.advance(Duration.ofSeconds(2));
    }
    assertThat(seen.get(1)).contains("rate.limited");
    assertThat(seen.get(4)).contains("rate.limited");
    assertThat(seen.get(5)).contains(SurgeDetector.HOLD);
    assertThat(raisedTogether).extracting(Surge::dimension).isEqualTo(raisedApart.stream().map(Surge::dimension).toList())
        .contains(Surge.Dimension.DOMAIN);
    // Apart: two updates per signing; together: one, for both.
    assertThat(apartStore.updates).hasValue(2 * ips.length);
    assertThat(togetherStore.updatesTogether).hasValue(ips.length);
    assertThat(togetherStore.updates).hasValue(0);
  }

  @Test
  void failedLoginsOnTwoInstancesLockTheKeyTogether() {
    JdbcSignatureStore store = store();
    LoginAttempts a = LoginThrottle.builder().failuresPerLock(4).build().sharedIn(limits(store));
    LoginAttempts b = LoginThrottle.builder().failuresPerLock(4).build().sharedIn(limits(store));
    String key = "account:" + System.nanoTime();
    Instant now = T0;

    for (int i = 0; i < 4; i++) {
      LoginAttempts instance = i % 2 == 0 ? a : b;
      assertThat(instance.reserve(key, now).allowed()).isTrue();
      instance.failed(key, now);
    }
    // The fourth failure, counted with the three before it on either instance, locks the key for a minute.
    assertThat(a.reserve(key, now.plusSeconds(20))).isEqualTo(new LoginThrottle.Decision.Locked(Duration.ofSeconds(40)));
    assertThat(b.reserve(key, now.plusSeconds(30))).isEqualTo(new LoginThrottle.Decision.Locked(Duration.ofSeconds(30)));
    assertThat(b.reserve(key, now.plusSeconds(60)).allowed()).isTrue();
    b.succeeded(key, now.plusSeconds(60)); // an account's success forgets its failures
    assertThat(a.reserve(key, now.plusSeconds(61)).allowed()).isTrue();
  }

  @Test
  void attemptsInFlightOnBothInstancesCountAndThoseOfADeadInstanceAreReleasedAfterAMinute() {
    JdbcSignatureStore store = store();
    LoginAttempts a = LoginThrottle.builder().failuresPerLock(4).build().sharedIn(limits(store));
    LoginAttempts b = LoginThrottle.builder().failuresPerLock(4).build().sharedIn(limits(store));
    String key = "guessed:" + System.nanoTime();

    for (int i = 0; i < 4; i++) {
      assertThat((i % 2 == 0 ? a : b).reserve(key, T0).allowed()).isTrue(); // four guesses fired at once
    }
    assertThat(b.reserve(key, T0)).isEqualTo(new LoginThrottle.Decision.Locked(Duration.ofSeconds(1)));
    // The instance that reserved them died without answering: after a minute they no longer hold the key.
    assertThat(a.reserve(key, T0.plusSeconds(61)).allowed()).isTrue();
  }

  @Test
  void keysAreStoredOnlyAsKeyedHashes() throws Exception {
    JdbcSignatureStore store = store();
    RateLimitCheck check = RateLimitCheck.builder().clock(clock).domainLimit(5, Duration.ofMinutes(1))
        .sharedIn(limits(store)).build();
    Petition petition = petition("shared-keys-" + System.nanoTime());
    assertThat(check.check(input(petition, "203.0.113.77", "someone@rare-domain.example"))).isEmpty();

    try (Connection connection = dataSource().getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT key_hash, state FROM " + qualified("limit_state"));
        ResultSet row = select.executeQuery()) {
      int rows = 0;
      while (row.next()) {
        rows++;
        byte[] key = row.getBytes(1);
        assertThat(key).hasSize(16);
        String asText = new String(key, StandardCharsets.ISO_8859_1) + new String(row.getBytes(2), StandardCharsets.ISO_8859_1);
        assertThat(asText).doesNotContain("rare-domain").doesNotContain("203.0.113").doesNotContain(petition.slug());
        assertThat(java.util.HexFormat.of().formatHex(key)).doesNotContain("cb00714d"); // 203.0.113.77
      }
      assertThat(rows).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void aFloodOfDistinctKeysLeavesTheTableBounded() {
    JdbcSignatureStore store = store();
    JdbcLimitStore limits = JdbcLimitStore.builder(store).secret(SECRET).maximumStates(1_000).build();
    limits.purge(Long.MAX_VALUE);
    RateLimitCheck check = RateLimitCheck.builder().clock(clock).withoutNetworkLimits().sharedIn(limits).build();
    Petition petition = petition("flood-" + System.nanoTime());
    for (int i = 0; i < 1_600; i++) {
      String ip = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
      assertThat(check.check(input(petition, ip, "f@example.org"))).isEmpty();
    }
    // Updates purge every quarter of the cap: never more than the cap and a quarter of it (plus this one).
    assertThat(limits.size()).isLessThanOrEqualTo(1_251);
    limits.purge(clock.millis());
    assertThat(limits.size()).isLessThanOrEqualTo(1_000);
    // Once their windows have passed, every state goes.
    clock.advance(Duration.ofHours(2));
    limits.purge(clock.millis());
    assertThat(limits.size()).isZero();
  }

  /** The table name as the test's connections reach it (the store's schema). */
  String qualified(String table) {
    return JdbcSignatureStore.DEFAULT_SCHEMA + "." + table;
  }
}
