package org.petition.internal;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.petition.Petition;
import org.petition.SignerKind;
import org.petition.privacy.ConsentGrant;

/**
 * A signing whose every field is normalised and valid; {@code letter} is the personal letter to the target.
 * It is itself the validator's and the admission's answer when valid (no wrapper object per signing).
 */
public record ValidSigning(
    Petition petition,
    SignerKind kind,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String organizationName,
    @Nullable String nickname,
    String email,
    @Nullable String phoneE164,
    @Nullable String country,
    @Nullable String city,
    @Nullable String affiliation,
    @Nullable String comment,
    List<ConsentGrant> consents,
    @Nullable InetAddress ip,
    @Nullable String userAgent,
    Instant receivedAt,
    @Nullable Instant formRenderedAt,
    @Nullable String honeypot,
    @Nullable String formId,
    Locale locale,
    @Nullable String letter) implements SigningValidator.Outcome, Admission.Outcome {

  /** A signing without a letter. */
  public ValidSigning(Petition petition, SignerKind kind, @Nullable String firstName, @Nullable String lastName,
      @Nullable String organizationName, @Nullable String nickname, String email, @Nullable String phoneE164,
      @Nullable String country, @Nullable String city, @Nullable String affiliation, @Nullable String comment,
      List<ConsentGrant> consents, @Nullable InetAddress ip, @Nullable String userAgent, Instant receivedAt,
      @Nullable Instant formRenderedAt, @Nullable String honeypot, @Nullable String formId, Locale locale) {
    this(petition, kind, firstName, lastName, organizationName, nickname, email, phoneE164, country, city,
        affiliation, comment, consents, ip, userAgent, receivedAt, formRenderedAt, honeypot, formId, locale, null);
  }
}
