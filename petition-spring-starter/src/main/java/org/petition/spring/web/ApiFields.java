package org.petition.spring.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.petition.Violation;

/** The type and presence checks of the API's form fields, each failure naming its field. */
final class ApiFields {

  private ApiFields() {}

  /** A string field: {@code null} when absent; a violation ({@code field.invalid_type}) when not a string. */
  static @Nullable String string(@Nullable Object value, String field, List<Violation> violations) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    violations.add(new Violation(field, "field.invalid_type", field + " must be a string"));
    return null;
  }

  /** A string field that must be there and not blank ({@code field.required}). */
  static @Nullable String required(@Nullable Object value, String field, List<Violation> violations) {
    if (value == null || value instanceof String text && text.isBlank()) {
      violations.add(new Violation(field, "field.required", field + " is required"));
      return null;
    }
    return string(value, field, violations);
  }
}
