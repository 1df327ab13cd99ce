package org.petition.spring.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.petition.mail.MessageKind;
import org.petition.mail.OutgoingMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** A mail server that accepts the connection and never answers does not hold a delivery for ever. */
class StalledSmtpServerTest {

  @Test
  void theStartersTimeoutsEndADeliveryToAStalledServer() throws Exception {
    try (SlowSmtpServer stalled = SlowSmtpServer.stalled()) {
      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.setHost("127.0.0.1");
      sender.setPort(stalled.port());
      Properties javaMail = sender.getJavaMailProperties();
      SmtpTimeouts.applyDefaults(javaMail, Duration.ofMillis(700));
      JavaMailDelivery delivery = new JavaMailDelivery(sender, "petitions@example.org", null);
      OutgoingMessage message = new OutgoingMessage(MessageKind.ALREADY_SIGNED, "kim@example.org", Locale.ENGLISH,
          "Petition", null, null);

      long start = System.nanoTime();
      assertThatThrownBy(() -> delivery.deliver(message)).isInstanceOf(RuntimeException.class)
          .isNotInstanceOf(MailDelivery.PermanentMailFailure.class);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      // Without a timeout JavaMail would wait for the greeting for ever; with 700 ms it gives up at once after.
      assertThat(took).isBetween(Duration.ofMillis(600), Duration.ofSeconds(5));
    }
  }
}
