package org.petition.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.OutgoingMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /dev/outbox}: the mails the demo would have sent, when no SMTP server is configured
 * ({@code spring.mail.host} unset). A development tool: it shows addresses and live links.
 */
@Controller
class DevOutboxController {

  // Present only when the starter fell back to the in-memory outbox, i.e. no mail server is configured.
  private final ObjectProvider<InMemoryOutbox> outbox;

  DevOutboxController(ObjectProvider<InMemoryOutbox> outbox) {
    this.outbox = outbox;
  }

  /** A message as the page shows it. */
  record MessageView(String kind, String recipient, String subject, String text, @Nullable String actionUrl,
      @Nullable String revokeUrl) {}

  @GetMapping("/dev/outbox")
  String outbox(Model model) {
    InMemoryOutbox messages = outbox.getIfAvailable();
    if (messages == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    List<MessageView> views = new ArrayList<>();
    for (OutgoingMessage message : messages.messages()) {
      views.add(new MessageView(message.kind().name(), message.recipient(), message.subject(), message.text(),
          message.actionUrl(), message.revokeUrl()));
    }
    Collections.reverse(views);
    model.addAttribute("messages", views);
    return "outbox";
  }
}
