package org.petition.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A role of a store that keeps invitations (see {@code org.petition.invite.Invitations}): which addresses were
 * invited to which petition and which addresses asked never to be mailed again, both as keyed email hashes
 * (never an address), and which signatures came through an invitation link. Nothing here says who invited
 * whom. The in-memory and JDBC stores implement it; a store without it has no invitations.
 *
 * <p>What is kept, and until when: an invitation's key until the invitee's erasure ({@link #forgetInvitee}) or
 * the petition's retention ({@link #forgetPetition}), each petition keeping its counts; a signature's
 * attribution until the signer revokes or erases it (the store drops it in the same step) or retention; a
 * suppressed key for good (it is the person's own request not to be mailed, which erasure must not undo).
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

  /** The invitations recorded for this key, oldest first (subject access). */
  List<Invited> invitationsOf(byte[] emailKey);

  /** When the key was put on the suppression list, if it is (subject access). */
  Optional<Instant> suppressedAt(byte[] emailKey);

  /**
   * Erasure of the owner of {@code emailKey}: forgets every invitation recorded for the key, on every petition;
   * each petition's {@link #invitationsSent} stays as it was. The suppression list keeps the key. Answers how
   * many invitations were forgotten.
   */
  int forgetInvitee(byte[] emailKey);

  /**
   * Retention: forgets every invitation and attribution of {@code petition}; {@link #invitationsSent} and
   * {@link #signaturesFromInvitations} keep answering what they answered before (as frozen aggregates).
   * Answers how many rows were forgotten.
   */
  int forgetPetition(String petition);

  /**
   * An invitation recorded for one key.
   *
   * @param petition the petition the address was invited to
   * @param sentAt when
   */
  record Invited(String petition, Instant sentAt) {}
}
