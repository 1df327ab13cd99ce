package org.petition.moderation;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.petition.SignerKind;
import org.petition.check.Finding;
import org.petition.store.SignatureState;

/**
 * A signature waiting for a moderator, with what the checks found. Shows what moderators need and no more:
 * no email, phone or full name.
 *
 * @param id the signature's id
 * @param state pending (email not yet confirmed) or confirmed
 * @param signedAt when it was signed
 * @param displayName its public name
 * @param comment its comment, even if hidden from the public
 * @param affiliation its affiliation
 * @param city its city
 * @param country its country
 * @param kind person or organisation
 * @param emailDomain the domain of its email
 * @param network its truncated network
 * @param findings what the checks found
 */
public record HeldSignature(
    long id,
    SignatureState state,
    Instant signedAt,
    @Nullable String displayName,
    @Nullable String comment,
    @Nullable String affiliation,
    @Nullable String city,
    @Nullable String country,
    SignerKind kind,
    String emailDomain,
    @Nullable String network,
    List<Finding> findings) {}
