package org.petition.log;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.petition.log.internal.Ed25519;
import org.petition.log.internal.NoteNames;

/**
 * A named Ed25519 key that signs checkpoints as C2SP signed notes. Built from a 32-byte seed kept in
 * configuration; the seed never leaves the instance and {@link #toString()} shows only the public side.
 * Immutable.
 */
public final class LogKey {

  /** The length of a seed in bytes. */
  public static final int SEED_LENGTH = Ed25519.SEED_LENGTH;

  private static final String SIGNER_KEY_PREFIX = "PRIVATE+KEY+";

  private final Ed25519PrivateKeyParameters key;
  private final NoteVerifier verifier;

  private LogKey(String name, byte[] seed) {
    this.key = Ed25519.privateKey(seed);
    this.verifier = NoteVerifier.of(name, Ed25519.publicKey(key));
  }

  /**
   * The key of a 32-byte seed (copied) under {@code name}.
   *
   * @throws IllegalArgumentException if the name is not a key name or the seed is not 32 bytes
   */
  public static LogKey of(String name, byte[] seed) {
    Objects.requireNonNull(name, "a log key's name must not be null");
    Objects.requireNonNull(seed, "a log key's seed must not be null");
    String problem = NoteNames.problem(name);
    if (!problem.isEmpty()) {
      throw new IllegalArgumentException(problem + ": " + name);
    }
    if (seed.length != SEED_LENGTH) {
      throw new IllegalArgumentException("the seed of log key '" + name + "' must be " + SEED_LENGTH
          + " bytes (an Ed25519 seed), was " + seed.length);
    }
    byte[] copy = seed.clone();
    try {
      return new LogKey(name, copy);
    } finally {
      Arrays.fill(copy, (byte) 0);
    }
  }

  /**
   * The key of a seed as configuration holds it: the standard base64 of 32 random bytes ({@code openssl
   * rand -base64 32}), or a signer key in Go's note format {@code PRIVATE+KEY+<name>+<key id>+<base64(0x01
   * ‖ seed)>}, whose name must then be {@code name} and whose key id must match.
   *
   * @throws IllegalArgumentException saying what is wrong, never quoting the secret
   */
  public static LogKey ofSeed(String name, String seed) {
    Objects.requireNonNull(seed, "the seed of log key '" + name + "' must not be null");
    String trimmed = seed.strip();
    if (trimmed.startsWith(SIGNER_KEY_PREFIX)) {
      return ofSignerKey(name, trimmed);
    }
    return of(name, decode(name, trimmed));
  }

  /** A new key with a random seed. */
  public static LogKey generate(String name, SecureRandom random) {
    byte[] seed = new byte[SEED_LENGTH];
    random.nextBytes(seed);
    try {
      return of(name, seed);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** The key's name: the name in its signature lines and verifier key. */
  public String name() {
    return verifier.name();
  }

  /** The key id. */
  public int id() {
    return verifier.id();
  }

  /** The public side. */
  public NoteVerifier verifier() {
    return verifier;
  }

  /** The verifier key to publish: {@code <name>+<key id>+<base64(0x01 ‖ public key)>}. */
  public String verifierKey() {
    return verifier.toString();
  }

  /** The Ed25519 signature of {@code message}. */
  byte[] sign(byte[] message) {
    return Ed25519.sign(key, message);
  }

  @Override
  public String toString() {
    return "LogKey[" + verifier.label() + "]";
  }

  private static LogKey ofSignerKey(String name, String signerKey) {
    String[] parts = signerKey.substring(SIGNER_KEY_PREFIX.length()).split("\\+", 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException("the seed of log key '" + name
          + "' looks like a note signer key but is not PRIVATE+KEY+<name>+<key id>+<key>");
    }
    if (!parts[0].equals(name)) {
      throw new IllegalArgumentException("the seed of log key '" + name + "' is a signer key for another name");
    }
    byte[] decoded = decode(name, parts[2]);
    if (decoded.length != 1 + SEED_LENGTH || decoded[0] != NoteVerifier.ED25519) {
      Arrays.fill(decoded, (byte) 0);
      throw new IllegalArgumentException("the seed of log key '" + name
          + "' is a signer key but not of an Ed25519 key (0x01 and 32 bytes)");
    }
    byte[] seed = Arrays.copyOfRange(decoded, 1, decoded.length);
    Arrays.fill(decoded, (byte) 0);
    LogKey key;
    try {
      key = of(name, seed);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
    if (!parts[1].equalsIgnoreCase(NoteVerifier.hex(key.id()))) {
      throw new IllegalArgumentException("the seed of log key '" + name
          + "' is a signer key whose key id does not match its key");
    }
    return key;
  }

  private static byte[] decode(String name, String base64) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      // The decoder's message quotes a character of the secret: left out.
      throw new IllegalArgumentException("the seed of log key '" + name + "' is not standard base64");
    }
  }
}
