package org.petition.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextNormalizerTest {

  private static TextResult line(String raw) {
    return TextNormalizer.normalizeLine(raw, 100);
  }

  private static TextResult multiline(String raw) {
    return TextNormalizer.normalizeMultiline(raw, 1000);
  }

  private static TextResult ok(String text) {
    return new TextResult.Ok(text);
  }

  private static String codeOf(TextResult result) {
    assertThat(result).isInstanceOf(TextResult.Invalid.class);
    return ((TextResult.Invalid) result).code();
  }

  // One-line fields

  @Test
  void cleanAsciiComesBackAsTheSameInstance() {
    String input = "Frank Castellano";
    TextResult result = line(input);
    assertThat(result).isEqualTo(ok(input));
    assertThat(((TextResult.Ok) result).text()).isSameAs(input);
  }

  @Test
  void absentEmptyAndWhiteSpaceOnlyAreBlank() {
    assertThat(TextNormalizer.normalizeLine(null, 10)).isEqualTo(new TextResult.Blank());
    assertThat(line("")).isEqualTo(new TextResult.Blank());
    assertThat(line(" \t\u00A0\u3000 ")).isEqualTo(new TextResult.Blank());
    assertThat(line("\u200B\u2060\uFEFF\u202C\u00AD\u3164")).isEqualTo(new TextResult.Blank());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'  Frank   Castellano  ' | Frank Castellano",
        "'Frank\tCastellano'      | Frank Castellano",
        "'Frank\u00A0Castellano'  | Frank Castellano",
        "'김\u3000영일'            | 김 영일",
        "'Frank\u2028Castellano'  | Frank Castellano",
        "'Jose\u0301'             | José",
        "'\u1100\u1161'           | 가",
        "'Fr\u200Bank'            | Frank",
        "'\uFEFFFrank'            | Frank",
        "'Fr\u2060ank'            | Frank",
        "'\u202Bknarf\u202C'      | knarf",
        "'\u2066Frank\u2069'      | Frank",
        "'Frank\u200E \u200F'     | Frank",
        "'Fr\u00ADank'            | Frank",
        "'Fr\u200Dank'            | Frank",
        "'Fr\u200Cank'            | Frank",
        "'\u200CFrank\u200D'      | Frank",
        "'a \u200B b'             | a b",
      })
  void normalises(String raw, String expected) {
    assertThat(line(raw)).isEqualTo(ok(expected));
  }

  @Test
  void keepsZwjInsideEmojiSequences() {
    String technologist = "\uD83D\uDC69\u200D\uD83D\uDCBB";
    String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
    String rainbowFlag = "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08";
    String toned = "\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDCBB";
    for (String emoji : new String[] {technologist, family, rainbowFlag, toned}) {
      assertThat(line("Ann " + emoji)).isEqualTo(ok("Ann " + emoji));
    }
  }

  @Test
  void dropsZwjAndZwnjThatJoinNothing() {
    assertThat(line("\uD83D\uDC69\u200D x")).isEqualTo(ok("\uD83D\uDC69 x"));
    assertThat(line("\uD83D\uDC69\u200C\uD83D\uDCBB")).isEqualTo(ok("\uD83D\uDC69\uD83D\uDCBB"));
    assertThat(line("a\u200D\uD83D\uDCBB")).isEqualTo(ok("a\uD83D\uDCBB"));
  }

  @Test
  void keepsZwnjInsidePersianWords() {
    String mikhaham = "می\u200Cخواهم";
    assertThat(line(mikhaham)).isEqualTo(ok(mikhaham));
    // With a haraka between the letter and the joiner.
    String withMark = "مِ\u200Cی";
    assertThat(line(withMark)).isEqualTo(ok(withMark));
    assertThat(line("می\u200C خواهم")).isEqualTo(ok("می خواهم"));
  }

  @Test
  void keepsJoinersAfterAnIndicVirama() {
    String halfForm = "क्\u200Dष";
    String explicitVirama = "क्\u200Cष";
    assertThat(line(halfForm)).isEqualTo(ok(halfForm));
    assertThat(line(explicitVirama)).isEqualTo(ok(explicitVirama));
  }

  @Test
  void keepsSubdivisionFlagTagsOnly() {
    String scotland = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F";
    assertThat(line(scotland)).isEqualTo(ok(scotland));
    assertThat(line("a\uDB40\uDC67\uDB40\uDC62b")).isEqualTo(ok("ab"));
  }

  @ParameterizedTest(name = "[{index}] U+{0}")
  @ValueSource(strings = {"0000", "0007", "000A", "000D", "000B", "000C", "001B", "007F", "0085", "009F"})
  void refusesControlCharacters(String hex) {
    String raw = "Frank" + (char) Integer.parseInt(hex, 16) + "C";
    TextResult result = line(raw);
    assertThat(codeOf(result)).isEqualTo(TextNormalizer.INVALID_CHARACTERS);
    assertThat(((TextResult.Invalid) result).detail()).contains("U+" + hex).doesNotContain("Frank");
  }

  @Test
  void refusesUnpairedSurrogatesButKeepsPairs() {
    assertThat(codeOf(line("\uD800"))).isEqualTo(TextNormalizer.INVALID_CHARACTERS);
    assertThat(codeOf(line("a\uDC00b"))).isEqualTo(TextNormalizer.INVALID_CHARACTERS);
    assertThat(codeOf(line("a\uD83D"))).isEqualTo(TextNormalizer.INVALID_CHARACTERS);
    assertThat(codeOf(line("\uDE00\uD83D"))).isEqualTo(TextNormalizer.INVALID_CHARACTERS);
    assertThat(line("\uD835\uDC9C")).isEqualTo(ok("\uD835\uDC9C"));
  }

  @Test
  void refusesNoncharacters() {
    assertThat(codeOf(line("a\uFFFF"))).isEqualTo(TextNormalizer.INVALID_CHARACTERS);
    assertThat(codeOf(line("a\uFDD0"))).isEqualTo(TextNormalizer.INVALID_CHARACTERS);
    assertThat(codeOf(line("a\uD83F\uDFFE"))).isEqualTo(TextNormalizer.INVALID_CHARACTERS);
  }

  @Test
  void keepsVariationSelectorsAndPrivateUse() {
    assertThat(line("\u2764\uFE0F")).isEqualTo(ok("\u2764\uFE0F"));
    assertThat(line("\u845B\uDB40\uDD00")).isEqualTo(ok("\u845B\uDB40\uDD00"));
    assertThat(line("\uF8FF")).isEqualTo(ok("\uF8FF"));
  }

  // Length limits

  @Test
  void allowsExactlyMaxLengthCodePoints() {
    assertThat(TextNormalizer.normalizeLine("abcde", 5)).isEqualTo(ok("abcde"));
    assertThat(codeOf(TextNormalizer.normalizeLine("abcdef", 5))).isEqualTo(TextNormalizer.TOO_LONG);
  }

  @Test
  void countsCodePointsNotChars() {
    String five = "\uD835\uDC9C".repeat(5);
    assertThat(TextNormalizer.normalizeLine(five, 5)).isEqualTo(ok(five));
    assertThat(codeOf(TextNormalizer.normalizeLine(five, 4))).isEqualTo(TextNormalizer.TOO_LONG);
  }

  @Test
  void measuresAfterNormalisation() {
    String decomposed = "e\u0301".repeat(5);
    assertThat(TextNormalizer.normalizeLine(decomposed, 5)).isEqualTo(ok("é".repeat(5)));
    assertThat(TextNormalizer.normalizeLine("  ab   cd  \u200B", 5)).isEqualTo(ok("ab cd"));
  }

  @Test
  void detailsTheLengthWithoutQuotingTheText() {
    TextResult result = TextNormalizer.normalizeLine("secretive", 3);
    assertThat(result)
        .isEqualTo(new TextResult.Invalid(TextNormalizer.TOO_LONG, "9 characters, at most 3 allowed"));
  }

  @Test
  void refusesHugeInputWithoutNormalisingIt() {
    String huge = "\u0065\u0301".repeat(5_000_000);
    AtomicReference<TextResult> result = new AtomicReference<>();
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(5), () -> result.set(TextNormalizer.normalizeMultiline(huge, 1000)));
    assertThat(codeOf(result.get())).isEqualTo(TextNormalizer.TOO_LONG);
    assertThat(((TextResult.Invalid) result.get()).detail()).contains("10000000 chars");
  }

  @Test
  void theGuardIsFourTimesMaxLengthPlus64() {
    String padded = " ".repeat(4 * 10 + 64 - 1) + "a";
    assertThat(TextNormalizer.normalizeLine(padded, 10)).isEqualTo(ok("a"));
    assertThat(codeOf(TextNormalizer.normalizeLine(padded + " ", 10))).isEqualTo(TextNormalizer.TOO_LONG);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void refusesANonPositiveMaxLength(int maxLength) {
    assertThatThrownBy(() -> TextNormalizer.normalizeLine("a", maxLength))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxLength must be at least 1, was " + maxLength);
  }

  @Test
  void aHugeMaxLengthDoesNotOverflowTheGuard() {
    assertThat(TextNormalizer.normalizeLine(" a ", Integer.MAX_VALUE)).isEqualTo(ok("a"));
  }

  // Multi-line fields

  @Test
  void cleanAsciiCommentComesBackAsTheSameInstance() {
    String input = "First line.\n Indented once.\n\n\nAfter two blank lines.";
    TextResult result = multiline(input);
    assertThat(((TextResult.Ok) result).text()).isSameAs(input);
  }

  static Stream<Arguments> multilineCases() {
    return Stream.of(
        arguments("a\r\nb", "a\nb"),
        arguments("a\rb", "a\nb"),
        arguments("a\r\n\r\nb", "a\n\nb"),
        arguments("a\u2028b\u2029c", "a\nb\nc"),
        arguments("a   \nb \t\n", "a\nb"),
        arguments("\n\n  a\n\n", "a"),
        arguments("a\n\n\n\n\n\nb", "a\n\n\nb"),
        arguments("a\n \n\t\n \n\nb", "a\n\n\nb"),
        arguments("a\r\r\r\r\rb", "a\n\n\nb"),
        arguments("a\tb  c", "a b c"),
        arguments("a\n   b", "a\n b"),
        arguments("a\u200B\nb\u202C", "a\nb"),
        arguments("Fr\u00E9d\u00E9ric\n\u00A0\u00A0merci", "Fr\u00E9d\u00E9ric\n merci"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("multilineCases")
  void normalisesComments(String raw, String expected) {
    assertThat(multiline(raw)).isEqualTo(ok(expected));
  }

  @Test
  void refusesOtherControlCharactersInComments() {
    assertThat(codeOf(multiline("a\u000Bb"))).isEqualTo(TextNormalizer.INVALID_CHARACTERS);
    assertThat(codeOf(multiline("a\fb"))).isEqualTo(TextNormalizer.INVALID_CHARACTERS);
    assertThat(codeOf(multiline("a\u0085b"))).isEqualTo(TextNormalizer.INVALID_CHARACTERS);
    assertThat(codeOf(multiline("a\u0000"))).isEqualTo(TextNormalizer.INVALID_CHARACTERS);
  }

  @Test
  void blankLinesOnlyAreBlank() {
    assertThat(multiline("\n \r\n\t\u2029")).isEqualTo(new TextResult.Blank());
  }

  @Test
  void lineBreaksCountTowardsTheLength() {
    assertThat(TextNormalizer.normalizeMultiline("ab\ncd", 5)).isEqualTo(ok("ab\ncd"));
    assertThat(codeOf(TextNormalizer.normalizeMultiline("ab\ncd", 4))).isEqualTo(TextNormalizer.TOO_LONG);
  }
  @Test
  void outputsAreFixedPoints() {
    String[] inputs = {
      "  Frank   Castellano ", "Jose\u0301\u200B", "می\u200Cخواهم", "\uD83D\uDC69\u200D\uD83D\uDCBB  x",
      "a\r\n\r\n\r\n\r\n b ", "\u1100\u1161\u11A8", "\u0958\u200D\u0915"
    };
    for (String input : inputs) {
      for (boolean multi : new boolean[] {false, true}) {
        TextResult first = multi ? multiline(input) : line(input.replace('\r', ' ').replace('\n', ' '));
        assertThat(first).isInstanceOf(TextResult.Ok.class);
        String text = ((TextResult.Ok) first).text();
        assertThat(multi ? multiline(text) : line(text)).isEqualTo(first);
      }
    }
  }

  @org.junit.jupiter.api.Test
  void bidiOverridesAreRefusedNotRemoved() {
    assertThat(TextNormalizer.normalizeLine("\u202Eknarf", 100)).isInstanceOfSatisfying(TextResult.Invalid.class,
        invalid -> assertThat(invalid.code()).isEqualTo(TextNormalizer.INVALID_CHARACTERS));
    assertThat(TextNormalizer.normalizeMultiline("ok\n\u202Dgnp.exe", 100)).isInstanceOf(TextResult.Invalid.class);
  }

  @Test
  void aJoinerBeforeMarksThatNfcReordersIsJudgedAfterTheReordering() {
    // Found by NameFuzzTest: a ZWJ after a Tamil letter, before marks out of canonical order; NFC reorders them,
    // and the text normalised once must be normalised for good.
    for (String raw : List.of("\u0BB4\u200D\u0659\u0670\u0481", "\u0BB4\u200D\u0659\u0659\u0670",
        "\u0915\u200D\u0659\u0670\u094D")) {
      TextResult once = TextNormalizer.normalizeLine(raw, 100);
      assertThat(once).isInstanceOf(TextResult.Ok.class);
      assertThat(TextNormalizer.normalizeLine(((TextResult.Ok) once).text(), 100)).isEqualTo(once);
    }
  }
}
