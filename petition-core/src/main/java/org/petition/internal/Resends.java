package org.petition.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.petition.Petition;
import org.petition.SignResult;
import org.petition.Violation;
import org.petition.event.PetitionEvent;
import org.petition.identity.EmailCanonicalizer;
import org.petition.identity.IdentityHasher;
import org.petition.store.HouseholdMember;
import org.petition.store.InsertOutcome;
import org.petition.store.RemoveOutcome;
import org.petition.store.SignatureState;
import org.petition.store.SigningStore;
import org.petition.store.StoredSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails a signer again, so that no one whose first mail was lost stays pending until the purge: the answer to
 * a signing that met an earlier signature of the same address, and to an explicit request for the link.
 *
 * <p>A pending signature of the address gets its confirmation mail again (links counted from when it was
 * signed, so earlier links keep working and a new one dies with the signature); a confirmed one gets "you
 * have already signed". Every such mail is within the {@link ResendThrottle}'s limits per address; beyond
 * them nothing is sent. The signer's answer never changes, so no one learns whether an address had signed.
 */
public final class Resends {

  private static final Logger LOG = LoggerFactory.getLogger(Resends.class);

  private final SigningStore store;
  private final SigningMail mail;
  private final ResendThrottle throttle;
  private final EventBus events;
  private final EmailCanonicalizer canonicalizer;
  private final IdentityHasher identity;
  private final Duration confirmGraceAfterClose;

  public Resends(SigningStore store, SigningMail mail, ResendThrottle throttle, EventBus events,
      EmailCanonicalizer canonicalizer, IdentityHasher identity, Duration confirmGraceAfterClose) {
    this.store = store;
    this.mail = mail;
    this.throttle = throttle;
    this.events = events;
    this.canonicalizer = canonicalizer;
    this.identity = identity;
    this.confirmGraceAfterClose = confirmGraceAfterClose;
  }

  /**
   * Whether the insert met the address's own pending signature past its time, which the purge has not reached
   * yet: it is taken out now, as the purge would have done, and the signing may be stored in its place. Without
   * this its links would be dead and the address blocked until the purge ran.
   */
  public boolean clearedExpired(InsertOutcome inserted, SignerKeys keys, Instant now) {
    if (!(inserted instanceof InsertOutcome.DuplicateEmail duplicate)) {
      return false;
    }
    StoredSignature earlier = store.find(duplicate.existingId()).orElse(null);
    if (earlier == null || earlier.state() != SignatureState.PENDING
        || !Arrays.equals(earlier.data().emailKey(), keys.emailKey())
        || !mail.expired(earlier.data().signedAt(), now)) {
      return false;
    }
    if (store.revoke(earlier.id(), now) instanceof RemoveOutcome.Removed) {
      events.publish(() -> new PetitionEvent.Expired(earlier.petition(), earlier.id(), now));
    }
    return true;
  }

  /**
   * The mail that answers a signing the store refused as a duplicate: the confirmation again when the earlier
   * signature is this signer's and still pending, else "you have already signed"; nothing beyond the limits.
   */
  public void afterDuplicate(ValidSigning signing, SignerKeys keys, InsertOutcome duplicate) {
    Petition petition = signing.petition();
    StoredSignature earlier = store.find(existingId(duplicate)).orElse(null);
    if (earlier == null) {
      // The signing that holds the address is still being stored by another thread (a store claims the unique
      // key first): its own confirmation mail is on its way. Nothing to send, and nothing counted against the
      // address's limit (counting it wrongly answered a burst of aliases with "already signed", seen in a test).
      return;
    }
    if (!throttle.admit(keys.emailKey())) {
      return;
    }
    if (ownPending(petition, earlier, keys, signing.receivedAt())) {
      send(() -> mail.confirmationAgain(petition, earlier, signing.email(), signing.locale()));
    } else {
      // Confirmed; or a signature this signer cannot confirm (another address's with the same phone, a full
      // household under other names, one a moderator removed): nothing changes, and the mail says so.
      send(() -> mail.alreadySigned(petition, signing.email(), signing.locale()));
    }
  }

  /**
   * An explicit request for the confirmation link: each pending signature of the address on the petition is
   * mailed again, or "you have already signed" goes when it has only confirmed ones; nothing when it has none.
   * Answers {@link SignResult.Pending} alike in every case, and rejects only what the request itself shows
   * (an unknown or closed petition, an invalid address).
   */
  public SignResult request(@Nullable Petition petition, @Nullable String email, @Nullable Locale locale,
      Instant now) {
    if (petition == null) {
      return new SignResult.Rejected(List.of(new Violation("petition", "petition.unknown", "no petition has this id")));
    }
    if (petition.closesAt() != null && !now.isBefore(petition.closesAt().plus(confirmGraceAfterClose))) {
      return new SignResult.Rejected(List.of(
          new Violation("petition", "petition.closed", "the petition is closed: no signature can be confirmed")));
    }
    List<Violation> violations = new ArrayList<>(1);
    String address = SigningValidator.email(email, violations);
    if (address == null) {
      return new SignResult.Rejected(violations);
    }
    byte[] emailKey = identity.emailKey(canonicalizer.canonicalize(address));
    List<StoredSignature> pending = new ArrayList<>(1);
    StoredSignature confirmed = null;
    for (HouseholdMember member : store.household(petition.slug(), emailKey)) {
      Optional<StoredSignature> found = store.find(member.id());
      if (found.isEmpty()) {
        continue;
      }
      StoredSignature signature = found.get();
      if (signature.state() == SignatureState.PENDING && !mail.expired(signature.data().signedAt(), now)) {
        pending.add(signature);
      } else if (signature.state() == SignatureState.CONFIRMED) {
        confirmed = signature;
      }
    }
    if ((!pending.isEmpty() || confirmed != null) && throttle.admit(emailKey)) {
      for (StoredSignature signature : pending) {
        send(() -> mail.confirmationAgain(petition, signature, address, localeOf(locale, signature)));
      }
      if (pending.isEmpty() && confirmed != null) {
        StoredSignature counted = confirmed;
        send(() -> mail.alreadySigned(petition, address, localeOf(locale, counted)));
      }
    }
    return SignResult.Pending.instance();
  }

  private boolean ownPending(Petition petition, StoredSignature earlier, SignerKeys keys, Instant now) {
    return earlier.state() == SignatureState.PENDING
        && Arrays.equals(earlier.data().emailKey(), keys.emailKey())
        // In a household each name signs for itself: another member's link is not this signer's to follow.
        && (petition.signaturesPerEmail() == 1 || Arrays.equals(earlier.data().nameKey(), keys.nameKey()))
        && !mail.expired(earlier.data().signedAt(), now);
  }

  private static long existingId(InsertOutcome duplicate) {
    if (duplicate instanceof InsertOutcome.DuplicateEmail email) {
      return email.existingId();
    }
    return duplicate instanceof InsertOutcome.DuplicatePhone phone ? phone.existingId() : 0;
  }

  private static Locale localeOf(@Nullable Locale asked, StoredSignature signature) {
    return asked != null ? asked : Locale.forLanguageTag(signature.data().locale());
  }

  private static void send(Runnable mailing) {
    try {
      mailing.run();
    } catch (RuntimeException e) {
      // The earlier signature stands and the answer must not differ from an address that never signed: the
      // signer may ask again once the sender is back.
      LOG.warn("a confirmation mail could not be sent again: {}", e.getClass().getSimpleName());
    }
  }
}
