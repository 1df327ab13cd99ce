package org.petition.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.petition.check.LimitInputs.OTHER;
import static org.petition.check.LimitInputs.input;
import static org.petition.check.LimitInputs.ip;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.petition.SignResult;
import org.petition.Petitions;
import org.petition.mail.OutgoingMessage;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

class RateLimitCheckTest {

  private final MutableClock clock = new MutableClock(LimitInputs.start());

  @Test
  void burstAdmitsOneSigningPerMinuteAndNamesTheExactWait() {
    RateLimitCheck check = RateLimitCheck.ofDefaults(clock);

    assertThat(check.check(input("203.0.113.7", "jane@example.com"))).isEmpty();
    clock.advance(Duration.ofSeconds(10));
    List<Finding> findings = check.check(input("203.0.113.7", "john@example.com"));

    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.code()).isEqualTo("rate.limited");
      assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(finding.fraud()).isFalse();
      assertThat(finding.field()).isEqualTo("request");
      assertThat(finding.retryAfter()).isEqualTo(Duration.ofSeconds(50));
      assertThat(finding.explanation())
          .isEqualTo("too many signings from this IP address: at most 1 per 60 seconds")
          .doesNotContain("203.0.113");
    });
    clock.advance(Duration.ofMillis(49_999));
    assertThat(retryAfter(check.check(input("203.0.113.7", "jane@example.com")))).isEqualTo(Duration.ofMillis(1));
    clock.advance(Duration.ofMillis(1));
    assertThat(check.check(input("203.0.113.7", "jane@example.com"))).isEmpty();
  }

  @Test
  void refusedSigningsAreNotCountedSoHammeringDoesNotExtendTheWait() {
    RateLimitCheck check = RateLimitCheck.ofDefaults(clock);
    check.check(input("203.0.113.7", "jane@example.com"));

    for (int second = 1; second < 60; second++) {
      clock.advance(Duration.ofSeconds(1));
      assertThat(retryAfter(check.check(input("203.0.113.7", "jane@example.com"))))
          .isEqualTo(Duration.ofSeconds(60 - second));
    }
    clock.advance(Duration.ofSeconds(1));
    assertThat(check.check(input("203.0.113.7", "jane@example.com"))).isEmpty();
  }

  @Test
  void sustainedLimitCountsFivePerFiveMinutesWithTheWaitUntilTheOldestLeaves() {
    RateLimitCheck check = RateLimitCheck.builder().clock(clock).burst(2, Duration.ofSeconds(60)).build();

    // Two at 0 s, two at 60 s, one at 120 s: five in five minutes, never more than two a minute.
    assertThat(check.check(input("203.0.113.7", "a@example.com"))).isEmpty();
    assertThat(check.check(input("203.0.113.7", "b@example.com"))).isEmpty();
    assertThat(retryAfter(check.check(input("203.0.113.7", "c@example.com")))).isEqualTo(Duration.ofSeconds(60));
    clock.advance(Duration.ofSeconds(60));
    assertThat(check.check(input("203.0.113.7", "c@example.com"))).isEmpty();
    assertThat(check.check(input("203.0.113.7", "d@example.com"))).isEmpty();
    clock.advance(Duration.ofSeconds(60));
    assertThat(check.check(input("203.0.113.7", "e@example.com"))).isEmpty();
    clock.advance(Duration.ofSeconds(10));

    List<Finding> findings = check.check(input("203.0.113.7", "f@example.com"));
    // The first of the five, at 0 s, leaves the window at 300 s: 170 s from now (130 s).
    assertThat(retryAfter(findings)).isEqualTo(Duration.ofSeconds(170));
    assertThat(findings.get(0).explanation())
        .isEqualTo("too many signings from this IP address: at most 5 per 5 minutes");
    clock.advance(Duration.ofSeconds(169));
    assertThat(retryAfter(check.check(input("203.0.113.7", "f@example.com")))).isEqualTo(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(check.check(input("203.0.113.7", "f@example.com"))).isEmpty();
    // Both signings of 0 s left together, so a seventh fits too; then the burst and the five of the
    // window (the first at 60 s) both wait 60 s.
    assertThat(check.check(input("203.0.113.7", "g@example.com"))).isEmpty();
    assertThat(retryAfter(check.check(input("203.0.113.7", "h@example.com")))).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void withTheUkDefaultsFiveSigningsAMinuteApartPassAndTheNextWaitsForTheBurstWindow() {
    RateLimitCheck check = RateLimitCheck.ofDefaults(clock);
    for (int i = 0; i < 5; i++) {
      assertThat(check.check(input("203.0.113.7", "s" + i + "@example.com"))).isEmpty();
      clock.advance(Duration.ofSeconds(60));
    }
    clock.advance(Duration.ofSeconds(-30));

    // At 270 s both the burst window (last at 240 s) and the sustained one (first at 0 s) end at 300 s.
    assertThat(retryAfter(check.check(input("203.0.113.7", "x@example.com")))).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void limitsArePerPetition() {
    RateLimitCheck check = RateLimitCheck.ofDefaults(clock);
    assertThat(check.check(input("203.0.113.7", "jane@example.com"))).isEmpty();

    assertThat(check.check(input(OTHER, ip("203.0.113.7"), "jane@example.com"))).isEmpty();
    assertThat(check.check(input("203.0.113.7", "jane@example.com"))).hasSize(1);
  }

  @Test
  void networkBurstCountsEveryAddressOfOneIpv4Slash24() {
    RateLimitCheck check = RateLimitCheck.ofDefaults(clock);
    for (int host = 1; host <= 20; host++) {
      assertThat(check.check(input("203.0.113." + host, "jane@example.com"))).as("host %d", host).isEmpty();
    }
    clock.advance(Duration.ofSeconds(15));

    List<Finding> findings = check.check(input("203.0.113.200", "jane@example.com"));

    assertThat(retryAfter(findings)).isEqualTo(Duration.ofSeconds(45));
    assertThat(findings.get(0).explanation())
        .isEqualTo("too many signings from this network: at most 20 per 60 seconds");
    assertThat(check.check(input("203.0.114.200", "jane@example.com"))).isEmpty();
  }

  @Test
  void networkSustainedAllowsAHundredAnHourAcrossAddresses() {
    RateLimitCheck check = RateLimitCheck.ofDefaults(clock);
    for (int minute = 0; minute < 5; minute++) {
      for (int i = 0; i < 20; i++) {
        assertThat(check.check(input("198.51.100." + (minute * 20 + i), "jane@example.com"))).isEmpty();
      }
      clock.advance(Duration.ofMinutes(1));
    }

    List<Finding> findings = check.check(input("198.51.100.100", "jane@example.com"));

    // The first twenty signed at 0 s, now is 300 s: the hour window frees a slot in 3,300 s.
    assertThat(retryAfter(findings)).isEqualTo(Duration.ofSeconds(3_300));
    assertThat(findings.get(0).explanation())
        .isEqualTo("too many signings from this network: at most 100 per 1 hour");
  }

  @Test
  void networkBurstCountsEveryAddressOfOneIpv6Slash64() {
    RateLimitCheck check = RateLimitCheck.ofDefaults(clock);
    for (int host = 1; host <= 20; host++) {
      assertThat(check.check(input("2001:db8:1:2::" + Integer.toHexString(host), "jane@example.com"))).isEmpty();
    }
    assertThat(check.check(input("2001:db8:1:2:ffff:ffff:ffff:ffff", "jane@example.com"))).hasSize(1);
    assertThat(check.check(input("2001:db8:1:3::1", "jane@example.com"))).isEmpty();
  }

  @Test
  void withoutNetworkLimitsOnlyEachAddressIsLimited() {
    RateLimitCheck check = RateLimitCheck.builder().clock(clock).withoutNetworkLimits().build();
    for (int host = 1; host <= 200; host++) {
      assertThat(check.check(input("203.0.113." + host, "jane@example.com"))).isEmpty();
    }
    assertThat(check.estimatedSizes()).containsOnlyKeys("ip");
  }

  @Test
  void everyNotationOfOneIpv6AddressIsOneKey() {
    for (String other : List.of("2001:0db8:0000:0000:0000:0000:0000:0001", "[2001:db8::1]", "2001:DB8::1",
        "2001:db8:0:0::1", " 2001:db8::1 ", "2001:db8::0.0.0.1")) {
      RateLimitCheck check = RateLimitCheck.ofDefaults(clock);
      assertThat(check.check(input("2001:db8::1", "jane@example.com"))).isEmpty();
      assertThat(check.check(input(other, "jane@example.com"))).as(other).hasSize(1);
    }
  }

  @Test
  void anIpv4MappedAddressIsTheIpv4Address() throws Exception {
    byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 203, 0, 113, 7};
    // A host may hand over a genuine Inet6Address holding a mapped address; it is still the IPv4 address.
    InetAddress inet6 = Inet6Address.getByAddress(null, mapped, -1);
    assertThat(inet6).isInstanceOf(Inet6Address.class);
    for (InetAddress other : List.of(ip("::ffff:203.0.113.7"), ip("[::ffff:203.0.113.7]"), inet6,
        ip("0:0:0:0:0:ffff:cb00:7107"))) {
      RateLimitCheck check = RateLimitCheck.ofDefaults(clock);
      assertThat(check.check(input("203.0.113.7", "jane@example.com"))).isEmpty();
      assertThat(check.check(input(LimitInputs.PETITION, other, "jane@example.com"))).as(other.toString()).hasSize(1);
    }
    RateLimitCheck check = RateLimitCheck.ofDefaults(clock);
    check.check(input(LimitInputs.PETITION, inet6, "jane@example.com"));
    assertThat(check.check(input("203.0.113.7", "jane@example.com"))).hasSize(1);
  }

  @Test
  void domainsAreNotLimitedByDefault() {
    RateLimitCheck check = RateLimitCheck.ofDefaults(clock);
    for (int i = 0; i < 300; i++) {
      assertThat(check.check(input(LimitInputs.PETITION, LimitInputs.ipv4(0x0A000000 + (i << 8)),
          "user" + i + "@bigcorp.example"))).isEmpty();
    }
    assertThat(check.estimatedSizes()).doesNotContainKey("domain");
  }

  @Test
  void aDomainLimitCountsSigningsFromEveryNetworkButNeverACommonProvider() {
    RateLimitCheck check = RateLimitCheck.builder().clock(clock).domainLimit(3, Duration.ofHours(1)).build();
    for (int i = 0; i < 3; i++) {
      assertThat(check.check(input("198.51." + i + ".1", "user" + i + "@bigcorp.example"))).isEmpty();
    }
    clock.advance(Duration.ofMinutes(10));

    List<Finding> findings = check.check(input("198.51.99.1", "someone@BigCorp.example"));

    assertThat(retryAfter(findings)).isEqualTo(Duration.ofMinutes(50));
    assertThat(findings.get(0).explanation())
        .isEqualTo("too many signings from this address's domain: at most 3 per 1 hour")
        .doesNotContain("bigcorp");
    for (int i = 0; i < 50; i++) {
      assertThat(check.check(input("192.0." + i + ".1", "user" + i + "@gmail.com"))).isEmpty();
      assertThat(check.check(input("100.64." + i + ".1", "user" + i + "@googlemail.com"))).isEmpty();
    }
    assertThat(check.check(input("198.51.99.1", "someone@other.example"))).isEmpty();
  }

  @Test
  void theExemptDomainsCanBeReplacedOrExtended() {
    assertThat(RateLimitCheck.commonMailDomains()).contains("gmail.com", "outlook.com", "yahoo.com", "web.de");
    RateLimitCheck none = RateLimitCheck.builder().clock(clock).domainLimit(1, Duration.ofHours(1))
        .exemptDomains(List.of()).build();
    assertThat(none.check(input("192.0.2.1", "a@gmail.com"))).isEmpty();
    assertThat(none.check(input("198.51.100.1", "b@gmail.com"))).hasSize(1);

    RateLimitCheck more = RateLimitCheck.builder().clock(clock).domainLimit(1, Duration.ofHours(1))
        .exemptDomain("BigCorp.Example").build();
    assertThat(more.check(input("192.0.2.1", "a@bigcorp.example"))).isEmpty();
    assertThat(more.check(input("198.51.100.1", "b@bigcorp.example"))).isEmpty();
    assertThat(more.check(input("198.51.100.2", "b@gmail.com"))).isEmpty();
    assertThat(more.check(input("198.51.100.3", "c@gmail.com"))).isEmpty();
  }

  @Test
  void allowListedSourcesBypassEveryLimit() {
    AccessLists lists = AccessLists.builder().allowIp("203.0.113.0/24").allowEmail("organiser@example.org").build();
    RateLimitCheck check = RateLimitCheck.builder().clock(clock).accessLists(lists).build();

    for (int i = 0; i < 50; i++) {
      assertThat(check.check(input("203.0.113.7", "s" + i + "@example.com"))).isEmpty();
      assertThat(check.check(input("198.51.100.7", "Organiser+" + i + "@Example.org"))).isEmpty();
    }
    // The allowed signings were not counted: the address's first unlisted signing is its first.
    assertThat(check.check(input("198.51.100.7", "someone@example.com"))).isEmpty();
    assertThat(check.check(input("198.51.100.7", "someone@example.com"))).hasSize(1);
  }

  @Test
  void newAccessListsKeepTheWindows() {
    RateLimitCheck check = RateLimitCheck.ofDefaults(clock);
    check.check(input("203.0.113.7", "jane@example.com"));

    AccessLists lists = AccessLists.builder().allowIp("198.51.100.0/24").build();
    RateLimitCheck replaced = check.withAccessLists(lists);

    assertThat(replaced.accessLists()).isSameAs(lists);
    assertThat(check.accessLists()).isSameAs(AccessLists.empty());
    assertThat(replaced.check(input("203.0.113.7", "jane@example.com"))).hasSize(1);
    assertThat(replaced.check(input("198.51.100.7", "a@example.com"))).isEmpty();
    assertThat(replaced.check(input("198.51.100.7", "b@example.com"))).isEmpty();
    assertThatNullPointerException().isThrownBy(() -> check.withAccessLists(null))
        .withMessage("access lists must not be null");
  }

  @Test
  void aBlockedSourceIsNeverAllowListed() {
    AccessLists lists = AccessLists.builder().allowIp("203.0.113.0/24").blockDomain("spam.example").build();
    RateLimitCheck check = RateLimitCheck.builder().clock(clock).accessLists(lists).build();

    assertThat(check.check(input("203.0.113.7", "a@spam.example"))).isEmpty();
    assertThat(check.check(input("203.0.113.7", "b@spam.example"))).hasSize(1);
  }

  @Test
  void aSigningWithoutAnAddressIsOnlyLimitedByDomain() {
    RateLimitCheck check = RateLimitCheck.ofDefaults(clock);
    for (int i = 0; i < 10; i++) {
      assertThat(check.check(input(null, "jane@example.com"))).isEmpty();
    }
    RateLimitCheck byDomain = RateLimitCheck.builder().clock(clock).domainLimit(2, Duration.ofMinutes(1)).build();
    byDomain.check(input(null, "a@example.com"));
    byDomain.check(input(null, "b@example.com"));
    assertThat(retryAfter(byDomain.check(input(null, "c@example.com")))).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void theWaitIsTheLongestOverEveryDimension() {
    RateLimitCheck check = RateLimitCheck.builder().clock(clock).domainLimit(1, Duration.ofMinutes(30)).build();
    check.check(input("203.0.113.7", "a@example.com"));

    List<Finding> findings = check.check(input("203.0.113.7", "b@example.com"));

    assertThat(findings).hasSize(1);
    assertThat(retryAfter(findings)).isEqualTo(Duration.ofMinutes(30));
    assertThat(findings.get(0).explanation()).contains("this address's domain");
  }

  @Test
  void aRefusalInOneDimensionRecordsNothingInTheOthers() {
    RateLimitCheck check = RateLimitCheck.builder().clock(clock).domainLimit(1, Duration.ofMinutes(30)).build();
    check.check(input("203.0.113.7", "a@one.example"));
    clock.advance(Duration.ofMinutes(1));
    // Refused by the domain: the address's burst window must stay empty.
    assertThat(check.check(input("203.0.113.8", "b@one.example"))).hasSize(1);

    assertThat(check.check(input("203.0.113.8", "c@two.example"))).isEmpty();
  }

  @Test
  void keysAreForgottenOnceTheirLongestWindowHasPassed() {
    RateLimitCheck check = RateLimitCheck.ofDefaults(clock);
    for (int i = 0; i < 10; i++) {
      check.check(input("203.0.113." + i, "jane@example.com"));
    }
    assertThat(check.estimatedSizes()).containsEntry("ip", 10L).containsEntry("network", 1L);

    clock.advance(Duration.ofMinutes(5).plusMillis(1));
    assertThat(check.estimatedSizes()).containsEntry("ip", 0L).containsEntry("network", 1L);
    clock.advance(Duration.ofMinutes(55));
    assertThat(check.estimatedSizes()).containsEntry("ip", 0L).containsEntry("network", 0L);
  }

  @Test
  void aMillionDistinctAddressesStayWithinTheConfiguredMemory() {
    RateLimitCheck check = RateLimitCheck.builder().clock(clock).domainLimit(1_000, Duration.ofHours(1))
        .maximumKeys(50_000).build();
    long before = usedHeapAfterGc();

    for (int i = 0; i < 1_000_000; i++) {
      // An odd multiplier is a bijection on 32 bits: a million distinct addresses spread over /24s.
      InetAddress address = i % 2 == 0 ? LimitInputs.ipv4(i * 0x9E3779B1) : LimitInputs.ipv6(i * 0x9E3779B97F4A7C15L);
      check.check(input(LimitInputs.PETITION, address, "u@d" + (i % 300_000) + ".example"));
      if (i % 100_000 == 0) {
        assertWithin(check.estimatedSizes(), check.maximumKeys());
      }
    }

    Map<String, Long> sizes = check.estimatedSizes();
    assertWithin(sizes, 50_000);
    assertThat(sizes).containsOnlyKeys("ip", "network", "domain");
    assertThat(sizes.values()).allSatisfy(size -> assertThat(size).isGreaterThan(40_000));
    long growth = usedHeapAfterGc() - before;
    assertThat(growth).as("heap growth in bytes").isLessThan(200L * 1024 * 1024);
    // Keep the check reachable until its heap has been measured.
    assertThat(check.check(input("2001:db9::1", "jane@example.com"))).isEmpty();
  }

  @Test
  void eightThreadsHammeringOneAddressGetExactlyOneSigningPerWindow() throws Exception {
    RateLimitCheck check = RateLimitCheck.ofDefaults(clock);

    // Each round all eight start together; between rounds the clock moves one burst window on.
    List<Integer> admitted = admittedPerRound(check, 300, 20, i -> "203.0.113.7", Duration.ofSeconds(60));

    assertThat(admitted).hasSize(300).containsOnly(1);
    clock.advance(Duration.ofSeconds(-1));
    assertThat(retryAfter(check.check(input("203.0.113.7", "jane@example.com")))).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void eightThreadsHammeringOneAddressGetExactlyTheConfiguredBurstThenTheSustainedRest() throws Exception {
    RateLimitCheck check = RateLimitCheck.builder().clock(clock).burst(50, Duration.ofSeconds(60))
        .sustained(120, Duration.ofSeconds(300)).withoutNetworkLimits().build();

    // 50, 50, then 20 left of the 120 of five minutes; then nothing until the first fifty leave at 300 s.
    List<Integer> admitted = admittedPerRound(check, 6, 100, i -> "2001:db8::7", Duration.ofSeconds(60));

    assertThat(admitted).containsExactly(50, 50, 20, 0, 0, 50);
  }

  @Test
  void eightThreadsOnManyAddressesOfOneNetworkGetExactlyTheNetworkLimit() throws Exception {
    RateLimitCheck check = RateLimitCheck.ofDefaults(clock);

    List<Integer> admitted = admittedPerRound(check, 100, 50, i -> "203.0.113." + (i % 250), Duration.ofHours(1));

    assertThat(admitted).hasSize(100).containsOnly(20);
  }

  @Test
  void aRateLimitedSigningIsRejectedWithTheWaitByPetitions() {
    List<OutgoingMessage> sent = new ArrayList<>();
    Petitions petitions = Fixtures.petitions(clock, sent::add).checks(java.util.List.of(RateLimitCheck.ofDefaults(clock))).build();
    petitions.register(Fixtures.seedPetition());

    SignResult first = petitions.sign(Fixtures.person("Jane", "Doe", "jane@example.com").ip("203.0.113.7").build());
    clock.advance(Duration.ofSeconds(20));
    SignResult second = petitions.sign(Fixtures.person("John", "Roe", "john@example.com").ip("203.0.113.7").build());

    assertThat(first).isInstanceOf(SignResult.Pending.class);
    assertThat(second).isInstanceOfSatisfying(SignResult.Rejected.class, rejected -> {
      assertThat(rejected.retryAfter()).isEqualTo(Duration.ofSeconds(40));
      assertThat(rejected.violations()).singleElement().satisfies(v -> assertThat(v.code()).isEqualTo("rate.limited"));
    });
    assertThat(sent).hasSize(1);
  }

  @Test
  void everyBuilderSettingIsChecked() {
    RateLimitCheck.Builder builder = RateLimitCheck.builder();
    assertThatIllegalArgumentException().isThrownBy(() -> builder.burst(0, Duration.ofSeconds(60)))
        .withMessage("burst limit must be positive");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.sustained(-1, Duration.ofSeconds(60)))
        .withMessage("sustained limit must be positive");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.networkBurst(10_001, Duration.ofSeconds(60)))
        .withMessage("network burst limit must be at most 10000, was 10001");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.networkSustained(1, Duration.ZERO))
        .withMessage("network sustained window must be at least a millisecond");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.domainLimit(1, Duration.ofDays(2)))
        .withMessage("domain window must be at most a day");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.burst(1, Duration.ofSeconds(-5)))
        .withMessage("burst window must be at least a millisecond");
    assertThatNullPointerException().isThrownBy(() -> builder.burst(1, null))
        .withMessage("burst window must not be null");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.maximumKeys(0))
        .withMessage("maximum keys must be positive");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.exemptDomain("not a domain"))
        .withMessage("exempt domain must be a host name of two labels or more such as example.com, was: 'not a domain'");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.exemptDomains(List.of("gmail.com", "localhost")))
        .withMessageContaining("'localhost'");
    assertThatNullPointerException().isThrownBy(() -> builder.clock(null)).withMessage("clock must not be null");
    assertThatNullPointerException().isThrownBy(() -> builder.accessLists(null))
        .withMessage("access lists must not be null");
  }

  /**
   * Runs {@code rounds} rounds in which eight threads, released together, each call the check {@code
   * perThread} times; the clock moves {@code step} on after every round, the last one included. Gives
   * how many were admitted in each round.
   */
  private List<Integer> admittedPerRound(RateLimitCheck check, int rounds, int perThread,
      java.util.function.IntFunction<String> ipOf, Duration step) throws Exception {
    List<Integer> admitted = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicInteger round = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.CyclicBarrier end = new java.util.concurrent.CyclicBarrier(8, () -> {
      admitted.add(round.getAndSet(0));
      clock.advance(step);
    });
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(8);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> threads = new ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        int offset = thread * perThread;
        threads.add(pool.submit(() -> {
          for (int r = 0; r < rounds; r++) {
            start.await();
            for (int i = 0; i < perThread; i++) {
              if (check.check(input(ipOf.apply(offset + i), "jane@example.com")).isEmpty()) {
                round.incrementAndGet();
              }
            }
            end.await();
          }
          return null;
        }));
      }
      for (Future<?> thread : threads) {
        thread.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    return admitted;
  }

  private static void assertWithin(Map<String, Long> sizes, long maximum) {
    assertThat(sizes.values()).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(maximum));
  }

  static Duration retryAfter(List<Finding> findings) {
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).code()).isEqualTo("rate.limited");
    return findings.get(0).retryAfter();
  }

  static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
