package org.petition.check.internal;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Sliding-window limits per IP address, per network and per email domain, each dimension in its own
 * bounded cache. An event is admitted only if every dimension admits it, and then it is recorded in
 * every dimension at once. Thread-safe.
 */
public final class RateLimiter {

  private final @Nullable Dimension<SourceKey> ip;
  private final @Nullable Dimension<SourceKey> network;
  private final @Nullable Dimension<DomainKey> domain;

  /**
   * @param ip the per-address limits, or {@code null} for none
   * @param network the per-network limits, or {@code null} for none
   * @param domain the per-domain limits, or {@code null} for none
   * @param maximumKeys the most keys each dimension remembers
   */
  public RateLimiter(@Nullable WindowLimits ip, @Nullable WindowLimits network, @Nullable WindowLimits domain,
      long maximumKeys, Clock clock) {
    this.ip = ip == null ? null : new Dimension<>(ip, maximumKeys, clock);
    this.network = network == null ? null : new Dimension<>(network, maximumKeys, clock);
    this.domain = domain == null ? null : new Dimension<>(domain, maximumKeys, clock);
  }

  /**
   * Why an event was refused.
   *
   * @param waitMillis how long until it would be admitted
   * @param explanation the limit that makes the longest wait, in words
   */
  public record Refusal(long waitMillis, String explanation) {}

  /** Whether per-domain limits apply at all. */
  public boolean limitsDomains() {
    return domain != null;
  }

  /** Whether per-network limits apply at all. */
  public boolean limitsNetworks() {
    return network != null;
  }

  /**
   * Admits and records an event at {@code now} (epoch milliseconds), or refuses it without recording it.
   * A {@code null} key skips its dimension.
   *
   * @return {@code null} when admitted
   */
  public @Nullable Refusal admit(
      @Nullable SourceKey ipKey, @Nullable SourceKey networkKey, @Nullable DomainKey domainKey, long now) {
    EventLog a = ipKey == null || ip == null ? null : ip.log(ipKey);
    EventLog b = networkKey == null || network == null ? null : network.log(networkKey);
    EventLog c = domainKey == null || domain == null ? null : domain.log(domainKey);
    // Locks are always taken in the order address, network, domain, and nothing else ever holds two of
    // them, so two signings can never wait for each other.
    if (a != null) {
      synchronized (a) {
        return lockNetwork(a, b, c, now);
      }
    }
    return lockNetwork(null, b, c, now);
  }

  private @Nullable Refusal lockNetwork(@Nullable EventLog a, @Nullable EventLog b, @Nullable EventLog c, long now) {
    if (b != null) {
      synchronized (b) {
        return lockDomain(a, b, c, now);
      }
    }
    return lockDomain(a, null, c, now);
  }

  private @Nullable Refusal lockDomain(@Nullable EventLog a, @Nullable EventLog b, @Nullable EventLog c, long now) {
    if (c != null) {
      synchronized (c) {
        return decide(a, b, c, now);
      }
    }
    return decide(a, b, null, now);
  }

  private @Nullable Refusal decide(@Nullable EventLog a, @Nullable EventLog b, @Nullable EventLog c, long now) {
    long waitA = a == null ? 0 : limits(ip).waitMillis(a, now);
    long waitB = b == null ? 0 : limits(network).waitMillis(b, now);
    long waitC = c == null ? 0 : limits(domain).waitMillis(c, now);
    long wait = Math.max(waitA, Math.max(waitB, waitC));
    if (wait <= 0) {
      if (a != null) {
        limits(ip).record(a, now);
      }
      if (b != null) {
        limits(network).record(b, now);
      }
      if (c != null) {
        limits(domain).record(c, now);
      }
      return null;
    }
    String why;
    if (wait == waitA && a != null) {
      why = limits(ip).explain(a, now);
    } else if (wait == waitB && b != null) {
      why = limits(network).explain(b, now);
    } else {
      why = limits(domain).explain(Objects.requireNonNull(c), now);
    }
    return new Refusal(wait, why);
  }

  private static WindowLimits limits(@Nullable Dimension<?> dimension) {
    return Objects.requireNonNull(dimension).limits;
  }

  /** The estimated number of keys of each dimension after pending maintenance; for tests and metrics. */
  public Map<String, Long> estimatedSizes() {
    Map<String, Long> sizes = new LinkedHashMap<>();
    put(sizes, "ip", ip);
    put(sizes, "network", network);
    put(sizes, "domain", domain);
    return sizes;
  }

  private static void put(Map<String, Long> sizes, String name, @Nullable Dimension<?> dimension) {
    if (dimension != null) {
      dimension.logs.cleanUp();
      sizes.put(name, dimension.logs.estimatedSize());
    }
  }

  private static final class Dimension<K> {
    final WindowLimits limits;
    final Cache<K, EventLog> logs;
    final Function<K, EventLog> create;

    Dimension(WindowLimits limits, long maximumKeys, Clock clock) {
      this.limits = limits;
      // A log matters for the longest window after its last event, and not a moment longer.
      this.logs = Caches.bounded(maximumKeys, limits.longestWindow(), clock);
      this.create = key -> limits.newLog();
    }

    EventLog log(K key) {
      return logs.get(key, create);
    }
  }
}
