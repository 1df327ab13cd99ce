package org.petition.spring;

import java.util.List;
import java.util.Objects;
import org.petition.privacy.DataKeys;
import org.petition.store.KeyFingerprint;
import org.petition.store.KeyFingerprintStore;
import org.petition.store.KeyFingerprints;
import org.petition.store.SignatureStore;
import org.petition.token.Tokens;

/**
 * The configured keys against the fingerprints the store recorded ({@link KeyFingerprints}), in terms of
 * properties: checked before the Petitions bean is built, so start-up stops naming {@code petition.identity.secret},
 * {@code petition.privacy.keys} or {@code petition.tokens.keys} and what to do; and again by the health indicator,
 * which reports a key problem as DOWN. A store without the {@link KeyFingerprintStore} role is not checked.
 */
public final class PetitionKeyCheck {

  private final SignatureStore store;
  private final List<KeyFingerprint> configured;

  /** The check of these keys against {@code store}. */
  public PetitionKeyCheck(SignatureStore store, byte[] identitySecret, DataKeys dataKeys, Tokens tokens) {
    this.store = Objects.requireNonNull(store, "store must not be null");
    this.configured = KeyFingerprints.of(identitySecret, dataKeys, tokens);
  }

  /** Every key that differs from what the store recorded, naming its property; empty when none does. */
  public List<PetitionConfigurationException> problems() {
    if (!(store instanceof KeyFingerprintStore recorded)) {
      return List.of();
    }
    return KeyFingerprints.check(recorded.keyFingerprints(), configured).stream().map(PetitionKeyCheck::toProblem)
        .toList();
  }

  /**
   * Stops start-up when a key differs from what the store recorded.
   *
   * @throws PetitionConfigurationException listing each such key's property and what to do
   */
  public void requireRecordedKeys() {
    List<PetitionConfigurationException> problems = problems();
    if (!problems.isEmpty()) {
      throw PetitionConfigurationException.of(problems);
    }
  }

  private static PetitionConfigurationException toProblem(KeyFingerprints.Problem problem) {
    return switch (problem.kind()) {
      case IDENTITY -> new PetitionConfigurationException("petition.identity.secret", problem.problem()
          + " (this database was started with another one)",
          "Set petition.identity.secret back to the secret this database's signatures were hashed with: it must"
              + " stay the same for the life of the data, or everyone already counted could sign and be counted"
              + " again. A new secret needs a new store (another database or petition.store.schema).", null);
      case DATA -> new PetitionConfigurationException("petition.privacy.keys", problem.problem(),
          "Configure data key '" + problem.keyId() + "' in petition.privacy.keys with its original secret. To"
              + " rotate, add the new key last and keep the old ones: they still read what they sealed.", null);
      case TOKEN -> new PetitionConfigurationException("petition.tokens.keys", problem.problem(),
          "Give token key '" + problem.keyId() + "' its original secret, or give a new secret a new id in"
              + " petition.tokens.keys (rotation adds keys; the last one signs new links).", null);
    };
  }
}
