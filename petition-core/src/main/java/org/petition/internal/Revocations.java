package org.petition.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.petition.RevokeResult;
import org.petition.event.PetitionEvent;
import org.petition.store.RemoveOutcome;
import org.petition.store.SigningStore;
import org.petition.store.StoredSignature;
import org.petition.token.TokenPurpose;
import org.petition.token.TokenVerification;
import org.petition.token.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Signatures leaving: a "this wasn't me" link followed, and pending signatures that expired unconfirmed. */
public final class Revocations {

  private static final Logger LOG = LoggerFactory.getLogger(Revocations.class);

  private final Clock clock;
  private final Tokens tokens;
  private final SigningStore store;
  private final EventBus events;
  private final Duration pendingTtl;

  public Revocations(Clock clock, Tokens tokens, SigningStore store, EventBus events, Duration pendingTtl) {
    this.clock = clock;
    this.tokens = tokens;
    this.store = store;
    this.events = events;
    this.pendingTtl = pendingTtl;
  }

  public RevokeResult revoke(@Nullable String token) {
    Instant now = clock.instant();
    TokenVerification verification = tokens.verify(token, TokenPurpose.REVOKE, now);
    if (!(verification instanceof TokenVerification.Valid valid)) {
      return verification instanceof TokenVerification.Expired ? new RevokeResult.Expired() : new RevokeResult.Invalid();
    }
    RemoveOutcome outcome = store.revoke(valid.subject(), now);
    if (outcome instanceof RemoveOutcome.Removed removed) {
      events.publish(new PetitionEvent.Revoked(valid.scope(), valid.subject(), removed.wasCounted(), now));
    }
    return new RevokeResult.Revoked();
  }

  public int purgePending(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    Instant now = clock.instant();
    List<StoredSignature> purged = store.purgePending(now.minus(pendingTtl), limit);
    for (StoredSignature signature : purged) {
      events.publish(new PetitionEvent.Expired(signature.petition(), signature.id(), now));
    }
    if (!purged.isEmpty()) {
      LOG.info("purged {} unconfirmed signatures older than {}", purged.size(), pendingTtl);
    }
    return purged.size();
  }
}
