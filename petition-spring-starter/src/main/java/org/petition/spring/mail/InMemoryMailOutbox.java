package org.petition.spring.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.petition.mail.OutgoingMessage;

/**
 * A {@link MailOutbox} in memory, for an application without a database: survives a slow or down mail
 * server, not a restart. Thread-safe.
 */
public final class InMemoryMailOutbox implements MailOutbox {

  private final Map<Long, Entry> entries = new LinkedHashMap<>();
  private long nextId = 1;

  private static final class Entry {
    final long id;
    final OutgoingMessage message;
    final Instant createdAt;
    Instant dueAt;
    int attempts;
    boolean failed;

    Entry(long id, OutgoingMessage message, Instant createdAt) {
      this.id = id;
      this.message = message;
      this.createdAt = createdAt;
      this.dueAt = createdAt;
    }
  }

  @Override
  public synchronized void add(OutgoingMessage message, Instant now) {
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
    for (Entry entry : due) {
      entry.attempts++;
      entry.dueAt = now.plus(lease);
      claimed.add(new QueuedMessage(entry.id, entry.message, entry.attempts, entry.createdAt));
    }
    return claimed;
  }

  @Override
  public synchronized void delivered(long id) {
    entries.remove(id);
  }

  @Override
  public synchronized void failed(long id, @Nullable Instant retryAt) {
    Entry entry = entries.get(id);
    if (entry == null) {
      return;
    }
    if (retryAt == null) {
      entry.failed = true;
    } else {
      entry.dueAt = retryAt;
    }
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
}
