package org.petition.spring;

import static org.petition.spring.PropertyChecks.GENERATE;
import static org.petition.spring.PropertyChecks.apply;
import static org.petition.spring.PropertyChecks.base64;
import static org.petition.spring.PropertyChecks.required;

import java.util.ArrayList;
import java.util.List;
import org.petition.privacy.DataKey;
import org.petition.privacy.DataKeys;
import org.petition.token.TokenKey;
import org.petition.token.Tokens;

/**
 * The secrets of {@code petition.tokens}, {@code petition.identity} and {@code petition.privacy} into the core's key
 * types: the token key ring, the identity secret's bytes and the personal-data key ring. A failure names the key's
 * property and says how to generate one; no message contains a secret.
 */
public final class PetitionKeysMapper {

  private PetitionKeysMapper() {}

  /** The token key ring. */
  public static Tokens tokens(PetitionProperties properties) {
    List<PetitionKeyProperties> keys = properties.getTokens().getKeys();
    if (keys.isEmpty()) {
      throw new PetitionConfigurationException("petition.tokens.keys", "no token key is set",
          "Set petition.tokens.keys[0].id (such as k1) and petition.tokens.keys[0].secret (base64, at least 32"
              + " random bytes). " + String.format(GENERATE, "PETITION_TOKENS_KEYS_0_SECRET"), null);
    }
    List<TokenKey> ring = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      PetitionKeyProperties key = keys.get(i);
      String prefix = "petition.tokens.keys[" + i + "]";
      String id = required(key.getId(), prefix + ".id", "a short id such as k1");
      String secret = required(key.getSecret(), prefix + ".secret",
          "base64 of at least 32 random bytes. " + String.format(GENERATE, "PETITION_TOKENS_KEYS_" + i + "_SECRET"));
      ring.add(apply(prefix, "Use an id of 1-16 of [A-Za-z0-9_-] and a base64 secret of at least 32 random bytes. "
          + String.format(GENERATE, "PETITION_TOKENS_KEYS_" + i + "_SECRET"), () -> TokenKey.ofBase64(id, secret)));
    }
    return apply("petition.tokens.keys", "Give each key its own id.", () -> Tokens.of(ring));
  }

  /** The identity secret's bytes. */
  public static byte[] identitySecret(PetitionProperties properties) {
    String property = "petition.identity.secret";
    String action = "Set petition.identity.secret to base64 of at least 32 random bytes; it must stay the same for"
        + " the life of the data. " + String.format(GENERATE, "PETITION_IDENTITY_SECRET");
    String secret = properties.getIdentity().getSecret();
    if (secret == null || secret.isBlank()) {
      throw new PetitionConfigurationException(property, "is not set", action, null);
    }
    byte[] bytes = base64(secret, property, action);
    if (bytes.length < TokenKey.MINIMUM_SECRET_BYTES) {
      throw new PetitionConfigurationException(property,
          "must be at least " + TokenKey.MINIMUM_SECRET_BYTES + " bytes, was " + bytes.length, action, null);
    }
    return bytes;
  }

  /** The personal-data key ring. */
  public static DataKeys dataKeys(PetitionProperties properties) {
    List<PetitionKeyProperties> keys = properties.getPrivacy().getKeys();
    if (keys.isEmpty()) {
      throw new PetitionConfigurationException("petition.privacy.keys", "no personal data key is set",
          "Set petition.privacy.keys[0].id (such as d1) and petition.privacy.keys[0].secret (base64 of exactly 32"
              + " random bytes, an AES-256 key). " + String.format(GENERATE, "PETITION_PRIVACY_KEYS_0_SECRET"), null);
    }
    List<DataKey> ring = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      PetitionKeyProperties key = keys.get(i);
      String prefix = "petition.privacy.keys[" + i + "]";
      String action = "Use an id of 1-16 of [A-Za-z0-9_-] and base64 of exactly 32 random bytes. "
          + String.format(GENERATE, "PETITION_PRIVACY_KEYS_" + i + "_SECRET");
      String id = required(key.getId(), prefix + ".id", "a short id such as d1");
      String secret = required(key.getSecret(), prefix + ".secret", action);
      byte[] bytes = base64(secret, prefix + ".secret", action);
      ring.add(apply(prefix, action, () -> new DataKey(id, bytes)));
    }
    return apply("petition.privacy.keys", "Give each key its own id.", () -> DataKeys.of(ring));
  }
}
