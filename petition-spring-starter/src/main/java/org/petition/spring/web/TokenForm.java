package org.petition.spring.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * The JSON body of {@code POST /api/confirmations} and {@code POST /api/revocations}: {@code {"token":"..."}}.
 * The token is read as whatever JSON type was sent; anything but a string is an invalid token.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenForm(@Nullable Object token) {}
