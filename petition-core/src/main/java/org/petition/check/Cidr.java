package org.petition.check;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.petition.check.internal.AddressBits;
import org.petition.identity.IpAddresses;
import org.petition.internal.InetLiterals;

/**
 * A block of IP addresses in CIDR notation: {@code 203.0.113.0/24}, {@code 2001:db8::/32}. Never looks a
 * name up in DNS. Immutable and thread-safe.
 *
 * <p>IPv4 blocks hold IPv4 addresses and IPv6 blocks hold IPv6 addresses. An IPv4-mapped address ({@code
 * ::ffff:203.0.113.7}) is the IPv4 address, and an IPv4-mapped block of prefix 96 or more ({@code
 * ::ffff:203.0.113.0/120}) is the IPv4 block ({@code 203.0.113.0/24}).
 */
public final class Cidr {

  private final byte[] network;
  private final int prefixLength;

  private Cidr(byte[] network, int prefixLength) {
    this.network = network;
    this.prefixLength = prefixLength;
  }

  /**
   * Parses {@code ADDRESS/PREFIX}: an IPv4 dotted quad or an IPv6 literal in any notation (optionally in
   * brackets), a slash, and a decimal prefix length (0-32 for IPv4, 0-128 for IPv6). The bits after the
   * prefix must be zero: {@code 203.0.113.7/24} is refused as a likely typo. Surrounding white space is
   * ignored.
   *
   * @throws IllegalArgumentException naming what is wrong, if the text is not such a block
   */
  public static Cidr parse(String text) {
    Objects.requireNonNull(text, "CIDR must not be null");
    String cidr = text.strip();
    int slash = cidr.indexOf('/');
    if (slash < 0 || cidr.indexOf('/', slash + 1) >= 0) {
      throw new IllegalArgumentException(
          "CIDR must be an address, '/' and a prefix length, such as 203.0.113.0/24 or 2001:db8::/32, was: '"
              + text + "'");
    }
    String address = cidr.substring(0, slash);
    String prefix = cidr.substring(slash + 1);
    if (address.isEmpty()) {
      throw new IllegalArgumentException("CIDR has no address before '/': '" + text + "'");
    }
    int length = parsePrefix(prefix, text);
    if (address.indexOf('%') >= 0) {
      throw new IllegalArgumentException("CIDR address must not have a zone id: '" + text + "'");
    }
    Optional<InetAddress> parsed = IpAddresses.parse(address);
    if (parsed.isEmpty()) {
      throw new IllegalArgumentException("CIDR address is not an IPv4 or IPv6 literal: '" + text + "'");
    }
    byte[] bytes = parsed.get().getAddress();
    boolean writtenAsIpv6 = address.indexOf(':') >= 0;
    if (writtenAsIpv6 && bytes.length == 4) {
      // An IPv4-mapped address: the IPv4 block if the prefix covers the mapping, an IPv6 block otherwise.
      if (length > 128) {
        throw new IllegalArgumentException("IPv6 CIDR prefix length must be 0 to 128, was: " + prefix);
      }
      if (length >= 96) {
        length -= 96;
      } else {
        bytes = mapped(bytes);
      }
    }
    int max = bytes.length * 8;
    if (length > max) {
      throw new IllegalArgumentException(
          (bytes.length == 4 ? "IPv4" : "IPv6") + " CIDR prefix length must be 0 to " + max + ", was: "
              + prefix);
    }
    byte[] network = bytes.clone();
    clearAfter(network, length);
    if (!Arrays.equals(network, bytes)) {
      throw new IllegalArgumentException("CIDR has bits set after its /" + prefix + " prefix: '" + text
          + "'; the block is " + format(network, length));
    }
    return new Cidr(network, length);
  }

  private static int parsePrefix(String prefix, String text) {
    boolean digits = !prefix.isEmpty() && (prefix.length() == 1 || prefix.charAt(0) != '0');
    for (int i = 0; digits && i < prefix.length(); i++) {
      char c = prefix.charAt(i);
      digits = c >= '0' && c <= '9';
    }
    if (!digits) {
      throw new IllegalArgumentException(
          "CIDR prefix length must be a decimal number without sign or leading zeros, was: '" + text + "'");
    }
    // Anything longer than three digits is out of range for either family.
    return prefix.length() > 3 ? 999 : Integer.parseInt(prefix);
  }

  /**
   * The block of the given prefix length around an address; the bits after the prefix are cleared, so
   * {@code of(203.0.113.7, 24)} is {@code 203.0.113.0/24}.
   *
   * @throws IllegalArgumentException if the prefix length is out of range for the address's family
   */
  public static Cidr of(InetAddress address, int prefixLength) {
    Objects.requireNonNull(address, "address must not be null");
    byte[] bytes = AddressBits.normalized(address);
    int max = bytes.length * 8;
    if (prefixLength < 0 || prefixLength > max) {
      throw new IllegalArgumentException((bytes.length == 4 ? "IPv4" : "IPv6") + " CIDR prefix length must be 0 to "
          + max + ", was: " + prefixLength);
    }
    clearAfter(bytes, prefixLength);
    return new Cidr(bytes, prefixLength);
  }

  /** The block of one address: {@code /32} for IPv4, {@code /128} for IPv6. */
  public static Cidr of(InetAddress address) {
    Objects.requireNonNull(address, "address must not be null");
    byte[] bytes = AddressBits.normalized(address);
    return new Cidr(bytes, bytes.length * 8);
  }

  /** Whether the address is in this block; an address of the other family never is. */
  public boolean contains(InetAddress address) {
    Objects.requireNonNull(address, "address must not be null");
    byte[] bytes = address.getAddress();
    int offset = 0;
    if (network.length == 4 && AddressBits.isIpv4Mapped(bytes)) {
      offset = 12;
    } else if (bytes.length != network.length || (network.length == 16 && AddressBits.isIpv4Mapped(bytes))) {
      return false;
    }
    int whole = prefixLength / 8;
    for (int i = 0; i < whole; i++) {
      if (bytes[offset + i] != network[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = 0xFF << (8 - rest) & 0xFF;
    return (bytes[offset + whole] & mask) == (network[whole] & 0xFF);
  }

  /** The first address of the block. */
  public InetAddress network() {
    try {
      return InetAddress.getByAddress(network.clone());
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a 4- or 16-byte address is always accepted", e);
    }
  }

  public int prefixLength() {
    return prefixLength;
  }

  /** Whether this is an IPv4 block. */
  public boolean isIpv4() {
    return network.length == 4;
  }

  /** The network's bytes, for the matchers of this package. */
  byte[] networkBytes() {
    return network.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cidr that && prefixLength == that.prefixLength && Arrays.equals(network, that.network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefixLength;
  }

  /** The canonical notation: {@code 203.0.113.0/24}, {@code 2001:db8::/32} (RFC 5952). */
  @Override
  public String toString() {
    return format(network, prefixLength);
  }

  private static String format(byte[] network, int prefixLength) {
    if (network.length == 4) {
      return (network[0] & 0xFF) + "." + (network[1] & 0xFF) + "." + (network[2] & 0xFF) + "." + (network[3] & 0xFF)
          + "/" + prefixLength;
    }
    return InetLiterals.formatIpv6(network) + "/" + prefixLength;
  }

  private static byte[] mapped(byte[] ipv4) {
    byte[] bytes = new byte[16];
    bytes[10] = (byte) 0xFF;
    bytes[11] = (byte) 0xFF;
    System.arraycopy(ipv4, 0, bytes, 12, 4);
    return bytes;
  }

  private static void clearAfter(byte[] bytes, int prefixLength) {
    for (int bit = prefixLength; bit < bytes.length * 8; bit++) {
      bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
  }
}
