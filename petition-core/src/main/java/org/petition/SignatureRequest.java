package org.petition;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a person typed into a petition form, exactly as received. Nothing here is trusted: {@link
 * Petitions#sign} normalises and validates every field and answers with a {@link SignResult}.
 *
 * @param petition the slug of the petition signed
 * @param kind a person or an organisation; {@code null} means a person
 * @param firstName a person's first (given) name
 * @param lastName a person's last (family) name
 * @param organizationName an organisation's name
 * @param nickname a public name used instead of the real one, for privacy
 * @param email the address the confirmation is sent to
 * @param phone an optional phone number in national or international form
 * @param country the signer's country, ISO 3166-1 alpha-2, or empty to take it from the phone
 * @param city the signer's city
 * @param affiliation an affiliation shown beside the name
 * @param comment a public comment
 * @param consents the ids of the consent documents the signer ticked
 * @param context where and when the request came from
 * @param letter a personal letter to the petition's target, only where the petition invites letters
 *     ({@link Petition#invitesLetters()}); never shown in public
 */
public record SignatureRequest(
    @Nullable String petition,
    @Nullable SignerKind kind,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String organizationName,
    @Nullable String nickname,
    @Nullable String email,
    @Nullable String phone,
    @Nullable String country,
    @Nullable String city,
    @Nullable String affiliation,
    @Nullable String comment,
    Set<String> consents,
    RequestContext context,
    @Nullable String letter) {

  public SignatureRequest {
    consents = consents == null ? Set.of() : Set.copyOf(nonNull(consents));
    context = context == null ? RequestContext.empty() : context;
  }

  /** A request without a letter. */
  public SignatureRequest(@Nullable String petition, @Nullable SignerKind kind, @Nullable String firstName,
      @Nullable String lastName, @Nullable String organizationName, @Nullable String nickname,
      @Nullable String email, @Nullable String phone, @Nullable String country, @Nullable String city,
      @Nullable String affiliation, @Nullable String comment, Set<String> consents, RequestContext context) {
    this(petition, kind, firstName, lastName, organizationName, nickname, email, phone, country, city,
        affiliation, comment, consents, context, null);
  }

  private static Set<String> nonNull(Set<String> consents) {
    boolean anyNull = false;
    for (String consent : consents) {
      anyNull |= consent == null;
    }
    if (!anyNull) {
      return consents; // copied once, by the caller's Set.copyOf
    }
    Set<String> copy = new LinkedHashSet<>();
    for (String consent : consents) {
      if (consent != null) {
        copy.add(consent);
      }
    }
    return copy;
  }

  /** A builder for a signing of the petition with the given slug. */
  public static Builder builder(String petition) {
    return new Builder(petition);
  }

  /** A builder of {@link SignatureRequest}. Values are taken as typed; validation happens at signing. */
  public static final class Builder {
    private @Nullable String petition;
    private @Nullable SignerKind kind = SignerKind.PERSON;
    private @Nullable String firstName;
    private @Nullable String lastName;
    private @Nullable String organizationName;
    private @Nullable String nickname;
    private @Nullable String email;
    private @Nullable String phone;
    private @Nullable String country;
    private @Nullable String city;
    private @Nullable String affiliation;
    private @Nullable String comment;
    private @Nullable String letter;
    // Distinct ids in an array rather than a LinkedHashSet: a form has a handful, and build() copies them into
    // an immutable set anyway (so their order was never kept).
    private String[] consents = new String[4];
    private int consentCount;
    // Past a few dozen ids a set: a form posted with thousands must not cost a quadratic scan.
    private @Nullable Set<String> manyConsents;
    private @Nullable String ip;
    private @Nullable String userAgent;
    private java.time.@Nullable Instant receivedAt;
    private java.time.@Nullable Instant formRenderedAt;
    private @Nullable String honeypot;
    private @Nullable String formToken;
    private boolean viaInvitation;
    private @Nullable String formId;
    private java.util.@Nullable Locale locale;

    private Builder(@Nullable String petition) {
      this.petition = petition;
    }

    /** The slug of the petition signed. */
    public Builder petition(@Nullable String petition) {
      this.petition = petition;
      return this;
    }

    public Builder kind(@Nullable SignerKind kind) {
      this.kind = kind;
      return this;
    }

    /** A person with the given first and last names. */
    public Builder person(@Nullable String firstName, @Nullable String lastName) {
      this.kind = SignerKind.PERSON;
      this.firstName = firstName;
      this.lastName = lastName;
      return this;
    }

    /** An organisation with the given name. */
    public Builder organization(@Nullable String name) {
      this.kind = SignerKind.ORGANIZATION;
      this.organizationName = name;
      return this;
    }

    public Builder firstName(@Nullable String firstName) {
      this.firstName = firstName;
      return this;
    }

    public Builder lastName(@Nullable String lastName) {
      this.lastName = lastName;
      return this;
    }

    public Builder organizationName(@Nullable String organizationName) {
      this.organizationName = organizationName;
      return this;
    }

    public Builder nickname(@Nullable String nickname) {
      this.nickname = nickname;
      return this;
    }

    public Builder email(@Nullable String email) {
      this.email = email;
      return this;
    }

    public Builder phone(@Nullable String phone) {
      this.phone = phone;
      return this;
    }

    public Builder country(@Nullable String country) {
      this.country = country;
      return this;
    }

    public Builder city(@Nullable String city) {
      this.city = city;
      return this;
    }

    public Builder affiliation(@Nullable String affiliation) {
      this.affiliation = affiliation;
      return this;
    }

    public Builder comment(@Nullable String comment) {
      this.comment = comment;
      return this;
    }

    /** A personal letter to the target; refused (field {@code letter}) where the petition invites none. */
    public Builder letter(@Nullable String letter) {
      this.letter = letter;
      return this;
    }

    /** Marks the given consent documents as accepted. */
    public Builder consent(String... documentIds) {
      for (String id : documentIds) {
        addConsent(Objects.requireNonNull(id, "consent document id must not be null"));
      }
      return this;
    }

    public Builder consents(Set<String> documentIds) {
      consentCount = 0;
      manyConsents = null;
      documentIds.forEach(this::consent);
      return this;
    }

    private void addConsent(String id) {
      if (manyConsents != null) {
        manyConsents.add(id);
        return;
      }
      if (consentCount == 32) {
        manyConsents = new java.util.HashSet<>(java.util.Arrays.asList(consents).subList(0, consentCount));
        manyConsents.add(id);
        return;
      }
      for (int i = 0; i < consentCount; i++) {
        if (consents[i].equals(id)) {
          return;
        }
      }
      if (consentCount == consents.length) {
        consents = java.util.Arrays.copyOf(consents, consentCount * 2);
      }
      consents[consentCount++] = id;
    }

    public Builder ip(@Nullable String ip) {
      this.ip = ip;
      return this;
    }

    public Builder userAgent(@Nullable String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    public Builder receivedAt(java.time.@Nullable Instant receivedAt) {
      this.receivedAt = receivedAt;
      return this;
    }

    public Builder formRenderedAt(java.time.@Nullable Instant formRenderedAt) {
      this.formRenderedAt = formRenderedAt;
      return this;
    }

    public Builder honeypot(@Nullable String honeypot) {
      this.honeypot = honeypot;
      return this;
    }

    /** The form token the form sent back; see {@link RequestContext#formToken()}. */
    public Builder formToken(@Nullable String formToken) {
      this.formToken = formToken;
      return this;
    }

    public Builder formId(@Nullable String formId) {
      this.formId = formId;
      return this;
    }

    /** Whether the signer came through an invitation's link; see {@link RequestContext#viaInvitation()}. */
    public Builder viaInvitation(boolean viaInvitation) {
      this.viaInvitation = viaInvitation;
      return this;
    }

    public Builder locale(java.util.@Nullable Locale locale) {
      this.locale = locale;
      return this;
    }

    // The forms of one petition send the same few consent ids with every signing: the set built last is kept
    // (it holds document ids only, never personal data) and reused when equal, instead of an array copy, a set
    // and its table per request. Immutable and equal, so nobody can tell it from a fresh one.
    private static volatile Set<String> lastConsents = Set.of();

    private Set<String> consentSet() {
      Set<String> last = lastConsents;
      if (last.size() == consentCount) {
        boolean same = true;
        for (int i = 0; i < consentCount && same; i++) {
          same = last.contains(consents[i]);
        }
        if (same) {
          return last;
        }
      }
      Set<String> built = Set.of(java.util.Arrays.copyOf(consents, consentCount));
      lastConsents = built;
      return built;
    }

    public SignatureRequest build() {
      return new SignatureRequest(
          petition, kind, firstName, lastName, organizationName, nickname, email, phone, country, city,
          affiliation, comment, manyConsents != null ? manyConsents : consentSet(),
          new RequestContext(ip, userAgent, receivedAt, formRenderedAt, honeypot, formId, locale, formToken,
              viaInvitation),
          letter);
    }
  }
}
