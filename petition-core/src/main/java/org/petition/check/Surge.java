package org.petition.check;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A surge of signings of one petition from one source, raised by a {@link SurgeDetector} once per source
 * per window.
 *
 * @param petition the petition's slug
 * @param dimension what kind of source
 * @param label the source, without identifying a person: the network ({@code 203.0.113.0/24}, {@code
 *     2001:db8:1:2::/64}) for an address or a network, the domain for a domain
 * @param count how many signings came from the source in the window, this one included (an estimate
 *     once the source's first window has passed)
 * @param window the rolling window counted
 * @param at when the threshold was reached
 */
public record Surge(String petition, Dimension dimension, String label, long count, Duration window, Instant at) {

  /** What kind of source surged. */
  public enum Dimension {
    /** One IP address; the label is its network, never the address. */
    IP,
    /** One network: an IPv4 /24 or an IPv6 /64. */
    NETWORK,
    /** One email domain. */
    DOMAIN
  }

  public Surge {
    Objects.requireNonNull(petition, "petition must not be null");
    Objects.requireNonNull(dimension, "dimension must not be null");
    Objects.requireNonNull(label, "label must not be null");
    Objects.requireNonNull(window, "window must not be null");
    Objects.requireNonNull(at, "at must not be null");
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive");
    }
  }
}
