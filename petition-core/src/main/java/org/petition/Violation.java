package org.petition;

import java.util.Objects;

/**
 * Why one field of a signing was refused.
 *
 * @param field the request field, such as {@code email}, or {@code petition}/{@code request} for the whole
 * @param code a stable code such as {@code email.invalid}, {@code consent.missing}, {@code field.too_long}
 * @param message a human explanation in English, never echoing a personal value back
 */
public record Violation(String field, String code, String message) {

  public Violation {
    Objects.requireNonNull(field, "field must not be null");
    Objects.requireNonNull(code, "code must not be null");
    Objects.requireNonNull(message, "message must not be null");
  }
}
