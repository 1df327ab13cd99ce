package org.petition.account;

import java.util.Objects;
import java.util.regex.Pattern;

/** Whether a {@link PasswordPolicy} accepts a new password, and if not, why. */
public sealed interface PasswordVerdict permits PasswordVerdict.Accepted, PasswordVerdict.Refused {

  /** Whether the password may be used. */
  boolean accepted();

  /** The password may be used. */
  record Accepted() implements PasswordVerdict {
    @Override
    public boolean accepted() {
      return true;
    }
  }

  /**
   * The password may not be used.
   *
   * @param code a stable code for translations: {@code password.too_short}, {@code password.too_long} or
   *     {@code password.common}
   * @param message an English explanation for the signer; never contains the password
   */
  record Refused(String code, String message) implements PasswordVerdict {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    public Refused {
      Objects.requireNonNull(code, "code must not be null");
      Objects.requireNonNull(message, "message must not be null");
      if (!CODE.matcher(code).matches()) {
        throw new IllegalArgumentException("code must be dotted lower-case words, was: " + code);
      }
    }

    @Override
    public boolean accepted() {
      return false;
    }
  }
}
