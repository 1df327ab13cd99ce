package org.petition.spring.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * The JSON body of {@code POST /api/accounts} ({@code email}, {@code password}, optionally {@code firstName},
 * {@code lastName}) and {@code POST /api/sessions} ({@code email}, {@code password}). Values are read as whatever
 * JSON type was sent, so a wrong type is answered with the field's name. Names are only type-checked: an account
 * keeps no name (a signing carries it), so nothing personal is stored that a signature does not need.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccountForm(@Nullable Object email, @Nullable Object password, @Nullable Object firstName,
    @Nullable Object lastName) {

  @Override
  public String toString() {
    return "AccountForm[...]"; // a password and an address: never in a log line
  }
}
