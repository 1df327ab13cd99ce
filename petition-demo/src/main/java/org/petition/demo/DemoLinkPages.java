package org.petition.demo;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.petition.ConfirmResult;
import org.petition.TransparencyLog;
import org.petition.RevokeResult;
import org.petition.invite.InviteToken;
import org.petition.spring.web.LinkPage;
import org.petition.spring.web.LinkPages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The confirm and "this wasn't me" pages in the site's own look, replacing the starter's plain ones. The
 * texts are the starter's bundle ({@code spring.messages.basename}); Thymeleaf escapes every value.
 */
@Component
class DemoLinkPages implements LinkPages {

  private final ITemplateEngine templates;
  private final MessageSource messages;

  DemoLinkPages(ITemplateEngine templates, MessageSource messages) {
    this.templates = templates;
    this.messages = messages;
  }

  @Override
  public String confirmForm(String token, Locale locale) {
    return page(locale, "confirm.title", "confirm.prompt", null, "confirm", token, "confirm.button");
  }

  @Override
  public String confirmResult(ConfirmResult result, Locale locale) {
    return confirmResult(result, null, locale);
  }

  // The thank-you page shows the signer's receipt: the log entry that made the signature count, its index,
  // and a link to how anyone checks it (/verify.html).
  @Override
  public String confirmResult(ConfirmResult result, TransparencyLog.@Nullable Receipt receipt, Locale locale) {
    if (result instanceof ConfirmResult.Confirmed confirmed) {
      return page(locale, "confirm.title", "confirm.done", confirmed.number(), null, null, null, receipt);
    }
    if (result instanceof ConfirmResult.AlreadyConfirmed already) {
      return page(locale, "confirm.title", "confirm.already", already.number(), null, null, null, receipt);
    }
    String text = result instanceof ConfirmResult.AwaitingReview ? "confirm.review"
        : result instanceof ConfirmResult.Expired ? "confirm.expired"
        : result instanceof ConfirmResult.Revoked ? "confirm.revoked" : "link.invalid";
    return page(locale, "confirm.title", text, null, null, null, null);
  }

  // After the confirmation of a signature that counts: the receipt and the invitation form (issue 20).
  @Override
  public String confirmResult(ConfirmResult result, TransparencyLog.@Nullable Receipt receipt,
      @Nullable InviteToken invite, Locale locale) {
    if (invite == null) {
      return confirmResult(result, receipt, locale);
    }
    long number = result instanceof ConfirmResult.Confirmed confirmed ? confirmed.number()
        : result instanceof ConfirmResult.AlreadyConfirmed already ? already.number() : 0;
    String text = result instanceof ConfirmResult.Confirmed ? "confirm.done" : "confirm.already";
    Map<String, Object> variables = variables(locale, "confirm.title", text, number, null, null, null, receipt);
    variables.put("inviteToken", invite.token());
    variables.put("invitePetition", invite.petition());
    return templates.process("link", new Context(locale, variables));
  }

  @Override
  public String revokeForm(String token, Locale locale) {
    return page(locale, "revoke.title", "revoke.prompt", null, "revoke", token, "revoke.button");
  }

  @Override
  public String revokeResult(RevokeResult result, Locale locale) {
    String text = result instanceof RevokeResult.Revoked ? "revoke.done"
        : result instanceof RevokeResult.Expired ? "revoke.expired" : "link.invalid";
    return page(locale, "revoke.title", text, null, null, null, null);
  }

  /** The erase, access, account verification and password-reset pages, in the site's look too. */
  @Override
  public String page(LinkPage page, Locale locale) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("lang", locale.getLanguage().equals("ko") ? "ko" : "en");
    variables.put("title", messages.getMessage(page.titleKey(), null, locale));
    variables.put("text", messages.getMessage(page.textKey(), page.arguments().toArray(), locale));
    variables.put("detail", page.detail());
    LinkPage.Form form = page.form();
    variables.put("action", form == null ? null : form.action());
    variables.put("token", form == null ? null : form.token());
    variables.put("button", form == null ? null : messages.getMessage(form.buttonKey(), null, locale));
    variables.put("newPassword", form != null && form.newPassword());
    variables.put("passwordLabel", messages.getMessage("account.reset.password", null, locale));
    return templates.process("link", new Context(locale, variables));
  }

  private String page(Locale locale, String title, String text, @Nullable Long number, @Nullable String action,
      @Nullable String token, @Nullable String button) {
    return page(locale, title, text, number, action, token, button, null);
  }

  private String page(Locale locale, String title, String text, @Nullable Long number, @Nullable String action,
      @Nullable String token, @Nullable String button, TransparencyLog.@Nullable Receipt receipt) {
    return templates.process("link", new Context(locale,
        variables(locale, title, text, number, action, token, button, receipt)));
  }

  private Map<String, Object> variables(Locale locale, String title, String text, @Nullable Long number,
      @Nullable String action, @Nullable String token, @Nullable String button,
      TransparencyLog.@Nullable Receipt receipt) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("receiptIndex", receipt == null ? null : receipt.index());
    variables.put("receiptEntry", receipt == null ? null : new String(receipt.entry(), StandardCharsets.UTF_8));
    variables.put("lang", locale.getLanguage().equals("ko") ? "ko" : "en");
    variables.put("title", messages.getMessage(title, null, locale));
    variables.put("text", messages.getMessage(text, number == null ? null : new Object[] {number}, locale));
    variables.put("number", number);
    variables.put("action", action);
    variables.put("token", token);
    variables.put("button", button == null ? null : messages.getMessage(button, null, locale));
    return variables;
  }
}
