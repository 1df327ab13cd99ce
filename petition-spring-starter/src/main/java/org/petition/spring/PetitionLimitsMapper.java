package org.petition.spring;

import static org.petition.spring.PropertyChecks.POSITIVE_DURATION;
import static org.petition.spring.PropertyChecks.POSITIVE_NUMBER;
import static org.petition.spring.PropertyChecks.apply;

import org.petition.FormTokenLimits;
import org.petition.ResendLimits;
import org.petition.SigningLimits;
import org.petition.invite.InvitationLimits;

/**
 * The core's limits, each value through its setter on the core's builder: {@code petition.limits.*} (field
 * lengths and lifetimes), {@code petition.resend.*}, {@code petition.form-token.*} and {@code
 * petition.invitations.*}. What a setter refuses is a {@link PetitionConfigurationException} naming the property.
 */
public final class PetitionLimitsMapper {

  private static final String LENGTH = "Use a length between 1 and 1,000,000.";

  private PetitionLimitsMapper() {}

  /** The signing limits, each through its setter on {@link SigningLimits.Builder}. */
  public static SigningLimits limits(PetitionProperties properties) {
    PetitionLimitProperties limits = properties.getLimits();
    SigningLimits.Builder builder = SigningLimits.builder();
    String prefix = "petition.limits.";
    apply(prefix + "max-name-length", LENGTH, () -> builder.maxNameLength(limits.getMaxNameLength()));
    apply(prefix + "max-organization-name-length", LENGTH,
        () -> builder.maxOrganizationNameLength(limits.getMaxOrganizationNameLength()));
    apply(prefix + "max-nickname-length", LENGTH, () -> builder.maxNicknameLength(limits.getMaxNicknameLength()));
    apply(prefix + "max-city-length", LENGTH, () -> builder.maxCityLength(limits.getMaxCityLength()));
    apply(prefix + "max-affiliation-length", LENGTH,
        () -> builder.maxAffiliationLength(limits.getMaxAffiliationLength()));
    apply(prefix + "max-comment-length", LENGTH, () -> builder.maxCommentLength(limits.getMaxCommentLength()));
    apply(prefix + "pending-ttl", String.format(POSITIVE_DURATION, "7d"),
        () -> builder.pendingTtl(limits.getPendingTtl()));
    apply(prefix + "revoke-link-ttl", String.format(POSITIVE_DURATION, "180d"),
        () -> builder.revokeLinkTtl(limits.getRevokeLinkTtl()));
    apply(prefix + "confirm-grace-after-close", "Use a duration of zero or more, such as 24h.",
        () -> builder.confirmGraceAfterClose(limits.getConfirmGraceAfterClose()));
    return builder.build();
  }

  /** The resend limits ({@code petition.resend.*}), each through its setter on {@link ResendLimits.Builder}. */
  public static ResendLimits resendLimits(PetitionProperties properties) {
    PetitionResendProperties resend = properties.getResend();
    ResendLimits.Builder builder = ResendLimits.builder();
    String prefix = "petition.resend.";
    apply(prefix + "per-minute", "Use 0 (no mail again) to 1,000, such as 1.",
        () -> builder.perMinute(resend.getPerMinute()));
    apply(prefix + "per-day", "Use 0 (no mail again) to 10,000, such as 5.", () -> builder.perDay(resend.getPerDay()));
    apply(prefix + "maximum-keys", String.format(POSITIVE_NUMBER, "100000"),
        () -> builder.maximumKeys(resend.getMaximumKeys()));
    return apply(prefix + "per-minute", "Allow no more a minute than petition.resend.per-day allows a day.",
        builder::build);
  }

  /**
   * The form token limits ({@code petition.form-token.*}), each through its setter on {@link
   * FormTokenLimits.Builder}.
   */
  public static FormTokenLimits formTokenLimits(PetitionProperties properties) {
    FormTokenProperties formToken = properties.getFormToken();
    FormTokenLimits.Builder builder = FormTokenLimits.builder();
    String prefix = "petition.form-token.";
    apply(prefix + "ttl", "Use a duration from 1m to 30d, such as 1d.", () -> builder.ttl(formToken.getTtl()));
    apply(prefix + "max-uses", "Use 1 to 100, such as 3.", () -> builder.maxUses(formToken.getMaxUses()));
    apply(prefix + "maximum-tracked", "Use 1000 or more, such as 100000.",
        () -> builder.maximumTracked(formToken.getMaximumTracked()));
    return builder.build();
  }

  /**
   * The invitation limits ({@code petition.invitations.*}), each through its setter on {@link
   * InvitationLimits.Builder}.
   */
  public static InvitationLimits invitationLimits(PetitionProperties properties) {
    InvitationProperties invitations = properties.getInvitations();
    InvitationLimits.Builder builder = InvitationLimits.builder();
    String prefix = "petition.invitations.";
    apply(prefix + "per-signer-per-day", "Use 0 (no invitations) to 1000, such as 10.",
        () -> builder.perSignerPerDay(invitations.getPerSignerPerDay()));
    apply(prefix + "per-ip-per-hour", "Use 1 to 100000, such as 30.",
        () -> builder.perIpPerHour(invitations.getPerIpPerHour()));
    apply(prefix + "per-network-per-day", "Use 1 to 1000000, such as 100.",
        () -> builder.perNetworkPerDay(invitations.getPerNetworkPerDay()));
    apply(prefix + "token-ttl", "Use a duration from 1m to 365d, such as 30d.",
        () -> builder.tokenTtl(invitations.getTokenTtl()));
    apply(prefix + "suppress-link-ttl", "Use a duration from 1d to 7300d, such as 1825d.",
        () -> builder.suppressLinkTtl(invitations.getSuppressLinkTtl()));
    apply(prefix + "sign-path", "Use a path such as /p/{slug}.", () -> builder.signPath(invitations.getSignPath()));
    return builder.build();
  }
}
