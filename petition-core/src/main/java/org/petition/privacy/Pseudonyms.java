package org.petition.privacy;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.petition.identity.IpAddresses;
import org.petition.privacy.internal.Bytes;

/**
 * Stand-ins for personal data that still let records be linked or proven: the hash of a User-Agent and the
 * network of an IP address. (A signer's subject in the consent ledger is {@link ConsentSubjects#of}.)
 */
public final class Pseudonyms {

  private Pseudonyms() {}

  /** The lower-case hex SHA-256 of the User-Agent's UTF-8 bytes, or {@code null} without one. */
  public static @Nullable String userAgentHash(@Nullable String userAgent) {
    return userAgent == null ? null : Bytes.sha256Hex(userAgent.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The network of an IP literal as stored: its /24 (IPv4, also IPv4-mapped IPv6) or /48 (IPv6), such as
   * {@code 203.0.113.0/24}; {@code null} for anything that is not an IP literal. Names are never looked up.
   * The same truncation as a signature's stored network ({@link IpAddresses#truncateForStorage}).
   */
  public static @Nullable String truncateIp(@Nullable String ip) {
    return IpAddresses.parse(ip).map(IpAddresses::truncateForStorage).orElse(null);
  }
}
