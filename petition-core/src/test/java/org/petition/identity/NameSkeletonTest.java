package org.petition.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameSkeletonTest {

  @ParameterizedTest(name = "[{index}] {0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Cyrillic о in John
        "J\u043Ehn Smith                       | John Smith",
        // Greek capital alpha
        "\u0391lpha                            | Alpha",
        "\u0392\u0395\u03A4\u0391              | BETA",
        // Ivan Petrov with Cyrillic І, а, Р, е, о
        "\u0406v\u0430n \u0420\u0435tr\u043Ev  | Ivan Petrov",
        // Cyrillic capitals that look like Latin ones: Н, В; Greek capital Nu
        "\u041Delen                            | Helen",
        "\u0412ob                              | Bob",
        "\u039Dick                             | Nick",
        "\u0406van                             | Ivan",
        // Cyrillic small letters: с, р, у
        "\u0441\u043E\u0440\u0443              | copy",
        // case, white space and normalisation
        "  JOHN    smith                       | John Smith",
        "John\u00A0\u3000Smith                 | John Smith",
        "Jose\u0301                            | José",
        "Ren\u00C9e                            | renée",
        "Stra\u00DFe                           | STRASSE",
        "김영일                                 | 김영일",
        " 김 영일 \t                            | 김 영일",
      })
  void lookAlikesShareASkeleton(String name, String lookAlike) {
    assertThat(NameSkeleton.skeleton(name)).isEqualTo(NameSkeleton.skeleton(lookAlike));
  }

  @ParameterizedTest(name = "[{index}] {0} <> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "John Smith                            | Joan Smith",
        "John Smith                            | John Smyth",
        "Ivan Petrov                           | Ivan Petrova",
        "Ivan Petrov                           | Petrov Ivan",
        // Genuinely Cyrillic and Greek names do not pass for their transliterations.
        "\u0418\u0432\u0430\u043D \u041F\u0435\u0442\u0440\u043E\u0432 | Ivan Petrov",
        "\u0391\u03BB\u03AD\u03BE\u03B7\u03C2  | Alexis",
        "\u0416\u0435\u043D\u044F              | Zhenya",
        "김영일                                 | 김영이",
        "김영일                                 | 이영일",
        "김영일                                 | 김 영일",
        "Müller                                | Muller",
      })
  void differentNamesDiffer(String name, String other) {
    assertThat(NameSkeleton.skeleton(name)).isNotEqualTo(NameSkeleton.skeleton(other));
  }

  @Test
  void aKoreanNameKeepsItsIdentity() {
    String skeleton = NameSkeleton.skeleton("김영일");
    assertThat(skeleton).isNotBlank();
    assertThat(skeleton.codePoints()).noneMatch(cp -> cp < 0x80);
  }

  @Test
  void blankNamesHaveAnEmptySkeleton() {
    assertThat(NameSkeleton.skeleton("")).isEmpty();
    assertThat(NameSkeleton.skeleton(" \t\u3000")).isEmpty();
  }

  @Test
  void spacesCollapseToOne() {
    assertThat(NameSkeleton.skeleton("  Ann \t  Lee  ")).isEqualTo("ann lee");
  }

  @Test
  void refusesNull() {
    assertThatThrownBy(() -> NameSkeleton.skeleton(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("fullName must not be null");
  }

  @Test
  void isSafeToCallFromManyThreads() {
    List<String> names =
        IntStream.range(0, 2_000)
            .mapToObj(i -> (i % 2 == 0 ? "J\u043Ehn " : "\u0412ob ") + i + " 김영일 \u0391lpha")
            .toList();
    List<String> sequential = names.stream().map(NameSkeleton::skeleton).toList();
    List<String> parallel = names.parallelStream().map(NameSkeleton::skeleton).toList();
    assertThat(parallel).isEqualTo(sequential);
  }
}
