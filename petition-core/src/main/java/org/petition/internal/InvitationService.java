package org.petition.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.petition.Petition;
import org.petition.Violation;
import org.petition.identity.EmailCanonicalizer;
import org.petition.identity.IdentityHasher;
import org.petition.invite.InvitationLimits;
import org.petition.invite.InvitationStats;
import org.petition.invite.Invitations;
import org.petition.invite.InviteResult;
import org.petition.invite.InviteToken;
import org.petition.invite.SuppressResult;
import org.petition.mail.ConfirmationSender;
import org.petition.mail.MessageKind;
import org.petition.mail.OutgoingMessage;
import org.petition.privacy.DisplayNamePolicy;
import org.petition.privacy.DisplayNames;
import org.petition.store.InvitationStore;
import org.petition.store.SigningStore;
import org.petition.store.StoredSignature;
import org.petition.token.TokenPurpose;
import org.petition.token.TokenVerification;
import org.petition.token.Tokens;

/**
 * {@link Invitations}: the invite token of a counted signature, the invitations it sends (validated, limited,
 * one per address and petition, never to a suppressed address), the suppression link, the aggregates.
 */
public final class InvitationService implements Invitations {

  private final Clock clock;
  private final Tokens tokens;
  private final Links links;
  private final Function<String, Optional<Petition>> petitions;
  private final SigningStore signatures;
  private final @Nullable InvitationStore store;
  private final IdentityHasher identity;
  private final EmailCanonicalizer canonicalizer;
  private final ConfirmationSender sender;
  private final DisplayNames displayNames;
  private final InvitationLimits limits;
  private final InvitationThrottle throttle;

  public InvitationService(Clock clock, Tokens tokens, Links links, Function<String, Optional<Petition>> petitions,
      SigningStore signatures, @Nullable InvitationStore store, IdentityHasher identity,
      EmailCanonicalizer canonicalizer, ConfirmationSender sender, DisplayNames displayNames,
      InvitationLimits limits, InvitationThrottle throttle) {
    this.clock = clock;
    this.tokens = tokens;
    this.links = links;
    this.petitions = petitions;
    this.signatures = signatures;
    this.store = store;
    this.identity = identity;
    this.canonicalizer = canonicalizer;
    this.sender = sender;
    this.displayNames = displayNames;
    this.limits = limits;
    this.throttle = throttle;
  }

  @Override
  public InvitationLimits limits() {
    return limits;
  }

  private boolean available() {
    return store != null && limits.perSignerPerDay() > 0;
  }

  @Override
  public Optional<InviteToken> tokenAfterConfirmation(@Nullable String confirmToken) {
    if (!available()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (!(tokens.verify(confirmToken, TokenPurpose.CONFIRM, now) instanceof TokenVerification.Valid valid)) {
      return Optional.empty();
    }
    Optional<StoredSignature> signature = signatures.find(valid.subject());
    if (signature.isEmpty() || !inviting(signature.get(), valid.scope())) {
      return Optional.empty();
    }
    Instant expiresAt = now.plus(limits.tokenTtl());
    return Optional.of(new InviteToken(tokens.mint(TokenPurpose.INVITE, valid.subject(), valid.scope(), expiresAt),
        valid.scope(), expiresAt));
  }

  // A signature may invite while it counts and still has its personal data (not erased or anonymised: an erased
  // signature that keeps counting keeps its email key, but not its sealed data).
  private static boolean inviting(StoredSignature signature, String petition) {
    return signature.counted() && signature.petition().equals(petition) && signature.data().emailKey().length > 0
        && signature.data().sealedPersonalData().length > 0;
  }

  @Override
  public InviteResult invite(@Nullable String slug, @Nullable String inviteToken,
      @Nullable List<@Nullable String> emails, @Nullable String ip) {
    Optional<Petition> found = slug == null ? Optional.empty() : petitions.apply(slug);
    if (found.isEmpty()) {
      return new InviteResult.UnknownPetition();
    }
    InvitationStore invitations = store;
    if (invitations == null || !available()) {
      return new InviteResult.Unavailable();
    }
    Petition petition = found.get();
    Instant now = clock.instant();
    TokenVerification verification = tokens.verify(inviteToken, TokenPurpose.INVITE, now);
    if (verification instanceof TokenVerification.Expired expired && expired.scope().equals(petition.slug())) {
      return new InviteResult.ExpiredToken();
    }
    if (!(verification instanceof TokenVerification.Valid valid) || !valid.scope().equals(petition.slug())) {
      return new InviteResult.InvalidToken();
    }
    Optional<StoredSignature> inviter = signatures.find(valid.subject());
    if (inviter.isEmpty() || !inviting(inviter.get(), petition.slug())) {
      return new InviteResult.ExpiredToken();
    }
    List<Violation> violations = new ArrayList<>();
    List<String> addresses = addresses(emails, violations);
    if (!violations.isEmpty()) {
      return new InviteResult.Rejected(violations);
    }
    Duration wait = throttle.admit(inviter.get().data().emailKey(), ip, addresses.size());
    if (wait != null) {
      return new InviteResult.Limited(wait);
    }
    String name = publicName(petition, inviter.get());
    Locale locale = Locale.forLanguageTag(inviter.get().data().locale());
    String signLink = links.signFromInvitation(limits.signPath(), petition.slug());
    Set<String> seen = new HashSet<>();
    int sent = 0;
    int skipped = 0;
    for (String email : addresses) {
      byte[] key = identity.emailKey(canonicalizer.canonicalize(email));
      String scope = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
      if (!seen.add(scope) || invitations.suppressed(key) || !signatures.household(petition.slug(), key).isEmpty()
          || !invitations.recordInvitation(petition.slug(), key, now)) {
        skipped++;
        continue;
      }
      String suppress = links.suppress(tokens.mint(TokenPurpose.SUPPRESS, 0, scope, now.plus(limits.suppressLinkTtl())));
      try {
        sender.send(new OutgoingMessage(MessageKind.INVITATION, email, locale, petition.title(), signLink, suppress,
            name));
      } catch (RuntimeException e) {
        invitations.forgetInvitation(petition.slug(), key);
        throw new IllegalStateException("an invitation could not be handed to the sender", e);
      }
      sent++;
    }
    return new InviteResult.Sent(sent, skipped);
  }

  // Each address as given, normalised; a violation per invalid one, named by its index and value (the
  // signer's own input, answered to the signer only).
  private List<String> addresses(@Nullable List<@Nullable String> emails, List<Violation> violations) {
    if (emails == null || emails.isEmpty()) {
      violations.add(new Violation("emails", "field.required", "emails must list at least one address"));
      return List.of();
    }
    if (emails.size() > limits.perSignerPerDay()) {
      violations.add(new Violation("emails", "emails.too_many",
          "emails must list at most " + limits.perSignerPerDay() + " addresses, was " + emails.size()));
      return List.of();
    }
    List<String> addresses = new ArrayList<>(emails.size());
    for (int i = 0; i < emails.size(); i++) {
      String raw = emails.get(i);
      String field = "emails[" + i + "]";
      if (raw == null || raw.isBlank()) {
        violations.add(new Violation(field, "field.required", field + " is empty"));
        continue;
      }
      String email = Emails.normalise(raw);
      if (email == null || email.length() > Emails.MAX_LENGTH) {
        violations.add(new Violation(field, "field.too_long", field + " must be at most 254 characters"));
        continue;
      }
      EmailRefusal refusal = Emails.refusal(email);
      if (refusal != null) {
        violations.add(new Violation(field, refusal.code(), field + " (\"" + email + "\") "
            + refusal.message().replaceFirst("^email ", "")));
        continue;
      }
      addresses.add(email);
    }
    return addresses;
  }

  private String publicName(Petition petition, StoredSignature signature) {
    String name = signature.data().displayName();
    if (name == null || petition.displayNamePolicy() == DisplayNamePolicy.ANONYMOUS) {
      return displayNames.displayName(DisplayNamePolicy.ANONYMOUS, signature.data().kind(), null, null, null, null,
          signature.number());
    }
    return name;
  }

  @Override
  public SuppressResult suppress(@Nullable String token) {
    TokenVerification verification = tokens.verify(token, TokenPurpose.SUPPRESS, clock.instant());
    if (verification instanceof TokenVerification.Expired) {
      return new SuppressResult.Expired();
    }
    InvitationStore invitations = store;
    if (!(verification instanceof TokenVerification.Valid valid) || invitations == null) {
      return new SuppressResult.Invalid();
    }
    byte[] key;
    try {
      key = Base64.getUrlDecoder().decode(valid.scope());
    } catch (IllegalArgumentException e) {
      return new SuppressResult.Invalid();
    }
    invitations.suppress(key, clock.instant());
    return new SuppressResult.Suppressed();
  }

  @Override
  public Optional<InvitationStats> stats(@Nullable String slug) {
    InvitationStore invitations = store;
    if (slug == null || invitations == null || petitions.apply(slug).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new InvitationStats(invitations.invitationsSent(slug),
        invitations.signaturesFromInvitations(slug)));
  }

  /** Records that a new signature came through an invitation's link; nothing about who invited. */
  public void attribute(String petition, long signatureId) {
    InvitationStore invitations = store;
    if (invitations != null) {
      invitations.attributeToInvitation(petition, signatureId);
    }
  }
}
