package org.petition.account.internal;

import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.jspecify.annotations.Nullable;

/**
 * Argon2id hashes in the PHC string format: {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>},
 * salt and hash in standard base64 without padding.
 */
public final class Argon2Phc {

  /** Argon2 version 1.3, written {@code v=19}. */
  public static final int VERSION = 19;

  // Limits on what a stored string may ask for, so a corrupt or hostile row cannot make one check cost
  // gigabytes or minutes.
  public static final int MAX_MEMORY_KIB = 1 << 20; // 1 GiB
  public static final int MAX_ITERATIONS = 100;
  public static final int MAX_PARALLELISM = 64;
  static final int MIN_SALT_BYTES = 8;
  static final int MAX_SALT_BYTES = 64;
  static final int MIN_HASH_BYTES = 16;
  static final int MAX_HASH_BYTES = 64;

  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=(\\d{1,3})\\$m=(\\d{1,10}),t=(\\d{1,10}),p=(\\d{1,10})"
              + "\\$([A-Za-z0-9+/]{11,86})\\$([A-Za-z0-9+/]{22,86})");
  private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

  private Argon2Phc() {}

  /**
   * Argon2id cost parameters.
   *
   * @param memoryKiB memory in KiB
   * @param iterations passes over memory
   * @param parallelism lanes
   */
  public record Params(int memoryKiB, int iterations, int parallelism) {}

  /**
   * A parsed PHC string.
   *
   * @param params the cost parameters
   * @param salt the salt
   * @param hash the hash
   */
  public record Parsed(Params params, byte[] salt, byte[] hash) {}

  /** The Argon2id hash of {@code password} (its UTF-8 bytes) in {@code length} bytes. */
  public static byte[] hash(byte[] password, byte[] salt, Params params, int length) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(params.memoryKiB())
            .withIterations(params.iterations())
            .withParallelism(params.parallelism())
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    generator.generateBytes(password, out);
    return out;
  }

  /** The PHC string of a hash. */
  public static String encode(Params params, byte[] salt, byte[] hash) {
    return "$argon2id$v=" + VERSION + "$m=" + params.memoryKiB() + ",t=" + params.iterations() + ",p="
        + params.parallelism() + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
  }

  /**
   * Parses a PHC string, or {@code null} if it is not an Argon2id v=19 string within the limits above.
   * Never throws for bad input.
   */
  public static @Nullable Parsed parse(@Nullable String encoded) {
    if (encoded == null || encoded.length() > 256) {
      return null;
    }
    Matcher m = PHC.matcher(encoded);
    if (!m.matches()) {
      return null;
    }
    try {
      int version = Integer.parseInt(m.group(1));
      long memory = Long.parseLong(m.group(2));
      long iterations = Long.parseLong(m.group(3));
      long parallelism = Long.parseLong(m.group(4));
      if (version != VERSION
          || parallelism < 1 || parallelism > MAX_PARALLELISM
          || memory < 8 * parallelism || memory > MAX_MEMORY_KIB
          || iterations < 1 || iterations > MAX_ITERATIONS) {
        return null;
      }
      byte[] salt = Base64.getDecoder().decode(m.group(5));
      byte[] hash = Base64.getDecoder().decode(m.group(6));
      if (salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES
          || hash.length < MIN_HASH_BYTES || hash.length > MAX_HASH_BYTES
          || !ENCODER.encodeToString(salt).equals(m.group(5))
          || !ENCODER.encodeToString(hash).equals(m.group(6))) {
        return null; // also refuses non-canonical base64 with stray low bits
      }
      return new Parsed(new Params((int) memory, (int) iterations, (int) parallelism), salt, hash);
    } catch (IllegalArgumentException e) {
      return null; // base64 of an impossible length
    }
  }

  /** Zeroes a password buffer once it is no longer needed. */
  public static void wipe(byte[] bytes) {
    Arrays.fill(bytes, (byte) 0);
  }
}
