package org.petition.demo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.OutgoingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /dev/outbox}: the mails the demo would have sent, when no SMTP server is configured
 * ({@code spring.mail.host} unset). A development tool: it shows addresses and live links, so it is served only
 * when the application listens on loopback alone ({@code server.address} such as 127.0.0.1, the demo's default) or
 * {@code petition.demo.dev-outbox=true}; otherwise it is 404. The start-up log says which.
 */
@Controller
class DevOutboxController {

  private static final Logger LOG = LoggerFactory.getLogger(DevOutboxController.class);

  // Present only when the starter fell back to the in-memory outbox, i.e. no mail server is configured.
  private final ObjectProvider<InMemoryOutbox> outbox;
  private final boolean served;

  DevOutboxController(ObjectProvider<InMemoryOutbox> outbox, DemoProperties properties, Environment environment) {
    this.outbox = outbox;
    String address = environment.getProperty("server.address");
    boolean loopback = isLoopback(address);
    this.served = loopback || properties.devOutbox();
    if (outbox.getIfAvailable() == null) {
      LOG.info("petition demo: mail goes to the configured mail server; /dev/outbox is off");
    } else if (loopback) {
      LOG.info("petition demo: mail is kept in memory and shown at /dev/outbox (the app listens on loopback {} only)",
          address);
    } else if (served) {
      LOG.warn("petition demo: /dev/outbox is served to anyone who can reach the app (petition.demo.dev-outbox=true):"
          + " it shows addresses and live links");
    } else {
      LOG.info("petition demo: mail is kept in memory and /dev/outbox is off, as the app listens on {}; set"
          + " server.address=127.0.0.1 or petition.demo.dev-outbox=true to see it",
          address == null ? "every interface" : address);
    }
  }

  /** Whether {@code address} (a literal, or localhost) is a loopback address; never looked up otherwise. */
  static boolean isLoopback(@Nullable String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    String host = address.strip();
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!(host.indexOf(':') >= 0 || Character.isDigit(host.charAt(0)))) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** A message as the page shows it. */
  record MessageView(String kind, String recipient, String subject, String text, @Nullable String actionUrl,
      @Nullable String revokeUrl) {}

  @GetMapping("/dev/outbox")
  String outbox(Model model) {
    InMemoryOutbox messages = outbox.getIfAvailable();
    if (messages == null || !served) {
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
