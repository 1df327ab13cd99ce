package org.petition.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.petition.privacy.DataKey;
import org.petition.privacy.DataKeys;
import org.petition.privacy.OpenResult;
import org.petition.privacy.PersonalDataCipher;

/** AES-256-GCM with a key ring; the format is documented on {@link PersonalDataCipher}. */
public final class AesGcmPersonalDataCipher implements PersonalDataCipher {

  static final byte VERSION = 1;
  static final int NONCE_BYTES = 12;
  static final int TAG_BYTES = 16;
  private static final int MAX_KEY_ID_BYTES = 16;

  private final Map<String, SecretKeySpec> keys;
  private final String currentId;
  private final SecretKeySpec currentKey;
  // SecureRandom is thread-safe but contended under load; one per thread per cipher avoids that.
  // Cipher.getInstance looks up providers on every call; a Cipher per thread, re-initialised with a fresh
  // nonce for each message, does the same work without it. The nonce buffer is the thread's too.
  private final ThreadLocal<PerThread> perThread = ThreadLocal.withInitial(PerThread::new);

  private static final class PerThread {
    final SecureRandom random = new SecureRandom();
    final Cipher cipher = newCipher();
    final byte[] nonce = new byte[NONCE_BYTES];
    private @Nullable AesGcmSealer sealer;

    // Sealing takes AesGcmSealer (the same bytes as the JDK's GCM, without its 1.25 KB per init); opening the JDK's.
    AesGcmSealer sealer(SecretKeySpec key) {
      AesGcmSealer current = sealer;
      if (current == null) {
        current = new AesGcmSealer(key);
        sealer = current;
      }
      return current;
    }
  }
  private final byte[] currentHeader;

  /** A cipher over {@code ring}; the keys are copied. */
  public AesGcmPersonalDataCipher(DataKeys ring) {
    Objects.requireNonNull(ring, "data keys must not be null");
    Map<String, SecretKeySpec> specs = new HashMap<>();
    for (DataKey key : ring.keys()) {
      byte[] secret = key.secret();
      specs.put(key.id(), new SecretKeySpec(secret, "AES")); // SecretKeySpec keeps its own copy
      Arrays.fill(secret, (byte) 0);
    }
    keys = Map.copyOf(specs);
    currentId = ring.current().id();
    currentKey = Objects.requireNonNull(keys.get(currentId));
    currentHeader = header(currentId);
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM/NoPadding is required of every Java platform", e);
    }
  }

  @Override
  public byte[] seal(byte[] plaintext, byte[] associatedData) {
    Objects.requireNonNull(plaintext, "plaintext must not be null");
    return seal(plaintext, 0, plaintext.length, associatedData);
  }

  @Override
  public byte[] seal(byte[] plaintext, int offset, int length, byte[] associatedData) {
    Objects.requireNonNull(plaintext, "plaintext must not be null");
    Objects.requireNonNull(associatedData, "associatedData must not be null");
    Objects.checkFromIndexSize(offset, length, plaintext.length);
    byte[] header = currentHeader;
    // Header, nonce, ciphertext and tag written straight into the array that is stored.
    byte[] sealed = new byte[header.length + NONCE_BYTES + length + TAG_BYTES];
    System.arraycopy(header, 0, sealed, 0, header.length);
    PerThread local = perThread.get();
    local.random.nextBytes(local.nonce);
    System.arraycopy(local.nonce, 0, sealed, header.length, NONCE_BYTES);
    local.sealer(currentKey).seal(local.nonce, header, associatedData, plaintext, offset, length, sealed,
        header.length + NONCE_BYTES);
    return sealed;
  }

  @Override
  public OpenResult open(byte[] sealed, byte[] associatedData) {
    Objects.requireNonNull(sealed, "sealed must not be null");
    Objects.requireNonNull(associatedData, "associatedData must not be null");
    if (sealed.length < 2) {
      return new OpenResult.Corrupt("sealed data is too short to hold a header");
    }
    if (sealed[0] != VERSION) {
      return new OpenResult.Corrupt("unsupported sealed data version " + (sealed[0] & 0xFF));
    }
    String keyId = keyId(sealed);
    if (keyId == null) {
      return new OpenResult.Corrupt("sealed data has no valid key id");
    }
    int headerLength = 2 + keyId.length();
    if (sealed.length < headerLength + NONCE_BYTES + TAG_BYTES) {
      return new OpenResult.Corrupt("sealed data is too short to hold a nonce and a tag");
    }
    SecretKeySpec key = keys.get(keyId);
    if (key == null) {
      return new OpenResult.UnknownKey(keyId);
    }
    try {
      Cipher cipher = perThread.get().cipher;
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, sealed, headerLength, NONCE_BYTES));
      cipher.updateAAD(sealed, 0, headerLength);
      cipher.updateAAD(associatedData);
      int offset = headerLength + NONCE_BYTES;
      return new OpenResult.Opened(cipher.doFinal(sealed, offset, sealed.length - offset), keyId);
    } catch (AEADBadTagException e) {
      return new OpenResult.Corrupt(
          "authentication failed: tampered data, other associated data, or other bytes under key " + keyId);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM/NoPadding is required of every Java platform", e);
    }
  }

  @Override
  public boolean needsRotation(byte[] sealed) {
    Objects.requireNonNull(sealed, "sealed must not be null");
    if (sealed.length < 2 || sealed[0] != VERSION) {
      return false;
    }
    String keyId = keyId(sealed);
    return keyId != null && !keyId.equals(currentId);
  }

  private static byte[] header(String keyId) {
    byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
    byte[] header = new byte[2 + id.length];
    header[0] = VERSION;
    header[1] = (byte) id.length;
    System.arraycopy(id, 0, header, 2, id.length);
    return header;
  }

  /** The key id of a header whose version byte was checked, or null if it is not a valid id. */
  private static @Nullable String keyId(byte[] sealed) {
    int length = sealed[1] & 0xFF;
    if (length < 1 || length > MAX_KEY_ID_BYTES || sealed.length < 2 + length) {
      return null;
    }
    for (int i = 2; i < 2 + length; i++) {
      byte b = sealed[i];
      boolean valid = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '_' || b == '-';
      if (!valid) {
        return null;
      }
    }
    return new String(sealed, 2, length, StandardCharsets.US_ASCII);
  }

  @Override
  public String toString() {
    return "AesGcmPersonalDataCipher[keys=" + keys.keySet() + ", current=" + currentId + "]";
  }
}
