package org.petition.invite;

/**
 * A petition's invitations in aggregate; nothing says who invited whom.
 *
 * @param sent invitations sent
 * @param signatures signatures signed through an invitation's link that count now
 */
public record InvitationStats(long sent, long signatures) {}
