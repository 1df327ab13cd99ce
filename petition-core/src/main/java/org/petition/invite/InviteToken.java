package org.petition.invite;

import java.time.Instant;
import java.util.Objects;

/**
 * A signer's invite token, for {@link Invitations#invite}: a signed token of its own purpose, bound to the
 * counted signature. {@link #toString()} does not show the token.
 *
 * @param token the token
 * @param petition the slug of the petition it invites to
 * @param expiresAt when it stops being valid
 */
public record InviteToken(String token, String petition, Instant expiresAt) {

  public InviteToken {
    Objects.requireNonNull(token, "token must not be null");
    Objects.requireNonNull(petition, "petition must not be null");
    Objects.requireNonNull(expiresAt, "expiresAt must not be null");
  }

  @Override
  public String toString() {
    return "InviteToken[petition=" + petition + ", expiresAt=" + expiresAt + "]";
  }
}
