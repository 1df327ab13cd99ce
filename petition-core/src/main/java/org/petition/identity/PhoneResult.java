package org.petition.identity;

import java.util.Objects;

/** What {@link PhoneNormalizer} made of a phone number: a valid number, or a refusal with a stable code. */
public sealed interface PhoneResult permits PhoneResult.Valid, PhoneResult.Invalid {

  /**
   * A valid number.
   *
   * @param e164 the number in E.164 form, such as {@code +821012345678}; usually at most 15 digits, but longer where
   *     libphonenumber's metadata has longer numbers (German numbers with an extension reach 16 or 17)
   * @param region the ISO 3166-1 alpha-2 region the number belongs to (upper case), or {@code 001} for a
   *     non-geographic number such as a {@code +800} freephone number
   */
  record Valid(String e164, String region) implements PhoneResult {
    public Valid {
      Objects.requireNonNull(e164, "e164 must not be null");
      Objects.requireNonNull(region, "region must not be null");
    }
  }

  /**
   * The number was refused.
   *
   * @param code {@link PhoneNormalizer#INVALID} or {@link PhoneNormalizer#WRONG_COUNTRY}
   * @param detail a short explanation for a developer or moderator; it never quotes the number
   */
  record Invalid(String code, String detail) implements PhoneResult {
    public Invalid {
      Objects.requireNonNull(code, "code must not be null");
      Objects.requireNonNull(detail, "detail must not be null");
    }
  }
}
