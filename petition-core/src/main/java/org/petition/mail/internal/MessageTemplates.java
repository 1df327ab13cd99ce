package org.petition.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.petition.internal.Html;
import org.petition.mail.MessageKind;
import org.petition.mail.OutgoingMessage;

/**
 * The message texts of one language, loaded once from {@code messages_<lang>.properties} (UTF-8). Texts use
 * {@code {title}}, {@code {action}}, {@code {revoke}} and {@code {inviter}}
 * placeholders.
 */
public final class MessageTemplates {

  private static final MessageTemplates ENGLISH = load("en");
  private static final Map<String, MessageTemplates> BY_LANGUAGE = Map.of("en", ENGLISH, "ko", load("ko"));

  private final Properties texts;

  private MessageTemplates(Properties texts) {
    this.texts = texts;
  }

  /** The templates for a locale's language, English when the language is not supported. */
  public static MessageTemplates forLocale(Locale locale) {
    return BY_LANGUAGE.getOrDefault(locale.getLanguage(), ENGLISH);
  }

  /** Whether the language has its own templates. */
  public static boolean supports(Locale locale) {
    return BY_LANGUAGE.containsKey(locale.getLanguage());
  }

  public String subject(OutgoingMessage message) {
    return fill(template(message.kind(), "subject"), message, false);
  }

  public String text(OutgoingMessage message) {
    return fill(template(message.kind(), "text"), message, false);
  }

  public String html(OutgoingMessage message) {
    return fill(template(message.kind(), "html"), message, true);
  }

  private String template(MessageKind kind, String part) {
    String key = kind.name().toLowerCase(Locale.ROOT) + "." + part;
    String value = texts.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("missing message template " + key);
    }
    return value;
  }

  private static String fill(String template, OutgoingMessage message, boolean html) {
    return template
        .replace("{title}", value(message.petitionTitle(), html))
        .replace("{action}", value(message.actionUrl(), html))
        .replace("{revoke}", value(message.revokeUrl(), html))
        .replace("{inviter}", value(message.inviter(), html));
  }

  private static String value(@Nullable String value, boolean html) {
    if (value == null) {
      return "";
    }
    return html ? Html.escape(value) : value;
  }

  private static MessageTemplates load(String language) {
    String resource = "/org/petition/mail/messages_" + language + ".properties";
    try (InputStream in = MessageTemplates.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      Properties properties = new Properties();
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
      return new MessageTemplates(properties);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
