package org.petition.internal;

import java.text.Normalizer;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The one way an email address typed by a person is normalised and validated. */
public final class Emails {

  /** RFC 5321's limit on a forward path: 256 octets less the angle brackets. */
  public static final int MAX_LENGTH = 254;

  private Emails() {}

  /** NFC, surrounding white space stripped, the domain lower-cased; {@code null} for null or absurdly long input. */
  public static @Nullable String normalise(@Nullable String raw) {
    if (raw == null || raw.length() > 4 * MAX_LENGTH) {
      return null;
    }
    String email = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
    int at = email.lastIndexOf('@');
    if (at <= 0 || !hasUpperCase(email, at + 1)) {
      return email; // the usual case: a lower-case domain, nothing to copy
    }
    // Lower case can undo NFC: "J" + U+030C stays two characters, "j" + U+030C composes to U+01F0 (found by
    // EmailFuzzTest). '@' composes with nothing, so the domain is normalised again on its own.
    return email.substring(0, at + 1)
        + Normalizer.normalize(email.substring(at + 1).toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
  }

  private static boolean hasUpperCase(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z' || c >= 0x80 && Character.toLowerCase(c) != c || Character.isSurrogate(c)) {
        return true; // surrogates: leave the supplementary planes to toLowerCase
      }
    }
    return false;
  }

  /**
   * Whether a normalised address is valid: at most 254 characters, Commons Validator's rules, IDN allowed, and
   * RFC 5322's addr-spec where Commons Validator is more lenient.
   */
  @Contract("null -> false")
  public static boolean isValid(@Nullable String normalised) {
    return refusal(normalised) == null;
  }

  /** Why a normalised address is refused ({@link EmailRefusal#INVALID} for null or too long), or null if valid. */
  public static @Nullable EmailRefusal refusal(@Nullable String normalised) {
    if (normalised == null || normalised.length() > MAX_LENGTH || normalised.lastIndexOf('@') <= 0) {
      return EmailRefusal.INVALID;
    }
    // Commons Validator's verdict (allowLocal and allowTld false), only faster, and RFC 5322's refusals.
    return FastEmailValidator.refusal(normalised);
  }
}
