package org.petition.spring;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.petition.privacy.ConsentDocument;
import org.petition.Milestones;
import org.petition.Petition;
import org.petition.Petitions;
import org.petition.SigningLimits;
import org.petition.privacy.DataKey;
import org.petition.privacy.DataKeys;
import org.petition.token.TokenKey;
import org.petition.token.Tokens;

/**
 * Converts {@link PetitionProperties} through core's public builders. Every failure is a {@link
 * PetitionConfigurationException} naming the property, and no message contains a secret.
 */
public final class PetitionPropertiesMapper {

  private static final String GENERATE = "Generate one with `openssl rand -base64 32` and keep it in your secret store"
      + " (an environment variable such as %s, or a config server), never in source code.";

  private PetitionPropertiesMapper() {}

  /** The base URL, checked. */
  public static String baseUrl(PetitionProperties properties) {
    String baseUrl = properties.getBaseUrl();
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new PetitionConfigurationException("petition.base-url", "is not set",
          "Set petition.base-url to the site's absolute URL, such as https://petitions.example.org:"
              + " confirmation links in mails are built on it.", null);
    }
    return baseUrl.strip();
  }

  /** The host of the base URL, for a default From address. */
  public static String baseHost(PetitionProperties properties) {
    try {
      String host = URI.create(baseUrl(properties)).getHost();
      return host == null ? "localhost" : host;
    } catch (IllegalArgumentException e) {
      return "localhost";
    }
  }

  /** The token key ring. */
  public static Tokens tokens(PetitionProperties properties) {
    List<PetitionProperties.Key> keys = properties.getTokens().getKeys();
    if (keys.isEmpty()) {
      throw new PetitionConfigurationException("petition.tokens.keys", "no token key is set",
          "Set petition.tokens.keys[0].id (such as k1) and petition.tokens.keys[0].secret (base64, at least 32"
              + " random bytes). " + String.format(GENERATE, "PETITION_TOKENS_KEYS_0_SECRET"), null);
    }
    List<TokenKey> ring = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      PetitionProperties.Key key = keys.get(i);
      String prefix = "petition.tokens.keys[" + i + "]";
      String id = required(key.getId(), prefix + ".id", "a short id such as k1");
      String secret = required(key.getSecret(), prefix + ".secret",
          "base64 of at least 32 random bytes. " + String.format(GENERATE, "PETITION_TOKENS_KEYS_" + i + "_SECRET"));
      try {
        ring.add(TokenKey.ofBase64(id, secret));
      } catch (IllegalArgumentException e) {
        throw new PetitionConfigurationException(prefix, e.getMessage(),
            "Use an id of 1-16 of [A-Za-z0-9_-] and a base64 secret of at least 32 random bytes. "
                + String.format(GENERATE, "PETITION_TOKENS_KEYS_" + i + "_SECRET"), null);
      }
    }
    try {
      return Tokens.of(ring);
    } catch (IllegalArgumentException e) {
      throw new PetitionConfigurationException("petition.tokens.keys", e.getMessage(), "Give each key its own id.", null);
    }
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
    List<PetitionProperties.Key> keys = properties.getPrivacy().getKeys();
    if (keys.isEmpty()) {
      throw new PetitionConfigurationException("petition.privacy.keys", "no personal data key is set",
          "Set petition.privacy.keys[0].id (such as d1) and petition.privacy.keys[0].secret (base64 of exactly 32"
              + " random bytes, an AES-256 key). " + String.format(GENERATE, "PETITION_PRIVACY_KEYS_0_SECRET"), null);
    }
    List<DataKey> ring = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      PetitionProperties.Key key = keys.get(i);
      String prefix = "petition.privacy.keys[" + i + "]";
      String action = "Use an id of 1-16 of [A-Za-z0-9_-] and base64 of exactly 32 random bytes. "
          + String.format(GENERATE, "PETITION_PRIVACY_KEYS_" + i + "_SECRET");
      String id = required(key.getId(), prefix + ".id", "a short id such as d1");
      String secret = required(key.getSecret(), prefix + ".secret", action);
      try {
        ring.add(new DataKey(id, base64(secret, prefix + ".secret", action)));
      } catch (IllegalArgumentException e) {
        throw new PetitionConfigurationException(prefix, e.getMessage(), action, null);
      }
    }
    try {
      return DataKeys.of(ring);
    } catch (IllegalArgumentException e) {
      throw new PetitionConfigurationException("petition.privacy.keys", e.getMessage(), "Give each key its own id.", null);
    }
  }

  /** The signing limits. */
  public static SigningLimits limits(PetitionProperties properties) {
    PetitionProperties.Limits limits = properties.getLimits();
    try {
      return SigningLimits.builder()
          .maxNameLength(limits.getMaxNameLength())
          .maxOrganizationNameLength(limits.getMaxOrganizationNameLength())
          .maxNicknameLength(limits.getMaxNicknameLength())
          .maxCityLength(limits.getMaxCityLength())
          .maxAffiliationLength(limits.getMaxAffiliationLength())
          .maxCommentLength(limits.getMaxCommentLength())
          .pendingTtl(limits.getPendingTtl())
          .revokeLinkTtl(limits.getRevokeLinkTtl())
          .confirmGraceAfterClose(limits.getConfirmGraceAfterClose())
          .build();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new PetitionConfigurationException("petition.limits", String.valueOf(e.getMessage()),
          "Use lengths between 1 and 1,000,000 and positive durations.", null);
    }
  }

  /** The milestones. */
  public static Milestones milestones(PetitionProperties properties) {
    PetitionProperties.MilestoneSettings settings = properties.getMilestones();
    if (!settings.isEnabled()) {
      return Milestones.none();
    }
    try {
      Milestones milestones = Milestones.none()
          .withPercents(settings.getPercents().stream().mapToInt(Integer::intValue).toArray());
      for (PetitionProperties.Threshold threshold : settings.getThresholds()) {
        milestones = milestones.withThreshold(threshold.getCount(), threshold.getWithin());
      }
      return milestones;
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new PetitionConfigurationException("petition.milestones", String.valueOf(e.getMessage()),
          "Use percents between 1 and 1000 and positive threshold counts.", null);
    }
  }

  /** The petitions defined in configuration. */
  public static List<Petition> petitions(PetitionProperties properties) {
    List<Petition> petitions = new ArrayList<>();
    List<PetitionProperties.Definition> definitions = properties.getPetitions();
    for (int i = 0; i < definitions.size(); i++) {
      petitions.add(petition(definitions.get(i), "petition.petitions[" + i + "]"));
    }
    return petitions;
  }

  /** One petition definition; {@code prefix} names it in errors. */
  public static Petition petition(PetitionProperties.Definition definition, String prefix) {
    String slug = required(definition.getSlug(), prefix + ".slug", "1-64 of [a-z0-9-], such as save-the-park");
    String title = required(definition.getTitle(), prefix + ".title", "the petition's title");
    try {
      Petition.Builder builder = Petition.builder(slug)
          .title(title)
          .text(definition.getText())
          .target(definition.getTarget())
          .author(definition.getAuthor())
          .category(definition.getCategory())
          .goal(definition.getGoal())
          .opensAt(definition.getOpensAt())
          .closesAt(definition.getClosesAt())
          .displayNamePolicy(definition.getDisplayNamePolicy())
          .noindex(definition.isNoindex())
          .signaturesPerEmail(definition.getSignaturesPerEmail())
          .erasedSignaturesCount(definition.isErasedSignaturesCount());
      definition.getTags().forEach(builder::tag);
      definition.getGoalsByCountry().forEach((country, goal) -> builder.goal(country, goal == null ? 0 : goal));
      List<PetitionProperties.Consent> consents = definition.getConsents();
      for (int i = 0; i < consents.size(); i++) {
        builder.consent(consent(consents.get(i), prefix + ".consents[" + i + "]"));
      }
      return builder.build();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new PetitionConfigurationException(prefix, String.valueOf(e.getMessage()),
          "Fix the petition's definition.", null);
    }
  }

  private static ConsentDocument consent(PetitionProperties.Consent consent, String prefix) {
    String id = required(consent.getId(), prefix + ".id", "a short id the form sends back, such as terms");
    String text = required(consent.getText(), prefix + ".text", "the exact text shown to signers");
    ConsentDocument document = ConsentDocument.ofText(id, consent.getVersion(), consent.getPurpose(), text);
    Boolean required = consent.getRequired();
    return required == null || required == document.required()
        ? document
        : new ConsentDocument(document.id(), document.version(), document.sha256(), document.purpose(), required);
  }

  /** Applies every setting that has a builder method, leaving the store, sender and checks to the caller. */
  public static Petitions.Builder configure(Petitions.Builder builder, PetitionProperties properties) {
    String baseUrl = baseUrl(properties);
    try {
      builder.baseUrl(baseUrl);
    } catch (IllegalArgumentException e) {
      throw new PetitionConfigurationException("petition.base-url", e.getMessage(),
          "Use an absolute http(s) URL such as https://petitions.example.org.", null);
    }
    return builder
        .identitySecret(identitySecret(properties))
        .limits(limits(properties))
        .milestones(milestones(properties))
        .retention(retention(properties))
        .silentFraud(properties.isSilentFraud());
  }

  private static java.time.Duration retention(PetitionProperties properties) {
    java.time.Duration period = properties.getRetention().getPeriod();
    if (period == null || period.isNegative()) {
      throw new PetitionConfigurationException("petition.retention.period", "must not be negative",
          "Set a period such as 180d.", null);
    }
    return period;
  }

  private static String required(@Nullable String value, String property, String what) {
    if (value == null || value.isBlank()) {
      throw new PetitionConfigurationException(property, "is not set", "Set " + property + ": " + what + ".", null);
    }
    return value.strip();
  }

  private static byte[] base64(String value, String property, String action) {
    String trimmed = value.strip();
    try {
      return trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
          ? Base64.getUrlDecoder().decode(trimmed)
          : Base64.getDecoder().decode(trimmed);
    } catch (IllegalArgumentException e) {
      // The decoder's message may quote a character of the secret: leave it out.
      throw new PetitionConfigurationException(property, "is not valid base64", action, null);
    }
  }
}
