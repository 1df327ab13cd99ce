package org.petition.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.Petitions;
import org.petition.account.AccountResult;
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
 * The pages behind the account links: {@code /account/verify} (a button that verifies the address) and {@code
 * /account/reset} (a new-password form). A GET changes nothing; the POST acts, with the link's token as the
 * credential. A new password the policy refuses is answered 422 with the rule and the form again.
 */
@Controller
@RequestMapping("${petition.web.base-path:}")
public class AccountLinkController {

  private static final String HOME = "../";

  private final Petitions petitions;
  private final LinkPages pages;
  private final @Nullable Tokens tokens;
  private final Clock clock;

  /** @param tokens the link keys, to tell an expired or foreign link on the GET already; may be null */
  public AccountLinkController(Petitions petitions, LinkPages pages, @Nullable Tokens tokens, Clock clock) {
    this.petitions = Objects.requireNonNull(petitions, "petitions must not be null");
    this.pages = Objects.requireNonNull(pages, "pages must not be null");
    this.tokens = tokens;
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  @GetMapping("/account/verify")
  public ResponseEntity<String> verifyForm(@RequestParam(name = "token", required = false) @Nullable String token,
      HttpServletRequest request) {
    return form("verify", token, TokenPurpose.VERIFY_ACCOUNT, "account.verify.title", "account.verify.prompt",
        "account.verify.button", false, request);
  }

  @PostMapping("/account/verify")
  public ResponseEntity<String> verify(@RequestParam(name = "token", required = false) @Nullable String token,
      HttpServletRequest request) {
    return result(petitions.accounts().verify(token), "account.verify.title", "account.verify.done", null,
        RequestContextUtils.getLocale(request));
  }

  @GetMapping("/account/reset")
  public ResponseEntity<String> resetForm(@RequestParam(name = "token", required = false) @Nullable String token,
      HttpServletRequest request) {
    return form("reset", token, TokenPurpose.RESET_PASSWORD, "account.reset.title", "account.reset.prompt",
        "account.reset.button", true, request);
  }

  @PostMapping("/account/reset")
  public ResponseEntity<String> reset(@RequestParam(name = "token", required = false) @Nullable String token,
      @RequestParam(name = "password", required = false) @Nullable String password, HttpServletRequest request) {
    return result(petitions.accounts().resetPassword(token, password), "account.reset.title", "account.reset.done",
        token, RequestContextUtils.getLocale(request));
  }

  private ResponseEntity<String> result(AccountResult result, String title, String done, @Nullable String token,
      Locale locale) {
    if (result instanceof AccountResult.Done) {
      return LinkResponses.html(HttpStatus.OK, pages.page(new LinkPage(title, done, List.of(), null, null, HOME),
          locale));
    }
    if (result instanceof AccountResult.Rejected rejected && token != null) {
      // The rule the new password broke, and the form again.
      String rule = rejected.violations().isEmpty() ? null : rejected.violations().get(0).message();
      return LinkResponses.html(HttpStatus.UNPROCESSABLE_CONTENT, pages.page(new LinkPage(title,
          "account.reset.refused", List.of(), rule, new LinkPage.Form("reset", token, "account.reset.button", true),
          HOME), locale));
    }
    HttpStatus status = result instanceof AccountResult.Expired ? HttpStatus.GONE : HttpStatus.BAD_REQUEST;
    return LinkResponses.html(status, pages.page(LinkResponses.refused(title, status, HOME), locale));
  }

  private ResponseEntity<String> form(String action, @Nullable String token, TokenPurpose purpose, String title,
      String prompt, String button, boolean newPassword, HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    HttpStatus refusal = LinkResponses.refusal(tokens, clock, token, purpose);
    if (refusal != null || token == null) {
      HttpStatus status = refusal == null ? HttpStatus.BAD_REQUEST : refusal;
      return LinkResponses.html(status, pages.page(LinkResponses.refused(title, status, HOME), locale));
    }
    return LinkResponses.html(HttpStatus.OK, pages.page(new LinkPage(title, prompt, List.of(), null,
        new LinkPage.Form(action, token, button, newPassword), HOME), locale));
  }
}
