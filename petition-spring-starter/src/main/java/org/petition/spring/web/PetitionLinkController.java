package org.petition.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.ConfirmResult;
import org.petition.Petitions;
import org.petition.TransparencyLog;
import org.petition.RevokeResult;
import org.petition.token.TokenPurpose;
import org.petition.token.Tokens;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The pages behind the links in mails. {@code GET /confirm} and {@code GET /revoke} only show a button:
 * mail scanners fetch links, and a GET that confirmed would let them sign for people. The POSTs act.
 */
@Controller
@RequestMapping("${petition.web.base-path:}")
public class PetitionLinkController {

  private final Petitions petitions;
  private final LinkPages pages;
  private final @Nullable Tokens tokens;
  private final Clock clock;

  /** Pages whose GET shows the button for any token; the POST tells an invalid or expired one. */
  public PetitionLinkController(Petitions petitions, LinkPages pages) {
    this(petitions, pages, null, Clock.systemUTC());
  }

  /**
   * @param tokens the link keys, to tell an expired or foreign link on the GET already (400 or 410, no button);
   *     may be null
   */
  public PetitionLinkController(Petitions petitions, LinkPages pages, @Nullable Tokens tokens, Clock clock) {
    this.petitions = Objects.requireNonNull(petitions, "petitions must not be null");
    this.pages = Objects.requireNonNull(pages, "pages must not be null");
    this.tokens = tokens;
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  @GetMapping("/confirm")
  public ResponseEntity<String> confirmForm(@RequestParam(name = "token", required = false) @Nullable String token,
      HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    HttpStatus refusal = LinkResponses.refusal(tokens, clock, token, TokenPurpose.CONFIRM);
    if (refusal != null || token == null) {
      return html(refusal == HttpStatus.GONE ? HttpStatus.GONE : HttpStatus.BAD_REQUEST, pages.confirmResult(
          refusal == HttpStatus.GONE ? new ConfirmResult.Expired() : new ConfirmResult.Invalid(), locale));
    }
    return html(HttpStatus.OK, pages.confirmForm(token, locale));
  }

  @PostMapping("/confirm")
  public ResponseEntity<String> confirm(@RequestParam(name = "token", required = false) @Nullable String token,
      HttpServletRequest request) {
    ConfirmResult result = petitions.confirm(token);
    HttpStatus status = result instanceof ConfirmResult.Confirmed || result instanceof ConfirmResult.AlreadyConfirmed
        ? HttpStatus.OK
        : result instanceof ConfirmResult.AwaitingReview ? HttpStatus.ACCEPTED
        : result instanceof ConfirmResult.Invalid ? HttpStatus.BAD_REQUEST
        : HttpStatus.GONE;
    long number = result instanceof ConfirmResult.Confirmed confirmed ? confirmed.number()
        : result instanceof ConfirmResult.AlreadyConfirmed already ? already.number() : 0;
    TransparencyLog.Receipt receipt =
        number > 0 && token != null ? petitions.log().receipt(token, number).orElse(null) : null;
    // The thank-you page carries the signer's invite token, while the signature counts (issue 20).
    org.petition.invite.InviteToken invite =
        number > 0 ? petitions.invitations().tokenAfterConfirmation(token).orElse(null) : null;
    return html(status, pages.confirmResult(result, receipt, invite, RequestContextUtils.getLocale(request)));
  }

  @GetMapping("/revoke")
  public ResponseEntity<String> revokeForm(@RequestParam(name = "token", required = false) @Nullable String token,
      HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    HttpStatus refusal = LinkResponses.refusal(tokens, clock, token, TokenPurpose.REVOKE);
    if (refusal != null || token == null) {
      return html(refusal == HttpStatus.GONE ? HttpStatus.GONE : HttpStatus.BAD_REQUEST, pages.revokeResult(
          refusal == HttpStatus.GONE ? new RevokeResult.Expired() : new RevokeResult.Invalid(), locale));
    }
    return html(HttpStatus.OK, pages.revokeForm(token, locale));
  }

  @PostMapping("/revoke")
  public ResponseEntity<String> revoke(@RequestParam(name = "token", required = false) @Nullable String token,
      HttpServletRequest request) {
    RevokeResult result = petitions.revoke(token);
    HttpStatus status = result instanceof RevokeResult.Revoked ? HttpStatus.OK
        : result instanceof RevokeResult.Expired ? HttpStatus.GONE : HttpStatus.BAD_REQUEST;
    return html(status, pages.revokeResult(result, RequestContextUtils.getLocale(request)));
  }

  private static ResponseEntity<String> html(HttpStatus status, String body) {
    return LinkResponses.html(status, body);
  }
}
