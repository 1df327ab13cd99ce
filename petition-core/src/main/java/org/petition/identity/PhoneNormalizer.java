package org.petition.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber.CountryCodeSource;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Validates a phone number as typed and gives its E.164 form, with libphonenumber. Stateless and
 * thread-safe.
 *
 * <p>A number in national form ({@code 010-1234-5678}) is read in the given country. A number in
 * international form (a leading {@code +}, or the country's international call prefix such as {@code 00}
 * or {@code 011}) carries its own country; if a country is given and the number belongs to another one,
 * the result is {@link #WRONG_COUNTRY}. With no country given, only the international form is accepted.
 *
 * <p>Only digits (of any script), white space and the punctuation people put in numbers ({@code + - . ( )
 * /} and their full-width and dash variants) are accepted: letters (vanity numbers, extensions) and other
 * characters make the number {@link #INVALID}.
 */
public final class PhoneNormalizer {

  /** The code of a number that cannot be read or is not a valid number. */
  public static final String INVALID = "phone.invalid";

  /** The code of a valid number, written in international form, of another country than the one given. */
  public static final String WRONG_COUNTRY = "phone.wrong_country";

  /** Inputs longer than this are refused before parsing. */
  public static final int MAX_LENGTH = 64;

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final String UNKNOWN_REGION = "ZZ";
  private static final String NON_GEOGRAPHIC = "001";

  private PhoneNormalizer() {}

  /**
   * Normalises a phone number.
   *
   * @param raw the number as typed
   * @param defaultRegion the signer's country, ISO 3166-1 alpha-2 in any case; {@code null} or blank when
   *     unknown, in which case the number must be in international form. A code libphonenumber does not
   *     know (such as {@code AQ}) also requires the international form.
   * @throws IllegalArgumentException if {@code defaultRegion} is not blank and not two ASCII letters
   */
  public static PhoneResult normalize(String raw, @Nullable String defaultRegion) {
    Objects.requireNonNull(raw, "raw must not be null");
    String country = country(defaultRegion);
    if (raw.length() > MAX_LENGTH) {
      return invalid("longer than " + MAX_LENGTH + " characters");
    }
    String refusal = checkCharacters(raw);
    if (refusal != null) {
      return invalid(refusal);
    }
    String parseRegion = country != null && UTIL.getSupportedRegions().contains(country) ? country : UNKNOWN_REGION;
    PhoneNumber number;
    try {
      number = UTIL.parseAndKeepRawInput(raw, parseRegion);
    } catch (NumberParseException e) {
      if (e.getErrorType() == NumberParseException.ErrorType.INVALID_COUNTRY_CODE && parseRegion.equals(UNKNOWN_REGION)) {
        return invalid("not in international form (+ and country code), and no known country was given");
      }
      return invalid("not a phone number (" + e.getErrorType().name().toLowerCase(Locale.ROOT) + ")");
    }
    if (!UTIL.isValidNumber(number)) {
      return invalid("not a valid number");
    }
    String region = UTIL.getRegionCodeForNumber(number);
    if (region == null || region.equals(UNKNOWN_REGION)) {
      region = NON_GEOGRAPHIC;
    }
    CountryCodeSource source = number.getCountryCodeSource();
    boolean international =
        source == CountryCodeSource.FROM_NUMBER_WITH_PLUS_SIGN || source == CountryCodeSource.FROM_NUMBER_WITH_IDD;
    if (international && country != null && !region.equals(country)) {
      return new PhoneResult.Invalid(
          WRONG_COUNTRY, "a number of region " + region + " where the country given is " + country);
    }
    return new PhoneResult.Valid(UTIL.format(number, PhoneNumberFormat.E164), region);
  }

  private static @Nullable String country(@Nullable String defaultRegion) {
    if (defaultRegion == null || defaultRegion.isBlank()) {
      return null;
    }
    String country = defaultRegion.strip().toUpperCase(Locale.ROOT);
    if (country.length() != 2 || !isAsciiLetter(country.charAt(0)) || !isAsciiLetter(country.charAt(1))) {
      throw new IllegalArgumentException(
          "defaultRegion must be an ISO 3166-1 alpha-2 code or blank, was '" + defaultRegion + "'");
    }
    return country;
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'A' && c <= 'Z';
  }

  // libphonenumber reads vanity letters and skips junk around a number; a form field should hold neither.
  private static @Nullable String checkCharacters(String raw) {
    boolean digit = false;
    for (int i = 0; i < raw.length(); ) {
      int cp = raw.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isDigit(cp)) {
        digit = true;
      } else if (Character.isLetter(cp)) {
        return "letters are not allowed";
      } else if (!isSeparator(cp)) {
        return "unexpected character " + String.format("U+%04X", cp);
      }
    }
    return digit ? null : "no digits";
  }

  private static boolean isSeparator(int cp) {
    switch (cp) {
      case '+', '-', '.', '(', ')', '/', '\t', 0xFF0B, 0xFF0D, 0xFF0E, 0xFF08, 0xFF09, 0xFF0F, 0x2010, 0x2011,
          0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x30FC -> {
        return true;
      }
      default -> {
        return Character.getType(cp) == Character.SPACE_SEPARATOR;
      }
    }
  }

  private static PhoneResult invalid(String detail) {
    return new PhoneResult.Invalid(INVALID, detail);
  }
}
