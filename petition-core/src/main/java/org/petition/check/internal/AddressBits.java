package org.petition.check.internal;

import java.net.InetAddress;

/**
 * An IP address as 128 bits in two {@code long}s, so keys hold no strings and compare in two steps. An
 * IPv4 address takes its IPv4-mapped IPv6 form ({@code ::ffff:a.b.c.d}), so {@code 203.0.113.7} and
 * {@code ::ffff:203.0.113.7} are one key.
 */
public final class AddressBits {

  private static final long MAPPED = 0x0000_FFFF_0000_0000L;

  private AddressBits() {}

  /** The high 64 bits of the address (0 for IPv4). */
  public static long high(byte[] bytes) {
    return bytes.length == 4 || isIpv4Mapped(bytes) ? 0 : longAt(bytes, 0);
  }

  /** The low 64 bits of the address. */
  public static long low(byte[] bytes) {
    if (bytes.length == 4) {
      return MAPPED | (intAt(bytes, 0) & 0xFFFF_FFFFL);
    }
    return longAt(bytes, 8);
  }

  /** The low 64 bits of the address's network: the /24 of IPv4, the /64 of IPv6 (where it is 0). */
  public static long networkLow(byte[] bytes) {
    if (bytes.length == 4 || isIpv4Mapped(bytes)) {
      return low(bytes) & 0xFFFF_FFFF_FFFF_FF00L;
    }
    return 0;
  }

  /** The address bytes, IPv4-mapped IPv6 reduced to 4 bytes; a fresh array. */
  public static byte[] normalized(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (isIpv4Mapped(bytes)) {
      return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
    }
    return bytes;
  }

  /** Whether 16 bytes are an IPv4-mapped IPv6 address, {@code ::ffff:a.b.c.d}. */
  public static boolean isIpv4Mapped(byte[] bytes) {
    if (bytes.length != 16) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
  }

  static int intAt(byte[] bytes, int offset) {
    return (bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16 | (bytes[offset + 2] & 0xFF) << 8
        | (bytes[offset + 3] & 0xFF);
  }

  static long longAt(byte[] bytes, int offset) {
    return (intAt(bytes, offset) & 0xFFFF_FFFFL) << 32 | (intAt(bytes, offset + 4) & 0xFFFF_FFFFL);
  }
}
