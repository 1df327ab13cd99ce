package org.petition.spring.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.petition.mail.OutgoingMessage;

/**
 * Messages waiting to be sent. Implementations are thread-safe, and a claim is exclusive even between
 * application instances sharing one outbox: a claimed message is invisible to others until its lease ends.
 */
public interface MailOutbox {

  /** Queues a message, due at once. */
  void add(OutgoingMessage message, Instant now);

  /**
   * Claims up to {@code limit} due messages for {@code lease}, counting an attempt on each. A message not
   * reported back within the lease becomes due again (its sender died).
   */
  List<QueuedMessage> claimDue(Instant now, Duration lease, int limit);

  /** The message was accepted by the mail server: forget it. */
  void delivered(long id);

  /** Sending failed: try again at {@code retryAt}, or give up when it is {@code null}. */
  void failed(long id, @Nullable Instant retryAt);

  /** What is waiting and what was given up on. */
  Backlog backlog();

  /** Deletes messages given up on before {@code cutoff}; answers how many. */
  int deleteFailedBefore(Instant cutoff);

  /**
   * A message claimed for sending.
   *
   * @param id the outbox's id
   * @param message the message; {@code null} when it could not be read back (a retired data key)
   * @param attempts attempts so far, this one included
   * @param createdAt when it was queued
   */
  record QueuedMessage(long id, @Nullable OutgoingMessage message, int attempts, Instant createdAt) {}

  /**
   * The outbox's state.
   *
   * @param waiting messages not yet sent and not given up on
   * @param failed messages given up on
   * @param oldestWaiting when the oldest waiting message was queued, {@code null} when none waits
   */
  record Backlog(long waiting, long failed, @Nullable Instant oldestWaiting) {}
}
