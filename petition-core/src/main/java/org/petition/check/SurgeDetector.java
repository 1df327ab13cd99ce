package org.petition.check;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.petition.check.internal.AddressBits;
import org.petition.check.internal.DomainKey;
import org.petition.check.internal.MailDomains;
import org.petition.check.internal.SourceKey;
import org.petition.check.internal.SurgeTracker;
import org.petition.identity.IpAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches each petition for surges: many signings in a rolling window (an hour by default) from one IP
 * address, one network (IPv4 /24, IPv6 /64) or one email domain. When a source reaches the threshold (100
 * by default) a {@link Surge} goes to the subscribers ({@link #onSurge}), once per source per window. With
 * a hold threshold (off by default) the check also answers {@code surge.hold}, {@link Severity#HIGH}
 * (held for a moderator), for each further signing from a source above it in the window.
 *
 * <p>Counts come from a two-bucket sliding-window counter per source: exact during a source's first
 * window, a close estimate after. Memory is bounded: at most {@link Builder#maximumKeys} sources per
 * dimension, each forgotten two windows after its last signing. The big mailbox providers ({@link
 * RateLimitCheck#commonMailDomains()}) are not counted as domains by default; allow-listed sources of the
 * {@link AccessLists} given are not counted at all.
 *
 * <p>Shared ({@link Builder#sharedIn}): the same counters kept in a {@link LimitStore}, so every instance sharing
 * it counts one set of sources and raises a surge once, wherever the signing that reaches the threshold
 * lands; one store update per signing covers every dimension.
 *
 * <p>Thread-safe. Listeners run synchronously on the signing thread after the counts are updated, so they
 * should be quick (or hand off); an exception in one is logged and reaches neither the signer nor the
 * other listeners.
 */
public final class SurgeDetector implements SignatureCheck {

  /** The code of the finding for a signing held during a surge. */
  public static final String HOLD = FindingCodes.SURGE_HOLD;

  private static final Logger LOG = LoggerFactory.getLogger(SurgeDetector.class);

  private static final List<Finding> HOLD_IP = List.of(Finding.of(HOLD, Severity.HIGH, "request",
      "a surge of signings from this IP address; held for review"));
  private static final List<Finding> HOLD_NETWORK = List.of(Finding.of(HOLD, Severity.HIGH, "request",
      "a surge of signings from this network; held for review"));
  private static final List<Finding> HOLD_DOMAIN = List.of(Finding.of(HOLD, Severity.HIGH, "email",
      "a surge of signings from this address's domain; held for review"));

  private final Clock clock;
  private final Duration window;
  private final int threshold;
  private final int holdThreshold;
  private final long maximumKeys;
  private final Set<String> exemptDomains;
  private final AccessLists lists;
  private final SurgeTracker<SourceKey> ips;
  private final SurgeTracker<SourceKey> networks;
  private final SurgeTracker<DomainKey> domains;
  private final CopyOnWriteArrayList<Consumer<? super Surge>> listeners;
  private final @Nullable LimitStore store;

  private SurgeDetector(Builder builder) {
    this.listeners = new CopyOnWriteArrayList<>();
    this.store = builder.store;
    this.clock = builder.clock;
    this.window = builder.window;
    this.threshold = builder.threshold;
    this.holdThreshold = builder.holdThreshold;
    this.maximumKeys = builder.maximumKeys;
    this.exemptDomains = Set.copyOf(builder.exemptDomains);
    this.lists = builder.lists;
    this.ips = new SurgeTracker<>(window, threshold, holdThreshold, maximumKeys, clock);
    this.networks = new SurgeTracker<>(window, threshold, holdThreshold, maximumKeys, clock);
    this.domains = new SurgeTracker<>(window, threshold, holdThreshold, maximumKeys, clock);
  }

  private SurgeDetector(SurgeDetector detector, LimitStore store) {
    this.clock = detector.clock;
    this.window = detector.window;
    this.threshold = detector.threshold;
    this.holdThreshold = detector.holdThreshold;
    this.maximumKeys = detector.maximumKeys;
    this.exemptDomains = detector.exemptDomains;
    this.lists = detector.lists;
    this.ips = detector.ips;
    this.networks = detector.networks;
    this.domains = detector.domains;
    this.listeners = detector.listeners; // a subscription to either reaches both
    this.store = store;
  }

  /**
   * The defaults: a surge is 100 signings from one source in a rolling hour; no hold; at most 100,000
   * sources per dimension; common mailbox providers exempt.
   */
  public static SurgeDetector ofDefaults(Clock clock) {
    return builder().clock(clock).build();
  }

  /** A builder starting from the defaults of {@link #ofDefaults}, on the system UTC clock. */
  public static Builder builder() {
    return new Builder();
  }

  /** A listener's registration; closing it stops the deliveries. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Delivers every surge to {@code listener} until the returned registration is closed. A {@link
   * org.petition.Petitions} with this check publishes each surge as an event too.
   */
  public Registration onSurge(Consumer<? super Surge> listener) {
    Objects.requireNonNull(listener, "listener must not be null");
    // A wrapper per subscription, so the same listener subscribed twice is unsubscribed one at a time.
    Consumer<? super Surge> entry = listener::accept;
    listeners.add(entry);
    return () -> listeners.remove(entry);
  }

  /**
   * A detector with the same settings and subscribers that keeps its counts in {@code store}, shared by every
   * instance using that store (this detector's own counts are not carried over).
   */
  public SurgeDetector sharedIn(LimitStore store) {
    return new SurgeDetector(this, Objects.requireNonNull(store, "limit store must not be null"));
  }

  /** The store the counts are kept in when shared; empty when they are in this instance's memory. */
  public Optional<LimitStore> limitStore() {
    return Optional.ofNullable(store);
  }

  /** The rolling window counted. */
  public Duration window() {
    return window;
  }

  /** How many signings from one source make a surge. */
  public int threshold() {
    return threshold;
  }

  /** Above how many signings from one source further ones are held; 0 when none are. */
  public int holdThreshold() {
    return holdThreshold;
  }

  @Override
  public List<Finding> check(CheckInput input) {
    if (lists.allows(input)) {
      return List.of();
    }
    long now = clock.millis();
    if (store != null) {
      return checkShared(store, input, now);
    }
    String petition = input.petition().slug();
    List<Finding> held = List.of();
    InetAddress ip = input.ip();
    if (ip != null) {
      byte[] bytes = ip.getAddress();
      long high = AddressBits.high(bytes);
      SurgeTracker.Outcome byIp = ips.count(new SourceKey(petition, high, AddressBits.low(bytes)), now);
      SurgeTracker.Outcome byNetwork = networks.count(new SourceKey(petition, high, AddressBits.networkLow(bytes)), now);
      if (byIp != null || byNetwork != null) {
        // Only the network is ever named, never the address; and only when a surge is raised.
        String network = byIp != null && byIp.raise() || byNetwork != null && byNetwork.raise()
            ? IpAddresses.network(ip)
            : "";
        held = handle(byIp, input, Surge.Dimension.IP, network, now, HOLD_IP, held);
        held = handle(byNetwork, input, Surge.Dimension.NETWORK, network, now, HOLD_NETWORK, held);
      }
    }
    String domain = input.emailDomain();
    if (!exemptDomains.contains(domain)) {
      SurgeTracker.Outcome byDomain = domains.count(new DomainKey(petition, domain), now);
      held = handle(byDomain, input, Surge.Dimension.DOMAIN, domain, now, HOLD_DOMAIN, held);
    }
    return held;
  }

  /** The outcomes of one shared count, by dimension (ip, network, domain); a record, as answers are non-null. */
  private record SharedCounts(SurgeTracker.@Nullable Outcome[] outcomes) {}

  private List<Finding> checkShared(LimitStore store, CheckInput input, long now) {
    SharedLimitChecks.Step step = sharedStep(input, now);
    return step == null ? List.of()
        : step.findings(store.update(step.request().keys(), now, step.request().change()));
  }

  /**
   * The store update a shared detector makes for {@code input} at {@code now}, and what its answer means; null
   * when the source is allowed by the lists or no dimension applies.
   */
  SharedLimitChecks.@Nullable Step sharedStep(CheckInput input, long now) {
    if (lists.allows(input)) {
      return null;
    }
    String petition = input.petition().slug();
    InetAddress ip = input.ip();
    List<String> keys = new ArrayList<>(3);
    int[] dimensionOf = new int[3];
    if (ip != null) {
      byte[] bytes = ip.getAddress();
      long high = AddressBits.high(bytes);
      dimensionOf[keys.size()] = 0;
      keys.add("surge:ip:" + petition + ':' + Long.toHexString(high) + ':' + Long.toHexString(AddressBits.low(bytes)));
      dimensionOf[keys.size()] = 1;
      keys.add("surge:net:" + petition + ':' + Long.toHexString(high) + ':'
          + Long.toHexString(AddressBits.networkLow(bytes)));
    }
    String domain = input.emailDomain();
    if (!exemptDomains.contains(domain)) {
      dimensionOf[keys.size()] = 2;
      keys.add("surge:dom:" + petition + ':' + domain);
    }
    if (keys.isEmpty()) {
      return null;
    }
    SurgeTracker<?>[] trackers = {ips, networks, domains};
    LimitStore.Request<SharedCounts> request = new LimitStore.Request<>(keys, states -> {
      long[][] state = states.toArray(new long[0][]);
      SurgeTracker.Outcome[] outcomes = new SurgeTracker.Outcome[3];
      for (int i = 0; i < state.length; i++) {
        outcomes[dimensionOf[i]] = trackers[dimensionOf[i]].count(state, i, now);
      }
      return new LimitStore.Outcome<>(new SharedCounts(outcomes), Arrays.asList(state), now + ips.keepMillis());
    });
    return new SharedLimitChecks.Step(request, answer -> {
      SharedCounts counts = (SharedCounts) answer;
      SurgeTracker.Outcome byIp = counts.outcomes()[0];
      SurgeTracker.Outcome byNetwork = counts.outcomes()[1];
      String network = ip != null && (byIp != null && byIp.raise() || byNetwork != null && byNetwork.raise())
          ? IpAddresses.network(ip)
          : "";
      List<Finding> held = List.of();
      held = handle(byIp, input, Surge.Dimension.IP, network, now, HOLD_IP, held);
      held = handle(byNetwork, input, Surge.Dimension.NETWORK, network, now, HOLD_NETWORK, held);
      return handle(counts.outcomes()[2], input, Surge.Dimension.DOMAIN, domain, now, HOLD_DOMAIN, held);
    });
  }

  /** The clock the counts are kept on. */
  Clock clock() {
    return clock;
  }

  private List<Finding> handle(SurgeTracker.@Nullable Outcome outcome, CheckInput input, Surge.Dimension dimension,
      String label, long now, List<Finding> hold, List<Finding> held) {
    if (outcome == null) {
      return held;
    }
    if (outcome.raise()) {
      publish(new Surge(input.petition().slug(), dimension, label, outcome.count(), window, Instant.ofEpochMilli(now)));
    }
    // One hold finding is enough; the first dimension held names it.
    return outcome.hold() && held.isEmpty() ? hold : held;
  }

  private void publish(Surge surge) {
    LOG.info("surge of {} signings of petition {} from {} {} within {}", surge.count(), surge.petition(),
        surge.dimension(), surge.label(), surge.window());
    for (Consumer<? super Surge> listener : listeners) {
      try {
        listener.accept(surge);
      } catch (RuntimeException e) {
        LOG.warn("surge listener failed on petition {}", surge.petition(), e);
      }
    }
  }

  /** The estimated sources per dimension ("ip", "network", "domain") after pending maintenance. */
  Map<String, Long> estimatedSizes() {
    return Map.of("ip", ips.estimatedSize(), "network", networks.estimatedSize(), "domain", domains.estimatedSize());
  }

  /** The most sources each dimension remembers. */
  long maximumKeys() {
    return maximumKeys;
  }

  /** A builder of {@link SurgeDetector}; every setter checks its argument. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Duration window = Duration.ofHours(1);
    private int threshold = 100;
    private int holdThreshold;
    private Set<String> exemptDomains = new HashSet<>(MailDomains.COMMON);
    private AccessLists lists = AccessLists.empty();
    private long maximumKeys = 100_000;
    private @Nullable LimitStore store;

    private Builder() {}

    /**
     * Keeps the counts in {@code store}, shared by every instance using it, instead of this instance's
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

    /** The rolling window counted, a second to a week; an hour by default. */
    public Builder window(Duration window) {
      Objects.requireNonNull(window, "surge window must not be null");
      if (window.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("surge window must be at least a second");
      }
      if (window.compareTo(Duration.ofDays(7)) > 0) {
        throw new IllegalArgumentException("surge window must be at most a week");
      }
      this.window = window;
      return this;
    }

    /** How many signings from one source in the window make a surge; 100 by default. */
    public Builder threshold(int threshold) {
      if (threshold < 1) {
        throw new IllegalArgumentException("surge threshold must be positive");
      }
      this.threshold = threshold;
      return this;
    }

    /**
     * Holds every signing from a source that has already given {@code holdThreshold} in the window, for a
     * moderator to review ({@code surge.hold}, {@link Severity#HIGH}); off by default.
     */
    public Builder holdThreshold(int holdThreshold) {
      if (holdThreshold < 1) {
        throw new IllegalArgumentException("hold threshold must be positive");
      }
      this.holdThreshold = holdThreshold;
      return this;
    }

    /** Holds nothing (the default). */
    public Builder withoutHold() {
      this.holdThreshold = 0;
      return this;
    }

    /**
     * Replaces the domains never counted as a domain surge; {@link RateLimitCheck#commonMailDomains()} by
     * default. Unicode domains are stored in ASCII (punycode).
     */
    public Builder exemptDomains(Collection<String> domains) {
      this.exemptDomains = MailDomains.normalizeAll(domains, "exempt domain");
      return this;
    }

    /** Adds a domain never counted as a domain surge. */
    public Builder exemptDomain(String domain) {
      exemptDomains.add(MailDomains.normalize(domain, "exempt domain"));
      return this;
    }

    /** Lists whose allowed sources are not counted; none by default. */
    public Builder accessLists(AccessLists lists) {
      this.lists = Objects.requireNonNull(lists, "access lists must not be null");
      return this;
    }

    /** The most sources each dimension remembers; 100,000 by default. */
    public Builder maximumKeys(int maximumKeys) {
      if (maximumKeys < 1) {
        throw new IllegalArgumentException("maximum keys must be positive");
      }
      this.maximumKeys = maximumKeys;
      return this;
    }

    public SurgeDetector build() {
      return new SurgeDetector(this);
    }
  }
}
