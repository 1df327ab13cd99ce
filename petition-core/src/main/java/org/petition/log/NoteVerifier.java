package org.petition.log;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.log.internal.Ed25519;
import org.petition.log.internal.NoteNames;
import org.petition.log.internal.Sha256;
import org.petition.log.internal.StrictBase64;

/**
 * A public key that verifies C2SP signed-note signatures (Ed25519, signature type 0x01), known by its name
 * and key id. Its text form is the note verifier key of c2sp.org/signed-note and Go's
 * golang.org/x/mod/sumdb/note:
 *
 * <pre>&lt;name&gt;+&lt;key id, 8 lower-case hex digits&gt;+&lt;base64(0x01 ‖ 32-byte public key)&gt;</pre>
 *
 * <p>where the key id is the first four bytes, big-endian, of {@code SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public
 * key)}. Immutable.
 */
public final class NoteVerifier {

  static final byte ED25519 = 0x01;

  private final String name;
  private final int id;
  private final byte[] publicKey;

  private NoteVerifier(String name, byte[] publicKey) {
    this.name = name;
    this.publicKey = publicKey;
    this.id = keyId(name, publicKey);
  }

  /**
   * The verifier for an Ed25519 public key under {@code name}.
   *
   * @throws IllegalArgumentException if the name is not a key name or the key is not 32 bytes
   */
  public static NoteVerifier of(String name, byte[] publicKey) {
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(publicKey, "publicKey must not be null");
    String problem = NoteNames.problem(name);
    if (!problem.isEmpty()) {
      throw new IllegalArgumentException(problem + ": " + name);
    }
    if (publicKey.length != Ed25519.PUBLIC_KEY_LENGTH) {
      throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, was " + publicKey.length);
    }
    return new NoteVerifier(name, publicKey.clone());
  }

  /**
   * The verifier a verifier key describes.
   *
   * @throws IllegalArgumentException saying what is wrong with it: its shape, its name, its key id (which
   *     must be the one the name and key give), its algorithm (only Ed25519 is known) or its key length
   */
  public static NoteVerifier parse(String verifierKey) {
    Objects.requireNonNull(verifierKey, "verifierKey must not be null");
    int first = verifierKey.indexOf('+');
    int second = first < 0 ? -1 : verifierKey.indexOf('+', first + 1);
    if (second < 0) {
      throw new IllegalArgumentException("a verifier key is <name>+<key id>+<base64 key>: " + verifierKey);
    }
    String name = verifierKey.substring(0, first);
    String hexId = verifierKey.substring(first + 1, second);
    String problem = NoteNames.problem(name);
    if (!problem.isEmpty()) {
      throw new IllegalArgumentException(problem + ": " + verifierKey);
    }
    if (!hexId.matches("[0-9a-fA-F]{8}")) {
      throw new IllegalArgumentException("a verifier key's id is 8 hex digits: " + verifierKey);
    }
    byte[] key = StrictBase64.decode(verifierKey.substring(second + 1), "the key of verifier key " + verifierKey);
    if (key.length == 0 || key[0] != ED25519) {
      throw new IllegalArgumentException("unknown signature type in verifier key (only 0x01, Ed25519): " + verifierKey);
    }
    if (key.length != 1 + Ed25519.PUBLIC_KEY_LENGTH) {
      throw new IllegalArgumentException("an Ed25519 verifier key holds 33 bytes, not " + key.length + ": " + verifierKey);
    }
    NoteVerifier verifier = new NoteVerifier(name, Arrays.copyOfRange(key, 1, key.length));
    if (verifier.id != Integer.parseUnsignedInt(hexId, 16)) {
      throw new IllegalArgumentException("the key id of verifier key " + verifierKey + " is not the one its name and "
          + "key give (" + hex(verifier.id) + ")");
    }
    return verifier;
  }

  /** The key id of a named Ed25519 public key: the first four bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key). */
  static int keyId(String name, byte[] publicKey) {
    byte[] hash = Sha256.of(name.getBytes(StandardCharsets.UTF_8), new byte[] {'\n', ED25519}, publicKey);
    return ByteBuffer.wrap(hash).getInt();
  }

  static String hex(int id) {
    return HexFormat.of().toHexDigits(id);
  }

  /** The key's name. */
  public String name() {
    return name;
  }

  /** The key id. */
  public int id() {
    return id;
  }

  /** The 32-byte public key (a copy). */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** {@code name+keyid}, as messages name a key. */
  public String label() {
    return name + "+" + hex(id);
  }

  /** Whether {@code signature} (64 bytes, without the key id) signs {@code message} under this key. */
  public boolean verify(byte[] message, byte[] signature) {
    return Ed25519.verify(publicKey, message, signature);
  }

  /** The verifier key. */
  @Override
  public String toString() {
    byte[] encoded = new byte[1 + publicKey.length];
    encoded[0] = ED25519;
    System.arraycopy(publicKey, 0, encoded, 1, publicKey.length);
    return label() + "+" + StrictBase64.encode(encoded);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof NoteVerifier verifier && verifier.name.equals(name) && Arrays.equals(verifier.publicKey, publicKey);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(publicKey);
  }
}
