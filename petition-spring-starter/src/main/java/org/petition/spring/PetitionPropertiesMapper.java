package org.petition.spring;

import static org.petition.spring.PropertyChecks.apply;
import static org.petition.spring.PropertyChecks.required;

import java.net.URI;
import org.petition.Petitions;

/**
 * Where {@link PetitionProperties} become a {@link Petitions.Builder}: the two top-level values ({@code
 * petition.base-url}, {@code petition.silent-fraud}) are checked here, and {@link #configure} assembles the builder
 * from the mapper of each group. Each mapper feeds every value through the public builder of the core or of the
 * starter's component it configures, and the builder's own rule decides; the few plain values no builder takes
 * (intervals, batch sizes) are checked in the mappers. Every failure is a {@link PetitionConfigurationException}
 * naming the property and saying what to do; no message contains a secret.
 *
 * <p>The mappers, one per concern: {@link PetitionKeysMapper} (token keys, identity secret, data keys), {@link
 * PetitionLimitsMapper} (signing, resend, form token and invitation limits), {@link PetitionMilestonesMapper},
 * {@link PetitionDefinitionsMapper} (the petitions), {@link PetitionStoreMapper}, {@link
 * PetitionMaintenanceMapper}, {@link PetitionMailMapper}, {@link PetitionWebMapper}, {@link PetitionLogMapper} and
 * {@link PetitionChecksMapper}.
 *
 * <p>Only core types and the starter's own plain types appear in the mappers, never a class of an optional module,
 * so they load whatever the application's classpath.
 */
public final class PetitionPropertiesMapper {

  private PetitionPropertiesMapper() {}

  /** The base URL, checked. */
  public static String baseUrl(PetitionProperties properties) {
    return required(properties.getBaseUrl(), "petition.base-url",
        "the site's absolute URL, such as https://petitions.example.org: confirmation links in mails are built on"
            + " it");
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

  /**
   * Applies every setting that has a {@link Petitions.Builder} method, leaving the store, sender, clock and
   * checks to the caller.
   */
  public static Petitions.Builder configure(Petitions.Builder builder, PetitionProperties properties) {
    String baseUrl = baseUrl(properties);
    // Links in mails lead to where the pages are served: under petition.web.base-path.
    String linkBase = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl)
        + PetitionWebMapper.basePath(properties);
    apply("petition.base-url", "Use an absolute http(s) URL such as https://petitions.example.org.",
        () -> builder.baseUrl(linkBase));
    builder.identitySecret(PetitionKeysMapper.identitySecret(properties))
        .limits(PetitionLimitsMapper.limits(properties))
        .resendLimits(PetitionLimitsMapper.resendLimits(properties))
        .formTokenLimits(PetitionLimitsMapper.formTokenLimits(properties))
        .invitationLimits(PetitionLimitsMapper.invitationLimits(properties))
        .milestones(PetitionMilestonesMapper.milestones(properties))
        .silentFraud(properties.isSilentFraud());
    return apply("petition.retention.period", "Set a period of zero or more, such as 180d.",
        () -> builder.retention(properties.getRetention().getPeriod()));
  }
}
