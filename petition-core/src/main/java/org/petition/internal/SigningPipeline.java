package org.petition.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.petition.Petition;
import org.petition.SignResult;
import org.petition.SignatureRequest;
import org.petition.Violation;
import org.petition.account.SignedInSigner;
import org.petition.check.Decision;
import org.petition.check.Finding;
import org.petition.check.Verdict;
import org.petition.event.PetitionEvent;
import org.petition.photo.PhotoVerdict;
import org.petition.photo.ProcessedPhoto;
import org.petition.identity.EmailCanonicalizer;
import org.petition.identity.IdentityHasher;
import org.petition.store.InsertOutcome;
import org.petition.store.NewSignature;
import org.petition.store.SigningStore;
import org.petition.store.StoredSignature;

/**
 * A signing, stage by stage: admission, the signer's keys, the checks and the policy's decision, the draft,
 * the household slots and the store, the mail (or, for an address that signed before, the mail again), the
 * events. Each stage is one class with one job.
 */
public final class SigningPipeline {

  private final Clock clock;
  private final Admission admission;
  private final EmailCanonicalizer canonicalizer;
  private final IdentityHasher identity;
  private final Checks checks;
  private final Drafts drafts;
  private final HouseholdSlots households;
  private final SigningStore store;
  private final SigningMail mail;
  private final Resends resends;
  private final EventBus events;
  private final CountAnnouncer counts;
  private final PhotoService photos;
  private final @Nullable InvitationService invitations;

  /** @param invitations records signings that came through an invitation's link, or {@code null} */
  public SigningPipeline(Clock clock, Admission admission, EmailCanonicalizer canonicalizer, IdentityHasher identity,
      Checks checks, Drafts drafts, SigningStore store, SigningMail mail, Resends resends, EventBus events,
      CountAnnouncer counts, PhotoService photos, @Nullable InvitationService invitations) {
    this.invitations = invitations;
    this.clock = clock;
    this.admission = admission;
    this.canonicalizer = canonicalizer;
    this.identity = identity;
    this.checks = checks;
    this.drafts = drafts;
    this.households = new HouseholdSlots(store);
    this.store = store;
    this.mail = mail;
    this.resends = resends;
    this.events = events;
    this.counts = counts;
    this.photos = photos;
  }

  public SignResult sign(SignatureRequest request, @Nullable SignedInSigner signer) {
    return sign(request, signer, null);
  }

  /** A signing with a photo (photo campaigns): the photo is checked after the fields, stored after the signature. */
  public SignResult sign(SignatureRequest request, @Nullable SignedInSigner signer, byte @Nullable [] photo) {
    Instant now = clock.instant();
    Admission.Outcome admitted = admission.admit(request, now);
    if (admitted instanceof Admission.Refused refused) {
      return rejected(refused.petition(), refused.violations(), now);
    }
    ValidSigning signing = (ValidSigning) admitted;
    Petition petition = signing.petition();
    ProcessedPhoto processed = null;
    if (photo != null) {
      PhotoVerdict verdict = photos.check(petition, photo);
      if (verdict instanceof PhotoVerdict.Rejected refusedPhoto) {
        return rejected(petition.slug(), List.of(refusedPhoto.violation()), now);
      }
      processed = ((PhotoVerdict.Accepted) verdict).photo();
    }
    SignerKeys keys = SignerKeys.of(signing, canonicalizer, identity);
    Decision decision = checks.decide(signing, keys, request.context().formToken());
    if (decision.verdict() == Verdict.REJECT) {
      return refused(petition, decision, now);
    }
    NewSignature draft = drafts.draft(signing, keys, decision);
    boolean confirmNow = signer != null && signer.verified() && signer.owns(keys.emailKey());
    InsertOutcome inserted = households.insert(petition, draft, confirmNow);
    if (resends.clearedExpired(inserted, keys, now)) {
      inserted = households.insert(petition, draft, confirmNow);
    }
    if (!(inserted instanceof InsertOutcome.Inserted stored)) {
      resends.afterDuplicate(signing, keys, inserted);
      events.publish(() -> new PetitionEvent.Duplicate(petition.slug(), now));
      return SignResult.Pending.instance();
    }
    if (processed != null) {
      attachPhoto(petition, stored.id(), processed, now);
    }
    if (invitations != null && request.context().viaInvitation()) {
      invitations.attribute(petition.slug(), stored.id());
    }
    if (confirmNow) {
      return countedAtOnce(signing, stored.id(), decision, now);
    }
    try {
      mail.confirmation(signing, stored.id());
    } catch (RuntimeException e) {
      // Without its mail the pending signature could never be confirmed, and it would block the address until
      // the purge: undo it, so signing again works once the sender is back.
      store.revoke(stored.id(), now);
      throw new IllegalStateException("the confirmation message could not be handed to the sender; the signing was undone", e);
    }
    // Not through publish(Supplier): its capturing lambda would be allocated on every signing.
    if (events.hasListeners(PetitionEvent.Signed.class)) {
      events.publish(new PetitionEvent.Signed(petition.slug(), stored.id(), decision.verdict(),
          codes(decision.findings()), now));
    }
    return SignResult.Pending.instance();
  }

  private void attachPhoto(Petition petition, long id, ProcessedPhoto photo, Instant now) {
    try {
      photos.attach(petition, id, photo, false, now);
    } catch (RuntimeException e) {
      // A signing whose photo was lost would look taken; undo it, as a lost mail is undone.
      store.revoke(id, now);
      throw new IllegalStateException("the photo could not be stored; the signing was undone", e);
    }
  }

  private SignResult countedAtOnce(ValidSigning signing, long id, Decision decision, Instant now) {
    events.publish(() -> new PetitionEvent.Signed(signing.petition().slug(), id, decision.verdict(),
        codes(decision.findings()), now));
    StoredSignature stored = store.find(id).orElseThrow();
    counts.confirmed(signing.petition(), id, stored.number(), signing.country(), stored.data().signedAt(), now);
    return stored.counted() ? new SignResult.Confirmed(stored.number()) : SignResult.Pending.instance();
  }

  private SignResult refused(Petition petition, Decision decision, Instant now) {
    events.publish(() -> new PetitionEvent.Refused(petition.slug(), codes(decision.findings()), decision.silent(), now));
    if (decision.silent()) {
      return SignResult.Pending.instance();
    }
    List<Violation> violations = new ArrayList<>(decision.decisive().size());
    for (Finding finding : decision.decisive()) {
      violations.add(new Violation(finding.field(), finding.code(), finding.explanation()));
    }
    if (violations.isEmpty()) {
      violations.add(new Violation("request", "signing.refused", "the signing was refused by the petition's policy"));
    }
    return new SignResult.Rejected(violations, decision.retryAfter());
  }

  private SignResult rejected(@Nullable String petition, List<Violation> violations, Instant now) {
    if (petition != null) {
      events.publish(() -> new PetitionEvent.Refused(petition, violations.stream().map(Violation::code).toList(),
          false, now));
    }
    return new SignResult.Rejected(violations);
  }

  private static List<String> codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).toList();
  }
}
