package org.petition.check;

import java.net.InetAddress;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.petition.Petition;
import org.petition.SignerKind;

/**
 * A signing as checks see it: every text already normalised (NFC, trimmed, invisible characters removed)
 * and validated, and the signer's identity derived. Optional text fields are {@code null} when absent,
 * never blank.
 *
 * @param petition the petition signed
 * @param kind a person or an organisation
 * @param firstName a person's first name, {@code null} for an organisation
 * @param lastName a person's last name, {@code null} for an organisation
 * @param organizationName an organisation's name, {@code null} for a person
 * @param nickname the public nickname
 * @param city the city
 * @param affiliation the affiliation
 * @param comment the public comment (may contain line breaks)
 * @param country the ISO 3166-1 alpha-2 country, upper-case
 * @param canonicalEmail the canonical email used for duplicate detection (lower-case, ASCII domain)
 * @param emailDomain the ASCII (punycode) lower-case domain of the email
 * @param phoneE164 the phone in E.164 form
 * @param nameSkeleton the UTS #39 confusable skeleton of the full name
 * @param ip the client address, full precision (checks may use it; it is truncated before storage)
 * @param userAgent the client's User-Agent
 * @param receivedAt when the request arrived
 * @param formRenderedAt when the form was shown
 * @param honeypot the hidden form field's value, {@code null} when empty
 * @param nameKey the keyed hash of {@code nameSkeleton}, as stored with the signature
 * @param networkKey the keyed hash of the client's network (its /24 or /64), {@code null} without an address
 * @param letter the personal letter to the target (never published; may contain line breaks), {@code null}
 *     without one
 */
public record CheckInput(
    Petition petition,
    SignerKind kind,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String organizationName,
    @Nullable String nickname,
    @Nullable String city,
    @Nullable String affiliation,
    @Nullable String comment,
    @Nullable String country,
    String canonicalEmail,
    String emailDomain,
    @Nullable String phoneE164,
    String nameSkeleton,
    @Nullable InetAddress ip,
    @Nullable String userAgent,
    Instant receivedAt,
    @Nullable Instant formRenderedAt,
    @Nullable String honeypot,
    byte[] nameKey,
    byte @Nullable [] networkKey,
    @Nullable String letter) {

  /** An input without a letter. */
  public CheckInput(Petition petition, SignerKind kind, @Nullable String firstName, @Nullable String lastName,
      @Nullable String organizationName, @Nullable String nickname, @Nullable String city,
      @Nullable String affiliation, @Nullable String comment, @Nullable String country, String canonicalEmail,
      String emailDomain, @Nullable String phoneE164, String nameSkeleton, @Nullable InetAddress ip,
      @Nullable String userAgent, Instant receivedAt, @Nullable Instant formRenderedAt, @Nullable String honeypot,
      byte[] nameKey, byte @Nullable [] networkKey) {
    this(petition, kind, firstName, lastName, organizationName, nickname, city, affiliation, comment, country,
        canonicalEmail, emailDomain, phoneE164, nameSkeleton, ip, userAgent, receivedAt, formRenderedAt, honeypot,
        nameKey, networkKey, null);
  }

  /** The name as shown to the signer: "first last" for a person, the organisation's name otherwise. */
  public String fullName() {
    if (kind == SignerKind.ORGANIZATION) {
      return organizationName == null ? "" : organizationName;
    }
    if (firstName == null) {
      return lastName == null ? "" : lastName;
    }
    return lastName == null ? firstName : firstName + " " + lastName;
  }
}
