/**
 * Invite friends: after confirming, a signer invites addresses by mail ({@link Invitations}), within {@link
 * InvitationLimits}; each mail carries a "never email me again" link. Only keyed hashes of invited and
 * suppressed addresses are kept, and only aggregates ({@link InvitationStats}) are reported.
 */
@NullMarked
package org.petition.invite;

import org.jspecify.annotations.NullMarked;
