package org.petition.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.petition.internal.KeyFingerprintMac;
import org.petition.privacy.DataKey;
import org.petition.privacy.DataKeys;
import org.petition.token.Tokens;

/**
 * Keys that cannot silently change. A {@link KeyFingerprintStore} records a fingerprint of the identity secret,
 * of each data key and of each token key in use; {@link #check} compares the configured keys with them before
 * anything is written, and {@link Problem}s say which key is wrong:
 *
 * <ul>
 *   <li>another identity secret than the stored signatures were hashed with: duplicates would no longer be found
 *       (a person already counted would be counted again);
 *   <li>a data key that sealed stored rows (one that was the current key at some start) missing, or a data key id
 *       with another secret: stored personal data could not be read;
 *   <li>a token key id with another secret: links already mailed would stop working.
 * </ul>
 *
 * <p>Rotation stays possible: a new data or token key (a new id) is simply added, and the old data keys are kept
 * for reading. A token key may be dropped (its links stop working, as intended). Used by {@code Petitions.build()}
 * for a store that has the role; an application may call it earlier to report in its own terms.
 */
public final class KeyFingerprints {

  private KeyFingerprints() {}

  /** One key that differs from what the store recorded. */
  public record Problem(KeyFingerprint.Kind kind, String keyId, String problem) {

    /** Checks the parts. */
    public Problem {
      Objects.requireNonNull(kind, "kind must not be null");
      Objects.requireNonNull(keyId, "keyId must not be null");
      Objects.requireNonNull(problem, "problem must not be null");
    }
  }

  /**
   * The fingerprints of the configured keys: the identity secret, each data key (the current one {@link
   * KeyFingerprint#sealed() sealed}) and each token key.
   */
  public static List<KeyFingerprint> of(byte[] identitySecret, DataKeys dataKeys, Tokens tokens) {
    Objects.requireNonNull(identitySecret, "identitySecret must not be null");
    Objects.requireNonNull(dataKeys, "dataKeys must not be null");
    Objects.requireNonNull(tokens, "tokens must not be null");
    List<KeyFingerprint> fingerprints = new ArrayList<>();
    fingerprints.add(new KeyFingerprint(KeyFingerprint.Kind.IDENTITY, KeyFingerprint.IDENTITY_ID,
        base64(KeyFingerprintMac.of(identitySecret)), false));
    String current = dataKeys.current().id();
    for (DataKey key : dataKeys.keys()) {
      fingerprints.add(new KeyFingerprint(KeyFingerprint.Kind.DATA, key.id(), base64(KeyFingerprintMac.of(key.secret())),
          key.id().equals(current)));
    }
    for (Map.Entry<String, byte[]> token : tokens.fingerprints().entrySet()) {
      fingerprints.add(new KeyFingerprint(KeyFingerprint.Kind.TOKEN, token.getKey(), base64(token.getValue()), false));
    }
    return fingerprints;
  }

  /** What is wrong with the {@code configured} keys given what was {@code recorded}; empty when nothing. */
  public static List<Problem> check(List<KeyFingerprint> recorded, List<KeyFingerprint> configured) {
    List<Problem> problems = new ArrayList<>();
    for (KeyFingerprint stored : recorded) {
      Optional<KeyFingerprint> match = configured.stream().filter(stored::sameSlot).findFirst();
      if (match.isEmpty()) {
        if (stored.kind() == KeyFingerprint.Kind.DATA && stored.sealed()) {
          problems.add(new Problem(stored.kind(), stored.keyId(), "data key '" + stored.keyId()
              + "' sealed stored personal data but is not configured"));
        }
        continue;
      }
      if (!sameFingerprint(stored, match.get())) {
        problems.add(new Problem(stored.kind(), stored.keyId(), switch (stored.kind()) {
          case IDENTITY -> "is not the identity secret the stored signatures were hashed with";
          case DATA -> "data key '" + stored.keyId() + "' is not the key of that id that sealed stored personal data";
          case TOKEN -> "token key '" + stored.keyId() + "' is not the key of that id that signed the links already"
              + " mailed";
        }));
      }
    }
    return problems;
  }

  /**
   * Checks the configured keys against what {@code store} recorded and, when nothing is wrong, records the new
   * ones (the first start records them all).
   *
   * @return the problems; nothing was recorded when there are any
   */
  public static List<Problem> checkAndRecord(KeyFingerprintStore store, List<KeyFingerprint> configured) {
    List<Problem> problems = check(store.keyFingerprints(), configured);
    if (problems.isEmpty()) {
      store.recordKeyFingerprints(configured);
    }
    return problems;
  }

  private static boolean sameFingerprint(KeyFingerprint a, KeyFingerprint b) {
    return MessageDigest.isEqual(a.fingerprint().getBytes(StandardCharsets.US_ASCII),
        b.fingerprint().getBytes(StandardCharsets.US_ASCII));
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
