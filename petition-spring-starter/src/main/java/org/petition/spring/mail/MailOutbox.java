package org.petition.spring.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.petition.mail.OutgoingMessage;

/**
 * Messages waiting to be sent. Implementations are thread-safe, and a claim is exclusive even between
 * application instances sharing one outbox: a claimed message is invisible to others until its lease ends.
 *
 * <p>Every claim carries a lease token of its own ({@link QueuedMessage#lease()}); {@link #renew}, {@link
 * #delivered} and {@link #failed} take effect only while that token still holds the message. A worker whose
 * lease ran out (it stalled, or its process was killed) and whose message another worker claimed since can
 * no longer delete, reschedule or give up on that message: the new holder decides.
 */
public interface MailOutbox {

  /** Queues a message, due at once. */
  void add(OutgoingMessage message, Instant now);

  /**
   * Claims up to {@code limit} due messages for {@code lease}, counting an attempt on each. A message not
   * reported back within the lease becomes due again (its sender died).
   */
  List<QueuedMessage> claimDue(Instant now, Duration lease, int limit);

  /**
   * Extends the lease of a claimed message to {@code until}, before it is sent.
   *
   * @return whether {@code lease} still holds the message (false: another worker took it, or it is gone)
   */
  boolean renew(long id, String lease, Instant until);

  /**
   * The message was accepted by the mail server: forget it.
   *
   * @return whether {@code lease} still held the message
   */
  boolean delivered(long id, String lease);

  /**
   * Sending failed: try again at {@code retryAt}, or give up when it is {@code null}.
   *
   * @return whether {@code lease} still held the message
   */
  boolean failed(long id, String lease, @Nullable Instant retryAt);

  /**
   * How many messages this outbox refused since it started because it was full; only a bounded outbox (the
   * in-memory one) ever refuses.
   */
  default long refusedWhenFull() {
    return 0;
  }

  /** Whether the outbox is full now and refuses new messages. */
  default boolean isFull() {
    return false;
  }

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
   * @param lease the claim's token: what {@link #renew}, {@link #delivered} and {@link #failed} are given
   */
  record QueuedMessage(long id, @Nullable OutgoingMessage message, int attempts, Instant createdAt, String lease) {}

  /**
   * The outbox's state.
   *
   * @param waiting messages not yet sent and not given up on
   * @param failed messages given up on
   * @param oldestWaiting when the oldest waiting message was queued, {@code null} when none waits
   */
  record Backlog(long waiting, long failed, @Nullable Instant oldestWaiting) {}
}
