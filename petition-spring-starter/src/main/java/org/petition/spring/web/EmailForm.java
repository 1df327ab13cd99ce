package org.petition.spring.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * The JSON body of {@code POST /api/erasures}, {@code POST /api/access-requests} and {@code POST
 * /api/password-resets}: {@code {"email":"..."}}. Read as whatever JSON type was sent, so a wrong type is
 * answered with the field's name. Unknown fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmailForm(@Nullable Object email) {}
