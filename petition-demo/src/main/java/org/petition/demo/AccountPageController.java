package org.petition.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.petition.Petitions;
import org.petition.Violation;
import org.petition.account.AccountResult;
import org.petition.account.LoginResult;
import org.petition.spring.web.HttpRequestContexts;
import org.petition.spring.web.SignedInSessions;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Returning signers' pages: register, log in, log out and "forgot my password", on the starter's accounts and
 * its session sign-in ({@link SignedInSessions}), so the API and the petition page see the same sign-in. Every
 * form carries the session's CSRF token. The links the mails carry are the starter's pages.
 */
@Controller
class AccountPageController {

  private final Petitions petitions;
  private final HttpRequestContexts contexts;
  private final MessageSource messages;

  AccountPageController(Petitions petitions, HttpRequestContexts contexts, MessageSource messages) {
    this.petitions = petitions;
    this.contexts = contexts;
    this.messages = messages;
  }

  @GetMapping("/account")
  String page(Model model, HttpServletRequest request, HttpSession session) {
    Locale locale = RequestContextUtils.getLocale(request);
    model.addAttribute("csrf", CsrfTokens.token(session));
    model.addAttribute("lang", locale.getLanguage());
    model.addAttribute("selfPath", "/account");
    model.addAttribute("noindex", true);
    model.addAttribute("signedInAs", SignedInSessions.email(request).orElse(null));
    model.addAttribute("verified", SignedInSessions.signer(request) != null
        && Objects.requireNonNull(SignedInSessions.signer(request)).verified());
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
    if (!model.containsAttribute("error")) {
      model.addAttribute("error", null);
    }
    return "account";
  }

  @PostMapping("/account/register")
  String register(@RequestParam Map<String, String> form, Model model, HttpServletRequest request,
      HttpServletResponse response, HttpSession session, RedirectAttributes redirect) {
    Locale locale = RequestContextUtils.getLocale(request);
    if (!CsrfTokens.matches(request.getSession(false), form.get(CsrfTokens.FIELD))) {
      return refused(HttpStatus.FORBIDDEN, message("form.expired", locale), model, request, response, session);
    }
    AccountResult result = petitions.accounts().register(form.get("email"), form.get("password"), locale);
    if (result instanceof AccountResult.Rejected rejected) {
      return refused(HttpStatus.UNPROCESSABLE_CONTENT, errors(rejected, locale), model, request, response, session);
    }
    redirect.addFlashAttribute("notice", message("account.registered", locale));
    return "redirect:/account";
  }

  @PostMapping("/account/login")
  String login(@RequestParam Map<String, String> form, Model model, HttpServletRequest request,
      HttpServletResponse response, HttpSession session, RedirectAttributes redirect) {
    Locale locale = RequestContextUtils.getLocale(request);
    if (!CsrfTokens.matches(request.getSession(false), form.get(CsrfTokens.FIELD))) {
      return refused(HttpStatus.FORBIDDEN, message("form.expired", locale), model, request, response, session);
    }
    LoginResult result = petitions.accounts().login(form.get("email"), form.get("password"),
        contexts.clientAddress(request));
    if (result instanceof LoginResult.SignedIn signedIn) {
      SignedInSessions.signIn(request, signedIn.signer(), Objects.requireNonNull(form.get("email")).strip());
      return "redirect:/";
    }
    if (result instanceof LoginResult.Locked locked) {
      response.setHeader("Retry-After", Long.toString(Math.max(1, locked.retryAfter().toSeconds())));
      return refused(HttpStatus.TOO_MANY_REQUESTS, message("account.locked", locale), model, request, response,
          session);
    }
    return refused(HttpStatus.UNAUTHORIZED, message("account.invalid", locale), model, request, response, session);
  }

  @PostMapping("/account/logout")
  String logout(@RequestParam Map<String, String> form, HttpServletRequest request) {
    if (CsrfTokens.matches(request.getSession(false), form.get(CsrfTokens.FIELD))) {
      SignedInSessions.signOut(request);
    }
    return "redirect:/";
  }

  @PostMapping("/account/forgot")
  String forgot(@RequestParam Map<String, String> form, Model model, HttpServletRequest request,
      HttpServletResponse response, HttpSession session, RedirectAttributes redirect) {
    Locale locale = RequestContextUtils.getLocale(request);
    if (!CsrfTokens.matches(request.getSession(false), form.get(CsrfTokens.FIELD))) {
      return refused(HttpStatus.FORBIDDEN, message("form.expired", locale), model, request, response, session);
    }
    AccountResult result = petitions.accounts().requestPasswordReset(form.get("email"), locale);
    if (result instanceof AccountResult.Rejected rejected) {
      return refused(HttpStatus.UNPROCESSABLE_CONTENT, errors(rejected, locale), model, request, response, session);
    }
    redirect.addFlashAttribute("notice", message("account.reset.sent", locale));
    return "redirect:/account";
  }

  private String refused(HttpStatus status, String error, Model model, HttpServletRequest request,
      HttpServletResponse response, HttpSession session) {
    response.setStatus(status.value());
    model.addAttribute("error", error);
    return page(model, request, session);
  }

  private String errors(AccountResult.Rejected rejected, Locale locale) {
    StringBuilder text = new StringBuilder();
    for (Violation violation : rejected.violations()) {
      String specific = messages.getMessage("error." + violation.code(), null, null, locale);
      text.append(text.length() == 0 ? "" : " ").append(specific != null ? specific : violation.message());
    }
    return text.toString();
  }

  private String message(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
