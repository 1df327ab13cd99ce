package org.petition.log;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import org.petition.internal.HmacSha256;
import org.petition.internal.Slugs;

/**
 * The {@code signer} of a log entry: a keyed commitment to the signature it counts, so that entries about
 * one signature can be matched (an {@code UNCOUNTED} to its {@code COUNTED}) and the operator can show a
 * signer which entry is theirs, while nobody without the key learns which signature, let alone whose:
 *
 * <pre>signer = HMAC-SHA256(key, "petition/log/v1/signer" ‖ 0x00 ‖ UTF-8(slug) ‖ 0x00 ‖ int64-big-endian(signature id))</pre>
 *
 * <p>Signature ids are small consecutive numbers, so an unkeyed hash would be reversed by counting; the key
 * (at least 32 random bytes, from configuration, never the identity or token secret) is what hides them.
 * The commitment holds no personal data, so an erased signer's entries stay in the log unchanged. Losing
 * the key does not break the log (verifiers never need it) but ends the ability to link new entries to old
 * ones; rotating it does the same, so keep it. Thread-safe.
 */
public final class SignerCommitments {

  /** The shortest key accepted, in bytes. */
  public static final int MIN_KEY_LENGTH = 32;

  private static final byte[] TAG = "petition/log/v1/signer\0".getBytes(StandardCharsets.US_ASCII);
  // Longest message: the tag, a 64-character slug, its 0x00 and the id.
  private static final int MESSAGE_MAX = TAG.length + 64 + 1 + Long.BYTES;

  // One MAC (its padded key blocks) and message buffer per thread: a commitment is made on every change to a
  // count, under the count's lock, so it allocates only its result.
  private final ThreadLocal<Scratch> scratch;

  private static final class Scratch {
    final HmacSha256 mac;
    final byte[] message = new byte[MESSAGE_MAX];

    Scratch(byte[] key) {
      mac = HmacSha256.of(key);
      System.arraycopy(TAG, 0, message, 0, TAG.length);
    }
  }

  private SignerCommitments(byte[] key) {
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(key));
  }

  /**
   * Commitments under {@code key}, which is copied.
   *
   * @throws IllegalArgumentException if the key is shorter than {@value #MIN_KEY_LENGTH} bytes
   */
  public static SignerCommitments of(byte[] key) {
    Objects.requireNonNull(key, "the log's commitment key must not be null");
    if (key.length < MIN_KEY_LENGTH) {
      throw new IllegalArgumentException("the log's commitment key must be at least " + MIN_KEY_LENGTH
          + " random bytes, was " + key.length);
    }
    return new SignerCommitments(key.clone());
  }

  /** The 32-byte commitment to signature {@code signatureId} of petition {@code slug}. */
  public byte[] commit(String slug, long signatureId) {
    Objects.requireNonNull(slug, "slug must not be null");
    if (!Slugs.isSlug(slug)) {
      throw new IllegalArgumentException("not a petition slug: " + slug);
    }
    Scratch local = scratch.get();
    byte[] message = local.message;
    // A slug is ASCII: its UTF-8 bytes are its chars.
    int p = TAG.length;
    for (int i = 0; i < slug.length(); i++) {
      message[p++] = (byte) slug.charAt(i);
    }
    message[p++] = 0;
    for (int shift = 56; shift >= 0; shift -= 8) {
      message[p++] = (byte) (signatureId >>> shift);
    }
    local.mac.update(message, 0, p);
    byte[] out = new byte[HmacSha256.LENGTH];
    local.mac.doFinal(out, 0);
    return out;
  }

  /** Whether {@code signer} is the commitment to that signature, in time independent of where it differs. */
  public boolean matches(byte[] signer, String slug, long signatureId) {
    return MessageDigest.isEqual(commit(slug, signatureId), signer);
  }

  @Override
  public String toString() {
    return "SignerCommitments[HMAC-SHA256]";
  }
}
