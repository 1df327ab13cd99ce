package org.petition.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordVerdictTest {

  @Test
  void refusedCarriesADottedCode() {
    PasswordVerdict verdict = new PasswordVerdict.Refused("password.common", "Too common.");

    assertThat(verdict.accepted()).isFalse();
    assertThat(new PasswordVerdict.Accepted().accepted()).isTrue();
    assertThatThrownBy(() -> new PasswordVerdict.Refused("Common", "Too common."))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("code must be dotted lower-case words, was: Common");
  }
}
