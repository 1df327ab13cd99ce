package org.petition.check;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.petition.check.internal.AddressBits;
import org.petition.check.internal.DomainKey;
import org.petition.check.internal.MailDomains;
import org.petition.check.internal.RateLimiter;
import org.petition.check.internal.SharedRateLimiter;
import org.petition.check.internal.SourceKey;
import org.petition.check.internal.WindowLimits;
import org.petition.check.internal.WindowLimits.Limit;

/**
 * Refuses a signing when its source signed the same petition too often lately: {@code rate.limited},
 * {@link Severity#CRITICAL}, with how long until the source may sign again.
 *
 * <p>Per petition, sliding windows count signings per IP address, per network (the IPv4 /24 or IPv6 /64 of
 * the address) and, when configured, per email domain. A signing is admitted only if it fits every window,
 * and only an admitted signing is counted, so a refused one does not extend the wait. The wait is exact:
 * the time until the oldest signing that fills a window leaves it, the longest such time over every
 * window. The defaults ({@link #ofDefaults}) are those of the UK Parliament's petitions site for an
 * address (1 per 60 seconds, 5 per 5 minutes), 20 per minute and 100 per hour for a network, and no
 * per-domain limit.
 *
 * <p>Memory is bounded: each dimension remembers at most {@link Builder#maximumKeys} keys (least recently
 * and least frequently used go first) and forgets a key once its longest window has passed. Addresses are
 * kept as bits, never as text, and only while their window lasts. Sources allowed by the {@link
 * AccessLists} given are not limited. Thread-safe; the common path takes a few short per-key locks and allocates a
 * couple of small keys.
 *
 * <p>Shared ({@link Builder#sharedIn}): the same windows and the same exact wait, with each key's times kept
 * in a {@link LimitStore} instead of this instance's memory, so every instance sharing the store enforces one
 * set of limits; one store update per signing covers every dimension. The store bounds its own size.
 */
public final class RateLimitCheck implements SignatureCheck {

  private static final int MAX_COUNT = 10_000;
  private static final Duration MAX_WINDOW = Duration.ofDays(1);

  private final Clock clock;
  private final AccessLists lists;
  private final Set<String> exemptDomains;
  private final long maximumKeys;
  private final RateLimiter limiter;
  private final @Nullable WindowLimits ipLimits;
  private final @Nullable WindowLimits networkLimits;
  private final @Nullable WindowLimits domainLimits;
  private final @Nullable LimitStore store;
  private final @Nullable SharedRateLimiter shared;

  private RateLimitCheck(Builder builder) {
    this.clock = builder.clock;
    this.lists = builder.lists;
    this.exemptDomains = Set.copyOf(builder.exemptDomains);
    this.maximumKeys = builder.maximumKeys;
    this.ipLimits = limits("this IP address", builder.ipBurst, builder.ipSustained);
    this.networkLimits = limits("this network", builder.networkBurst, builder.networkSustained);
    this.domainLimits = limits("this address's domain", builder.domainLimit, null);
    this.limiter = new RateLimiter(ipLimits, networkLimits, domainLimits, maximumKeys, clock);
    this.store = builder.store;
    this.shared = store == null ? null : new SharedRateLimiter(store, ipLimits, networkLimits, domainLimits);
  }

  private RateLimitCheck(RateLimitCheck check, AccessLists lists, @Nullable LimitStore store) {
    this.clock = check.clock;
    this.lists = lists;
    this.exemptDomains = check.exemptDomains;
    this.maximumKeys = check.maximumKeys;
    this.limiter = check.limiter;
    this.ipLimits = check.ipLimits;
    this.networkLimits = check.networkLimits;
    this.domainLimits = check.domainLimits;
    this.store = store;
    this.shared = store == null ? null
        : store == check.store ? check.shared : new SharedRateLimiter(store, ipLimits, networkLimits, domainLimits);
  }

  private static @Nullable WindowLimits limits(String source, @Nullable Limit first, @Nullable Limit second) {
    List<Limit> limits = WindowLimits.of(first, second);
    return limits.isEmpty() ? null : new WindowLimits(source, limits);
  }

  /**
   * The defaults: per IP address 1 signing per 60 seconds and 5 per 5 minutes; per network 20 per minute
   * and 100 per hour; no per-domain limit; at most 100,000 keys per dimension; no access lists.
   */
  public static RateLimitCheck ofDefaults(Clock clock) {
    return builder().clock(clock).build();
  }

  /** A builder starting from the defaults of {@link #ofDefaults}, on the system UTC clock. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The big mailbox providers (gmail.com, outlook.com, yahoo.com, web.de, naver.com, ...), exempt from
   * per-domain limits and domain surges by default: millions of unrelated people share them. ASCII lower
   * case.
   */
  public static Set<String> commonMailDomains() {
    return MailDomains.COMMON;
  }

  /**
   * A check with other access lists that shares this one's windows, so replacing the lists at runtime
   * forgets no signing. Both checks count into the same windows; use one of them.
   */
  public RateLimitCheck withAccessLists(AccessLists lists) {
    return new RateLimitCheck(this, Objects.requireNonNull(lists, "access lists must not be null"), store);
  }

  /**
   * A check with the same limits and lists that keeps its windows in {@code store}, shared by every
   * instance using that store (this check's own windows are not carried over).
   */
  public RateLimitCheck sharedIn(LimitStore store) {
    return new RateLimitCheck(this, lists, Objects.requireNonNull(store, "limit store must not be null"));
  }

  /** The store the windows are kept in when shared; empty when they are in this instance's memory. */
  public Optional<LimitStore> limitStore() {
    return Optional.ofNullable(store);
  }

  /** The access lists whose allowed sources are not limited. */
  public AccessLists accessLists() {
    return lists;
  }

  @Override
  public List<Finding> check(CheckInput input) {
    if (lists.allows(input)) {
      return List.of();
    }
    long now = clock.millis();
    if (shared != null) {
      SharedLimitChecks.Step step = sharedStep(input, now);
      return step == null ? List.of() : step.findings(Objects.requireNonNull(store).update(
          step.request().keys(), now, step.request().change()));
    }
    Keys keys = keys(input);
    RateLimiter.Refusal refusal = limiter.admit(keys.ip(), keys.network(), keys.domain(), now);
    return refusal == null ? List.of() : findings(refusal);
  }

  /** The keys of a signing's source in each dimension limited (null: not limited). */
  private record Keys(@Nullable SourceKey ip, @Nullable SourceKey network, @Nullable DomainKey domain) {}

  private Keys keys(CheckInput input) {
    String petition = input.petition().slug();
    SourceKey ipKey = null;
    SourceKey networkKey = null;
    InetAddress ip = input.ip();
    if (ip != null) {
      byte[] bytes = ip.getAddress();
      long high = AddressBits.high(bytes);
      ipKey = new SourceKey(petition, high, AddressBits.low(bytes));
      if (limiter.limitsNetworks()) {
        networkKey = new SourceKey(petition, high, AddressBits.networkLow(bytes));
      }
    }
    DomainKey domainKey = null;
    if (limiter.limitsDomains() && !exemptDomains.contains(input.emailDomain())) {
      domainKey = new DomainKey(petition, input.emailDomain());
    }
    return new Keys(ipKey, networkKey, domainKey);
  }

  private static List<Finding> findings(RateLimiter.Refusal refusal) {
    return List.of(Finding.rateLimited(refusal.explanation(), Duration.ofMillis(refusal.waitMillis())));
  }

  /**
   * The store update a shared check makes for {@code input} at {@code now}, and what its answer means; null
   * when the source is allowed by the lists or no dimension applies.
   */
  SharedLimitChecks.@Nullable Step sharedStep(CheckInput input, long now) {
    SharedRateLimiter limiter = Objects.requireNonNull(shared, "not shared");
    if (lists.allows(input)) {
      return null;
    }
    Keys keys = keys(input);
    LimitStore.Request<?> request = limiter.request(keys.ip(), keys.network(), keys.domain(), now);
    if (request == null) {
      return null;
    }
    return new SharedLimitChecks.Step(request, answer -> {
      RateLimiter.Refusal refusal = SharedRateLimiter.refusal(answer);
      return refusal == null ? List.of() : findings(refusal);
    });
  }

  /** The clock the windows are kept on. */
  Clock clock() {
    return clock;
  }

  /**
   * This check and {@code surges}, both shared in the same store and on the same clock, as one check that
   * makes one store update per signing for both ({@link LimitStore#updateAll}: on a JDBC store one
   * transaction instead of two): the same findings, this check's first, as the two in this order would find.
   *
   * @throws IllegalArgumentException when the two are not shared in one store or not on one clock
   */
  public SignatureCheck togetherWith(SurgeDetector surges) {
    return new SharedLimitChecks(this, Objects.requireNonNull(surges, "surge detector must not be null"));
  }

  /** The estimated keys per dimension ("ip", "network", "domain") after pending maintenance. */
  Map<String, Long> estimatedSizes() {
    return limiter.estimatedSizes();
  }

  /** The most keys each dimension remembers. */
  long maximumKeys() {
    return maximumKeys;
  }

  /** A builder of {@link RateLimitCheck}; every setter checks its argument. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private @Nullable Limit ipBurst = new Limit(1, Duration.ofSeconds(60));
    private @Nullable Limit ipSustained = new Limit(5, Duration.ofSeconds(300));
    private @Nullable Limit networkBurst = new Limit(20, Duration.ofMinutes(1));
    private @Nullable Limit networkSustained = new Limit(100, Duration.ofHours(1));
    private @Nullable Limit domainLimit;
    private Set<String> exemptDomains = new HashSet<>(MailDomains.COMMON);
    private AccessLists lists = AccessLists.empty();
    private long maximumKeys = 100_000;
    private @Nullable LimitStore store;

    private Builder() {}

    /**
     * Keeps the windows in {@code store}, shared by every instance using it, instead of this instance's
     * memory (the default). {@link #maximumKeys} then bounds nothing: the store has its own bound.
     */
    public Builder sharedIn(LimitStore store) {
      this.store = Objects.requireNonNull(store, "limit store must not be null");
      return this;
    }

    /** The clock windows are measured by; the system UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock must not be null");
      return this;
    }

    /** At most {@code count} signings per IP address per {@code window}; 1 per 60 seconds by default. */
    public Builder burst(int count, Duration window) {
      this.ipBurst = limit("burst", count, window);
      return this;
    }

    /** At most {@code count} signings per IP address per {@code window}; 5 per 5 minutes by default. */
    public Builder sustained(int count, Duration window) {
      this.ipSustained = limit("sustained", count, window);
      return this;
    }

    /**
     * At most {@code count} signings per network (IPv4 /24, IPv6 /64) per {@code window}; 20 per minute by
     * default.
     */
    public Builder networkBurst(int count, Duration window) {
      this.networkBurst = limit("network burst", count, window);
      return this;
    }

    /** At most {@code count} signings per network per {@code window}; 100 per hour by default. */
    public Builder networkSustained(int count, Duration window) {
      this.networkSustained = limit("network sustained", count, window);
      return this;
    }

    /**
     * No per-network limits, for sites whose signers mostly share a few networks (one campus, carrier-grade
     * NAT). A later {@link #networkBurst} or {@link #networkSustained} sets that limit again.
     */
    public Builder withoutNetworkLimits() {
      this.networkBurst = null;
      this.networkSustained = null;
      return this;
    }

    /**
     * At most {@code count} signings per email domain per {@code window}; none by default. Domains in
     * {@link #exemptDomains} are never limited.
     */
    public Builder domainLimit(int count, Duration window) {
      this.domainLimit = limit("domain", count, window);
      return this;
    }

    /** No per-domain limit (the default). */
    public Builder withoutDomainLimit() {
      this.domainLimit = null;
      return this;
    }

    /**
     * Replaces the domains the per-domain limit never applies to; {@link #commonMailDomains()} by default.
     * Unicode domains are stored in ASCII (punycode).
     */
    public Builder exemptDomains(Collection<String> domains) {
      this.exemptDomains = MailDomains.normalizeAll(domains, "exempt domain");
      return this;
    }

    /** Adds a domain the per-domain limit never applies to. */
    public Builder exemptDomain(String domain) {
      exemptDomains.add(MailDomains.normalize(domain, "exempt domain"));
      return this;
    }

    /** Lists whose allowed sources are never limited; none by default. */
    public Builder accessLists(AccessLists lists) {
      this.lists = Objects.requireNonNull(lists, "access lists must not be null");
      return this;
    }

    /**
     * The most keys each dimension (addresses, networks, domains) remembers; 100,000 by default. Beyond it
     * the least valuable keys are forgotten, which loosens their limits but never memory's.
     */
    public Builder maximumKeys(int maximumKeys) {
      if (maximumKeys < 1) {
        throw new IllegalArgumentException("maximum keys must be positive");
      }
      this.maximumKeys = maximumKeys;
      return this;
    }

    public RateLimitCheck build() {
      return new RateLimitCheck(this);
    }

    private static Limit limit(String name, int count, Duration window) {
      Objects.requireNonNull(window, name + " window must not be null");
      if (count < 1) {
        throw new IllegalArgumentException(name + " limit must be positive");
      }
      if (count > MAX_COUNT) {
        throw new IllegalArgumentException(name + " limit must be at most " + MAX_COUNT + ", was " + count);
      }
      if (window.compareTo(Duration.ofMillis(1)) < 0) {
        throw new IllegalArgumentException(name + " window must be at least a millisecond");
      }
      if (window.compareTo(MAX_WINDOW) > 0) {
        throw new IllegalArgumentException(name + " window must be at most a day");
      }
      return new Limit(count, window);
    }
  }
}
