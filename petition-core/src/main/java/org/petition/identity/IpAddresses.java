package org.petition.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.petition.internal.InetLiterals;

/**
 * IP address literals as a host application reports them, and the coarser forms used to group and to
 * store them. Never looks a name up in DNS. Stateless and thread-safe.
 */
public final class IpAddresses {

  // The longest literal: a bracketed IPv6 address with an embedded IPv4 address, plus a zone id.
  private static final int MAX_LENGTH = 100;

  private IpAddresses() {}

  /**
   * Parses an IP address literal: an IPv4 dotted quad ({@code 203.0.113.7}, decimal without leading
   * zeros) or IPv6 in any notation (full, compressed with {@code ::}, with an embedded dotted quad such as
   * {@code ::ffff:203.0.113.7}), optionally in brackets ({@code [::1]}) and with a zone id ({@code
   * fe80::1%eth0}), which is dropped. Surrounding white space is ignored. An IPv4-mapped IPv6 address
   * gives the IPv4 address. Anything else, host names included, gives an empty result; no DNS lookup is
   * ever made.
   */
  public static Optional<InetAddress> parse(@Nullable String text) {
    if (text == null || text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String literal = text.strip();
    int start = 0;
    int end = literal.length();
    boolean bracketed = end >= 2 && literal.charAt(0) == '[' && literal.charAt(end - 1) == ']';
    if (bracketed) {
      start++;
      end--;
    }
    int colon = indexOf(literal, ':', start, end);
    if (colon < 0) {
      return bracketed ? Optional.empty() : toAddress(InetLiterals.parseIpv4(literal, start, end));
    }
    int percent = indexOf(literal, '%', start, end);
    if (percent >= 0) {
      if (!isZoneId(literal, percent + 1, end)) {
        return Optional.empty();
      }
      end = percent;
    }
    return toAddress(InetLiterals.parseIpv6(literal, start, end));
  }

  /**
   * The network an address belongs to, as text: the /24 of an IPv4 address ({@code 203.0.113.0/24}), the
   * /64 of an IPv6 address ({@code 2001:db8:1:2::/64}), the usual size of one site's allocation.
   */
  public static String network(InetAddress address) {
    return prefix(address, 24, 64);
  }

  /**
   * The address truncated before storage, as text: the /24 of an IPv4 address ({@code 203.0.113.0/24}),
   * the /48 of an IPv6 address ({@code 2001:db8:1::/48}), which no longer identifies a household.
   */
  public static String truncateForStorage(InetAddress address) {
    return prefix(address, 24, 48);
  }

  private static String prefix(InetAddress address, int ipv4Bits, int ipv6Bits) {
    Objects.requireNonNull(address, "address must not be null");
    byte[] bytes = address.getAddress();
    if (bytes.length == 16 && isIpv4Mapped(bytes)) {
      bytes = new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
    }
    if (bytes.length == 4) {
      clearFrom(bytes, ipv4Bits);
      return (bytes[0] & 0xFF) + "." + (bytes[1] & 0xFF) + "." + (bytes[2] & 0xFF) + "." + (bytes[3] & 0xFF)
          + "/" + ipv4Bits;
    }
    clearFrom(bytes, ipv6Bits);
    return InetLiterals.formatIpv6(bytes) + "/" + ipv6Bits;
  }

  private static void clearFrom(byte[] bytes, int bits) {
    // Both prefixes used here end on a byte boundary.
    for (int i = bits / 8; i < bytes.length; i++) {
      bytes[i] = 0;
    }
  }

  private static Optional<InetAddress> toAddress(byte @Nullable [] bytes) {
    if (bytes == null) {
      return Optional.empty();
    }
    if (bytes.length == 16 && isIpv4Mapped(bytes)) {
      bytes = new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
    }
    try {
      // With a byte array, getByAddress builds the address and never resolves anything.
      return Optional.of(InetAddress.getByAddress(bytes));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a 4- or 16-byte address is always accepted", e);
    }
  }

  private static boolean isIpv4Mapped(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
  }

  private static boolean isZoneId(String text, int start, int end) {
    if (start >= end) {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
          || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(String text, char c, int start, int end) {
    int index = text.indexOf(c, start);
    return index < end ? index : -1;
  }
}
