package org.petition.invite;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Invite friends, as {@code petitions.invitations()} hands it out. A signer whose signature counts gets an
 * invite token ({@link #tokenAfterConfirmation}); with it, {@link #invite} mails each address once per petition
 * a message naming the signer by their public display name (never their address), the petition and a link to
 * sign (carrying {@link InvitationLimits#ATTRIBUTION_PARAMETER}), with a "never email me again" link ({@link
 * #suppress}). Invited addresses are kept only as keyed hashes (one invitation per petition, and the
 * suppression list); the mail is the only place the address goes. Limits: {@link InvitationLimits}.
 */
public interface Invitations {

  /**
   * The invite token of the signature a confirmation token ({@code CONFIRM} purpose) belongs to, when that
   * signature counts: what a thank-you page shows after the confirmation. Empty for any other token, a
   * signature that does not count (held, revoked, erased), or when invitations are unavailable. The token is
   * valid {@link InvitationLimits#tokenTtl()} from now, and only while the signature counts.
   */
  Optional<InviteToken> tokenAfterConfirmation(@Nullable String confirmToken);

  /**
   * Invites {@code emails} to sign petition {@code slug} on behalf of the invite token's signer.
   *
   * @param ip the client's IP address as text, or {@code null} when unknown (then only the signer's limit applies)
   */
  InviteResult invite(@Nullable String slug, @Nullable String inviteToken, @Nullable List<@Nullable String> emails,
      @Nullable String ip);

  /** Acts on the "never email me again" link's token: adds its address's keyed hash to the suppression list. */
  SuppressResult suppress(@Nullable String token);

  /** The petition's invitations in aggregate, or empty for an unknown petition or without invitations. */
  Optional<InvitationStats> stats(@Nullable String slug);

  /** The limits in force. */
  InvitationLimits limits();
}
