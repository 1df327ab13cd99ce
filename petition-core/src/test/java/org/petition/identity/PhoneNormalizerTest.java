package org.petition.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNormalizerTest {

  private static String codeOf(PhoneResult result) {
    assertThat(result).isInstanceOf(PhoneResult.Invalid.class);
    return ((PhoneResult.Invalid) result).code();
  }

  @ParameterizedTest(name = "[{index}] {0} in {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // United States
        "(201) 555-0123          | US | +12015550123   | US",
        "201.555.0123            | us | +12015550123   | US",
        "1 201 555 0123          | US | +12015550123   | US",
        "+1 201-555-0123         | US | +12015550123   | US",
        "+1 201-555-0123         | -  | +12015550123   | US",
        // South Korea
        "010-1234-5678           | KR | +821012345678  | KR",
        "+82 10-1234-5678        | KR | +821012345678  | KR",
        "+82 10-1234-5678        | -  | +821012345678  | KR",
        "001 82 10 1234 5678     | KR | +821012345678  | KR",
        "02-312-3456             | KR | +8223123456    | KR",
        "+82 2 312 3456          | KR | +8223123456    | KR",
        "０１０－１２３４－５６７８ | KR | +821012345678  | KR",
        // United Kingdom
        "020 7946 0958           | GB | +442079460958  | GB",
        "+44 20 7946 0958        | GB | +442079460958  | GB",
        "+44 (0)20 7946 0958     | GB | +442079460958  | GB",
        "07400 123456            | GB | +447400123456  | GB",
        "+44 7400 123456         | -  | +447400123456  | GB",
        // Germany
        "030 901820              | DE | +4930901820    | DE",
        "+49 30 901820           | DE | +4930901820    | DE",
        "0049 30 901820          | DE | +4930901820    | DE",
        "0151 23456789           | DE | +4915123456789 | DE",
        "+49 151 23456789        | -  | +4915123456789 | DE",
        // France
        "01 42 68 53 00          | FR | +33142685300   | FR",
        "+33 1 42 68 53 00       | FR | +33142685300   | FR",
        "06 12 34 56 78          | FR | +33612345678   | FR",
        "+33 6 12 34 56 78       | -  | +33612345678   | FR",
        "0033 6 12 34 56 78      | FR | +33612345678   | FR",
        // Non-geographic
        "+800 1234 5678          | -  | +80012345678   | 001",
      })
  void normalisesNationalAndInternationalForms(String raw, String country, String e164, String region) {
    assertThat(PhoneNormalizer.normalize(raw, country)).isEqualTo(new PhoneResult.Valid(e164, region));
  }

  @Test
  void nationalAndInternationalFormsOfOneNumberAreOne() {
    assertThat(PhoneNormalizer.normalize("+82 10-1234-5678", "KR"))
        .isEqualTo(PhoneNormalizer.normalize("010-1234-5678", "KR"));
  }

  @ParameterizedTest(name = "[{index}] {0} in {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "+82 10-1234-5678    | US | KR",
        "+1 201-555-0123     | KR | US",
        "+1 416 555 0199     | US | CA",
        "+44 20 7946 0958    | DE | GB",
        "00 44 20 7946 0958  | DE | GB",
        "011 82 10 1234 5678 | US | KR",
        "+33 6 12 34 56 78   | GB | FR",
        "+800 1234 5678      | FR | 001",
      })
  void refusesAnInternationalNumberOfAnotherCountry(String raw, String country, String region) {
    PhoneResult result = PhoneNormalizer.normalize(raw, country);
    assertThat(result)
        .isEqualTo(
            new PhoneResult.Invalid(
                PhoneNormalizer.WRONG_COUNTRY,
                "a number of region " + region + " where the country given is " + country));
  }

  @Test
  void aNationalNumberIsReadInTheGivenCountry() {
    // A Korean mobile in national form means nothing in the United States.
    assertThat(codeOf(PhoneNormalizer.normalize("010-1234-5678", "US"))).isEqualTo(PhoneNormalizer.INVALID);
    // A national number of a region sharing the country code is valid, with its own region.
    assertThat(PhoneNormalizer.normalize("416 555 0199", "US"))
        .isEqualTo(new PhoneResult.Valid("+14165550199", "CA"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void withoutACountryTheNumberMustBeInternational(String country) {
    assertThat(PhoneNormalizer.normalize("010-1234-5678", country))
        .isEqualTo(
            new PhoneResult.Invalid(
                PhoneNormalizer.INVALID,
                "not in international form (+ and country code), and no known country was given"));
    assertThat(PhoneNormalizer.normalize("+82 10 1234 5678", country))
        .isEqualTo(new PhoneResult.Valid("+821012345678", "KR"));
  }

  @Test
  void aCountryLibphonenumberDoesNotKnowNeedsTheInternationalForm() {
    // Antarctica has no numbering plan of its own.
    assertThat(codeOf(PhoneNormalizer.normalize("030 901820", "AQ"))).isEqualTo(PhoneNormalizer.INVALID);
    assertThat(codeOf(PhoneNormalizer.normalize("+49 30 901820", "AQ"))).isEqualTo(PhoneNormalizer.WRONG_COUNTRY);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "hello                     | letters are not allowed",
        "1-800-FLOWERS             | letters are not allowed",
        "+1 201 555 0123 ext. 45   | letters are not allowed",
        "+1 201 555 0123 x45       | letters are not allowed",
        "010-1234-5678 전화         | letters are not allowed",
        "!!!                       | unexpected character U+0021",
        "+1 201 555 0123 #         | unexpected character U+0023",
        "<201> 555 0123            | unexpected character U+003C",
        "'201\u0000555'            | unexpected character U+0000",
        "+-().                     | no digits",
        "''                        | no digits",
        "12                        | not a valid number",
        "555-0123                  | not a valid number",
        "+1 201 555 01234567       | not a valid number",
        "+999 1234 5678            | not a phone number (invalid_country_code)",
      })
  void refusesGarbage(String raw, String detail) {
    assertThat(PhoneNormalizer.normalize(raw, "US")).isEqualTo(new PhoneResult.Invalid(PhoneNormalizer.INVALID, detail));
  }

  @Test
  void refusesLongInputBeforeParsing() {
    String padded = "+82 10-1234-5678" + " ".repeat(64 - 16);
    assertThat(padded).hasSize(64);
    assertThat(PhoneNormalizer.normalize(padded, "KR")).isEqualTo(new PhoneResult.Valid("+821012345678", "KR"));
    assertThat(PhoneNormalizer.normalize(padded + " ", "KR"))
        .isEqualTo(new PhoneResult.Invalid(PhoneNormalizer.INVALID, "longer than 64 characters"));
    assertThat(codeOf(PhoneNormalizer.normalize("1".repeat(100_000), "KR"))).isEqualTo(PhoneNormalizer.INVALID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"KOR", "K", "1A", "Ü1", "U S"})
  void refusesACountryThatIsNotAnAlpha2Code(String country) {
    assertThatThrownBy(() -> PhoneNormalizer.normalize("+82 10 1234 5678", country))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("defaultRegion must be an ISO 3166-1 alpha-2 code or blank, was '" + country + "'");
  }

  @Test
  void refusesANullNumber() {
    assertThatThrownBy(() -> PhoneNormalizer.normalize(null, "KR"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("raw must not be null");
  }

  @Test
  void detailsNeverQuoteTheNumber() {
    PhoneResult result = PhoneNormalizer.normalize("+82 10-1234-5678", "US");
    assertThat(((PhoneResult.Invalid) result).detail()).doesNotContain("1234", "5678");
  }
}
