package org.petition.spring.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The JSON body of {@code POST /api/petitions/{slug}/invitations}: {@code {"inviteToken":"...","emails":[...]}}.
 * Values are read as whatever JSON type was sent, so a wrong type is answered with the field's name. Unknown
 * fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InvitationForm(@JsonProperty("inviteToken") @Nullable Object inviteToken, @Nullable Object emails) {}
