package org.petition.check.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A set of address ranges (CIDR blocks) that answers "is this address in any of them?" with one binary
 * search per distinct prefix length and no allocation beyond the address bytes. IPv4 ranges only hold IPv4
 * addresses and IPv6 ranges only IPv6 addresses. Immutable.
 */
public final class PrefixSet {

  private static final PrefixSet EMPTY = new PrefixSet(new int[0], new long[0][], new long[0][], new int[0],
      new long[0][], new long[0][]);

  // Per prefix length: the sorted, masked networks. IPv4 networks live in the low 32 bits of "high" (with
  // "low" unused), IPv6 in both halves; pairs sort by high, then low.
  private final int[] v4Prefixes;
  private final long[][] v4High;
  private final long[][] v4Low;
  private final int[] v6Prefixes;
  private final long[][] v6High;
  private final long[][] v6Low;

  private PrefixSet(int[] v4Prefixes, long[][] v4High, long[][] v4Low, int[] v6Prefixes, long[][] v6High,
      long[][] v6Low) {
    this.v4Prefixes = v4Prefixes;
    this.v4High = v4High;
    this.v4Low = v4Low;
    this.v6Prefixes = v6Prefixes;
    this.v6High = v6High;
    this.v6Low = v6Low;
  }

  public static PrefixSet empty() {
    return EMPTY;
  }

  /**
   * A set of the given networks.
   *
   * @param networks each a 4- or 16-byte network address with zero host bits
   * @param prefixLengths the prefix length of each network
   */
  public static PrefixSet of(List<byte[]> networks, List<Integer> prefixLengths) {
    TreeMap<Integer, List<long[]>> v4 = new TreeMap<>();
    TreeMap<Integer, List<long[]>> v6 = new TreeMap<>();
    for (int i = 0; i < networks.size(); i++) {
      byte[] bytes = networks.get(i);
      int prefix = prefixLengths.get(i);
      if (bytes.length == 4) {
        long value = AddressBits.intAt(bytes, 0) & 0xFFFF_FFFFL;
        v4.computeIfAbsent(prefix, p -> new ArrayList<>()).add(new long[] {value & mask32(prefix), 0});
      } else {
        long high = AddressBits.longAt(bytes, 0);
        long low = AddressBits.longAt(bytes, 8);
        v6.computeIfAbsent(prefix, p -> new ArrayList<>())
            .add(new long[] {high & mask64(prefix), low & mask64(prefix - 64)});
      }
    }
    if (v4.isEmpty() && v6.isEmpty()) {
      return EMPTY;
    }
    int[] v4Prefixes = new int[v4.size()];
    long[][] v4High = new long[v4.size()][];
    long[][] v4Low = new long[v4.size()][];
    fill(v4, v4Prefixes, v4High, v4Low);
    int[] v6Prefixes = new int[v6.size()];
    long[][] v6High = new long[v6.size()][];
    long[][] v6Low = new long[v6.size()][];
    fill(v6, v6Prefixes, v6High, v6Low);
    return new PrefixSet(v4Prefixes, v4High, v4Low, v6Prefixes, v6High, v6Low);
  }

  private static void fill(TreeMap<Integer, List<long[]>> byPrefix, int[] prefixes, long[][] highs, long[][] lows) {
    int i = 0;
    for (var entry : byPrefix.descendingMap().entrySet()) {
      List<long[]> pairs = new ArrayList<>(entry.getValue());
      pairs.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
      prefixes[i] = entry.getKey();
      highs[i] = new long[pairs.size()];
      lows[i] = new long[pairs.size()];
      for (int j = 0; j < pairs.size(); j++) {
        highs[i][j] = pairs.get(j)[0];
        lows[i][j] = pairs.get(j)[1];
      }
      i++;
    }
  }

  public boolean isEmpty() {
    return v4Prefixes.length == 0 && v6Prefixes.length == 0;
  }

  /** Whether an address (4 or 16 bytes, IPv4-mapped IPv6 already reduced to 4) is in the set. */
  public boolean contains(byte[] address) {
    if (address.length == 4) {
      if (v4Prefixes.length == 0) {
        return false;
      }
      long value = AddressBits.intAt(address, 0) & 0xFFFF_FFFFL;
      for (int i = 0; i < v4Prefixes.length; i++) {
        if (search(v4High[i], v4Low[i], value & mask32(v4Prefixes[i]), 0)) {
          return true;
        }
      }
      return false;
    }
    if (v6Prefixes.length == 0) {
      return false;
    }
    long high = AddressBits.longAt(address, 0);
    long low = AddressBits.longAt(address, 8);
    for (int i = 0; i < v6Prefixes.length; i++) {
      int prefix = v6Prefixes[i];
      if (search(v6High[i], v6Low[i], high & mask64(prefix), low & mask64(prefix - 64))) {
        return true;
      }
    }
    return false;
  }

  private static boolean search(long[] highs, long[] lows, long high, long low) {
    int from = 0;
    int to = highs.length - 1;
    while (from <= to) {
      int mid = (from + to) >>> 1;
      int cmp = highs[mid] != high ? Long.compare(highs[mid], high) : Long.compare(lows[mid], low);
      if (cmp < 0) {
        from = mid + 1;
      } else if (cmp > 0) {
        to = mid - 1;
      } else {
        return true;
      }
    }
    return false;
  }

  /** The top {@code bits} (0-32) of a 32-bit value set, in a long. */
  private static long mask32(int bits) {
    return bits <= 0 ? 0 : (0xFFFF_FFFFL << (32 - bits)) & 0xFFFF_FFFFL;
  }

  /** The top {@code bits} of 64 set; all for 64 or more, none for 0 or less. */
  private static long mask64(int bits) {
    if (bits <= 0) {
      return 0;
    }
    return bits >= 64 ? -1L : -1L << (64 - bits);
  }
}
