package org.petition.benchmarks;

import static org.petition.benchmarks.FloorBytes.putLong;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.petition.internal.HmacSha256;

/**
 * The floors' tokens: version, purpose, id, expiry (18 bytes), then 16 bytes of HMAC-SHA256, base64url. The
 * MAC is the library's own primitive ({@link HmacSha256}, the JDK's SHA-256 without a new array per
 * message), so the floors pay for the keyed hashes exactly what the library pays.
 */
final class FloorTokens {

  static final int PAYLOAD = 18;
  static final int TAG = 16;
  /** How long a token of the floors lives. */
  static final long TOKEN_TTL_SECONDS = 7 * 86_400L;

  private FloorTokens() {}

  static HmacSha256 hmac(byte[] key) {
    return HmacSha256.of(key);
  }

  /** A token into the caller's buffers ({@code token} of PAYLOAD + TAG bytes, {@code tag} of 32, {@code base64} of 64); one string allocated. */
  static String mint(HmacSha256 mac, long id, long expiresAtSecond, byte[] token, byte[] tag, byte[] base64) {
    token[0] = 1;
    token[1] = 1;
    putLong(token, 2, id);
    putLong(token, 10, expiresAtSecond);
    mac.update(token, 0, PAYLOAD);
    mac.doFinal(tag, 0);
    System.arraycopy(tag, 0, token, PAYLOAD, TAG);
    int length = Base64.getUrlEncoder().withoutPadding().encode(token, base64);
    return new String(base64, 0, length, StandardCharsets.ISO_8859_1);
  }

  /** A token with arrays of its own, for the set-up outside the measured calls. */
  static String mint(HmacSha256 mac, long id, long expiresAtSecond) {
    return mint(mac, id, expiresAtSecond, new byte[PAYLOAD + TAG], new byte[32], new byte[64]);
  }
}
