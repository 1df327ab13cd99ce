package org.petition.privacy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.petition.privacy.internal.Bytes;

/**
 * Stand-ins for personal data that still let records be linked or proven: the keyed subject of an email,
 * the hash of a User-Agent, the network of an IP address. Immutable and thread-safe.
 */
public final class Pseudonyms {

  /** The shortest subject key accepted, in bytes. */
  public static final int MIN_KEY_BYTES = 32;

  private static final String SUBJECT_DOMAIN = "petition.subject.v1\u0000";
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6_TEXT = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private final byte[] subjectKey;

  private Pseudonyms(byte[] subjectKey) {
    this.subjectKey = subjectKey;
  }

  /**
   * Pseudonyms keyed by {@code subjectKey}, a secret from configuration (at least {@value #MIN_KEY_BYTES}
   * random bytes) that must stay the same for the life of the data: changing it unlinks every subject.
   * The array is copied.
   */
  public static Pseudonyms of(byte[] subjectKey) {
    Objects.requireNonNull(subjectKey, "subjectKey must not be null");
    if (subjectKey.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "subjectKey must be at least " + MIN_KEY_BYTES + " bytes, was " + subjectKey.length + " bytes");
    }
    return new Pseudonyms(subjectKey.clone());
  }

  /**
   * The subject of a canonical email: the unpadded base64url HMAC-SHA256 (43 characters) under the subject
   * key of {@code "petition.subject.v1\0" + canonicalEmail}. The same email always gives the same subject;
   * without the key it cannot be reversed by trying addresses.
   */
  public String subject(String canonicalEmail) {
    Objects.requireNonNull(canonicalEmail, "canonicalEmail must not be null");
    try {
      Mac mac = Mac.getInstance("HmacSHA256"); // Mac is not thread-safe: one per call
      mac.init(new SecretKeySpec(subjectKey, "HmacSHA256"));
      byte[] digest = mac.doFinal((SUBJECT_DOMAIN + canonicalEmail).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
    }
  }

  /** The lower-case hex SHA-256 of the UTF-8 User-Agent, or {@code null} when it is {@code null}. */
  public static @Nullable String userAgentHash(@Nullable String userAgent) {
    return userAgent == null ? null : Bytes.sha256Hex(userAgent.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The network of an IP address literal in CIDR notation, keeping no more than a city-level hint: IPv4
   * to its /24 ({@code 203.0.113.7 → 203.0.113.0/24}), IPv6 to its /48 ({@code 2001:db8:1:2::5 →
   * 2001:db8:1::/48}, RFC 5952 text), an IPv4-mapped IPv6 address as IPv4. {@code null} when the text is
   * {@code null} or not an address literal. Never resolves a host name.
   */
  public static @Nullable String truncateIp(@Nullable String ip) {
    if (ip == null) {
      return null;
    }
    String text = ip.strip();
    Matcher v4 = IPV4.matcher(text);
    if (v4.matches()) {
      int[] octets = new int[4];
      for (int i = 0; i < 4; i++) {
        octets[i] = Integer.parseInt(v4.group(i + 1));
        if (octets[i] > 255) {
          return null;
        }
      }
      return octets[0] + "." + octets[1] + "." + octets[2] + ".0/24";
    }
    if (text.startsWith("[") && text.endsWith("]")) {
      text = text.substring(1, text.length() - 1);
    }
    int zone = text.indexOf('%');
    if (zone >= 0) {
      text = text.substring(0, zone);
    }
    if (text.indexOf(':') < 0 || !IPV6_TEXT.matcher(text).matches()) {
      return null;
    }
    InetAddress address;
    try {
      // Brackets make the JDK parse a literal and never look a name up.
      address = InetAddress.getByName("[" + text + "]");
    } catch (UnknownHostException e) {
      return null;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      return (bytes[0] & 0xFF) + "." + (bytes[1] & 0xFF) + "." + (bytes[2] & 0xFF) + ".0/24";
    }
    if (address instanceof Inet6Address) {
      int[] groups = new int[8];
      for (int i = 0; i < 3; i++) {
        groups[i] = ((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF);
      }
      return ipv6Text(groups) + "/48";
    }
    return null;
  }

  /** RFC 5952 text: lower-case, no leading zeros, the first longest run of two or more zero groups as "::". */
  private static String ipv6Text(int[] groups) {
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < groups.length; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < groups.length && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < groups.length; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "Pseudonyms[subjectKey=(" + subjectKey.length + " bytes)]";
  }
}
