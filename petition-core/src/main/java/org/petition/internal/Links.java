package org.petition.internal;

/** Builds every link a mail carries, on the site's base URL: the one place that knows the routes. */
public final class Links {

  private final String baseUrl;
  private final String confirmPrefix;
  private final String revokePrefix;

  public Links(String baseUrl) {
    this.baseUrl = baseUrl;
    this.confirmPrefix = baseUrl + "/confirm?token=";
    this.revokePrefix = baseUrl + "/revoke?token=";
  }

  /** What a confirmation link is before its token: the hot path mints the token onto it ({@code Tokens.link}). */
  public String confirmPrefix() {
    return confirmPrefix;
  }

  /** What a revocation link is before its token. */
  public String revokePrefix() {
    return revokePrefix;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public String confirm(String token) {
    return confirmPrefix + token;
  }

  public String revoke(String token) {
    return revokePrefix + token;
  }

  public String erase(String token) {
    return baseUrl + "/erase?token=" + token;
  }

  public String access(String token) {
    return baseUrl + "/access?token=" + token;
  }

  public String verifyAccount(String token) {
    return baseUrl + "/account/verify?token=" + token;
  }

  /** The "never email me again" link of an invitation. */
  public String suppress(String token) {
    return baseUrl + "/unsubscribe?token=" + token;
  }

  /** A petition's sign page as an invitation links to it: {@code path} with {@code {slug}}, and the attribution. */
  public String signFromInvitation(String path, String slug) {
    return baseUrl + path.replace("{slug}", java.net.URLEncoder.encode(slug, java.nio.charset.StandardCharsets.UTF_8))
        + "?" + org.petition.invite.InvitationLimits.ATTRIBUTION_PARAMETER + "="
        + org.petition.invite.InvitationLimits.ATTRIBUTION_VALUE;
  }

  public String resetPassword(String token) {
    return baseUrl + "/account/reset?token=" + token;
  }
}
