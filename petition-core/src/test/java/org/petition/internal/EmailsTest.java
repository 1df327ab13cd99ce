package org.petition.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class EmailsTest {

  @Test
  void normalisingTheDomainToLowerCaseKeepsItNfc() {
    // Found by EmailFuzzTest: "J" + U+030C has no precomposed form, "j" + U+030C is U+01F0 in NFC.
    String raw = " \u0130@E.CLMEJ\u030C ";
    String normalised = Emails.normalise(raw);
    assertThat(normalised).isEqualTo("\u0130@e.clme\u01F0");
    assertThat(Normalizer.isNormalized(normalised, Normalizer.Form.NFC)).isTrue();
    assertThat(Emails.normalise(normalised)).isEqualTo(normalised);
  }

  @Test
  void theLocalPartKeepsItsCaseAndTheDomainIsLowerCased() {
    assertThat(Emails.normalise("  Frank.C@GMAIL.com\t")).isEqualTo("Frank.C@gmail.com");
    assertThat(Emails.normalise("kim@example.kr")).isEqualTo("kim@example.kr");
  }
}
