package org.petition.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

  private final PersonalData full =
      new PersonalData("frank@example.org", "+14155550100", "Frank", "Castellano", null, "2001:db8::1");

  @Test
  void roundTripsEveryFieldIncludingAbsentOnes() {
    assertThat(PersonalData.decode(full.encode())).isEqualTo(full);
    PersonalData minimal = new PersonalData("a@b.c", null, null, null, null, null);
    assertThat(PersonalData.decode(minimal.encode())).isEqualTo(minimal);
    PersonalData unicode = new PersonalData("김@예.한국", null, "영일", "김", "서울 😀 모임", null);
    assertThat(PersonalData.decode(unicode.encode())).isEqualTo(unicode);
    PersonalData empty = new PersonalData("", null, "", null, null, null);
    assertThat(PersonalData.decode(empty.encode())).isEqualTo(empty);
  }

  @Test
  void encodesCompactlyWithTheDocumentedLayout() {
    byte[] encoded = new PersonalData("a@b.c", null, "Jo", null, null, null).encode();

    assertThat(encoded).containsExactly(1, 6, 'a', '@', 'b', '.', 'c', 0, 3, 'J', 'o', 0, 0, 0);
  }

  @Test
  void aLetterIsWrittenAsVersion2AndDataWithoutOneStaysVersion1() {
    PersonalData withLetter = new PersonalData("a@b.c", null, "Jo", null, null, null, "Dear\n의원님 🕊");
    byte[] encoded = withLetter.encode();
    assertThat(encoded[0]).isEqualTo((byte) 2);
    assertThat(PersonalData.decode(encoded)).isEqualTo(withLetter);
    assertThat(withLetter.toString()).endsWith("letter=(redacted)]").doesNotContain("Dear");
    // Version 1 bytes (written before letters existed) still decode, with no letter.
    PersonalData old = PersonalData.decode(new byte[] {1, 6, 'a', '@', 'b', '.', 'c', 0, 3, 'J', 'o', 0, 0, 0});
    assertThat(old.letter()).isNull();
    assertThat(old.firstName()).isEqualTo("Jo");
    // The sealing path writes the same bytes as encode.
    org.petition.privacy.PersonalDataCipher cipher = org.petition.privacy.PersonalDataCipher.of(
        org.petition.privacy.DataKeys.of(new org.petition.privacy.DataKey("k", new byte[32])));
    byte[] sealed = withLetter.seal(cipher, new byte[] {1});
    assertThat(((org.petition.privacy.OpenResult.Opened) cipher.open(sealed, new byte[] {1})).plaintext())
        .containsExactly(encoded);
  }

  @Test
  void usesMultiByteLengthsForLongFields() {
    PersonalData longName = new PersonalData("a@b.c", null, "x".repeat(300), null, null, null);

    byte[] encoded = longName.encode();

    assertThat(encoded[8]).isEqualTo((byte) (301 & 0x7F | 0x80));
    assertThat(encoded[9]).isEqualTo((byte) (301 >>> 7));
    assertThat(PersonalData.decode(encoded)).isEqualTo(longName);
  }

  @Test
  void neverPrintsTheData() {
    assertThat(full.toString())
        .doesNotContain("frank", "Frank", "4155550100", "Castellano", "2001")
        .isEqualTo(
            "PersonalData[email=(redacted), phoneE164=(redacted), firstName=(redacted), lastName=(redacted),"
                + " organizationName=null, ip=(redacted), letter=null]");
  }

  @Test
  void decodeNamesWhatIsWrong() {
    assertThatThrownBy(() -> PersonalData.decode(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("personal data encoding is empty");
    assertThatThrownBy(() -> PersonalData.decode(new byte[] {3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsupported personal data version 3");
    assertThatThrownBy(() -> PersonalData.decode(new byte[] {1, 9, 'a'}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("email is longer than the bytes left");
    assertThatThrownBy(() -> PersonalData.decode(new byte[] {1, 0, 0, 0, 0, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("email is absent from the personal data encoding");
    assertThatThrownBy(() -> PersonalData.decode(new byte[] {1, 2, 'a', 0, 0, 0, 0, 0, 7}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("personal data encoding has 1 bytes after the last field");
    assertThatThrownBy(() -> PersonalData.decode(new byte[] {1, 2, (byte) 0xC3, 0, 0, 0, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("email is not valid UTF-8");
    assertThatThrownBy(() -> PersonalData.decode(new byte[] {1, 2, 'a', 0, 0, 0, (byte) 0x80}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("organizationName length is cut off");
    assertThatThrownBy(() -> PersonalData.decode(new byte[] {1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("email length is too large");
  }

  @Test
  void refusesTextThatCannotBeEncodedFaithfully() {
    assertThatThrownBy(() -> new PersonalData("a@b.c", null, "Fr\uD800nk", null, null, null).encode())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("firstName is not well-formed Unicode (it holds a lone surrogate)");
    assertThatThrownBy(() -> new PersonalData(null, null, null, null, null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("email must not be null");
  }

  @Test
  void sealsAndOpensThroughTheCipher() {
    PersonalDataCipher cipher = PersonalDataCipher.of(DataKeys.of(new DataKey("k1", new byte[32])));
    byte[] ad = "signer:7".getBytes(StandardCharsets.UTF_8);

    OpenResult result = cipher.open(cipher.seal(full.encode(), ad), ad);

    assertThat(result).isInstanceOf(OpenResult.Opened.class);
    assertThat(PersonalData.decode(((OpenResult.Opened) result).plaintext())).isEqualTo(full);
  }
}
