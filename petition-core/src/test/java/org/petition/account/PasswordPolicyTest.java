package org.petition.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

  private final PasswordPolicy policy = PasswordPolicy.ofDefaults();

  private static PasswordVerdict.Refused refused(String code) {
    String message =
        switch (code) {
          case "password.too_short" -> "Use at least 8 characters.";
          case "password.too_long" -> "Use at most 1024 characters.";
          default -> "This password is too common. Choose one that is harder to guess.";
        };
    return new PasswordVerdict.Refused(code, message);
  }

  @Test
  void acceptsALongUncommonPassword() {
    assertThat(policy.check("correct horse battery staple")).isEqualTo(new PasswordVerdict.Accepted());
    assertThat(policy.check("Sieben Zwerge 7!").accepted()).isTrue();
  }

  @Test
  void refusesShortPasswordsCountingCharactersNotUnits() {
    assertThat(policy.check("Ab3$xyz")).isEqualTo(refused("password.too_short"));
    assertThat(policy.check("")).isEqualTo(refused("password.too_short"));
    // Seven emoji are fourteen UTF-16 units but seven characters.
    assertThat(policy.check("😀🐱🌍🎉🍕🚀🌈")).isEqualTo(refused("password.too_short"));
    assertThat(policy.check("😀🐱🌍🎉🍕🚀🌈🎈")).isEqualTo(new PasswordVerdict.Accepted());
    // Eight characters once composed are not refused as seven.
    assertThat(policy.check("e\u0301tude-xq").accepted()).isTrue();
  }

  @Test
  void refusesOverlongPasswordsBeforeDoingAnyWork() {
    assertThat(policy.check("x".repeat(1024) .replace("xxxx", "xyzw"))).isEqualTo(new PasswordVerdict.Accepted());
    assertThat(policy.check("x".repeat(1025))).isEqualTo(refused("password.too_long"));
    // A 10 MB password is refused by its length alone, without being normalised, hashed or even read.
    CharSequence huge =
        new CharSequence() {
          @Override
          public int length() {
            return 10_000_000;
          }

          @Override
          public char charAt(int index) {
            throw new AssertionError("the password was read");
          }

          @Override
          public CharSequence subSequence(int start, int end) {
            throw new AssertionError("the password was read");
          }
        };
    assertThat(policy.check(huge)).isEqualTo(refused("password.too_long"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"password", "PASSWORD", "Password1", "12345678", "iloveyou", "qwertyuiop", "trustno1", "p@ssw0rd", "contraseña", "CONTRASEÑA"})
  void refusesCommonPasswordsInAnyCase(String password) {
    assertThat(policy.check(password)).isEqualTo(refused("password.common"));
  }

  @Test
  void comparesAfterNfc() {
    // "contraseña" with a combining tilde is the listed word.
    assertThat(policy.check("contrasen\u0303a")).isEqualTo(refused("password.common"));
  }

  @Test
  void acceptsCharArraysWithoutMakingAString() {
    assertThat(policy.check(CharBuffer.wrap("password".toCharArray()))).isEqualTo(refused("password.common"));
  }

  @Test
  void refusesWordsTheHostAdds() {
    PasswordPolicy custom = PasswordPolicy.builder().refuse(List.of("SaveTheParkNow")).build();

    assertThat(custom.check("savetheparknow")).isEqualTo(refused("password.common"));
    assertThat(policy.check("savetheparknow").accepted()).isTrue();
  }

  @Test
  void honoursConfiguredLengths() {
    PasswordPolicy strict = PasswordPolicy.builder().minLength(12).maxLength(64).build();

    assertThat(strict.check("abcdefghijk")).isEqualTo(new PasswordVerdict.Refused("password.too_short", "Use at least 12 characters."));
    assertThat(strict.check("x".repeat(65))).isEqualTo(new PasswordVerdict.Refused("password.too_long", "Use at most 64 characters."));
    assertThat(strict.minLength()).isEqualTo(12);
    assertThat(strict.maxLength()).isEqualTo(64);
  }

  @Test
  void builderRefusesWeakSettingsWithPreciseMessages() {
    assertThatThrownBy(() -> PasswordPolicy.builder().minLength(6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minLength must be between 8 and 64, was: 6");
    assertThatThrownBy(() -> PasswordPolicy.builder().maxLength(32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxLength must be between 64 and 1024, was: 32");
    assertThatThrownBy(() -> PasswordPolicy.builder().refuse(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("passwords must not be null");
  }

  @Test
  void shipsAListOfAFewThousandPasswordsWithItsSource() throws Exception {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                PasswordPolicyTest.class.getResourceAsStream("/org/petition/account/common-passwords.txt"),
                StandardCharsets.UTF_8))) {
      List<String> lines = reader.lines().toList();
      assertThat(lines.get(0)).startsWith("#");
      assertThat(String.join("\n", lines)).contains("Sources:", "How to update:");
      long entries = lines.stream().filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
      assertThat(entries).isBetween(2000L, 10_000L);
      assertThat(lines.stream().filter(l -> !l.isEmpty() && !l.startsWith("#")).map(String::strip))
          .as("no stray white space")
          .containsExactlyElementsOf(lines.stream().filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
    }
  }
}
