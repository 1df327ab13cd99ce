package org.petition;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.petition.check.Finding;
import org.petition.event.PetitionEvent;
import org.petition.identity.EmailCanonicalizer;
import org.petition.identity.IdentityHasher;
import org.petition.internal.PhotoService;
import org.petition.internal.ConsentJson;
import org.petition.internal.Emails;
import org.petition.internal.EventBus;
import org.petition.internal.JsonWriter;
import org.petition.internal.Links;
import org.petition.internal.ResendThrottle;
import org.petition.mail.ConfirmationSender;
import org.petition.mail.MessageKind;
import org.petition.mail.OutgoingMessage;
import org.petition.privacy.ConsentPurpose;
import org.petition.privacy.ConsentRecord;
import org.petition.privacy.ConsentSubjects;
import org.petition.privacy.OpenResult;
import org.petition.privacy.PersonalData;
import org.petition.privacy.PersonalDataCipher;
import org.petition.privacy.WithdrawResult;
import org.petition.store.AccountStore;
import org.petition.store.InvitationStore;
import org.petition.store.StoredPhoto;
import org.petition.store.RemoveOutcome;
import org.petition.store.SignatureStore;
import org.petition.store.StoredSignature;
import org.petition.token.TokenPurpose;
import org.petition.token.TokenVerification;
import org.petition.token.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rights of the people who signed (GDPR Art. 7, 15, 17): withdrawing a consent, erasure on request
 * confirmed by email, access to everything held about them, and retention after a petition closes.
 * Obtain it from {@link Petitions#subjects()}. Thread-safe.
 */
public final class DataSubjectRights {

  private static final Logger LOG = LoggerFactory.getLogger(DataSubjectRights.class);
  private static final String ACCESS_FORMAT = "petition.subject-access.v1";
  /** An access link hands over personal data: it lives a day, not as long as an erasure link. */
  private static final Duration ACCESS_LINK_TTL = Duration.ofDays(1);

  private final SignatureStore store;
  private final Clock clock;
  private final Tokens tokens;
  private final IdentityHasher identity;
  private final EmailCanonicalizer canonicalizer;
  private final PersonalDataCipher cipher;
  private final ConfirmationSender sender;
  private final EventBus events;
  private final Links links;
  private final Duration erasureLinkTtl;
  private final Duration retention;
  private final ResendThrottle erasureMails;
  private final ResendThrottle accessMails;
  private final AccountStore accounts;
  private final PhotoService photos;
  private final @Nullable InvitationStore invitations;

  DataSubjectRights(SignatureStore store, Clock clock, Tokens tokens, IdentityHasher identity,
      EmailCanonicalizer canonicalizer, PersonalDataCipher cipher, ConfirmationSender sender, EventBus events,
      Links links, Duration erasureLinkTtl, Duration retention, ResendLimits mailLimits, AccountStore accounts,
      PhotoService photos, @Nullable InvitationStore invitations) {
    this.store = store;
    this.invitations = invitations;
    this.photos = photos;
    this.accounts = accounts;
    this.clock = clock;
    this.tokens = tokens;
    this.identity = identity;
    this.canonicalizer = canonicalizer;
    this.cipher = cipher;
    this.sender = sender;
    this.events = events;
    this.links = links;
    this.erasureLinkTtl = erasureLinkTtl;
    this.retention = retention;
    // Each kind of request has its own count per address, within the same limits as resends.
    this.erasureMails = new ResendThrottle(mailLimits, clock);
    this.accessMails = new ResendThrottle(mailLimits, clock);
  }

  /**
   * Withdraws one consent of the signer of a "this wasn't me"/manage link. Withdrawing {@link
   * ConsentPurpose#DATA_PROCESSING} also removes the signature and corrects the counts.
   *
   * @return what the ledger did; {@link WithdrawResult.NotGranted} when the consent was never given or is
   *     already withdrawn; empty when the link is invalid or expired
   */
  public Optional<WithdrawResult> withdrawConsent(@Nullable String revokeToken, ConsentPurpose purpose,
      RequestContext context) {
    Objects.requireNonNull(purpose, "purpose must not be null");
    Objects.requireNonNull(context, "context must not be null");
    Instant now = clock.instant();
    if (!(tokens.verify(revokeToken, TokenPurpose.REVOKE, now) instanceof TokenVerification.Valid valid)) {
      return Optional.empty();
    }
    Optional<StoredSignature> signature = store.find(valid.subject());
    if (signature.isEmpty() || signature.get().data().emailKey().length == 0) {
      return Optional.of(new WithdrawResult.NotGranted());
    }
    String subject = ConsentSubjects.of(signature.get().data().emailKey());
    WithdrawResult result = store.consentLedger()
        .withdraw(subject, signature.get().petition(), purpose, now, ConsentRecord.Evidence.of(context));
    if (result instanceof WithdrawResult.Withdrawn && purpose == ConsentPurpose.DATA_PROCESSING) {
      if (store.revoke(valid.subject(), now) instanceof RemoveOutcome.Removed removed) {
        events.publish(new PetitionEvent.Revoked(valid.scope(), valid.subject(), removed.wasCounted(), now));
      }
    }
    return Optional.of(result);
  }

  /**
   * Starts an erasure: mails a confirmation link to the address when anything is held about it (a signature
   * or a consent record), within the {@link ResendLimits} per address. Answers the same, after the same work,
   * whether or not anything is held or mailed, so the form tells no one who signed.
   *
   * @return empty when taken, else the violation (an invalid address)
   */
  public Optional<Violation> requestErasure(@Nullable String email, @Nullable Locale locale) {
    return requestLink(email, locale, TokenPurpose.ERASE, erasureLinkTtl, erasureMails, MessageKind.CONFIRM_ERASURE);
  }

  /**
   * Starts a subject-access request: mails a link to download everything held about the address ({@link
   * #accessByLink}) when anything is held, within the {@link ResendLimits} per address. Answers the same, after
   * the same work, whether or not anything is held or mailed. The link works for a day.
   *
   * @return empty when taken, else the violation (an invalid address)
   */
  public Optional<Violation> requestAccess(@Nullable String email, @Nullable Locale locale) {
    return requestLink(email, locale, TokenPurpose.ACCESS, ACCESS_LINK_TTL, accessMails, MessageKind.SUBJECT_ACCESS);
  }

  /**
   * The violation {@link #requestErasure} and {@link #requestAccess} would answer for this address (an invalid
   * one), or empty when they would take it; reads nothing. For hosts that answer at once and do the request's
   * work later, so that the answer's time tells nothing either.
   */
  public Optional<Violation> checkAddress(@Nullable String email) {
    return canonical(email).isPresent() ? Optional.empty()
        : Optional.of(new Violation("email", "email.invalid", "email is not a valid address"));
  }

  /** Follows an access link: everything held about its address, as {@link #access} writes it. */
  public AccessResult accessByLink(@Nullable String token) {
    TokenVerification verification = tokens.verify(token, TokenPurpose.ACCESS, clock.instant());
    if (verification instanceof TokenVerification.Expired) {
      return new AccessResult.Expired();
    }
    if (!(verification instanceof TokenVerification.Valid valid)) {
      return new AccessResult.Invalid();
    }
    byte[] emailKey;
    try {
      emailKey = Base64.getUrlDecoder().decode(valid.scope());
    } catch (IllegalArgumentException e) {
      return new AccessResult.Invalid();
    }
    return new AccessResult.Granted(accessJson(emailKey));
  }

  private Optional<Violation> requestLink(@Nullable String email, @Nullable Locale locale, TokenPurpose purpose,
      Duration ttl, ResendThrottle throttle, MessageKind kind) {
    Optional<String> canonical = canonical(email);
    if (canonical.isEmpty()) {
      return checkAddress(email);
    }
    byte[] emailKey = identity.emailKey(canonical.get());
    String subject = ConsentSubjects.of(emailKey);
    // The same reads and the same token for every address, so the time taken tells nothing.
    boolean held = !store.bySubject(emailKey).isEmpty() | !store.consentLedger().recordsOf(subject).isEmpty()
        | accounts.byEmailKey(emailKey).isPresent() | holdsInvitations(emailKey, purpose == TokenPurpose.ACCESS);
    String token = tokens.mint(purpose, 0, subject, clock.instant().plus(ttl));
    if (held && throttle.admit(emailKey)) {
      try {
        sender.send(new OutgoingMessage(kind, Objects.requireNonNull(email).strip(),
            locale == null ? Locale.ENGLISH : locale, "", purpose == TokenPurpose.ERASE ? links.erase(token)
            : links.access(token), null));
      } catch (RuntimeException e) {
        // The answer must not differ from an address with nothing held: the person may ask again.
        LOG.warn("a {} mail could not be sent: {}", kind, e.getClass().getSimpleName());
      }
    }
    return Optional.empty();
  }

  /** Follows an erasure link: erases the personal data of every signature of that person. */
  public ErasureResult confirmErasure(@Nullable String token) {
    Instant now = clock.instant();
    TokenVerification verification = tokens.verify(token, TokenPurpose.ERASE, now);
    if (verification instanceof TokenVerification.Invalid) {
      return new ErasureResult.Invalid();
    }
    if (verification instanceof TokenVerification.Expired) {
      return new ErasureResult.Expired();
    }
    String subject = ((TokenVerification.Valid) verification).scope();
    byte[] emailKey;
    try {
      emailKey = Base64.getUrlDecoder().decode(subject);
    } catch (IllegalArgumentException e) {
      return new ErasureResult.Invalid();
    }
    int erased = 0;
    int stillCounted = 0;
    for (StoredSignature signature : store.bySubject(emailKey)) {
      if (signature.data().sealedPersonalData().length == 0) {
        continue;
      }
      boolean keepCounting = store.petition(signature.petition()).map(Petition::erasedSignaturesCount).orElse(false);
      RemoveOutcome outcome = store.erase(signature.id(), keepCounting, now);
      if (outcome instanceof RemoveOutcome.Removed removed) {
        erased++;
        photos.forget(signature.id()); // a photo is personal data, even of a signature that keeps counting
        if (keepCounting && signature.counted()) {
          stillCounted++;
        } else {
          events.publish(new PetitionEvent.Revoked(signature.petition(), signature.id(), removed.wasCounted(), now));
        }
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
          store.consentLedger().withdraw(subject, signature.petition(), purpose, now, ConsentRecord.Evidence.none());
        }
      }
    }
    // A returning signer's account (its sealed address and password hash) goes too.
    boolean accountDeleted = accounts.delete(emailKey);
    // So do the invitations this address received (the petitions' counts stay); its suppression stays, being its
    // own request never to be mailed.
    int invitationsForgotten = invitations == null ? 0 : invitations.forgetInvitee(emailKey);
    if (erased == 0 && !accountDeleted && invitationsForgotten == 0) {
      return new ErasureResult.AlreadyErased();
    }
    LOG.info("erased the personal data of {} signatures on request{}{}", erased, accountDeleted ? ", and an account" : "",
        invitationsForgotten > 0 ? ", and " + invitationsForgotten + " invitations" : "");
    return new ErasureResult.Erased(erased, stillCounted);
  }

  // Whether the invitation tables hold the key: invitations received, and (for access, which shows it, but not
  // for erasure, which keeps it) the suppression list.
  private boolean holdsInvitations(byte[] emailKey, boolean suppressionToo) {
    if (invitations == null) {
      return false;
    }
    return !invitations.invitationsOf(emailKey).isEmpty() | (suppressionToo && invitations.suppressedAt(emailKey).isPresent());
  }

  /**
   * Everything held about the owner of an address the host has verified, as JSON: each signature (its
   * decrypted personal data, public entry, state, findings, and its photo with the JPEG in base64), every
   * consent record, the invitations the address received and whether it is on the suppression list. Empty
   * signatures and records when nothing is held.
   */
  public String access(String verifiedEmail) {
    Objects.requireNonNull(verifiedEmail, "verified email must not be null");
    String canonical = canonical(verifiedEmail)
        .orElseThrow(() -> new IllegalArgumentException("verified email is not a valid address"));
    return accessJson(identity.emailKey(canonical));
  }

  private String accessJson(byte[] emailKey) {
    String subject = ConsentSubjects.of(emailKey);
    JsonWriter json = new JsonWriter();
    json.beginObject().member("format", ACCESS_FORMAT).member("subject", subject).name("signatures").beginArray();
    for (StoredSignature signature : store.bySubject(emailKey)) {
      json.beginObject()
          .member("id", signature.id())
          .member("petition", signature.petition())
          .member("state", signature.state().name())
          .member("number", signature.number())
          .member("signedAt", signature.data().signedAt().toString())
          .member("confirmedAt", signature.confirmedAt() == null ? null : signature.confirmedAt().toString())
          .member("kind", signature.data().kind().name())
          .member("displayName", signature.data().displayName())
          .member("comment", signature.data().comment())
          .member("affiliation", signature.data().affiliation())
          .member("city", signature.data().city())
          .member("country", signature.data().country())
          .member("held", signature.data().held());
      writePersonalData(json, signature);
      json.name("findings").beginArray();
      for (Finding finding : signature.data().findings()) {
        json.beginObject().member("code", finding.code()).member("severity", finding.severity().name())
            .member("field", finding.field()).member("explanation", finding.explanation()).endObject();
      }
      json.endArray();
      writePhoto(json, signature);
      json.endObject();
    }
    json.endArray().name("consents");
    ConsentJson.writeRecords(json, store.consentLedger().recordsOf(subject));
    writeInvitations(json, emailKey);
    return json.endObject().toString();
  }

  // The signature's photo as stored (re-encoded, without metadata): its facts and the JPEG itself.
  private void writePhoto(JsonWriter json, StoredSignature signature) {
    json.name("photo");
    Optional<StoredPhoto> photo = photos.ofSignature(signature.id());
    if (photo.isEmpty()) {
      json.value((String) null);
      return;
    }
    StoredPhoto stored = photo.get();
    json.beginObject().member("id", stored.id()).member("state", stored.info().state().name())
        .member("public", stored.info().counted() && stored.info().state() == org.petition.store.PhotoState.APPROVED)
        .member("width", stored.info().width()).member("height", stored.info().height())
        .member("receivedAt", stored.info().receivedAt().toString()).member("contentType", "image/jpeg")
        .member("base64", Base64.getEncoder().encodeToString(stored.image())).endObject();
  }

  // The invitations this address received (by its keyed hash; nothing records who sent them) and its suppression.
  private void writeInvitations(JsonWriter json, byte[] emailKey) {
    json.name("invitations").beginArray();
    if (invitations != null) {
      for (InvitationStore.Invited invited : invitations.invitationsOf(emailKey)) {
        json.beginObject().member("petition", invited.petition()).member("sentAt", invited.sentAt().toString())
            .endObject();
      }
    }
    json.endArray();
    Optional<Instant> suppressed = invitations == null ? Optional.empty() : invitations.suppressedAt(emailKey);
    json.member("invitationsSuppressedAt", suppressed.map(Instant::toString).orElse(null));
  }

  private void writePersonalData(JsonWriter json, StoredSignature signature) {
    byte[] sealed = signature.data().sealedPersonalData();
    json.name("personalData");
    if (sealed.length == 0) {
      json.value((String) null);
      return;
    }
    OpenResult opened = cipher.open(sealed, signature.petition().getBytes(StandardCharsets.UTF_8));
    if (!(opened instanceof OpenResult.Opened plain)) {
      // Say so rather than drop it: the person must learn that data exists even if it cannot be read.
      json.value("unreadable: " + opened.getClass().getSimpleName());
      return;
    }
    PersonalData data = PersonalData.decode(plain.plaintext());
    json.beginObject().member("email", data.email()).member("phone", data.phoneE164())
        .member("firstName", data.firstName()).member("lastName", data.lastName())
        .member("organizationName", data.organizationName()).member("ip", data.ip())
        .member("letter", data.letter()).endObject();
  }

  /**
   * Applies retention: the personal data of signatures of petitions closed longer ago than the retention
   * period is erased, with their photos and the petitions' invitation rows (invited keys and attributions,
   * folded into the aggregates); counts, numbers, display names, public comments and the consent ledger stay.
   * A call that finds less than {@code limit} signatures to change also sweeps the photos whose signature is
   * gone, revoked, removed or erased.
   *
   * @return how many signatures were changed (at most {@code limit})
   */
  public int applyRetention(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    Instant cutoff = clock.instant().minus(retention);
    int changed = 0;
    List<Petition> due = new ArrayList<>();
    for (Petition petition : store.petitions()) {
      if (petition.closesAt() != null && petition.closesAt().isBefore(cutoff)) {
        due.add(petition);
      }
    }
    for (Petition petition : due) {
      int photosDeleted = photos.forgetPetition(petition.slug());
      if (photosDeleted > 0) {
        LOG.info("retention deleted {} photos of petition {}", photosDeleted, petition.slug());
      }
      int invitationsForgotten = invitations == null ? 0 : invitations.forgetPetition(petition.slug());
      if (invitationsForgotten > 0) {
        LOG.info("retention forgot {} invitation rows of petition {}", invitationsForgotten, petition.slug());
      }
      if (changed >= limit) {
        break;
      }
      changed += store.anonymise(petition.slug(), limit - changed);
    }
    if (changed > 0) {
      LOG.info("retention erased the personal data of {} signatures", changed);
    }
    if (changed < limit) {
      // Once retention's batches are done, the sweep: a photo whose signature is gone or erased (left behind by a
      // crash between a signature store and a separate photo store's event listener) goes now.
      photos.sweepOrphans(store.petitions().stream().map(Petition::slug).toList(), store::find);
    }
    return changed;
  }

  private Optional<String> canonical(@Nullable String email) {
    String normalised = Emails.normalise(email);
    return Emails.isValid(normalised) ? Optional.of(canonicalizer.canonicalize(normalised)) : Optional.empty();
  }
}
