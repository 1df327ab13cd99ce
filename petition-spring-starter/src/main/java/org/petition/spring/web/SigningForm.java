package org.petition.spring.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The JSON body of {@code POST /api/petitions/{slug}/signatures}. Each value is read as whatever JSON type
 * was sent, not coerced by the parser, so the API can check the types itself and name every wrong one (a
 * number where a name belongs is an error, not the name "5"). Unknown fields are ignored.
 *
 * @param kind {@code PERSON} (default) or {@code ORGANIZATION}
 * @param consents the ids of the consent documents ticked, a list of strings
 * @param website the honeypot: a field people never see, so never fill in
 * @param renderedAt ignored: the render time is the one the form token holds (kept so old clients still parse)
 * @param formId which form was used, kept as consent evidence; {@code api} by default
 * @param formToken the server-signed form token from the page or from {@code GET /api/petitions/{slug}}
 * @param letter a personal letter to the petition's target, where the petition invites letters (its {@code
 *     letterLimit} above 0 in {@code GET /api/petitions/{slug}}); never shown in public
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SigningForm(
    @Nullable Object kind,
    @JsonProperty("firstName") @Nullable Object firstName,
    @JsonProperty("lastName") @Nullable Object lastName,
    @JsonProperty("organizationName") @Nullable Object organizationName,
    @Nullable Object nickname,
    @Nullable Object email,
    @Nullable Object phone,
    @Nullable Object country,
    @Nullable Object city,
    @Nullable Object affiliation,
    @Nullable Object comment,
    @Nullable Object consents,
    @Nullable Object website,
    @JsonProperty("renderedAt") @Nullable Object renderedAt,
    @JsonProperty("formId") @Nullable Object formId,
    @JsonProperty("formToken") @Nullable Object formToken,
    @Nullable Object letter) {}
