package org.petition.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.BeforeAll;
import org.petition.identity.PhoneNormalizer;
import org.petition.identity.PhoneResult;

/**
 * The phone field as typed, with the country field as typed: a valid number or a refusal with a code, never
 * an exception but for a country that is not two letters; a valid number's E.164 form is a fixed point.
 */
class PhoneFuzzTest {

  private static final String[] COUNTRIES = {"KR", "us", "DE", "GB", "FR", "JP", "IN", "BR", "AQ", "ZZ", "",
      " ", "001"};

  /** Loads libphonenumber's metadata before fuzzing, so the first input is not timed with it. */
  @BeforeAll
  static void warmUp() {
    PhoneNormalizer.normalize("+82 10-1234-5678", "KR");
    PhoneNormalizer.normalize("010-1234-5678", "KR");
  }

  @FuzzTest(maxDuration = "10s")
  void normalisingIsAVerdict(FuzzedDataProvider data) {
    String country = data.consumeBoolean() ? data.pickValue(COUNTRIES) : data.consumeString(3);
    String raw = data.consumeRemainingAsString();
    boolean countryWellFormed = country.isBlank() || country.strip().matches("[A-Za-z]{2}");
    PhoneResult result;
    try {
      result = PhoneNormalizer.normalize(raw, country);
    } catch (IllegalArgumentException e) {
      assertThat(countryWellFormed).as("only a malformed country throws, not '%s'", country).isFalse();
      assertThatThrownBy(() -> PhoneNormalizer.normalize("+82 10-1234-5678", country))
          .isInstanceOf(IllegalArgumentException.class);
      return;
    }
    if (result instanceof PhoneResult.Invalid invalid) {
      assertThat(invalid.code()).isIn(PhoneNormalizer.INVALID, PhoneNormalizer.WRONG_COUNTRY);
      if (raw.strip().length() >= 6 && raw.chars().anyMatch(Character::isDigit)) {
        assertThat(invalid.detail()).as("the detail never quotes the number").doesNotContain(raw.strip());
      }
      return;
    }
    PhoneResult.Valid valid = (PhoneResult.Valid) result;
    // ITU's E.164 stops at 15 digits; libphonenumber's metadata allows longer numbers where a country has them
    // (a German number with a PBX extension, +4940012045672045, has 16; a Japanese one, +810078400192053114,
    // 18: both found by this test), and the normaliser keeps its verdict. libphonenumber's own bound is a
    // country code of at most 3 digits and a national number of at most 17. Only the keyed hash of the number
    // is stored, so no column limits its length.
    assertThat(valid.e164()).matches("\\+[1-9][0-9]{1,19}");
    PhoneResult again = PhoneNormalizer.normalize(valid.e164(), null);
    assertThat(again).as("E.164 is a fixed point").isEqualTo(valid);
  }
}
