package org.petition.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.petition.check.LimitStore;
import org.petition.identity.IpAddresses;
import org.petition.invite.InvitationLimits;

/**
 * The {@link InvitationLimits} at work, over a {@link LimitStore} (shared by instances when the host gives one,
 * such as the JDBC store's; else this instance's memory). Each state is the sorted times of the addresses
 * counted in the window, one entry per address; one update covers the signer, the IP address and the network,
 * all or nothing. Keys hold the signer's keyed email hash (never an address) and the client's address, which a
 * shared store keeps only as keyed hashes.
 */
public final class InvitationThrottle {

  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final long DAY = Duration.ofDays(1).toMillis();

  private final LimitStore store;
  private final InvitationLimits limits;
  private final Clock clock;

  public InvitationThrottle(LimitStore store, InvitationLimits limits, Clock clock) {
    this.store = store;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * Counts {@code count} addresses for the signer and the client, or, when any limit would be passed, counts
   * nothing and answers how long until the same request fits.
   */
  public @Nullable Duration admit(byte[] signerKey, @Nullable String ip, int count) {
    long now = clock.millis();
    List<String> keys = new ArrayList<>(3);
    List<long[]> windows = new ArrayList<>(3); // {limit, window}
    keys.add("invite:signer:" + HexFormat.of().formatHex(signerKey));
    windows.add(new long[] {limits.perSignerPerDay(), DAY});
    var address = IpAddresses.parse(ip);
    if (address.isPresent()) {
      keys.add("invite:ip:" + address.get().getHostAddress());
      windows.add(new long[] {limits.perIpPerHour(), HOUR});
      keys.add("invite:net:" + IpAddresses.network(address.get()));
      windows.add(new long[] {limits.perNetworkPerDay(), DAY});
    }
    Decision decision = store.update(keys, now, states -> decide(states, windows, count, now));
    return decision.waitMillis() > 0 ? Duration.ofMillis(decision.waitMillis()) : null;
  }

  private record Decision(long waitMillis) {}

  private static LimitStore.Outcome<Decision> decide(List<long[]> states, List<long[]> windows, int count, long now) {
    long wait = 0;
    List<long[]> live = new ArrayList<>(states.size());
    for (int i = 0; i < states.size(); i++) {
      long limit = windows.get(i)[0];
      long window = windows.get(i)[1];
      long[] times = Arrays.stream(states.get(i)).filter(t -> t > now - window).sorted().toArray();
      live.add(times);
      long over = times.length + (long) count - limit;
      if (count > limit) {
        wait = Math.max(wait, window); // never fits: the caller refuses such a request before
      } else if (over > 0) {
        // The oldest `over` entries must leave the window first.
        wait = Math.max(wait, times[(int) over - 1] + window - now);
      }
    }
    if (wait > 0) {
      return LimitStore.Outcome.unchanged(new Decision(Math.max(1, wait)));
    }
    List<long @Nullable []> written = new ArrayList<>(live.size());
    for (long[] times : live) {
      long[] next = Arrays.copyOf(times, times.length + count);
      Arrays.fill(next, times.length, next.length, now);
      written.add(next);
    }
    return new LimitStore.Outcome<>(new Decision(0), written, now + DAY);
  }
}
