package org.petition.spring.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.petition.TransparencyLog;
import org.petition.ConfirmResult;
import org.petition.RevokeResult;

/**
 * The HTML of the pages behind the links in confirmation mails. A GET shows a button and changes nothing
 * (mail scanners prefetch links); the button's POST acts. Declare a bean of this type to restyle them; every
 * value written into a page must be HTML-escaped.
 */
public interface LinkPages {

  /** The page at {@code GET /confirm?token=...}: a button that posts the token to {@code /confirm}. */
  String confirmForm(String token, Locale locale);

  /** The page after {@code POST /confirm}. */
  String confirmResult(ConfirmResult result, Locale locale);

  /**
   * The page after {@code POST /confirm}, with the signer's transparency-log receipt when the signature
   * counts and the log is kept ({@code null} otherwise). By default the page without it.
   */
  default String confirmResult(ConfirmResult result, TransparencyLog.@Nullable Receipt receipt, Locale locale) {
    return confirmResult(result, locale);
  }

  /**
   * The thank-you page after {@code POST /confirm} of a signature that counts, with the signer's invite token for
   * an invitation form posting to {@code invite} ({@link InvitationLinkController}: fields {@code token}, {@code
   * petition} and {@code emails}, one address a line); {@code invite} is {@code null} when the signer cannot
   * invite. By default the page without the form.
   */
  default String confirmResult(ConfirmResult result, TransparencyLog.@Nullable Receipt receipt,
      org.petition.invite.@Nullable InviteToken invite, Locale locale) {
    return confirmResult(result, receipt, locale);
  }

  /** The page at {@code GET /revoke?token=...}: a button that posts the token to {@code /revoke}. */
  String revokeForm(String token, Locale locale);

  /** The page after {@code POST /revoke}. */
  String revokeResult(RevokeResult result, Locale locale);

  /**
   * Every other page behind a mail link ({@code /erase}, {@code /access}, {@code /account/verify}, {@code
   * /account/reset}), before and after its button. The starter's plain page unless overridden.
   */
  default String page(LinkPage page, Locale locale) {
    return DefaultLinkPages.render(page, locale);
  }
}
