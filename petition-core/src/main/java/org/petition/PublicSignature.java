package org.petition;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A signature as the public sees it in "Latest Signatures": never an email, a phone or a full name the
 * petition's display policy does not allow.
 *
 * @param number the signer's number in counting order
 * @param signedAt when it was confirmed
 * @param displayName the name as the petition's policy shows it ("Frank C.", a nickname, "Signer #276")
 * @param comment the comment, {@code null} when none was given or it was hidden by moderation
 * @param affiliation the affiliation, or {@code null}
 * @param city the city, or {@code null}
 * @param country the ISO country code, or {@code null}
 * @param kind a person or an organisation
 * @param noindex whether search engines should not index this entry (the signer chose a nickname, or the
 *     petition asks for it)
 */
public record PublicSignature(
    long number,
    Instant signedAt,
    String displayName,
    @Nullable String comment,
    @Nullable String affiliation,
    @Nullable String city,
    @Nullable String country,
    SignerKind kind,
    boolean noindex) {}
