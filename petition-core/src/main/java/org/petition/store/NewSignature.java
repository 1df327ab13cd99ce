package org.petition.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.SignerKind;
import org.petition.check.Finding;

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
}
