/**
 * Durable, asynchronous delivery of confirmation messages: a {@link org.petition.mail.ConfirmationSender}
 * that only writes to an outbox, and a worker that sends what is due with retries and backoff.
 */
@NullMarked
package org.petition.spring.mail;

import org.jspecify.annotations.NullMarked;
