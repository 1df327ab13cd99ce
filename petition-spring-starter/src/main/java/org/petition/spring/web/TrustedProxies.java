package org.petition.spring.web;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.petition.identity.IpAddresses;
import org.petition.spring.PetitionConfigurationException;
import org.petition.spring.PetitionWebMapper;

/**
 * The proxies whose {@code X-Forwarded-For} is believed, as CIDRs. The client is the direct peer unless that
 * peer is trusted; then it is the right-most address in {@code X-Forwarded-For} that is not itself a
 * trusted proxy. Addresses to the left of it were written by the client and prove nothing. Immutable.
 */
public final class TrustedProxies {

  private final List<Cidr> networks;

  private TrustedProxies(List<Cidr> networks) {
    this.networks = List.copyOf(networks);
  }

  /** No trusted proxies: the direct peer is always the client. */
  public static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  /**
   * Parses the entries of {@code petition.web.trusted-proxies}: CIDRs such as {@code 10.0.0.0/8} or {@code
   * 2001:db8::/32}, or single addresses. The same as the starter's own mapping of the property.
   *
   * @throws PetitionConfigurationException naming {@code petition.web.trusted-proxies[i]} for a bad entry
   */
  public static TrustedProxies of(List<String> cidrs) {
    return PetitionWebMapper.trustedProxies(cidrs);
  }

  /** A builder that takes one CIDR or address at a time. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether the address is a trusted proxy. */
  public boolean isTrusted(@Nullable String address) {
    Optional<InetAddress> parsed = IpAddresses.parse(address);
    return parsed.isPresent() && contains(parsed.get());
  }

  private boolean contains(InetAddress address) {
    for (Cidr network : networks) {
      if (network.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The client's address.
   *
   * @param remoteAddress the direct peer, as the servlet container reports it
   * @param forwardedFor every {@code X-Forwarded-For} header, in the order received
   */
  public @Nullable String clientAddress(@Nullable String remoteAddress, @Nullable Enumeration<String> forwardedFor) {
    if (networks.isEmpty() || forwardedFor == null || !isTrusted(remoteAddress)) {
      return remoteAddress;
    }
    List<String> hops = new ArrayList<>();
    while (forwardedFor.hasMoreElements()) {
      String header = forwardedFor.nextElement();
      if (header != null) {
        for (String hop : header.split(",")) {
          if (!hop.isBlank()) {
            hops.add(hop.strip());
          }
        }
      }
    }
    String nearest = remoteAddress;
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<InetAddress> hop = IpAddresses.parse(hops.get(i));
      if (hop.isEmpty()) {
        // A trusted proxy wrote something that is not an address: the last good hop is all we know.
        return nearest;
      }
      if (!contains(hop.get())) {
        return hop.get().getHostAddress();
      }
      nearest = hop.get().getHostAddress();
    }
    // Every hop is a trusted proxy: the left-most is the closest thing to a client.
    return nearest;
  }

  @Override
  public String toString() {
    return "TrustedProxies" + networks;
  }

  /** A builder of {@link TrustedProxies}. */
  public static final class Builder {
    private final List<Cidr> networks = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a CIDR such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}, or a single address. Host names are not
     * looked up.
     *
     * @throws IllegalArgumentException when the entry is neither
     */
    public Builder add(String cidr) {
      String entry = cidr == null ? "" : cidr.strip();
      Cidr parsed = Cidr.parse(entry);
      if (parsed == null) {
        throw new IllegalArgumentException("trusted proxy '" + entry + "' is not an IP address or CIDR");
      }
      networks.add(parsed);
      return this;
    }

    public TrustedProxies build() {
      return new TrustedProxies(networks);
    }
  }

  private record Cidr(byte[] network, int prefix, String text) {

    static @Nullable Cidr parse(String text) {
      int slash = text.indexOf('/');
      Optional<InetAddress> address = IpAddresses.parse(slash < 0 ? text : text.substring(0, slash));
      if (address.isEmpty()) {
        return null;
      }
      byte[] bytes = address.get().getAddress();
      int prefix = bytes.length * 8;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
          return null;
        }
        if (prefix < 0 || prefix > bytes.length * 8) {
          return null;
        }
      }
      return new Cidr(bytes, prefix, text);
    }

    boolean contains(InetAddress address) {
      byte[] bytes = address.getAddress();
      if (bytes.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (bytes[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (bytes[full] & mask) == (network[full] & mask);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
