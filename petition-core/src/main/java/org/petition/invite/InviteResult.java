package org.petition.invite;

import java.time.Duration;
import java.util.List;
import org.petition.Violation;

/** The answer to {@link Invitations#invite}. Bad input is a verdict, never an exception. */
public sealed interface InviteResult {

  /**
   * The invitations were handed to the mail sender.
   *
   * @param sent how many mails went out
   * @param skipped how many addresses got none: asked never to be mailed, invited to this petition before,
   *     signed it already, or named twice (which ones is not said)
   */
  record Sent(int sent, int skipped) implements InviteResult {}

  /**
   * The request is wrong and nothing was sent: no address ({@code emails}, {@code field.required}), too many
   * ({@code emails}, {@code emails.too_many}), or invalid addresses (each one's field {@code emails[i]}, its
   * index in the request, with the rule it breaks and the address as given).
   */
  record Rejected(List<Violation> violations) implements InviteResult {
    public Rejected {
      violations = List.copyOf(violations);
    }
  }

  /** The token is not an invite token of this site for this petition (tampered, another purpose). */
  record InvalidToken() implements InviteResult {}

  /** The token expired, or its signature no longer counts (revoked, erased, removed). */
  record ExpiredToken() implements InviteResult {}

  /** No petition has this slug. */
  record UnknownPetition() implements InviteResult {}

  /**
   * A limit is reached (the signer's daily allowance, or a flood from one address or network): nothing was
   * sent.
   *
   * @param retryAfter how long until the same request fits within the limits
   */
  record Limited(Duration retryAfter) implements InviteResult {}

  /** The store keeps no invitations ({@link org.petition.store.InvitationStore}), or they are turned off. */
  record Unavailable() implements InviteResult {}
}
