package org.petition.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BytesTest {

  @Test
  void tellsWellFormedTextFromLoneSurrogates() {
    assertThat(Bytes.wellFormed("abc 김 😀")).isTrue();
    assertThat(Bytes.wellFormed("")).isTrue();
    assertThat(Bytes.wellFormed("a\uD83D")).isFalse();
    assertThat(Bytes.wellFormed("\uDE00a")).isFalse();
    assertThat(Bytes.wellFormed("\uD83D\uD83D\uDE00")).isFalse();
  }

  @Test
  void encodesUtf8StrictlyWhereStringGetBytesWouldSubstitute() {
    assertThat(Bytes.utf8Strict("é😀")).containsExactly(0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80);
    assertThatThrownBy(() -> Bytes.utf8Strict("a\uD800"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("text is not well-formed Unicode (it holds a lone surrogate)");
  }

  @Test
  void comparesStringsWithNullsAllowed() {
    assertThat(Bytes.constantTimeEquals("ab", "ab")).isTrue();
    assertThat(Bytes.constantTimeEquals("ab", "ac")).isFalse();
    assertThat(Bytes.constantTimeEquals("ab", "abc")).isFalse();
    assertThat(Bytes.constantTimeEquals(null, null)).isTrue();
    assertThat(Bytes.constantTimeEquals("ab", null)).isFalse();
  }
}
