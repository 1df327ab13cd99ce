package org.petition.identity;

import org.petition.internal.Utf8;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import org.petition.internal.HmacSha256;

/**
 * Keyed hashes (HMAC-SHA256) of a signer's identifiers, so that duplicates can be found without storing
 * the identifiers in the clear and without the hashes being reversible by guessing: whoever does not hold
 * the secret cannot test a candidate email or phone against a stored key. Thread-safe; the secret never
 * leaves the instance and nothing is logged.
 *
 * <p>Each kind of identifier is hashed under its own purpose tag, so an email and a phone number never
 * produce the same key, even with the same text. Every method refuses an empty value with an {@link
 * IllegalArgumentException}: an absent identifier has no key.
 */
public final class IdentityHasher {

  /** The shortest secret accepted, in bytes. */
  public static final int MIN_SECRET_LENGTH = 32;

  private static final String ALGORITHM = "HmacSHA256";
  // A NUL ends each tag, and no tag is a prefix of another: inputs of different purposes never coincide.
  private static final byte[] EMAIL = tag("petition/identity/v1/email");
  private static final byte[] PHONE = tag("petition/identity/v1/phone");
  private static final byte[] NAME = tag("petition/identity/v1/name");
  private static final byte[] NETWORK = tag("petition/identity/v1/network");

  // HMAC-SHA256 per thread, without the JDK Mac's array per hash.
  private final ThreadLocal<HmacSha256> macs;

  private IdentityHasher(byte[] secret) {
    this.macs = HmacSha256.perThread(secret);
  }

  /**
   * A hasher keyed with {@code secret}, which is copied (the caller may wipe its array afterwards).
   *
   * @throws IllegalArgumentException if the secret is shorter than {@value #MIN_SECRET_LENGTH} bytes
   */
  public static IdentityHasher of(byte[] secret) {
    Objects.requireNonNull(secret, "identity secret must not be null");
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "identity secret must be at least " + MIN_SECRET_LENGTH + " bytes, was " + secret.length);
    }
    byte[] copy = secret.clone();
    try {
      return new IdentityHasher(copy);
    } finally {
      // HmacSha256.perThread keeps its own copy.
      Arrays.fill(copy, (byte) 0);
    }
  }

  /** The 32-byte key of a canonical email ({@link EmailCanonicalizer#canonicalize}). */
  public byte[] emailKey(String canonicalEmail) {
    return hash(EMAIL, canonicalEmail, "canonicalEmail");
  }

  /** The 32-byte key of a phone number in E.164 form. */
  public byte[] phoneKey(String e164) {
    return hash(PHONE, e164, "e164");
  }

  /** The 32-byte key of a name skeleton ({@link NameSkeleton#skeleton}). */
  public byte[] nameKey(String skeleton) {
    return hash(NAME, skeleton, "skeleton");
  }

  /** The 32-byte key of a network prefix ({@link IpAddresses#network}). */
  public byte[] networkKey(String networkPrefix) {
    return hash(NETWORK, networkPrefix, "networkPrefix");
  }

  /** Whether two keys are equal, in time independent of where they differ. */
  public static boolean equal(byte[] a, byte[] b) {
    Objects.requireNonNull(a, "a must not be null");
    Objects.requireNonNull(b, "b must not be null");
    return MessageDigest.isEqual(a, b);
  }

  @Override
  public String toString() {
    return "IdentityHasher[HmacSHA256]";
  }

  private byte[] hash(byte[] tag, String value, String name) {
    if (value == null) { // not requireNonNull(value, supplier): its capturing lambda was allocated per hash
      throw new NullPointerException(name + " must not be null");
    }
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    HmacSha256 mac = macs.get();
    mac.update(tag);
    byte[] buffer = BUFFER.get();
    if (value.length() * 3 > buffer.length) {
      mac.update(value.getBytes(StandardCharsets.UTF_8)); // a long value: not worth a bigger buffer
    } else {
      mac.update(buffer, 0, Utf8.write(value, buffer, 0));
    }
    return mac.doFinal();
  }

  // Per thread, the UTF-8 of the value being hashed: no new array per hash for the usual short value.
  private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[384]);



  private static byte[] tag(String purpose) {
    byte[] text = purpose.getBytes(StandardCharsets.US_ASCII);
    return Arrays.copyOf(text, text.length + 1);
  }
}
