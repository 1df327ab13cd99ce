package org.petition;

import java.util.Objects;

/** The answer to {@link DataSubjectRights#accessByLink}: the person's data, or why the link does not give it. */
public sealed interface AccessResult {

  /**
   * The link is good: everything held about its address, as {@link DataSubjectRights#access} writes it.
   *
   * @param json the subject-access export (format {@code petition.subject-access.v1})
   */
  record Granted(String json) implements AccessResult {
    public Granted {
      Objects.requireNonNull(json, "json must not be null");
    }

    @Override
    public String toString() {
      return "Granted[json=(" + json.length() + " characters)]"; // personal data: never in a log line
    }
  }

  /** The link is too old. */
  record Expired() implements AccessResult {}

  /** The link is not one this library issued for access. */
  record Invalid() implements AccessResult {}
}
