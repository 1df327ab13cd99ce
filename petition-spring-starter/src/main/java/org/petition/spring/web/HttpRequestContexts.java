package org.petition.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.invite.InvitationLimits;
import org.petition.RequestContext;

/**
 * Builds a signing's {@link RequestContext} from an HTTP request: the client address through the trusted
 * proxies, the User-Agent, the language and the time received. For the REST API and for a host's own
 * server-rendered form alike.
 */
public final class HttpRequestContexts {

  private final TrustedProxies proxies;
  private final Clock clock;
  private final boolean formTokenRequired;

  /** Contexts whose forms must send a form token ({@code petition.form-token.required}'s default). */
  public HttpRequestContexts(TrustedProxies proxies, Clock clock) {
    this(proxies, clock, true);
  }

  /**
   * @param formTokenRequired whether a form that sends no form token is the bot signal; when false, a missing
   *     token goes unjudged (a token that is sent is always judged)
   */
  public HttpRequestContexts(TrustedProxies proxies, Clock clock, boolean formTokenRequired) {
    this.proxies = Objects.requireNonNull(proxies, "proxies must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.formTokenRequired = formTokenRequired;
  }

  /** The client's address, believing X-Forwarded-For only from trusted proxies. */
  public @Nullable String clientAddress(HttpServletRequest request) {
    return proxies.clientAddress(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For"));
  }

  /**
   * The context of a signing from a form of the host's own that measures its render time itself; a form the
   * server hands a form token uses {@link #ofForm} instead.
   *
   * @param renderedAt when the form was shown, if the form says
   * @param honeypot the hidden field's value
   * @param formId which form was used, kept as consent evidence
   * @param locale the signer's language; {@code null} to take it from Accept-Language
   */
  public RequestContext of(HttpServletRequest request, @Nullable Instant renderedAt, @Nullable String honeypot,
      @Nullable String formId, @Nullable Locale locale) {
    return new RequestContext(clientAddress(request), request.getHeader("User-Agent"), clock.instant(), renderedAt,
        honeypot, formId, locale == null ? acceptLanguage(request) : locale, null, viaInvitation(request));
  }

  /**
   * The context of a signing sent from a form or an API client the server handed a form token ({@link
   * org.petition.Petitions#formToken}): the render time is the one the token holds, never a client's, and a
   * missing token is the bot signal unless {@code petition.form-token.required} is off.
   *
   * @param formToken the form token sent back, {@code null} when none was sent
   * @param honeypot the hidden field's value
   * @param formId which form was used, kept as consent evidence
   * @param locale the signer's language; {@code null} to take it from Accept-Language
   */
  public RequestContext ofForm(HttpServletRequest request, @Nullable String formToken, @Nullable String honeypot,
      @Nullable String formId, @Nullable Locale locale) {
    String sent = formToken == null && formTokenRequired ? "" : formToken;
    return new RequestContext(clientAddress(request), request.getHeader("User-Agent"), clock.instant(), null,
        honeypot, formId, locale == null ? acceptLanguage(request) : locale, sent, viaInvitation(request));
  }

  /**
   * Whether the signing came through an invitation's link: the request (its query, or a form field the page
   * carried over) has {@code via=invite}. Counted in the petition's aggregate only.
   */
  static boolean viaInvitation(HttpServletRequest request) {
    return InvitationLimits.ATTRIBUTION_VALUE.equals(request.getParameter(InvitationLimits.ATTRIBUTION_PARAMETER));
  }

  /** The most preferred language of the Accept-Language header, or {@code null} when absent or malformed. */
  public static @Nullable Locale acceptLanguage(HttpServletRequest request) {
    String header = request.getHeader("Accept-Language");
    if (header == null || header.isBlank() || header.length() > 1000) {
      return null;
    }
    try {
      List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
      for (Locale.LanguageRange range : ranges) {
        if (!range.getRange().equals("*") && range.getWeight() > 0) {
          return Locale.forLanguageTag(range.getRange());
        }
      }
    } catch (IllegalArgumentException e) {
      // a malformed header is as good as none
    }
    return null;
  }
}
