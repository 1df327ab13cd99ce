package org.petition.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BotSignalsCheckTest {

  private final BotSignalsCheck check = BotSignalsCheck.ofDefaults();

  private static Inputs person() {
    return Inputs.person("Jane", "Doe");
  }

  @Test
  void aPersonInABrowserRaisesNothing() {
    assertThat(check.check(person().build())).isEmpty();
  }

  @Test
  void filledHoneypotIsCriticalFraud() {
    List<Finding> findings = check.check(person().honeypot("http://spam.example").build());
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("bot.honeypot");
      assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(f.fraud()).isTrue();
    });
    assertThat(VerdictPolicy.bySeverity().decide(findings)).isEqualTo(Verdict.REJECT);
  }

  @Test
  void formSentTooFastIsHighFraud() {
    List<Finding> findings =
        check.check(person().formRenderedAt(Inputs.RECEIVED.minusMillis(1200)).build());
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("bot.too_fast");
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.fraud()).isTrue();
      assertThat(f.explanation()).contains("1.2 s").contains("3.0 s");
    });
  }

  @Test
  void exactlyTheMinimumIsFine() {
    assertThat(check.check(person().formRenderedAt(Inputs.RECEIVED.minusSeconds(3)).build())).isEmpty();
  }

  @Test
  void formTimeSlightlyAheadIsTooFastNotForged() {
    List<Finding> findings = check.check(person().formRenderedAt(Inputs.RECEIVED.plusSeconds(30)).build());
    assertThat(findings).extracting(Finding::code).containsExactly("bot.too_fast");
    assertThat(findings.get(0).explanation()).contains("-30.0 s");
  }

  @Test
  void formTimeMoreThanAMinuteAheadIsForged() {
    List<Finding> findings = check.check(person().formRenderedAt(Inputs.RECEIVED.plusSeconds(61)).build());
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("bot.clock");
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.fraud()).isTrue();
    });
  }

  @Test
  void unknownFormTimeIsNotChecked() {
    assertThat(check.check(person().formRenderedAt(null).build())).isEmpty();
  }

  @Test
  void missingOrBlankUserAgentIsLow() {
    for (String ua : new String[] {null, "", "   "}) {
      List<Finding> findings = check.check(person().userAgent(ua).build());
      assertThat(findings).singleElement().satisfies(f -> {
        assertThat(f.code()).isEqualTo("bot.no_user_agent");
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        assertThat(f.field()).isEqualTo("userAgent");
      });
    }
  }

  @Test
  void everySignalAtOnce() {
    List<Finding> findings = check.check(
        person().honeypot("x").userAgent(null).formRenderedAt(Inputs.RECEIVED.minusMillis(10)).build());
    assertThat(findings).extracting(Finding::code)
        .containsExactly("bot.honeypot", "bot.too_fast", "bot.no_user_agent");
  }

  @Test
  void builderSetsTheMinimumAndTolerance() {
    BotSignalsCheck strict = BotSignalsCheck.builder()
        .minimumFillTime(Duration.ofSeconds(10))
        .clockTolerance(Duration.ZERO)
        .build();
    assertThat(strict.check(person().formRenderedAt(Inputs.RECEIVED.minusSeconds(9)).build()))
        .extracting(Finding::code).containsExactly("bot.too_fast");
    assertThat(strict.check(person().formRenderedAt(Inputs.RECEIVED.plusMillis(1)).build()))
        .extracting(Finding::code).containsExactly("bot.clock");
    BotSignalsCheck off = BotSignalsCheck.builder().minimumFillTime(Duration.ZERO).build();
    assertThat(off.check(person().formRenderedAt(Inputs.RECEIVED).build())).isEmpty();
    assertThat(check.minimumFillTime()).isEqualTo(Duration.ofSeconds(3));
    assertThat(check.clockTolerance()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void builderRejectsBadArguments() {
    BotSignalsCheck.Builder builder = BotSignalsCheck.builder();
    assertThatThrownBy(() -> builder.minimumFillTime(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("minimumFillTime must not be null");
    assertThatThrownBy(() -> builder.minimumFillTime(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minimumFillTime must not be negative");
    assertThatThrownBy(() -> builder.clockTolerance(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("clockTolerance must not be null");
    assertThatThrownBy(() -> builder.clockTolerance(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clockTolerance must not be negative");
  }
}
