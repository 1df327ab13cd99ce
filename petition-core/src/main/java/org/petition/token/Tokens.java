package org.petition.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.internal.Base64Url;
import org.petition.internal.HmacSha256;
import org.petition.internal.KeyFingerprintMac;

/**
 * Mints and verifies opaque, URL-safe tokens: an HMAC-SHA256 over the purpose, the subject id, the scope
 * (a petition slug), the expiry and the key id. Several keys can be active at once for rotation: tokens
 * are minted with the current (last) key and accepted under any key of the ring. Immutable and
 * thread-safe; each thread reuses its own HMAC-SHA256 per key.
 */
public final class Tokens {

  private static final int VERSION = 1;
  private static final int MAC_BYTES = 16;
  private static final int MAX_SCOPE_BYTES = 200;
  private static final int MAX_TOKEN_CHARS = 512;

  private final Map<String, KeyMac> keys;
  private final KeyMac current;
  private final Map<String, byte[]> fingerprints;

  private Tokens(List<TokenKey> ring) {
    Objects.requireNonNull(ring, "token keys must not be null");
    if (ring.isEmpty()) {
      throw new IllegalArgumentException("at least one token key is required");
    }
    Map<String, KeyMac> byId = new LinkedHashMap<>();
    Map<String, byte[]> fingerprintsById = new LinkedHashMap<>();
    KeyMac last = null;
    for (TokenKey key : ring) {
      Objects.requireNonNull(key, "token key must not be null");
      if (byId.containsKey(key.id())) {
        throw new IllegalArgumentException("token key ids must be unique: " + key.id());
      }
      last = new KeyMac(key);
      byId.put(key.id(), last);
      fingerprintsById.put(key.id(), KeyFingerprintMac.of(key.secret()));
    }
    this.fingerprints = Collections.unmodifiableMap(fingerprintsById);
    this.keys = Map.copyOf(byId);
    this.current = Objects.requireNonNull(last); // the ring is not empty
  }

  /** A ring of keys; the last one is current and signs new tokens. */
  public static Tokens of(List<TokenKey> ring) {
    return new Tokens(new ArrayList<>(ring));
  }

  /** A ring of keys; the last one is current and signs new tokens. */
  public static Tokens of(TokenKey... ring) {
    return new Tokens(List.of(ring));
  }

  /**
   * Each key's fingerprint by id, oldest first: an HMAC-SHA256 of a fixed label under the key, which tells
   * keys apart without revealing them (a store records them so a key cannot change unnoticed). Copies.
   */
  public Map<String, byte[]> fingerprints() {
    Map<String, byte[]> copies = new LinkedHashMap<>();
    fingerprints.forEach((id, fingerprint) -> copies.put(id, fingerprint.clone()));
    return copies;
  }

  /** The id of the key that signs new tokens. */
  public String currentKeyId() {
    return current.id;
  }

  /** A new token for {@code purpose} on {@code subject} within {@code scope}, valid until {@code expiresAt}. */
  public String mint(TokenPurpose purpose, long subject, String scope, Instant expiresAt) {
    return link("", purpose, subject, scope, expiresAt);
  }

  /**
   * {@code prefix} followed by a new token, as {@code prefix + mint(purpose, subject, scope, expiresAt)} but
   * built in one string: the hot path mints its links this way ({@code "https://…/confirm?token=" + token})
   * without the token's bytes, its string and the concatenation as three objects.
   *
   * @param prefix text put before the token, such as a link's base; may be empty
   */
  public String link(String prefix, TokenPurpose purpose, long subject, String scope, Instant expiresAt) {
    Objects.requireNonNull(expiresAt, "expiresAt must not be null");
    return link(prefix, purpose, subject, scope, expiresAt.getEpochSecond());
  }

  /**
   * As {@link #link(String, TokenPurpose, long, String, Instant)}, the expiry given as whole seconds since
   * the epoch (tokens expire on the whole second): no {@code Instant} to make for it on the hot path.
   *
   * @param expiresAtEpochSecond {@code expiresAt.getEpochSecond()}
   */
  public String link(String prefix, TokenPurpose purpose, long subject, String scope, long expiresAtEpochSecond) {
    Objects.requireNonNull(prefix, "prefix must not be null");
    Objects.requireNonNull(purpose, "purpose must not be null");
    Objects.requireNonNull(scope, "scope must not be null");
    byte[] scopeBytes = scopeBytes(scope);
    byte[] keyId = current.idBytes;
    int payloadLength = 1 + 1 + 8 + 8 + 1 + keyId.length + 1 + scopeBytes.length;
    Scratch scratch = SCRATCH.get();
    byte[] token = scratch.token;
    token[0] = (byte) VERSION;
    token[1] = purpose.code();
    putLong(token, 2, subject);
    putLong(token, 10, expiresAtEpochSecond);
    token[18] = (byte) keyId.length;
    System.arraycopy(keyId, 0, token, 19, keyId.length);
    token[19 + keyId.length] = (byte) scopeBytes.length;
    System.arraycopy(scopeBytes, 0, token, 20 + keyId.length, scopeBytes.length);
    current.sign(token, payloadLength, token, payloadLength, scratch.mac);
    int tokenLength = payloadLength + MAC_BYTES;
    if (!latin1(prefix)) {
      return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(token, tokenLength));
    }
    int length = prefix.length() + (tokenLength * 4 + 2) / 3;
    byte[] text = scratch.text(length);
    prefix.getBytes(0, prefix.length(), text, 0); // Latin-1 characters: exactly their low bytes
    base64Url(token, tokenLength, text, prefix.length());
    return new String(text, 0, length, StandardCharsets.ISO_8859_1);
  }

  /** Per thread: the token being minted (the longest a ring can mint fits) and the text of the link. */
  private static final class Scratch {
    final byte[] token = new byte[1 + 1 + 8 + 8 + 1 + 255 + 1 + MAX_SCOPE_BYTES + MAC_BYTES];
    final byte[] mac = new byte[32];
    // A verification's expected and given MACs, compared whole by MessageDigest.isEqual.
    final byte[] expected = new byte[MAC_BYTES];
    final byte[] given = new byte[MAC_BYTES];
    private byte[] text = new byte[256];

    byte[] text(int length) {
      if (text.length < length) {
        text = new byte[Math.max(length, text.length * 2)];
      }
      return text;
    }
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private static final byte[] BASE64_URL =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".getBytes(StandardCharsets.US_ASCII);

  private static boolean latin1(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }

  /** Base64url without padding (RFC 4648 §5), as {@code Base64.getUrlEncoder().withoutPadding()} writes it. */
  private static void base64Url(byte[] in, int length, byte[] out, int at) {
    int i = 0;
    int o = at;
    for (; i + 3 <= length; i += 3) {
      int bits = (in[i] & 0xff) << 16 | (in[i + 1] & 0xff) << 8 | (in[i + 2] & 0xff);
      out[o++] = BASE64_URL[bits >>> 18];
      out[o++] = BASE64_URL[(bits >>> 12) & 63];
      out[o++] = BASE64_URL[(bits >>> 6) & 63];
      out[o++] = BASE64_URL[bits & 63];
    }
    if (length - i == 1) {
      int bits = (in[i] & 0xff) << 16;
      out[o++] = BASE64_URL[bits >>> 18];
      out[o] = BASE64_URL[(bits >>> 12) & 63];
    } else if (length - i == 2) {
      int bits = (in[i] & 0xff) << 16 | (in[i + 1] & 0xff) << 8;
      out[o++] = BASE64_URL[bits >>> 18];
      out[o++] = BASE64_URL[(bits >>> 12) & 63];
      out[o] = BASE64_URL[(bits >>> 6) & 63];
    }
  }

  // Tokens of one petition share their scope: its bytes are kept from the last mint.
  private volatile @Nullable ScopeBytes lastScope;

  private record ScopeBytes(String scope, byte[] bytes) {}

  private byte[] scopeBytes(String scope) {
    ScopeBytes last = lastScope;
    if (last != null && last.scope.equals(scope)) {
      return last.bytes;
    }
    byte[] bytes = scope.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_SCOPE_BYTES) {
      throw new IllegalArgumentException("scope must be at most " + MAX_SCOPE_BYTES + " UTF-8 bytes");
    }
    lastScope = new ScopeBytes(scope, bytes);
    return bytes;
  }

  private static long getLong(byte[] bytes, int offset) {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = value << 8 | (bytes[offset + i] & 0xff);
    }
    return value;
  }

  private static void putLong(byte[] bytes, int offset, long value) {
    for (int i = 7; i >= 0; i--) {
      bytes[offset + i] = (byte) value;
      value >>>= 8;
    }
  }

  /** Checks a token for the expected purpose at {@code now}. Never throws for bad input. */
  public TokenVerification verify(@Nullable String token, TokenPurpose expected, Instant now) {
    Objects.requireNonNull(expected, "expected purpose must not be null");
    Objects.requireNonNull(now, "now must not be null");
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
      return INVALID;
    }
    String trimmed = token.trim();
    if (!Base64Url.hasCanonicalEnd(trimmed)) {
      return INVALID;
    }
    // Decoded into this thread's buffer (as long as the longest token a ring can mint): no array per call.
    Scratch scratch = SCRATCH.get();
    byte[] bytes = scratch.token;
    int length = Base64Url.decode(trimmed, bytes);
    int minimum = 1 + 1 + 8 + 8 + 1 + 1 + 1 + MAC_BYTES;
    if (length < minimum || bytes[0] != VERSION) {
      return INVALID;
    }
    long subject = getLong(bytes, 2);
    long expirySeconds = getLong(bytes, 10);
    int keyIdLength = bytes[18] & 0xff;
    if (keyIdLength == 0 || length - 19 < keyIdLength + 1 + MAC_BYTES) {
      return INVALID;
    }
    String keyId = new String(bytes, 19, keyIdLength, StandardCharsets.US_ASCII);
    int scopeLength = bytes[19 + keyIdLength] & 0xff;
    int scopeStart = 20 + keyIdLength;
    if (length - scopeStart != scopeLength + MAC_BYTES) {
      return INVALID;
    }
    int payloadLength = scopeStart + scopeLength;
    KeyMac key = keys.get(keyId);
    if (key == null) {
      return INVALID;
    }
    byte[] expectedMac = scratch.expected;
    key.sign(bytes, payloadLength, expectedMac, 0, scratch.mac);
    byte[] givenMac = scratch.given;
    System.arraycopy(bytes, payloadLength, givenMac, 0, MAC_BYTES);
    // Constant time: the comparison must not tell an attacker how many leading bytes were right.
    if (!MessageDigest.isEqual(expectedMac, givenMac)) {
      return INVALID;
    }
    if (bytes[1] != expected.code()) {
      return INVALID;
    }
    String scope = new String(bytes, scopeStart, scopeLength, StandardCharsets.UTF_8);
    Instant expiresAt = Instant.ofEpochSecond(expirySeconds);
    if (!now.isBefore(expiresAt)) {
      return new TokenVerification.Expired(subject, scope, expiresAt);
    }
    return new TokenVerification.Valid(subject, scope, expiresAt);
  }

  private static final TokenVerification INVALID = new TokenVerification.Invalid();

  @Override
  public String toString() {
    return "Tokens[keys=" + keys.keySet() + ", current=" + current.id + "]";
  }

  private static final class KeyMac {
    private final String id;
    private final byte[] idBytes;
    // HMAC-SHA256 per thread, without the JDK Mac's array per message.
    private final ThreadLocal<HmacSha256> mac;

    KeyMac(TokenKey key) {
      this.id = key.id();
      this.idBytes = key.id().getBytes(StandardCharsets.US_ASCII);
      this.mac = HmacSha256.perThread(key.secret());
    }

    /** Writes the first {@code MAC_BYTES} of the HMAC of {@code input[0, length)} at {@code output[offset]}. */
    void sign(byte[] input, int length, byte[] output, int offset, byte[] scratch) {
      HmacSha256 m = mac.get();
      m.update(input, 0, length);
      m.doFinal(scratch, 0);
      System.arraycopy(scratch, 0, output, offset, MAC_BYTES);
    }
  }
}
