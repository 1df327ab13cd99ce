package org.petition.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MojibakeRepairTest {

  private final MojibakeRepair mojibake = MojibakeRepair.ofDefaults();

  // What a form sees when a UTF-8 page is read as a single-byte charset; bytes the charset leaves
  // undefined become the C1 control of the same value, as in browsers.
  private static String mangle(String text, String charset) {
    Charset cs = Charset.forName(charset);
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      String c = new String(new byte[] {b}, cs);
      out.append(c.equals("\uFFFD") ? (char) (b & 0xFF) : c);
    }
    return out.toString();
  }

  private static final String[] TEXTS = {
      "été", "C'était un été chaud à Besançon", "Größe und Mut", "São Paulo, Ação já", "Москва",
      "Санкт-Петербург", "Я поддерживаю эту петицию", "Підтримую! Ні війні!", "София, България",
      "서울특별시", "이 청원을 지지합니다", "北京市", "Αθήνα", "“quoted” — dash…", "İstanbul", "Łódź",
      "Ørsted Æble", "emoji 😀 ok"};

  @Test
  void windows1252RoundTrips() {
    for (String text : TEXTS) {
      String garbled = mangle(text, "windows-1252");
      assertThat(mojibake.looksLikeMojibake(garbled)).as(garbled).isTrue();
      assertThat(mojibake.repair(garbled)).as(garbled).contains(text);
    }
  }

  @Test
  void latin1RoundTrips() {
    for (String text : TEXTS) {
      String garbled = mangle(text, "ISO-8859-1");
      assertThat(mojibake.repair(garbled)).as(garbled).contains(text);
    }
  }

  @Test
  void windows1251RoundTrips() {
    for (String text : TEXTS) {
      String garbled = mangle(text, "windows-1251");
      assertThat(mojibake.looksLikeMojibake(garbled)).as(garbled).isTrue();
      assertThat(mojibake.repair(garbled)).as(garbled).contains(text);
    }
  }

  @Test
  void knownSamples() {
    assertThat(mojibake.repair("Ã©tÃ©")).contains("été");
    assertThat(mojibake.repair("Ð¡Ð°Ð½ÐºÑ‚")).contains("Санкт");
    assertThat(mojibake.repair("РњРѕСЃРєРІР°")).contains("Москва");
    assertThat(mojibake.repair("ÃƒÂ©tÃƒÂ©")).as("mangled twice").contains("été");
    assertThat(mojibake.repair("Hello Ã©tÃ© Москва")).contains("Hello été Москва");
  }

  @Test
  void repairIsExactAndIdempotent() {
    for (String text : TEXTS) {
      String repaired = mojibake.repair(mangle(text, "windows-1252")).orElseThrow();
      assertThat(mojibake.repair(repaired)).isEmpty();
      assertThat(mangle(repaired, "windows-1252")).isEqualTo(mangle(text, "windows-1252"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"РРСРРРІСС", "РРСРРРІСС (Chernovtchi)", "Эstanbul", "РњРѕСРєРІР°",
      "ÐÐ¾ÑÐºÐ²Ð°"})
  void lossyOrPartialMojibakeIsRecognisedButNotRepaired(String text) {
    assertThat(mojibake.looksLikeMojibake(text)).isTrue();
    assertThat(mojibake.repair(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Москва", "Россия", "Сергей Иванович", "Её надо подписать", "Рівне", "Вінниця Дніпро Рівне Сіверськ",
      "Підтримую! Ні війні!", "НІ ВІЙНІ", "ВІЛЬНІ ЛЮДИ РІВНІ", "Її", "Київ", "Їжак", "Ґанок", "София",
      "България", "Ђорђе", "Ѓорѓи", "Ўзвышша", "СССР", "РСФСР", "Санкт-Петербург", "Élodie", "Ça va",
      "Größe", "Straße", "São Paulo", "Ação", "Coração", "naïve café", "Ærø", "Ñandú", "İstanbul",
      "Ünlü Köşe", "Łódź", "Pаypal", "서울", "北京", "Αθήνα", "© 2015", "°C", "50 €", "ÀÉÎÕÜ",
      // Russian words disguised with Latin look-alikes (tg-spam's spam): the spam model reads them.
      "в cфepe цифpoвых вaлют", "Peбяткu, я нaбuрaю людeй", "Haбиpaю кoмaндy"})
  void realTextIsNotMojibake(String text) {
    assertThat(mojibake.looksLikeMojibake(text)).isFalse();
    assertThat(mojibake.repair(text)).isEmpty();
  }

  @Test
  void asciiIsNeverMojibake() {
    assertThat(mojibake.looksLikeMojibake("I support this petition")).isFalse();
    assertThat(mojibake.repair("")).isEmpty();
  }

  @Test
  void nullIsRejected() {
    assertThatThrownBy(() -> mojibake.repair(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("text");
    assertThatThrownBy(() -> mojibake.looksLikeMojibake(null)).isInstanceOf(NullPointerException.class);
  }
}
