package org.petition.mail;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.mail.internal.MessageTemplates;

/**
 * A message the library asks a {@link ConfirmationSender} to deliver. The subject and bodies are rendered
 * on demand from the library's templates in the recipient's language (English and Korean ship), with every
 * value HTML-escaped in the HTML body.
 *
 * <p>{@link #toString()} never shows the recipient or the links: they hold tokens and an email address.
 *
 * @param kind which message this is
 * @param recipient the address as the signer typed it
 * @param locale the language, English when not supported
 * @param petitionTitle the petition's title
 * @param actionUrl the main link (confirm, erase, verify, reset), or {@code null} for {@link
 *     MessageKind#ALREADY_SIGNED}
 * @param revokeUrl the "this wasn't me" link (for {@link MessageKind#INVITATION} the "never email me again"
 *     link), or {@code null}
 * @param inviter the inviter's public display name for {@link MessageKind#INVITATION} (never an address), else
 *     {@code null}
 */
public record OutgoingMessage(
    MessageKind kind,
    String recipient,
    Locale locale,
    String petitionTitle,
    @Nullable String actionUrl,
    @Nullable String revokeUrl,
    @Nullable String inviter) {

  /** A message without an inviter: every kind but {@link MessageKind#INVITATION}. */
  public OutgoingMessage(MessageKind kind, String recipient, Locale locale, String petitionTitle,
      @Nullable String actionUrl, @Nullable String revokeUrl) {
    this(kind, recipient, locale, petitionTitle, actionUrl, revokeUrl, null);
  }

  public OutgoingMessage {
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(recipient, "recipient must not be null");
    Objects.requireNonNull(locale, "locale must not be null");
    Objects.requireNonNull(petitionTitle, "petitionTitle must not be null");
  }

  /**
   * The token of the main link (its {@code token} query parameter), for hosts and tests that act on a
   * message without following the link; empty when the message has no link (such as {@link
   * MessageKind#ALREADY_SIGNED}).
   */
  public java.util.Optional<String> actionToken() {
    if (actionUrl == null) {
      return java.util.Optional.empty();
    }
    int query = actionUrl.indexOf('?');
    for (String parameter : actionUrl.substring(query + 1).split("&")) {
      if (query >= 0 && parameter.startsWith("token=")) {
        return java.util.Optional.of(java.net.URLDecoder.decode(parameter.substring(6),
            java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return java.util.Optional.empty();
  }

  /** The subject line. */
  public String subject() {
    return MessageTemplates.forLocale(locale).subject(this);
  }

  /** The plain-text body. */
  public String text() {
    return MessageTemplates.forLocale(locale).text(this);
  }

  /** The HTML body; every value in it is escaped. */
  public String html() {
    return MessageTemplates.forLocale(locale).html(this);
  }

  @Override
  public String toString() {
    return "OutgoingMessage[kind=" + kind + ", locale=" + locale.toLanguageTag() + "]";
  }
}
