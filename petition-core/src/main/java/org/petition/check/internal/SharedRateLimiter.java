package org.petition.check.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.petition.check.LimitStore;

/**
 * The limits of a {@link RateLimiter} with their event logs in a {@link LimitStore}, so every instance
 * sharing the store counts into the same windows. The logs and the decision are the in-memory limiter's
 * ({@link WindowLimits}, {@link EventLog}): the same sliding windows and the same exact wait; only where
 * the times are kept differs. One store update per signing covers every dimension, all or nothing.
 */
public final class SharedRateLimiter {

  private final LimitStore store;
  private final @Nullable WindowLimits ip;
  private final @Nullable WindowLimits network;
  private final @Nullable WindowLimits domain;
  private final long keep;

  public SharedRateLimiter(LimitStore store, @Nullable WindowLimits ip, @Nullable WindowLimits network,
      @Nullable WindowLimits domain) {
    this.store = store;
    this.ip = ip;
    this.network = network;
    this.domain = domain;
    long longest = 0;
    for (WindowLimits limits : new WindowLimits[] {ip, network, domain}) {
      if (limits != null) {
        longest = Math.max(longest, limits.longestWindow().toMillis());
      }
    }
    this.keep = longest;
  }

  /**
   * Admits and records an event at {@code now}, or refuses it without recording it, as {@link
   * RateLimiter#admit} does. A {@code null} key skips its dimension.
   */
  public RateLimiter.@Nullable Refusal admit(
      @Nullable SourceKey ipKey, @Nullable SourceKey networkKey, @Nullable DomainKey domainKey, long now) {
    LimitStore.Request<?> request = request(ipKey, networkKey, domainKey, now);
    return request == null ? null : refusal(store.update(request.keys(), now, request.change()));
  }

  /**
   * The store update {@link #admit} makes, to be made with others ({@link LimitStore#updateAll}); null when no
   * dimension applies. Its answer is read by {@link #refusal}.
   */
  public LimitStore.@Nullable Request<?> request(
      @Nullable SourceKey ipKey, @Nullable SourceKey networkKey, @Nullable DomainKey domainKey, long now) {
    List<String> keys = new ArrayList<>(3);
    List<WindowLimits> limits = new ArrayList<>(3);
    if (ipKey != null && ip != null) {
      keys.add("rate:ip:" + ipKey.petition() + ':' + Long.toHexString(ipKey.high()) + ':'
          + Long.toHexString(ipKey.low()));
      limits.add(ip);
    }
    if (networkKey != null && network != null) {
      keys.add("rate:net:" + networkKey.petition() + ':' + Long.toHexString(networkKey.high()) + ':'
          + Long.toHexString(networkKey.low()));
      limits.add(network);
    }
    if (domainKey != null && domain != null) {
      keys.add("rate:dom:" + domainKey.petition() + ':' + domainKey.domain());
      limits.add(domain);
    }
    if (keys.isEmpty()) {
      return null;
    }
    return new LimitStore.Request<>(keys, states -> decide(limits, states, now));
  }

  /** The refusal a {@link #request}'s answer carries, or null when the event was admitted. */
  public static RateLimiter.@Nullable Refusal refusal(Object answer) {
    return ((Decision) answer).refusal();
  }

  /** A refusal, or none: a record, since a store's answer must not be null. */
  private record Decision(RateLimiter.@Nullable Refusal refusal) {}

  private LimitStore.Outcome<Decision> decide(List<WindowLimits> limits, List<long[]> states, long now) {
    List<EventLog> logs = new ArrayList<>(limits.size());
    long wait = 0;
    int longest = -1;
    for (int i = 0; i < limits.size(); i++) {
      EventLog log = limits.get(i).logOf(states.get(i));
      logs.add(log);
      long w = limits.get(i).waitMillis(log, now);
      if (w > wait) {
        wait = w;
        longest = i;
      }
    }
    if (longest >= 0) {
      return LimitStore.Outcome.unchanged(new Decision(
          new RateLimiter.Refusal(wait, limits.get(longest).explain(logs.get(longest), now))));
    }
    List<long[]> written = new ArrayList<>(limits.size());
    for (int i = 0; i < limits.size(); i++) {
      limits.get(i).record(logs.get(i), now);
      written.add(logs.get(i).times());
    }
    return new LimitStore.Outcome<>(new Decision(null), written, now + keep);
  }
}
