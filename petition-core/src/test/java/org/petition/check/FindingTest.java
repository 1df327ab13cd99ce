package org.petition.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FindingTest {

  @ParameterizedTest
  @ValueSource(strings = {"content.link", "bot.too_fast", "a.b", "rate.limited", "x1.y_2.z3"})
  void dottedLowerCaseCodesAreAccepted(String code) {
    assertThat(Finding.of(code, Severity.LOW, "comment", "why").code()).isEqualTo(code);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "content", "content.", ".link", "Content.link", "content..link", "1content.link",
      "content.1link", "content.li-nk", "content.link.", "content link"})
  void anythingElseIsMisuse(String code) {
    assertThatThrownBy(() -> Finding.of(code, Severity.LOW, "comment", "why"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dotted lower-case words");
  }

  @org.junit.jupiter.api.Test
  void aRateLimitCarriesItsWait() {
    assertThat(Finding.rateLimited("slow down", Duration.ofSeconds(45)).retryAfter()).isEqualTo(Duration.ofSeconds(45));
    assertThatThrownBy(() -> Finding.rateLimited("x", Duration.ofSeconds(-1))).hasMessage("retryAfter must not be negative");
  }
}
