package org.petition.spring.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * The JSON body of {@code POST /api/petitions/{slug}/resends}: {@code {"email":"..."}}. The value is read as
 * whatever JSON type was sent, so a wrong type is answered with the field's name. Unknown fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResendForm(@Nullable Object email) {}
