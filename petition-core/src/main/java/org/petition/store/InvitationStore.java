package org.petition.store;

import java.time.Instant;

/**
 * A role of a store that keeps invitations (see {@code org.petition.invite.Invitations}): which addresses were
 * invited to which petition and which addresses asked never to be mailed again, both as keyed email hashes
 * (never an address), and which signatures came through an invitation link. Nothing here says who invited
 * whom. The in-memory and JDBC stores implement it; a store without it has no invitations.
 *
 * <p>Implementations must be thread-safe; {@link #recordInvitation} is atomic against concurrent calls for the
 * same petition and key, on any instance sharing the store.
 */
public interface InvitationStore {

  /**
   * Records that the owner of {@code emailKey} is invited to {@code petition}, once: answers {@code true} when
   * this call recorded it, {@code false} when an invitation was recorded before (nothing changes).
   */
  boolean recordInvitation(String petition, byte[] emailKey, Instant at);

  /** Forgets an invitation recorded by {@link #recordInvitation} whose mail could not be handed over. */
  void forgetInvitation(String petition, byte[] emailKey);

  /** Adds the key to the suppression list ("never email me again"); doing it again changes nothing. */
  void suppress(byte[] emailKey, Instant at);

  /** Whether the key is on the suppression list. */
  boolean suppressed(byte[] emailKey);

  /** Records that a signature of {@code petition} was signed through an invitation link. */
  void attributeToInvitation(String petition, long signatureId);

  /** How many invitations to {@code petition} were recorded (and not forgotten). */
  long invitationsSent(String petition);

  /** How many of the signatures attributed to invitations on {@code petition} count now. */
  long signaturesFromInvitations(String petition);
}
