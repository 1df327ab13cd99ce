package org.petition.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.petition.privacy.DisplayNamePolicy.ANONYMOUS;
import static org.petition.privacy.DisplayNamePolicy.FIRST_NAME_LAST_INITIAL;
import static org.petition.privacy.DisplayNamePolicy.FULL;
import static org.petition.privacy.DisplayNamePolicy.INITIALS;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.petition.SignerKind;

class DisplayNamesTest {

  private final DisplayNames names = DisplayNames.ofDefaults();

  private static Arguments person(DisplayNamePolicy policy, String first, String last, String expected) {
    return Arguments.of(policy, SignerKind.PERSON, first, last, null, null, 7L, expected);
  }

  static Stream<Arguments> latin() {
    return Stream.of(
        person(FULL, "Frank", "Castellano", "Frank Castellano"),
        person(FIRST_NAME_LAST_INITIAL, "Frank", "Castellano", "Frank C."),
        person(INITIALS, "Frank", "Castellano", "F. C."),
        person(ANONYMOUS, "Frank", "Castellano", "Signer #7"),
        person(FIRST_NAME_LAST_INITIAL, "  Frank\u00A0 ", " castellano ", "Frank C."),
        person(FIRST_NAME_LAST_INITIAL, "Anna", "van der Berg", "Anna B."),
        person(FIRST_NAME_LAST_INITIAL, "Juan", "de la Cruz", "Juan C."),
        person(FIRST_NAME_LAST_INITIAL, "Jean-Claude", "Van Damme", "Jean-Claude V."),
        person(FIRST_NAME_LAST_INITIAL, "Ludwig", "von", "Ludwig V."),
        person(INITIALS, "Jean-Paul", "Sartre", "J.-P. S."),
        person(FIRST_NAME_LAST_INITIAL, "Jean-Paul", "Sartre", "Jean-Paul S."),
        person(FIRST_NAME_LAST_INITIAL, "Mary Ann", "Evans", "Mary Ann E."),
        person(FIRST_NAME_LAST_INITIAL, "Ursula", "von der Leyen", "Ursula L."),
        person(FIRST_NAME_LAST_INITIAL, "Marine", "Le Pen", "Marine L."),
        person(FIRST_NAME_LAST_INITIAL, "Omar", "bin Khalid", "Omar K."),
        person(INITIALS, "Mary Ann", "Evans", "M. A. E."),
        person(FIRST_NAME_LAST_INITIAL, "Seán", "Ó Briain", "Seán Ó."),
        person(INITIALS, "émile", "zola", "É. Z."),
        // Decomposed input is composed first, so the initial keeps its accent.
        person(INITIALS, "E\u0301mile", "Zola", "É. Z."),
        // Locale-independent upper case: never the Turkish dotted İ.
        person(INITIALS, "ilker", "ışık", "I. I."),
        // A combining sequence with no precomposed form stays whole.
        person(FIRST_NAME_LAST_INITIAL, "Ann", "n\u0308ame", "Ann N\u0308."),
        // A surrogate pair (Deseret, which has case) stays whole and is upper-cased.
        person(FIRST_NAME_LAST_INITIAL, "Ann", "\uD801\uDC28\uD801\uDC32", "Ann \uD801\uDC00."),
        person(FIRST_NAME_LAST_INITIAL, "Ann", "'t Hooft", "Ann H."),
        person(FIRST_NAME_LAST_INITIAL, "Frank Castellano", null, "Frank C."),
        person(INITIALS, "Frank Castellano", null, "F. C."),
        person(FIRST_NAME_LAST_INITIAL, "Frank", null, "Frank"),
        person(INITIALS, "Frank", null, "F."),
        person(FIRST_NAME_LAST_INITIAL, null, "Castellano", "C."),
        person(FULL, null, "Castellano", "Castellano"),
        person(FIRST_NAME_LAST_INITIAL, null, null, "Signer #7"),
        person(FIRST_NAME_LAST_INITIAL, " ", "\t", "Signer #7"));
  }

  static Stream<Arguments> korean() {
    return Stream.of(
        person(FULL, "영일", "김", "김영일"),
        person(FIRST_NAME_LAST_INITIAL, "영일", "김", "김○○"),
        person(INITIALS, "영일", "김", "김○○"),
        person(ANONYMOUS, "영일", "김", "Signer #7"),
        person(FIRST_NAME_LAST_INITIAL, "김영일", null, "김○○"),
        person(FIRST_NAME_LAST_INITIAL, null, "김영일", "김○○"),
        person(FULL, "김영일", null, "김영일"),
        person(FIRST_NAME_LAST_INITIAL, "남궁민수", null, "남궁○○"),
        person(FIRST_NAME_LAST_INITIAL, "황보관", null, "황보○"),
        person(FIRST_NAME_LAST_INITIAL, "제갈성렬", null, "제갈○○"),
        person(FIRST_NAME_LAST_INITIAL, "선우", null, "선○"),
        person(FIRST_NAME_LAST_INITIAL, "민수", "남궁", "남궁○○"),
        person(FULL, "민수", "남궁", "남궁민수"),
        person(INITIALS, "김 영일", null, "김○○"),
        person(FIRST_NAME_LAST_INITIAL, "김 영일", null, "김○○"),
        // Decomposed jamo are composed into syllables before counting.
        person(FIRST_NAME_LAST_INITIAL, "\u110B\u1167\u11BC\u110B\u1175\u11AF", "\u1100\u1175\u11B7", "김○○"));
  }

  static Stream<Arguments> chinese() {
    return Stream.of(
        person(FULL, "小明", "王", "王小明"),
        person(FIRST_NAME_LAST_INITIAL, "小明", "王", "王○○"),
        person(INITIALS, "小明", "王", "王○○"),
        person(FIRST_NAME_LAST_INITIAL, "毛泽东", null, "毛○○"),
        person(FIRST_NAME_LAST_INITIAL, "欧阳娜娜", null, "欧阳○○"),
        person(FIRST_NAME_LAST_INITIAL, "諸葛亮", null, "諸葛○"),
        // A character outside the BMP is one character, not two.
        person(FIRST_NAME_LAST_INITIAL, "\uD842\uDFB7子", "王", "王○○"),
        person(ANONYMOUS, "小明", "王", "Signer #7"));
  }

  static Stream<Arguments> japanese() {
    return Stream.of(
        person(FULL, "太郎", "山田", "山田太郎"),
        person(FIRST_NAME_LAST_INITIAL, "太郎", "山田", "山田○○"),
        person(INITIALS, "太郎", "山田", "山田○○"),
        person(FIRST_NAME_LAST_INITIAL, "山田 太郎", null, "山田○○"),
        person(FIRST_NAME_LAST_INITIAL, "高橋みどり", null, "高橋○○○"),
        person(FIRST_NAME_LAST_INITIAL, "佐々木はな", null, "佐々木○○"),
        // All kanji in one field: only the first character is known to be the family name.
        person(FIRST_NAME_LAST_INITIAL, "山田太郎", null, "山○○○"),
        person(FIRST_NAME_LAST_INITIAL, "ハナコ", "ヤマダ", "ヤマダ○○○"),
        person(FULL, "ハナコ", "ヤマダ", "ヤマダハナコ"),
        person(FULL, "山田 太郎", null, "山田 太郎"),
        person(FIRST_NAME_LAST_INITIAL, "ユーリ", "田中", "田中○○○"),
        person(FIRST_NAME_LAST_INITIAL, "花子", "\uD842\uDFB7田", "\uD842\uDFB7田○○"));
  }

  static Stream<Arguments> cyrillic() {
    return Stream.of(
        person(FULL, "Иван", "Петров", "Иван Петров"),
        person(FIRST_NAME_LAST_INITIAL, "Иван", "Петров", "Иван П."),
        person(INITIALS, "Иван", "Петров", "И. П."),
        person(INITIALS, "Пётр", "ёлкин", "П. Ё."),
        person(FIRST_NAME_LAST_INITIAL, "Пётр", "ёлкин", "Пётр Ё."),
        person(INITIALS, "Олена", "Шевченко", "О. Ш."),
        person(ANONYMOUS, "Иван", "Петров", "Signer #7"));
  }

  static Stream<Arguments> greek() {
    return Stream.of(
        person(FULL, "Γιώργος", "Παπαδόπουλος", "Γιώργος Παπαδόπουλος"),
        person(FIRST_NAME_LAST_INITIAL, "Γιώργος", "Παπαδόπουλος", "Γιώργος Π."),
        person(INITIALS, "Γιώργος", "Παπαδόπουλος", "Γ. Π."),
        person(FIRST_NAME_LAST_INITIAL, "Ελένη", "ωραιοπούλου", "Ελένη Ω."));
  }

  static Stream<Arguments> arabicAndHebrew() {
    return Stream.of(
        person(FULL, "محمد", "العلي", "محمد العلي"),
        person(FIRST_NAME_LAST_INITIAL, "محمد", "العلي", "محمد ع."),
        person(FIRST_NAME_LAST_INITIAL, "فاطمة", "حسن", "فاطمة ح."),
        person(INITIALS, "فاطمة", "حسن", "ف. ح."),
        person(FIRST_NAME_LAST_INITIAL, "عمر", "بن خالد", "عمر خ."),
        person(FIRST_NAME_LAST_INITIAL, "Omar", "al-Hassan", "Omar H."),
        person(FIRST_NAME_LAST_INITIAL, "דוד", "כהן", "דוד כ."),
        person(INITIALS, "דוד", "כהן", "ד. כ."),
        person(INITIALS, "محمد", "العلي", "م. ع."),
        person(ANONYMOUS, "محمد", "العلي", "Signer #7"));
  }

  static Stream<Arguments> nicknamesAndOrganisations() {
    return Stream.of(
        Arguments.of(FULL, SignerKind.PERSON, "Frank", "Castellano", null, "Punisher", 7L, "Punisher"),
        Arguments.of(FIRST_NAME_LAST_INITIAL, SignerKind.PERSON, "영일", "김", null, "하늘", 7L, "하늘"),
        Arguments.of(INITIALS, SignerKind.PERSON, "Frank", "Castellano", null, " Punisher ", 7L, "Punisher"),
        Arguments.of(ANONYMOUS, SignerKind.PERSON, "Frank", "Castellano", null, "Punisher", 276L, "Signer #276"),
        Arguments.of(FIRST_NAME_LAST_INITIAL, SignerKind.PERSON, "Frank", "Castellano", null, "  ", 7L, "Frank C."),
        Arguments.of(FULL, SignerKind.ORGANIZATION, null, null, "Greenpeace e.V.", null, 9L, "Greenpeace e.V."),
        Arguments.of(FIRST_NAME_LAST_INITIAL, SignerKind.ORGANIZATION, null, null, "Greenpeace e.V.", null, 9L, "Greenpeace e.V."),
        Arguments.of(INITIALS, SignerKind.ORGANIZATION, null, null, "서울환경운동연합", null, 9L, "서울환경운동연합"),
        Arguments.of(INITIALS, SignerKind.ORGANIZATION, null, null, "Greenpeace", "GP", 9L, "Greenpeace"),
        Arguments.of(INITIALS, SignerKind.ORGANIZATION, null, null, null, "GP", 9L, "GP"),
        Arguments.of(INITIALS, SignerKind.ORGANIZATION, null, null, " ", null, 9L, "Signer #9"),
        Arguments.of(ANONYMOUS, SignerKind.ORGANIZATION, null, null, "Greenpeace e.V.", null, 9L, "Signer #9"));
  }

  @ParameterizedTest(name = "[{index}] {0} {2}/{3} -> {7}")
  @MethodSource({"latin", "korean", "chinese", "japanese", "cyrillic", "greek", "arabicAndHebrew", "nicknamesAndOrganisations"})
  void showsTheNameByPolicyAndScript(
      DisplayNamePolicy policy, SignerKind kind, String first, String last, String organization, String nickname,
      long number, String expected) {
    assertThat(names.displayName(policy, kind, first, last, organization, nickname, number)).isEqualTo(expected);
  }

  @Test
  void usesTheConfiguredAnonymousLabel() {
    DisplayNames german = DisplayNames.of("Unterzeichner*in Nr. ");

    assertThat(german.displayName(ANONYMOUS, SignerKind.PERSON, "Frank", "Castellano", null, null, 12))
        .isEqualTo("Unterzeichner*in Nr. 12");
  }

  @Test
  void refusesMisuse() {
    assertThatThrownBy(() -> names.displayName(FULL, SignerKind.PERSON, "A", "B", null, null, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("number must not be negative, was: -1");
    assertThatThrownBy(() -> DisplayNames.of(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("anonymousLabel must not be blank");
  }
}
