package org.petition.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.Petitions;
import org.petition.invite.InviteResult;
import org.petition.invite.SuppressResult;
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
 * The page behind an invitation's "never email me again" link, {@code /unsubscribe}: the GET only shows one
 * button and changes nothing (mail scanners prefetch links); its POST adds the address's keyed hash to the
 * suppression list. Pages are {@code no-store} and {@code noindex}, as every page behind a mail link.
 */
@Controller
@RequestMapping("${petition.web.base-path:}")
public class InvitationLinkController {

  private final Petitions petitions;
  private final LinkPages pages;
  private final @Nullable Tokens tokens;
  private final Clock clock;
  private final HttpRequestContexts contexts;

  /**
   * @param tokens the link keys, to tell an expired or foreign link on the GET already; may be null
   * @param contexts where a request comes from (the client address the invitation limits count)
   */
  public InvitationLinkController(Petitions petitions, LinkPages pages, @Nullable Tokens tokens, Clock clock,
      HttpRequestContexts contexts) {
    this.contexts = Objects.requireNonNull(contexts, "contexts must not be null");
    this.petitions = Objects.requireNonNull(petitions, "petitions must not be null");
    this.pages = Objects.requireNonNull(pages, "pages must not be null");
    this.tokens = tokens;
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  /**
   * The invitation form of the thank-you page: {@code token} (the invite token), {@code petition} (its slug) and
   * {@code emails} (addresses separated by lines, commas, semicolons or spaces). Answers a page: 200 with what was
   * sent, 422 naming the invalid addresses, 429 (with {@code Retry-After}) over a limit, 410 for an expired token
   * or a signature that no longer counts, 400 for a bad token, 404 for an unknown petition.
   */
  @PostMapping("/invite")
  public ResponseEntity<String> invite(@RequestParam(name = "token", required = false) @Nullable String token,
      @RequestParam(name = "petition", required = false) @Nullable String petition,
      @RequestParam(name = "emails", required = false) @Nullable String emails, HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    List<@Nullable String> addresses = new java.util.ArrayList<>();
    if (emails != null) {
      for (String address : emails.split("[\\s,;]+")) {
        if (!address.isEmpty()) {
          addresses.add(address);
        }
      }
    }
    InviteResult result = petitions.invitations().invite(petition, token, addresses, contexts.clientAddress(request));
    if (result instanceof InviteResult.Sent sent) {
      return LinkResponses.html(HttpStatus.OK, pages.page(new LinkPage("invite.title", "invite.done",
          List.of(sent.sent(), sent.skipped()), null, null, "./"), locale));
    }
    if (result instanceof InviteResult.Rejected rejected) {
      String detail = rejected.violations().stream().map(org.petition.Violation::message)
          .collect(java.util.stream.Collectors.joining("; "));
      return LinkResponses.html(HttpStatus.UNPROCESSABLE_CONTENT, pages.page(new LinkPage("invite.title",
          "invite.invalid", List.of(), detail, null, "./"), locale));
    }
    if (result instanceof InviteResult.Limited limited) {
      long seconds = Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000);
      ResponseEntity<String> page = LinkResponses.html(HttpStatus.TOO_MANY_REQUESTS, pages.page(new LinkPage(
          "invite.title", "invite.limited", List.of((seconds + 59) / 60), null, null, "./"), locale));
      return ResponseEntity.status(page.getStatusCode()).headers(page.getHeaders())
          .header(org.springframework.http.HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(page.getBody());
    }
    HttpStatus status = result instanceof InviteResult.ExpiredToken ? HttpStatus.GONE
        : result instanceof InviteResult.UnknownPetition ? HttpStatus.NOT_FOUND
        : result instanceof InviteResult.Unavailable ? HttpStatus.NOT_IMPLEMENTED : HttpStatus.BAD_REQUEST;
    return LinkResponses.html(status, pages.page(LinkResponses.refused("invite.title",
        status == HttpStatus.GONE ? HttpStatus.GONE : HttpStatus.BAD_REQUEST, "./"), locale));
  }

  @GetMapping("/unsubscribe")
  public ResponseEntity<String> suppressForm(@RequestParam(name = "token", required = false) @Nullable String token,
      HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    HttpStatus refusal = LinkResponses.refusal(tokens, clock, token, TokenPurpose.SUPPRESS);
    if (refusal != null || token == null) {
      HttpStatus status = refusal == null ? HttpStatus.BAD_REQUEST : refusal;
      return LinkResponses.html(status, pages.page(LinkResponses.refused("suppress.title", status, "./"), locale));
    }
    return LinkResponses.html(HttpStatus.OK, pages.page(new LinkPage("suppress.title", "suppress.prompt", List.of(),
        null, new LinkPage.Form("unsubscribe", token, "suppress.button", false), "./"), locale));
  }

  @PostMapping("/unsubscribe")
  public ResponseEntity<String> suppress(@RequestParam(name = "token", required = false) @Nullable String token,
      HttpServletRequest request) {
    SuppressResult result = petitions.invitations().suppress(token);
    Locale locale = RequestContextUtils.getLocale(request);
    if (result instanceof SuppressResult.Suppressed) {
      return LinkResponses.html(HttpStatus.OK, pages.page(new LinkPage("suppress.title", "suppress.done", List.of(),
          null, null, "./"), locale));
    }
    HttpStatus status = result instanceof SuppressResult.Expired ? HttpStatus.GONE : HttpStatus.BAD_REQUEST;
    return LinkResponses.html(status, pages.page(LinkResponses.refused("suppress.title", status, "./"), locale));
  }
}
