package org.petition.account;

import com.ibm.icu.text.Normalizer2;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.account.internal.Argon2Phc;

/**
 * Hashes the passwords of returning signers with Argon2id and checks them, storing the parameters with
 * each hash in the PHC string format {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (standard base64
 * without padding; 16-byte random salt, 32-byte hash), so the cost can be raised later and old hashes
 * still verify. Passwords are NFC-normalised before hashing, so the same password typed on different
 * keyboards matches. Immutable and thread-safe.
 */
public final class PasswordHasher {

  /** The OWASP recommendation for Argon2id: 19 MiB. */
  public static final int OWASP_MEMORY_KIB = 19_456;

  /** The OWASP recommendation for Argon2id: 2 passes. */
  public static final int OWASP_ITERATIONS = 2;

  /** The OWASP recommendation for Argon2id: 1 lane. */
  public static final int OWASP_PARALLELISM = 1;

  /** The least memory a hasher may be built with, in KiB (8 MiB). */
  public static final int MIN_MEMORY_KIB = 8_192;

  static final int SALT_BYTES = 16;
  static final int HASH_BYTES = 32;

  private final Argon2Phc.Params params;
  // SecureRandom is thread-safe; one per hasher is enough at login rates.
  private final SecureRandom random = new SecureRandom();

  private PasswordHasher(Argon2Phc.Params params) {
    this.params = params;
  }

  /** A hasher at the OWASP parameters: m = 19456 KiB, t = 2, p = 1. */
  public static PasswordHasher ofDefaults() {
    return builder().build();
  }

  /** A builder starting from the OWASP parameters. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Hashes a password with a fresh salt.
   *
   * @return the PHC string to store
   * @throws IllegalArgumentException if the password is longer than {@link PasswordPolicy#MAX_LENGTH}
   *     characters: check it with {@link PasswordPolicy} first
   */
  public String hash(char[] password) {
    Objects.requireNonNull(password, "password must not be null");
    if (password.length > 2 * PasswordPolicy.MAX_LENGTH) {
      throw new IllegalArgumentException("password is longer than any policy accepts; check it with PasswordPolicy first");
    }
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] bytes = utf8Nfc(password);
    try {
      return Argon2Phc.encode(params, salt, Argon2Phc.hash(bytes, salt, params, HASH_BYTES));
    } finally {
      Argon2Phc.wipe(bytes);
    }
  }

  /** Hashes a password with a fresh salt; see {@link #hash(char[])}. */
  public String hash(String password) {
    Objects.requireNonNull(password, "password must not be null");
    char[] chars = password.toCharArray();
    try {
      return hash(chars);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  /**
   * Whether {@code password} matches a stored PHC string, comparing the hashes in constant time with the
   * parameters stored in it. Returns {@code false}, never throws, for a malformed string or an absurdly long
   * password. When {@code encoded} is {@code null} (no such account) it hashes at the current parameters
   * anyway and returns {@code false}, so the time taken does not tell which accounts exist.
   */
  public boolean verify(char[] password, @Nullable String encoded) {
    Objects.requireNonNull(password, "password must not be null");
    if (password.length > 2 * PasswordPolicy.MAX_LENGTH) {
      return false; // never accepted by the policy, so never stored; refusing costs nothing
    }
    Argon2Phc.Parsed stored = Argon2Phc.parse(encoded);
    if (encoded == null) {
      byte[] dummySalt = new byte[SALT_BYTES];
      byte[] bytes = utf8Nfc(password);
      try {
        Argon2Phc.hash(bytes, dummySalt, params, HASH_BYTES);
      } finally {
        Argon2Phc.wipe(bytes);
      }
      return false;
    }
    if (stored == null) {
      return false;
    }
    byte[] bytes = utf8Nfc(password);
    try {
      byte[] actual = Argon2Phc.hash(bytes, stored.salt(), stored.params(), stored.hash().length);
      return MessageDigest.isEqual(actual, stored.hash());
    } finally {
      Argon2Phc.wipe(bytes);
    }
  }

  /** Whether {@code password} matches a stored PHC string; see {@link #verify(char[], String)}. */
  public boolean verify(String password, @Nullable String encoded) {
    Objects.requireNonNull(password, "password must not be null");
    if (password.length() > 2 * PasswordPolicy.MAX_LENGTH) {
      return false;
    }
    char[] chars = password.toCharArray();
    try {
      return verify(chars, encoded);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  /**
   * Whether a stored PHC string should be replaced by a new hash after the next successful login: its
   * memory, passes, lanes, salt or hash length are below this hasher's, or it is not a string this hasher
   * can read.
   */
  public boolean needsRehash(String encoded) {
    Objects.requireNonNull(encoded, "encoded must not be null");
    Argon2Phc.Parsed stored = Argon2Phc.parse(encoded);
    if (stored == null) {
      return true;
    }
    Argon2Phc.Params old = stored.params();
    return old.memoryKiB() < params.memoryKiB()
        || old.iterations() < params.iterations()
        || old.parallelism() < params.parallelism()
        || stored.salt().length < SALT_BYTES
        || stored.hash().length < HASH_BYTES;
  }

  /** The memory cost, in KiB. */
  public int memoryKiB() {
    return params.memoryKiB();
  }

  /** The number of passes. */
  public int iterations() {
    return params.iterations();
  }

  /** The number of lanes. */
  public int parallelism() {
    return params.parallelism();
  }

  @Override
  public String toString() {
    return "PasswordHasher[argon2id m=" + params.memoryKiB() + ",t=" + params.iterations() + ",p=" + params.parallelism() + "]";
  }

  /** The UTF-8 bytes of the NFC form of a password, without making a String of it. */
  private static byte[] utf8Nfc(char[] password) {
    Normalizer2 nfc = Normalizer2.getNFCInstance();
    CharBuffer chars = CharBuffer.wrap(password);
    StringBuilder normalized = null;
    if (!nfc.isNormalized(chars)) {
      normalized = new StringBuilder(password.length + 8);
      nfc.normalize(chars, normalized);
      chars = CharBuffer.wrap(normalized);
    }
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(chars);
    byte[] bytes = Arrays.copyOfRange(encoded.array(), encoded.arrayOffset(), encoded.arrayOffset() + encoded.limit());
    Arrays.fill(encoded.array(), (byte) 0);
    if (normalized != null) {
      for (int i = 0; i < normalized.length(); i++) {
        normalized.setCharAt(i, '\0');
      }
    }
    return bytes;
  }

  /** A builder of {@link PasswordHasher}; every setter checks its argument. */
  public static final class Builder {
    private int memoryKiB = OWASP_MEMORY_KIB;
    private int iterations = OWASP_ITERATIONS;
    private int parallelism = OWASP_PARALLELISM;

    private Builder() {}

    /** Memory in KiB, from {@value PasswordHasher#MIN_MEMORY_KIB} (8 MiB) to 1048576 (1 GiB). */
    public Builder memoryKiB(int memoryKiB) {
      if (memoryKiB < MIN_MEMORY_KIB) {
        throw new IllegalArgumentException(
            "memoryKiB must be at least " + MIN_MEMORY_KIB + " (8 MiB), was: " + memoryKiB);
      }
      if (memoryKiB > Argon2Phc.MAX_MEMORY_KIB) {
        throw new IllegalArgumentException(
            "memoryKiB must be at most " + Argon2Phc.MAX_MEMORY_KIB + " (1 GiB), was: " + memoryKiB);
      }
      this.memoryKiB = memoryKiB;
      return this;
    }

    /** Passes over memory, from 1 to 100. */
    public Builder iterations(int iterations) {
      if (iterations < 1 || iterations > Argon2Phc.MAX_ITERATIONS) {
        throw new IllegalArgumentException(
            "iterations must be between 1 and " + Argon2Phc.MAX_ITERATIONS + ", was: " + iterations);
      }
      this.iterations = iterations;
      return this;
    }

    /** Lanes, from 1 to 64. */
    public Builder parallelism(int parallelism) {
      if (parallelism < 1 || parallelism > Argon2Phc.MAX_PARALLELISM) {
        throw new IllegalArgumentException(
            "parallelism must be between 1 and " + Argon2Phc.MAX_PARALLELISM + ", was: " + parallelism);
      }
      this.parallelism = parallelism;
      return this;
    }

    public PasswordHasher build() {
      return new PasswordHasher(new Argon2Phc.Params(memoryKiB, iterations, parallelism));
    }
  }
}
