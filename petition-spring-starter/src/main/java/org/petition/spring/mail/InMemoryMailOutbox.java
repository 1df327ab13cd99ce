package org.petition.spring.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.petition.mail.OutgoingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MailOutbox} in memory, for an application without a database: survives a slow or down mail
 * server, not a restart. Bounded: holds at most {@code capacity} messages (waiting and given up on); when
 * full, {@link #add} throws {@link MailOutboxFullException} and logs a warning (the capacity and the count
 * refused, no address), at most once a minute. Thread-safe.
 */
public final class InMemoryMailOutbox implements MailOutbox {

  /** The capacity of {@link #InMemoryMailOutbox()}. */
  public static final int DEFAULT_CAPACITY = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(InMemoryMailOutbox.class);
  private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

  private final Map<Long, Entry> entries = new LinkedHashMap<>();
  private final int capacity;
  private long nextId = 1;
  private long refused;
  private long lastWarning = System.nanoTime() - WARN_EVERY_NANOS;

  private static final class Entry {
    final long id;
    final OutgoingMessage message;
    final Instant createdAt;
    Instant dueAt;
    int attempts;
    boolean failed;
    @Nullable String lease;

    Entry(long id, OutgoingMessage message, Instant createdAt) {
      this.id = id;
      this.message = message;
      this.createdAt = createdAt;
      this.dueAt = createdAt;
    }
  }

  /** An outbox of {@link #DEFAULT_CAPACITY} messages. */
  public InMemoryMailOutbox() {
    this(DEFAULT_CAPACITY);
  }

  /** An outbox of at most {@code capacity} messages: at least 1. */
  public InMemoryMailOutbox(int capacity) {
    this.capacity = Arguments.atLeastOne(capacity, "outbox capacity");
  }

  /** The most messages held at once. */
  public int capacity() {
    return capacity;
  }

  @Override
  public synchronized void add(OutgoingMessage message, Instant now) {
    Objects.requireNonNull(message, "message must not be null");
    if (entries.size() >= capacity) {
      refused++;
      long nanos = System.nanoTime();
      if (nanos - lastWarning >= WARN_EVERY_NANOS) {
        lastWarning = nanos;
        LOG.warn("in-memory mail outbox full ({} messages): new mails are refused ({} so far) until the mail server"
            + " catches up; raise petition.mail.memory-capacity or give the application a DataSource", capacity,
            refused);
      }
      throw new MailOutboxFullException(capacity);
    }
    long id = nextId++;
    entries.put(id, new Entry(id, message, now));
  }

  @Override
  public synchronized List<QueuedMessage> claimDue(Instant now, Duration lease, int limit) {
    List<QueuedMessage> claimed = new ArrayList<>();
    List<Entry> due = entries.values().stream()
        .filter(e -> !e.failed && !e.dueAt.isAfter(now))
        .sorted(Comparator.comparing((Entry e) -> e.dueAt).thenComparingLong(e -> e.id))
        .limit(limit)
        .toList();
    String token = UUID.randomUUID().toString();
    for (Entry entry : due) {
      entry.attempts++;
      entry.dueAt = now.plus(lease);
      entry.lease = token;
      claimed.add(new QueuedMessage(entry.id, entry.message, entry.attempts, entry.createdAt, token));
    }
    return claimed;
  }

  private @Nullable Entry held(long id, String lease) {
    Entry entry = entries.get(id);
    return entry != null && !entry.failed && lease.equals(entry.lease) ? entry : null;
  }

  @Override
  public synchronized boolean renew(long id, String lease, Instant until) {
    Entry entry = held(id, lease);
    if (entry == null) {
      return false;
    }
    entry.dueAt = until;
    return true;
  }

  @Override
  public synchronized boolean delivered(long id, String lease) {
    return held(id, lease) != null && entries.remove(id) != null;
  }

  @Override
  public synchronized boolean failed(long id, String lease, @Nullable Instant retryAt) {
    Entry entry = held(id, lease);
    if (entry == null) {
      return false;
    }
    entry.lease = null;
    if (retryAt == null) {
      entry.failed = true;
    } else {
      entry.dueAt = retryAt;
    }
    return true;
  }

  @Override
  public synchronized Backlog backlog() {
    long waiting = 0;
    long failed = 0;
    Instant oldest = null;
    for (Entry entry : entries.values()) {
      if (entry.failed) {
        failed++;
      } else {
        waiting++;
        oldest = oldest == null || entry.createdAt.isBefore(oldest) ? entry.createdAt : oldest;
      }
    }
    return new Backlog(waiting, failed, oldest);
  }

  @Override
  public synchronized int deleteFailedBefore(Instant cutoff) {
    int before = entries.size();
    entries.values().removeIf(e -> e.failed && e.createdAt.isBefore(cutoff));
    return before - entries.size();
  }

  @Override
  public synchronized long refusedWhenFull() {
    return refused;
  }

  @Override
  public synchronized boolean isFull() {
    return entries.size() >= capacity;
  }
}
