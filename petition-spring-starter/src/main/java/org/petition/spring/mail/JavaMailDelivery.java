package org.petition.spring.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.mail.OutgoingMessage;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends a message as multipart text and HTML through a {@link JavaMailSender}. */
public final class JavaMailDelivery implements MailDelivery {

  private final JavaMailSender sender;
  private final String from;
  private final @Nullable String replyTo;

  public JavaMailDelivery(JavaMailSender sender, String from, @Nullable String replyTo) {
    this.sender = Objects.requireNonNull(sender, "sender must not be null");
    this.from = Objects.requireNonNull(from, "from must not be null");
    this.replyTo = replyTo;
  }

  @Override
  public void deliver(OutgoingMessage message) {
    MimeMessage mime = sender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
      helper.setFrom(from);
      if (replyTo != null) {
        helper.setReplyTo(replyTo);
      }
      helper.setTo(message.recipient());
      helper.setSubject(message.subject());
      helper.setText(message.text(), message.html());
      // RFC 3834: an automatic message; auto-responders should not answer it.
      mime.setHeader("Auto-Submitted", "auto-generated");
    } catch (AddressException e) {
      throw new PermanentMailFailure("an address is malformed", e);
    } catch (MessagingException e) {
      throw new PermanentMailFailure("the message could not be composed", e);
    }
    try {
      sender.send(mime);
    } catch (MailParseException | MailPreparationException e) {
      throw new PermanentMailFailure("the message was refused before sending", e);
    }
  }
}
