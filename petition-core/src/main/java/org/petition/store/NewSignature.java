package org.petition.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.SignerKind;
import org.petition.check.Finding;
import org.petition.privacy.ConsentGrant;

/**
 * A signing that passed validation and checks, as handed to {@link SignatureStore#insert}. Holds no
 * personal data in clear: identities are keyed hashes, names and contact data are sealed.
 *
 * @param petition the petition's slug
 * @param kind a person or an organisation
 * @param emailKey the keyed hash of the canonical email (32 bytes)
 * @param householdSlot which of the petition's allowed signatures per email this is, from 0
 * @param phoneKey the keyed hash of the E.164 phone, or {@code null}
 * @param nameKey the keyed hash of the confusable skeleton of the name (near-duplicate detection)
 * @param networkKey the keyed hash of the /24 (IPv4) or /64 (IPv6) network, or {@code null}
 * @param displayName the public name under the petition's policy, or {@code null} when the policy is
 *     anonymous (the number is then shown)
 * @param nickname whether the signer chose a nickname (the entry is then not indexed)
 * @param comment the public comment, or {@code null}
 * @param commentHidden whether moderation hides the comment
 * @param affiliation the affiliation, or {@code null}
 * @param city the city, or {@code null}
 * @param country the ISO country code, or {@code null}
 * @param emailDomain the ASCII domain of the email (for moderation by domain)
 * @param network the truncated network (/24 or /48) as text, or {@code null}
 * @param sealedPersonalData the encrypted email, phone, names and IP
 * @param signedAt when the signing was received
 * @param held whether the signature waits for a moderator before it counts
 * @param findings what the checks found
 * @param consents the consents given on the form
 * @param formId the form's id, consent evidence
 * @param userAgentHash the SHA-256 of the User-Agent, consent evidence
 * @param locale the signer's language tag
 */
public record NewSignature(
    String petition,
    SignerKind kind,
    byte[] emailKey,
    int householdSlot,
    byte @Nullable [] phoneKey,
    byte[] nameKey,
    byte @Nullable [] networkKey,
    @Nullable String displayName,
    boolean nickname,
    @Nullable String comment,
    boolean commentHidden,
    @Nullable String affiliation,
    @Nullable String city,
    @Nullable String country,
    String emailDomain,
    @Nullable String network,
    byte[] sealedPersonalData,
    Instant signedAt,
    boolean held,
    List<Finding> findings,
    List<ConsentGrant> consents,
    @Nullable String formId,
    @Nullable String userAgentHash,
    String locale) {

  public NewSignature {
    Objects.requireNonNull(petition, "petition must not be null");
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(emailKey, "emailKey must not be null");
    Objects.requireNonNull(nameKey, "nameKey must not be null");
    Objects.requireNonNull(emailDomain, "emailDomain must not be null");
    Objects.requireNonNull(sealedPersonalData, "sealedPersonalData must not be null");
    Objects.requireNonNull(signedAt, "signedAt must not be null");
    Objects.requireNonNull(locale, "locale must not be null");
    if (householdSlot < 0) {
      throw new IllegalArgumentException("householdSlot must not be negative");
    }
    findings = List.copyOf(findings);
    consents = List.copyOf(consents);
  }

  /** This signing in another household slot (the slot is its only difference). */
  public NewSignature withHouseholdSlot(int slot) {
    return slot == householdSlot ? this : toBuilder().householdSlot(slot).build();
  }

  /** A builder of a signing of this petition; the fields without a setter call are empty. */
  public static Builder builder(String petition, SignerKind kind) {
    return new Builder(petition, kind);
  }

  /** A builder holding this signing's fields. */
  public Builder toBuilder() {
    Builder b = new Builder(petition, kind);
    b.emailKey = emailKey;
    b.householdSlot = householdSlot;
    b.phoneKey = phoneKey;
    b.nameKey = nameKey;
    b.networkKey = networkKey;
    b.displayName = displayName;
    b.nickname = nickname;
    b.comment = comment;
    b.commentHidden = commentHidden;
    b.affiliation = affiliation;
    b.city = city;
    b.country = country;
    b.emailDomain = emailDomain;
    b.network = network;
    b.sealedPersonalData = sealedPersonalData;
    b.signedAt = signedAt;
    b.held = held;
    b.findings = findings;
    b.consents = consents;
    b.formId = formId;
    b.userAgentHash = userAgentHash;
    b.locale = locale;
    return b;
  }

  /**
   * A builder of {@link NewSignature}; {@link #build()} checks the required fields (email key, name key,
   * email domain, sealed personal data, signing time, locale).
   */
  public static final class Builder {
    private final String petition;
    private final SignerKind kind;
    private byte @Nullable [] emailKey;
    private int householdSlot = 0;
    private byte @Nullable [] phoneKey;
    private byte @Nullable [] nameKey;
    private byte @Nullable [] networkKey;
    private @Nullable String displayName;
    private boolean nickname = false;
    private @Nullable String comment;
    private boolean commentHidden = false;
    private @Nullable String affiliation;
    private @Nullable String city;
    private @Nullable String country;
    private @Nullable String emailDomain;
    private @Nullable String network;
    private byte @Nullable [] sealedPersonalData;
    private @Nullable Instant signedAt;
    private boolean held = false;
    private List<Finding> findings = List.of();
    private List<ConsentGrant> consents = List.of();
    private @Nullable String formId;
    private @Nullable String userAgentHash;
    private @Nullable String locale;

    private Builder(String petition, SignerKind kind) {
      this.petition = Objects.requireNonNull(petition, "petition must not be null");
      this.kind = Objects.requireNonNull(kind, "kind must not be null");
    }

    public Builder emailKey(byte[] emailKey) {
      this.emailKey = emailKey;
      return this;
    }

    public Builder householdSlot(int householdSlot) {
      this.householdSlot = householdSlot;
      return this;
    }

    public Builder phoneKey(byte @Nullable [] phoneKey) {
      this.phoneKey = phoneKey;
      return this;
    }

    public Builder nameKey(byte[] nameKey) {
      this.nameKey = nameKey;
      return this;
    }

    public Builder networkKey(byte @Nullable [] networkKey) {
      this.networkKey = networkKey;
      return this;
    }

    public Builder displayName(@Nullable String displayName) {
      this.displayName = displayName;
      return this;
    }

    public Builder nickname(boolean nickname) {
      this.nickname = nickname;
      return this;
    }

    public Builder comment(@Nullable String comment) {
      this.comment = comment;
      return this;
    }

    public Builder commentHidden(boolean commentHidden) {
      this.commentHidden = commentHidden;
      return this;
    }

    public Builder affiliation(@Nullable String affiliation) {
      this.affiliation = affiliation;
      return this;
    }

    public Builder city(@Nullable String city) {
      this.city = city;
      return this;
    }

    public Builder country(@Nullable String country) {
      this.country = country;
      return this;
    }

    public Builder emailDomain(String emailDomain) {
      this.emailDomain = emailDomain;
      return this;
    }

    public Builder network(@Nullable String network) {
      this.network = network;
      return this;
    }

    public Builder sealedPersonalData(byte[] sealedPersonalData) {
      this.sealedPersonalData = sealedPersonalData;
      return this;
    }

    public Builder signedAt(Instant signedAt) {
      this.signedAt = signedAt;
      return this;
    }

    public Builder held(boolean held) {
      this.held = held;
      return this;
    }

    public Builder findings(List<Finding> findings) {
      this.findings = findings;
      return this;
    }

    public Builder consents(List<ConsentGrant> consents) {
      this.consents = consents;
      return this;
    }

    public Builder formId(@Nullable String formId) {
      this.formId = formId;
      return this;
    }

    public Builder userAgentHash(@Nullable String userAgentHash) {
      this.userAgentHash = userAgentHash;
      return this;
    }

    public Builder locale(String locale) {
      this.locale = locale;
      return this;
    }

    // JDK 17's javac drops type-use annotations (byte @Nullable []) from the implicit parameters of a record's
    // canonical constructor, so NullAway takes them for non-null; they are nullable, as the record declares.
    @SuppressWarnings("NullAway")
    public NewSignature build() {
      return new NewSignature(petition, kind, Objects.requireNonNull(emailKey, "emailKey must be set"), householdSlot, phoneKey, Objects.requireNonNull(nameKey, "nameKey must be set"), networkKey, displayName, nickname, comment, commentHidden, affiliation, city, country, Objects.requireNonNull(emailDomain, "emailDomain must be set"), network, Objects.requireNonNull(sealedPersonalData, "sealedPersonalData must be set"), Objects.requireNonNull(signedAt, "signedAt must be set"), held, findings, consents, formId, userAgentHash, Objects.requireNonNull(locale, "locale must be set"));
    }
  }
}
