package org.petition.check;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.petition.Petition;
import org.petition.SignerKind;
import org.petition.identity.EmailCanonicalizer;
import org.petition.identity.IpAddresses;
import org.petition.testing.Fixtures;

/** Check inputs for the rate-limit, access-list and surge tests. */
final class LimitInputs {

  static final Petition PETITION = Fixtures.seedPetition();
  static final Petition OTHER = Petition.builder("another-petition")
      .title("Another petition")
      .text("Another text.")
      .target("Someone")
      .author("Someone else")
      .category("Other")
      .build();

  private static final EmailCanonicalizer CANONICALIZER = EmailCanonicalizer.ofDefaults();

  private LimitInputs() {}

  /** A signing of {@link #PETITION} from an IP literal (any notation) with an email. */
  static CheckInput input(@Nullable String ip, String email) {
    return input(PETITION, ip == null ? null : ip(ip), email);
  }

  static CheckInput input(Petition petition, @Nullable InetAddress ip, String email) {
    return new CheckInput(petition, SignerKind.PERSON, "Jane", "Doe", null, null, "Springfield", null, null, "US",
        CANONICALIZER.canonicalize(email), CANONICALIZER.domainOf(email), null, "jane doe", ip, "Mozilla/5.0",
        Fixtures.START, null, null, "jane doe".getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
  }

  static InetAddress ip(String literal) {
    return IpAddresses.parse(literal).orElseThrow(() -> new AssertionError("not an IP literal: " + literal));
  }

  /** The IPv4 address of a 32-bit number. */
  static InetAddress ipv4(int bits) {
    return address(new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits});
  }

  /** An IPv6 address in 2001:db8::/32 made of a number. */
  static InetAddress ipv6(long bits) {
    byte[] bytes = new byte[16];
    bytes[0] = 0x20;
    bytes[1] = 0x01;
    bytes[2] = 0x0d;
    bytes[3] = (byte) 0xb8;
    for (int i = 0; i < 8; i++) {
      bytes[4 + i] = (byte) (bits >>> (56 - 8 * i));
    }
    bytes[15] = 1;
    return address(bytes);
  }

  static InetAddress address(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  static Instant start() {
    return Fixtures.START;
  }
}
