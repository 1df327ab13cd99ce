package org.petition.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.petition.ConfirmResult;
import org.petition.Petition;
import org.petition.store.ConfirmOutcome;
import org.petition.store.SigningStore;
import org.petition.token.TokenPurpose;
import org.petition.token.TokenVerification;
import org.petition.token.Tokens;

/**
 * A confirmation, stage by stage: the link's token, the petition's window (with its grace after closing),
 * the store's confirmation (number, counts and consent records in one step), the events.
 */
public final class ConfirmationPipeline {

  private final Clock clock;
  private final Tokens tokens;
  private final Function<String, Optional<Petition>> petitions;
  private final Duration graceAfterClose;
  private final SigningStore store;
  private final CountAnnouncer counts;

  public ConfirmationPipeline(Clock clock, Tokens tokens, Function<String, Optional<Petition>> petitions,
      Duration graceAfterClose, SigningStore store, CountAnnouncer counts) {
    this.clock = clock;
    this.tokens = tokens;
    this.petitions = petitions;
    this.graceAfterClose = graceAfterClose;
    this.store = store;
    this.counts = counts;
  }

  public ConfirmResult confirm(@Nullable String token) {
    Instant now = clock.instant();
    TokenVerification verification = tokens.verify(token, TokenPurpose.CONFIRM, now);
    if (!(verification instanceof TokenVerification.Valid valid)) {
      return verification instanceof TokenVerification.Expired ? new ConfirmResult.Expired() : new ConfirmResult.Invalid();
    }
    Optional<Petition> found = petitions.apply(valid.scope());
    if (found.isEmpty()) {
      return new ConfirmResult.Invalid();
    }
    Petition petition = found.get();
    if (petition.closesAt() != null && !now.isBefore(petition.closesAt().plus(graceAfterClose))) {
      return new ConfirmResult.Expired();
    }
    ConfirmOutcome outcome = store.confirm(valid.subject(), now);
    if (outcome instanceof ConfirmOutcome.Counted counted) {
      counts.confirmed(petition, valid.subject(), counted.number(), counted.country(), counted.signedAt(), now);
      return new ConfirmResult.Confirmed(counted.number());
    }
    if (outcome instanceof ConfirmOutcome.Held) {
      counts.confirmed(petition, valid.subject(), 0, null, null, now);
      return new ConfirmResult.AwaitingReview();
    }
    if (outcome instanceof ConfirmOutcome.AlreadyConfirmed already) {
      return already.number() == 0
          ? new ConfirmResult.AwaitingReview()
          : new ConfirmResult.AlreadyConfirmed(already.number());
    }
    // Gone: revoked or removed. Otherwise not found: a valid token whose pending signature is gone was purged,
    // i.e. it expired.
    return outcome instanceof ConfirmOutcome.Gone ? new ConfirmResult.Revoked() : new ConfirmResult.Expired();
  }
}
