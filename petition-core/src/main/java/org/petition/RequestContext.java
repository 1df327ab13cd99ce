package org.petition;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where and when a signing came from. Every field is what the host application saw, possibly absent.
 *
 * @param ip the client's IP address as text (IPv4 or IPv6 in any notation), {@code null} if unknown
 * @param userAgent the HTTP User-Agent, {@code null} if unknown
 * @param receivedAt when the request arrived, {@code null} to use the library's clock
 * @param formRenderedAt when the form was shown to the signer, {@code null} if unknown (bot timing is then
 *     not checked)
 * @param honeypot the value of a form field hidden from people; anything in it marks a bot
 * @param formId an id of the form the signer used, kept as consent evidence
 * @param locale the signer's language, choosing the language of the confirmation mail
 * @param formToken the form token ({@link Petitions#formToken}) the form or API client sent back; {@code null}
 *     when the signing did not come through a form the server handed out (the host's own code calls {@code
 *     sign}): then it is not checked. Any other value, the empty string included, is checked: missing, forged,
 *     expired or replayed is the bot signal {@code bot.form_token}, and the fill time is measured from the
 *     render time the token holds, never from {@code formRenderedAt}
 * @param viaInvitation whether the signer came through an invitation's link (it carried {@code
 *     via=invite}, {@link org.petition.invite.InvitationLimits#ATTRIBUTION_PARAMETER}): counted in the petition's
 *     aggregate only, never linked to who invited
 */
public record RequestContext(
    @Nullable String ip,
    @Nullable String userAgent,
    @Nullable Instant receivedAt,
    @Nullable Instant formRenderedAt,
    @Nullable String honeypot,
    @Nullable String formId,
    @Nullable Locale locale,
    @Nullable String formToken,
    boolean viaInvitation) {

  /** A context not attributed to an invitation. */
  public RequestContext(@Nullable String ip, @Nullable String userAgent, @Nullable Instant receivedAt,
      @Nullable Instant formRenderedAt, @Nullable String honeypot, @Nullable String formId, @Nullable Locale locale,
      @Nullable String formToken) {
    this(ip, userAgent, receivedAt, formRenderedAt, honeypot, formId, locale, formToken, false);
  }

  /** A context without a form token (the signing did not come through a form the server handed out). */
  public RequestContext(@Nullable String ip, @Nullable String userAgent, @Nullable Instant receivedAt,
      @Nullable Instant formRenderedAt, @Nullable String honeypot, @Nullable String formId, @Nullable Locale locale) {
    this(ip, userAgent, receivedAt, formRenderedAt, honeypot, formId, locale, null);
  }

  /** A context that knows nothing about the request. */
  public static RequestContext empty() {
    return new RequestContext(null, null, null, null, null, null, null, null);
  }
}
