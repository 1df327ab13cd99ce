package org.petition.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.petition.check.LimitInputs.OTHER;
import static org.petition.check.LimitInputs.PETITION;
import static org.petition.check.LimitInputs.input;
import static org.petition.check.LimitInputs.ip;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.petition.testing.MutableClock;


class SurgeDetectorTest {

  private final MutableClock clock = new MutableClock(LimitInputs.start());
  private final List<Surge> surges = new CopyOnWriteArrayList<>();

  @Test
  void aSurgeIsRaisedOnceWhenOneAddressReachesTheThreshold() {
    SurgeDetector detector = SurgeDetector.ofDefaults(clock);
    detector.onSurge(surges::add);
    for (int i = 1; i < 100; i++) {
      assertThat(detector.check(input("203.0.113.7", "user" + i + "@gmail.com"))).isEmpty();
    }
    clock.advance(Duration.ofMinutes(10));
    assertThat(surges).isEmpty();

    assertThat(detector.check(input("203.0.113.7", "user100@gmail.com"))).isEmpty();

    assertThat(surges).containsExactly(
        new Surge(PETITION.slug(), Surge.Dimension.IP, "203.0.113.0/24", 100, Duration.ofHours(1), clock.instant()),
        new Surge(PETITION.slug(), Surge.Dimension.NETWORK, "203.0.113.0/24", 100, Duration.ofHours(1),
            clock.instant()));
    for (int i = 0; i < 200; i++) {
      assertThat(detector.check(input("203.0.113.7", "more" + i + "@gmail.com"))).isEmpty();
    }
    assertThat(surges).hasSize(2);
  }

  @Test
  void anAddressIsNamedByItsNetworkNeverByItself() {
    SurgeDetector detector = SurgeDetector.builder().clock(clock).threshold(3).build();
    detector.onSurge(surges::add);
    for (int i = 0; i < 3; i++) {
      detector.check(input("2001:db8:1:2:3:4:5:6", "user" + i + "@gmail.com"));
    }

    assertThat(surges).extracting(Surge::label).containsExactly("2001:db8:1:2::/64", "2001:db8:1:2::/64");
    assertThat(surges).extracting(Surge::dimension).containsExactly(Surge.Dimension.IP, Surge.Dimension.NETWORK);
  }

  @Test
  void aNetworkSurgesAcrossManyAddresses() {
    SurgeDetector detector = SurgeDetector.ofDefaults(clock);
    detector.onSurge(surges::add);
    for (int host = 0; host < 150; host++) {
      detector.check(input("198.51.100." + host, "user" + host + "@gmail.com"));
    }

    assertThat(surges).singleElement().satisfies(surge -> {
      assertThat(surge.dimension()).isEqualTo(Surge.Dimension.NETWORK);
      assertThat(surge.label()).isEqualTo("198.51.100.0/24");
      assertThat(surge.count()).isEqualTo(100);
    });
  }

  @Test
  void aDomainSurgesAcrossNetworksButACommonProviderNever() {
    SurgeDetector detector = SurgeDetector.ofDefaults(clock);
    detector.onSurge(surges::add);
    for (int i = 0; i < 300; i++) {
      detector.check(input(PETITION, LimitInputs.ipv4(0x0A000000 + (i << 8)), "user" + i + "@gmail.com"));
      detector.check(input(PETITION, LimitInputs.ipv4(0x0B000000 + (i << 8)), "user" + i + "@outlook.com"));
      detector.check(input(PETITION, LimitInputs.ipv4(0x0C000000 + (i << 8)), "user" + i + "@BigCorp.example"));
    }

    assertThat(surges).singleElement().satisfies(surge -> {
      assertThat(surge.dimension()).isEqualTo(Surge.Dimension.DOMAIN);
      assertThat(surge.label()).isEqualTo("bigcorp.example");
      assertThat(surge.count()).isEqualTo(100);
    });
  }

  @Test
  void theExemptDomainsCanBeReplacedOrExtended() {
    SurgeDetector none = SurgeDetector.builder().clock(clock).threshold(2).exemptDomains(List.of()).build();
    none.onSurge(surges::add);
    none.check(input(null, "a@gmail.com"));
    none.check(input(null, "b@gmail.com"));
    assertThat(surges).extracting(Surge::label).containsExactly("gmail.com");

    surges.clear();
    SurgeDetector more = SurgeDetector.builder().clock(clock).threshold(2).exemptDomain("bigcorp.example").build();
    more.onSurge(surges::add);
    for (String email : List.of("a@bigcorp.example", "b@bigcorp.example", "a@gmail.com", "b@gmail.com")) {
      more.check(input(null, email));
    }
    assertThat(surges).isEmpty();
  }

  @Test
  void surgesArePerPetition() {
    SurgeDetector detector = SurgeDetector.ofDefaults(clock);
    detector.onSurge(surges::add);
    for (int i = 0; i < 99; i++) {
      detector.check(input(PETITION, ip("203.0.113.7"), "user" + i + "@gmail.com"));
      detector.check(input(OTHER, ip("203.0.113.7"), "user" + i + "@gmail.com"));
    }
    assertThat(surges).isEmpty();

    detector.check(input(OTHER, ip("203.0.113.7"), "last@gmail.com"));
    assertThat(surges).extracting(Surge::petition).containsExactly(OTHER.slug(), OTHER.slug());
  }

  @Test
  void aSurgeIsRaisedAtMostOncePerWindowAndAgainInALaterOne() {
    SurgeDetector detector = SurgeDetector.ofDefaults(clock);
    detector.onSurge(surges::add);
    for (int i = 0; i < 100; i++) {
      detector.check(input(null, "user" + i + "@bigcorp.example"));
    }
    assertThat(surges).hasSize(1);
    clock.advance(Duration.ofMinutes(30));
    for (int i = 0; i < 100; i++) {
      detector.check(input(null, "again" + i + "@bigcorp.example"));
    }
    assertThat(surges).hasSize(1);

    clock.advance(Duration.ofHours(2));
    for (int i = 0; i < 99; i++) {
      detector.check(input(null, "later" + i + "@bigcorp.example"));
    }
    assertThat(surges).hasSize(1);
    detector.check(input(null, "last@bigcorp.example"));
    assertThat(surges).hasSize(2);
    assertThat(surges.get(1).at()).isEqualTo(clock.instant());
    assertThat(surges.get(1).count()).isEqualTo(100);
  }

  @Test
  void theRollingWindowStillCountsMostOfThePreviousHour() {
    SurgeDetector detector = SurgeDetector.builder().clock(clock).threshold(150).build();
    detector.onSurge(surges::add);
    for (int i = 0; i < 100; i++) {
      detector.check(input(null, "user" + i + "@bigcorp.example"));
    }
    // A quarter into the next hour, three quarters of the first hundred still count: 75 + 75 = 150.
    clock.advance(Duration.ofMinutes(75));
    for (int i = 0; i < 74; i++) {
      detector.check(input(null, "next" + i + "@bigcorp.example"));
    }
    assertThat(surges).isEmpty();
    detector.check(input(null, "last@bigcorp.example"));
    assertThat(surges).singleElement().satisfies(surge -> assertThat(surge.count()).isEqualTo(150));
  }

  @Test
  void aWindowAndThresholdOfOnesChoosing() {
    SurgeDetector detector = SurgeDetector.builder().clock(clock).window(Duration.ofMinutes(10)).threshold(5).build();
    detector.onSurge(surges::add);
    for (int i = 0; i < 5; i++) {
      detector.check(input(null, "user" + i + "@bigcorp.example"));
    }

    assertThat(surges).singleElement().satisfies(surge -> {
      assertThat(surge.window()).isEqualTo(Duration.ofMinutes(10));
      assertThat(surge.count()).isEqualTo(5);
    });
    assertThat(detector.window()).isEqualTo(Duration.ofMinutes(10));
    assertThat(detector.threshold()).isEqualTo(5);
    assertThat(detector.holdThreshold()).isZero();
  }

  @Test
  void nothingIsHeldByDefault() {
    SurgeDetector detector = SurgeDetector.ofDefaults(clock);
    for (int i = 0; i < 1_000; i++) {
      assertThat(detector.check(input("203.0.113.7", "user" + i + "@bigcorp.example"))).isEmpty();
    }
  }

  @Test
  void aboveTheHoldThresholdWhatFollowsFromTheSourceIsHeld() {
    SurgeDetector detector = SurgeDetector.builder().clock(clock).holdThreshold(150).build();
    detector.onSurge(surges::add);
    for (int i = 1; i <= 150; i++) {
      assertThat(detector.check(input("203.0.113.7", "user" + i + "@gmail.com"))).as("signing %d", i).isEmpty();
    }

    List<Finding> findings = detector.check(input("203.0.113.7", "user151@gmail.com"));

    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.code()).isEqualTo("surge.hold");
      assertThat(finding.severity()).isEqualTo(Severity.HIGH);
      assertThat(finding.fraud()).isFalse();
      assertThat(finding.field()).isEqualTo("request");
      assertThat(finding.explanation()).isEqualTo("a surge of signings from this IP address; held for review");
    });
    assertThat(VerdictPolicy.bySeverity().decide(findings)).isEqualTo(Verdict.HOLD);
    assertThat(detector.check(input("203.0.113.7", "user152@gmail.com"))).hasSize(1);
    assertThat(detector.check(input("203.0.113.8", "other@gmail.com"))).singleElement()
        .satisfies(finding -> assertThat(finding.explanation()).contains("this network"));
    assertThat(detector.check(input("198.51.100.7", "other@gmail.com"))).isEmpty();
    assertThat(surges).hasSize(2);
  }

  @Test
  void aDomainAboveTheHoldThresholdIsHeldOnTheEmail() {
    SurgeDetector detector = SurgeDetector.builder().clock(clock).threshold(3).holdThreshold(5).build();
    for (int i = 0; i < 5; i++) {
      assertThat(detector.check(input(null, "user" + i + "@bigcorp.example"))).isEmpty();
    }

    assertThat(detector.check(input(null, "user5@bigcorp.example"))).singleElement().satisfies(finding -> {
      assertThat(finding.code()).isEqualTo("surge.hold");
      assertThat(finding.field()).isEqualTo("email");
      assertThat(finding.explanation()).isEqualTo("a surge of signings from this address's domain; held for review");
    });
  }

  @Test
  void allowListedSourcesAreNotCounted() {
    AccessLists lists = AccessLists.builder().allowIp("203.0.113.0/24").build();
    SurgeDetector detector = SurgeDetector.builder().clock(clock).accessLists(lists).holdThreshold(100).build();
    detector.onSurge(surges::add);
    for (int i = 0; i < 300; i++) {
      assertThat(detector.check(input("203.0.113.7", "user" + i + "@bigcorp.example"))).isEmpty();
    }

    assertThat(surges).isEmpty();
    assertThat(detector.estimatedSizes()).containsEntry("ip", 0L).containsEntry("network", 0L)
        .containsEntry("domain", 0L);
  }

  @Test
  void aFailingListenerReachesNeitherTheSignerNorOtherListeners() {
    SurgeDetector detector = SurgeDetector.builder().clock(clock).threshold(1).build();
    detector.onSurge(surge -> {
      throw new IllegalStateException("listener bug");
    });
    detector.onSurge(surges::add);

    assertThat(detector.check(input(null, "a@bigcorp.example"))).isEmpty();
    assertThat(surges).hasSize(1);
  }

  @Test
  void closingASubscriptionStopsDelivery() {
    SurgeDetector detector = SurgeDetector.builder().clock(clock).threshold(1).build();
    Consumer<Surge> listener = surges::add;
    SurgeDetector.Registration first = detector.onSurge(listener);
    SurgeDetector.Registration second = detector.onSurge(listener);

    detector.check(input(null, "a@one.example"));
    assertThat(surges).hasSize(2);
    first.close();
    first.close();
    detector.check(input(null, "a@two.example"));
    assertThat(surges).hasSize(3);
    second.close();
    detector.check(input(null, "a@three.example"));
    assertThat(surges).hasSize(3);
  }

  @Test
  void sourcesAreForgottenTwoWindowsAfterTheirLastSigning() {
    SurgeDetector detector = SurgeDetector.ofDefaults(clock);
    for (int i = 0; i < 10; i++) {
      detector.check(input("203.0.113." + i, "user@bigcorp.example"));
    }
    assertThat(detector.estimatedSizes()).containsEntry("ip", 10L).containsEntry("network", 1L)
        .containsEntry("domain", 1L);

    clock.advance(Duration.ofMinutes(119));
    assertThat(detector.estimatedSizes()).containsEntry("ip", 10L);
    clock.advance(Duration.ofMinutes(1));
    assertThat(detector.estimatedSizes()).containsEntry("ip", 0L).containsEntry("network", 0L)
        .containsEntry("domain", 0L);
  }

  @Test
  void aMillionDistinctAddressesStayWithinTheConfiguredMemory() {
    SurgeDetector detector = SurgeDetector.builder().clock(clock).maximumKeys(50_000).build();
    detector.onSurge(surges::add);
    long before = RateLimitCheckTest.usedHeapAfterGc();

    for (int i = 0; i < 1_000_000; i++) {
      InetAddress address = i % 2 == 0 ? LimitInputs.ipv4(i * 0x9E3779B1) : LimitInputs.ipv6(i * 0x9E3779B97F4A7C15L);
      detector.check(input(PETITION, address, "u@d" + (i % 300_000) + ".example"));
      if (i % 100_000 == 0) {
        assertThat(detector.estimatedSizes().values()).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(50_000));
      }
    }

    Map<String, Long> sizes = detector.estimatedSizes();
    assertThat(sizes.values()).allSatisfy(size -> assertThat(size).isBetween(40_000L, detector.maximumKeys()));
    long growth = RateLimitCheckTest.usedHeapAfterGc() - before;
    assertThat(growth).as("heap growth in bytes").isLessThan(200L * 1024 * 1024);
    assertThat(surges).isEmpty();
    assertThat(detector.check(input("2001:db9::1", "jane@example.com"))).isEmpty();
  }

  @Test
  void eightThreadsReachingTheThresholdTogetherRaiseTheSurgeOnceAndHoldExactlyWhatFollows() throws Exception {
    SurgeDetector detector = SurgeDetector.builder().clock(clock).holdThreshold(500).build();
    detector.onSurge(surges::add);

    // Without an address only the domain counts, so each signing has one rank to compare.
    int held = onEightThreads(1_000, () -> detector.check(input(null, "jane@bigcorp.example")).size());

    assertThat(held).isEqualTo(8_000 - 500);
    assertThat(surges).singleElement().satisfies(surge -> {
      assertThat(surge.dimension()).isEqualTo(Surge.Dimension.DOMAIN);
      assertThat(surge.count()).isEqualTo(100);
    });
  }

  @Test
  void eightThreadsOnOneAddressRaiseItsAddressAndNetworkSurgesOnceEach() throws Exception {
    SurgeDetector detector = SurgeDetector.ofDefaults(clock);
    detector.onSurge(surges::add);

    onEightThreads(1_000, () -> detector.check(input("203.0.113.7", "jane@gmail.com")).size());

    assertThat(surges).extracting(Surge::dimension)
        .containsExactlyInAnyOrder(Surge.Dimension.IP, Surge.Dimension.NETWORK);
    assertThat(surges).extracting(Surge::count).containsOnly(100L);
  }

  private static int onEightThreads(int perThread, java.util.function.IntSupplier call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        results.add(pool.submit(() -> {
          start.await();
          int sum = 0;
          for (int i = 0; i < perThread; i++) {
            sum += call.getAsInt();
          }
          return sum;
        }));
      }
      start.countDown();
      int sum = 0;
      for (Future<Integer> result : results) {
        sum += result.get(1, TimeUnit.MINUTES);
      }
      return sum;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void everyBuilderSettingIsChecked() {
    SurgeDetector.Builder builder = SurgeDetector.builder();
    assertThatIllegalArgumentException().isThrownBy(() -> builder.threshold(0))
        .withMessage("surge threshold must be positive");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.holdThreshold(-1))
        .withMessage("hold threshold must be positive");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.window(Duration.ofMillis(999)))
        .withMessage("surge window must be at least a second");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.window(Duration.ofDays(8)))
        .withMessage("surge window must be at most a week");
    assertThatNullPointerException().isThrownBy(() -> builder.window(null)).withMessage("surge window must not be null");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.maximumKeys(0))
        .withMessage("maximum keys must be positive");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.exemptDomain("*.example.com"))
        .withMessage("exempt domain must be a host name of two labels or more such as example.com, was: '*.example.com'");
    assertThatNullPointerException().isThrownBy(() -> builder.exemptDomains(null))
        .withMessage("exempt domains must not be null");
    assertThatNullPointerException().isThrownBy(() -> builder.clock(null)).withMessage("clock must not be null");
    assertThatNullPointerException().isThrownBy(() -> builder.accessLists(null))
        .withMessage("access lists must not be null");
    assertThatNullPointerException().isThrownBy(() -> SurgeDetector.ofDefaults(clock).onSurge(null))
        .withMessage("listener must not be null");
  }
}
