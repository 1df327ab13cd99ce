package org.petition.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.OutgoingMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code GET /dev/petition-outbox}: the confirmation mails the in-memory outbox holds (no mail server is
 * configured), newest first, as a page or, asked for JSON, as JSON. A development tool: it shows addresses and live
 * links, so it is served only when {@code petition.dev.outbox.enabled=true}, and then only to a client on this
 * machine: the connection's own remote address must be a loopback address (no header is believed). Anyone else gets
 * 404, as if it did not exist.
 */
@RestController
public class PetitionDevOutboxController {

  /** The path served. */
  public static final String PATH = "/dev/petition-outbox";

  private final InMemoryOutbox outbox;

  public PetitionDevOutboxController(InMemoryOutbox outbox) {
    this.outbox = Objects.requireNonNull(outbox, "outbox must not be null");
  }

  /** A message as shown. */
  public record Message(String kind, String recipient, String subject, @Nullable String actionUrl,
      @Nullable String revokeUrl) {}

  @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<List<Message>> json(HttpServletRequest request) {
    if (!fromLoopback(request)) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok().header("Cache-Control", "no-store").body(messages());
  }

  @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> page(HttpServletRequest request) {
    if (!fromLoopback(request)) {
      return ResponseEntity.notFound().build();
    }
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
        + "<meta name=\"robots\" content=\"noindex\"><title>Outbox (development)</title></head><body>"
        + "<h1>Outbox (development)</h1><p>Mails petition would have sent: no mail server is configured.</p>");
    List<Message> messages = messages();
    if (messages.isEmpty()) {
      html.append("<p>No mail yet.</p>");
    }
    for (Message message : messages) {
      html.append("<article><h2>").append(escape(message.subject())).append("</h2><p>To ")
          .append(escape(message.recipient())).append(" (").append(escape(message.kind())).append(")</p>");
      link(html, message.actionUrl(), "Open the link");
      link(html, message.revokeUrl(), "This wasn't me");
      html.append("</article>");
    }
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .header("Cache-Control", "no-store").body(html.append("</body></html>").toString());
  }

  private List<Message> messages() {
    List<Message> messages = new ArrayList<>();
    for (OutgoingMessage message : outbox.messages()) {
      messages.add(new Message(message.kind().name(), message.recipient(), message.subject(), message.actionUrl(),
          message.revokeUrl()));
    }
    Collections.reverse(messages);
    return messages;
  }

  /** Whether the connection comes from this machine: its remote address, never a forwarded header. */
  static boolean fromLoopback(HttpServletRequest request) {
    String address = request.getRemoteAddr();
    if (address == null || address.isEmpty() || !(address.indexOf(':') >= 0 || Character.isDigit(address.charAt(0)))) {
      return false; // not an address literal: never looked up
    }
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static void link(StringBuilder html, @Nullable String url, String label) {
    if (url != null) {
      html.append("<p><a href=\"").append(escape(url)).append("\">").append(label).append("</a></p>");
    }
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
