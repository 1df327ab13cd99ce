package org.petition.spring.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;
import org.petition.ConfirmResult;
import org.petition.RevokeResult;

/** Plain, self-contained pages in English and Korean; no script, no external resource. */
public class DefaultLinkPages implements LinkPages {

  private static final String BUNDLE = "org.petition.spring.web.link-pages";
  private static final String STYLE = "body{margin:0;background:#f4f5f7;color:#1f2328;"
      + "font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans KR',sans-serif}"
      + "main{max-width:34rem;margin:4rem auto;padding:2rem;background:#fff;border-radius:12px;"
      + "box-shadow:0 1px 3px rgba(0,0,0,.12)}h1{margin-top:0;font-size:1.5rem}"
      + "button{font:inherit;font-weight:600;color:#fff;background:#c0392b;border:0;border-radius:8px;"
      + "padding:.75rem 1.5rem;cursor:pointer}button:hover{background:#a93226}"
      + ".number{font-size:2.5rem;font-weight:700;color:#c0392b;margin:.5rem 0}a{color:#1f6feb}";

  @Override
  public String confirmForm(String token, Locale locale) {
    ResourceBundle messages = messages(locale);
    return page(messages, "confirm.title", paragraph(messages, "confirm.prompt") + form("confirm", token,
        messages.getString("confirm.button")));
  }

  @Override
  public String confirmResult(ConfirmResult result, Locale locale) {
    ResourceBundle messages = messages(locale);
    String body;
    if (result instanceof ConfirmResult.Confirmed confirmed) {
      body = "<p class=\"number\">" + confirmed.number() + "</p>"
          + paragraph(messages, "confirm.done", confirmed.number());
    } else if (result instanceof ConfirmResult.AlreadyConfirmed already) {
      body = "<p class=\"number\">" + already.number() + "</p>"
          + paragraph(messages, "confirm.already", already.number());
    } else if (result instanceof ConfirmResult.AwaitingReview) {
      body = paragraph(messages, "confirm.review");
    } else if (result instanceof ConfirmResult.Expired) {
      body = paragraph(messages, "confirm.expired");
    } else if (result instanceof ConfirmResult.Revoked) {
      body = paragraph(messages, "confirm.revoked");
    } else {
      body = paragraph(messages, "link.invalid");
    }
    return page(messages, "confirm.title", body + back(messages));
  }

  /** The thank-you page, with the invitation form when the signer may invite. */
  @Override
  public String confirmResult(ConfirmResult result, org.petition.TransparencyLog.@Nullable Receipt receipt,
      org.petition.invite.@Nullable InviteToken invite, Locale locale) {
    String page = confirmResult(result, receipt, locale);
    if (invite == null) {
      return page;
    }
    ResourceBundle messages = messages(locale);
    String form = "<h2>" + escape(messages.getString("invite.title")) + "</h2>" + paragraph(messages, "invite.prompt")
        + "<form method=\"post\" action=\"invite\"><input type=\"hidden\" name=\"token\" value=\""
        + escape(invite.token()) + "\"><input type=\"hidden\" name=\"petition\" value=\""
        + escape(invite.petition()) + "\"><p><textarea name=\"emails\" rows=\"5\" cols=\"40\" required></textarea>"
        + "</p><button type=\"submit\">" + escape(messages.getString("invite.button")) + "</button></form>";
    return page.replace("</main>", form + "</main>");
  }

  @Override
  public String revokeForm(String token, Locale locale) {
    ResourceBundle messages = messages(locale);
    return page(messages, "revoke.title", paragraph(messages, "revoke.prompt") + form("revoke", token,
        messages.getString("revoke.button")));
  }

  @Override
  public String revokeResult(RevokeResult result, Locale locale) {
    ResourceBundle messages = messages(locale);
    String key = result instanceof RevokeResult.Revoked ? "revoke.done"
        : result instanceof RevokeResult.Expired ? "revoke.expired" : "link.invalid";
    return page(messages, "revoke.title", paragraph(messages, key) + back(messages));
  }

  @Override
  public String page(LinkPage page, Locale locale) {
    return render(page, locale);
  }

  /** The starter's plain rendering of a {@link LinkPage}. */
  static String render(LinkPage page, Locale locale) {
    ResourceBundle messages = messages(locale);
    StringBuilder body = new StringBuilder(paragraph(messages, page.textKey(), page.arguments().toArray()));
    if (page.detail() != null) {
      body.append("<p><strong>").append(escape(page.detail())).append("</strong></p>");
    }
    LinkPage.Form form = page.form();
    if (form == null) {
      body.append("<p><a href=\"").append(escape(page.home())).append("\">").append(escape(messages.getString("back")))
          .append("</a></p>");
    } else {
      body.append("<form method=\"post\" action=\"").append(escape(form.action()))
          .append("\"><input type=\"hidden\" name=\"token\" value=\"").append(escape(form.token())).append("\">");
      if (form.newPassword()) {
        body.append("<p><label>").append(escape(messages.getString("account.reset.password")))
            .append("<br><input type=\"password\" name=\"password\" autocomplete=\"new-password\" required"
                + " minlength=\"8\"></label></p>");
      }
      body.append("<button type=\"submit\">").append(escape(messages.getString(form.buttonKey())))
          .append("</button></form>");
    }
    return page(messages, page.titleKey(), body.toString());
  }

  private static ResourceBundle messages(Locale locale) {
    return ResourceBundle.getBundle(BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private static String page(ResourceBundle messages, String titleKey, String body) {
    String title = escape(messages.getString(titleKey));
    return "<!DOCTYPE html>\n<html lang=\"" + escape(messages.getLocale().getLanguage().isEmpty() ? "en"
        : messages.getLocale().getLanguage()) + "\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<meta name=\"robots\" content=\"noindex, nofollow\"><title>" + title + "</title><style>" + STYLE
        + "</style></head><body><main><h1>" + title + "</h1>" + body + "</main></body></html>\n";
  }

  private static String paragraph(ResourceBundle messages, String key, Object... arguments) {
    String text = arguments.length == 0 ? messages.getString(key)
        : new MessageFormat(messages.getString(key), messages.getLocale()).format(arguments);
    return "<p>" + escape(text) + "</p>";
  }

  private static String form(String action, String token, String button) {
    // Relative action: right under any context path.
    return "<form method=\"post\" action=\"" + action + "\"><input type=\"hidden\" name=\"token\" value=\""
        + escape(token) + "\"><button type=\"submit\">" + escape(button) + "</button></form>";
  }

  private static String back(ResourceBundle messages) {
    return "<p><a href=\"./\">" + escape(messages.getString("back")) + "</a></p>";
  }

  /** Escapes text for an HTML element or a double-quoted attribute. */
  protected static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
