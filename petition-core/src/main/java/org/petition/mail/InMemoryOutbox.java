package org.petition.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link ConfirmationSender} that keeps messages in memory, newest last, up to a bound: for tests, demos
 * and development, where no mail server runs. Thread-safe.
 */
public final class InMemoryOutbox implements ConfirmationSender {

  private final int capacity;
  private final ConcurrentLinkedDeque<OutgoingMessage> messages = new ConcurrentLinkedDeque<>();
  private final AtomicInteger size = new AtomicInteger();

  private InMemoryOutbox(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("outbox capacity must be positive");
    }
    this.capacity = capacity;
  }

  /** An outbox keeping the latest {@code capacity} messages. */
  public static InMemoryOutbox withCapacity(int capacity) {
    return new InMemoryOutbox(capacity);
  }

  /** An outbox keeping the latest 10,000 messages. */
  public static InMemoryOutbox ofDefaults() {
    return new InMemoryOutbox(10_000);
  }

  @Override
  public void send(OutgoingMessage message) {
    messages.addLast(message);
    if (size.incrementAndGet() > capacity && messages.pollFirst() != null) {
      size.decrementAndGet();
    }
  }

  /** Every kept message, oldest first. */
  public List<OutgoingMessage> messages() {
    return new ArrayList<>(messages);
  }

  /** The kept messages to one address (as typed, case-insensitively), oldest first. */
  public List<OutgoingMessage> messagesTo(String recipient) {
    return messages.stream().filter(m -> m.recipient().equalsIgnoreCase(recipient)).toList();
  }

  /** The newest message to one address. */
  public Optional<OutgoingMessage> latestTo(String recipient) {
    List<OutgoingMessage> to = messagesTo(recipient);
    return to.isEmpty() ? Optional.empty() : Optional.of(to.get(to.size() - 1));
  }

  /** How many messages are kept. */
  public int size() {
    return messages.size();
  }

  /** Forgets every message. */
  public void clear() {
    messages.clear();
    size.set(0);
  }
}
