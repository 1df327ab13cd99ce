package org.petition.spring.mail;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

/** JavaMail's SMTP timeouts, which are infinite unless set: filled in where the application left them out. */
final class SmtpTimeouts {

  /** The properties set, for the smtp and smtps protocols both. */
  static final List<String> KEYS = List.of(
      "mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout",
      "mail.smtps.connectiontimeout", "mail.smtps.timeout", "mail.smtps.writetimeout");

  private SmtpTimeouts() {}

  /** Sets every timeout in {@link #KEYS} that {@code properties} does not hold yet to {@code timeout}. */
  static void applyDefaults(Properties properties, Duration timeout) {
    String millis = Long.toString(timeout.toMillis());
    for (String key : KEYS) {
      if (properties.getProperty(key) == null) {
        properties.setProperty(key, millis);
      }
    }
  }
}
