package org.petition.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.spring.PetitionContextRunners.confirmToken;
import static org.petition.spring.PetitionContextRunners.frank;
import static org.petition.spring.PetitionContextRunners.rootMessage;
import static org.petition.spring.PetitionContextRunners.runner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.petition.ConfirmResult;
import org.petition.Petitions;
import org.petition.SignResult;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code petition.checks.*} tunes the built-in checks of the Petitions bean; a value refused names its property. */
class PetitionChecksPropertiesTests {

  private final ApplicationContextRunner runner = runner().withPropertyValues(TestKeys.seedPetition(0));

  @Test
  void theIpLimitIsOneAMinuteByDefaultAndTunableByProperties() {
    runner.run(context -> assertThat(signFromOneAddress(context.getBean(Petitions.class), 2))
        .extracting(PetitionChecksPropertiesTests::rateLimited).containsExactly(false, true));
    runner.withPropertyValues("petition.checks.rate-limit.ip-burst.count=3",
        "petition.checks.rate-limit.ip-burst.window=1m").run(context ->
        assertThat(signFromOneAddress(context.getBean(Petitions.class), 4))
            .extracting(PetitionChecksPropertiesTests::rateLimited).containsExactly(false, false, false, true));
    runner.withPropertyValues("petition.checks.rate-limit.enabled=false").run(context ->
        assertThat(signFromOneAddress(context.getBean(Petitions.class), 6))
            .extracting(PetitionChecksPropertiesTests::rateLimited).containsOnly(false));
  }

  @Test
  void aFormSentTooFastIsHeldUnlessTheMinimumFillTimeIsTurnedOff() {
    runner.run(context -> assertThat(signFastAndConfirm(context)).isInstanceOf(ConfirmResult.AwaitingReview.class));
    runner.withPropertyValues("petition.checks.bot-signals.minimum-fill-time=0s")
        .run(context -> assertThat(signFastAndConfirm(context)).isEqualTo(new ConfirmResult.Confirmed(1)));
    runner.withPropertyValues("petition.checks.bot-signals.enabled=false")
        .run(context -> assertThat(signFastAndConfirm(context)).isEqualTo(new ConfirmResult.Confirmed(1)));
  }

  @Test
  void everyRefusedValueIsNamedAtOnce() {
    runner.withPropertyValues("petition.checks.rate-limit.ip-burst.window=0s",
        "petition.checks.surge.window=30d", "petition.checks.bot-signals.minimum-fill-time=-1s").run(context -> {
          assertThat(rootMessage(context)).contains("3 petition settings are missing or invalid",
              "petition.checks.rate-limit.ip-burst: burst window must be at least a millisecond",
              "petition.checks.surge.window: surge window must be at most a week",
              "petition.checks.bot-signals.minimum-fill-time");
        });
  }

  @Test
  void aNonNumericLimitNamesThePropertyBeforeAnythingElse() {
    runner.withPropertyValues("petition.checks.rate-limit.ip-burst.count=many").run(context -> {
      assertThat(context).hasFailed();
      assertThat(rootMessage(context)).contains("petition.checks.rate-limit.ip-burst.count");
    });
  }

  private static List<SignResult> signFromOneAddress(Petitions petitions, int times) {
    List<SignResult> results = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      results.add(petitions.sign(frank().email("signer" + i + "@example.com").person("Signer", "Number" + (char) ('A' + i))
          .ip("203.0.113.7").build()));
    }
    return results;
  }

  private static boolean rateLimited(SignResult result) {
    return result instanceof SignResult.Rejected rejected && rejected.retryAfter() != null;
  }

  private static ConfirmResult signFastAndConfirm(org.springframework.context.ApplicationContext context) {
    Petitions petitions = context.getBean(Petitions.class);
    Instant now = Instant.now();
    petitions.sign(frank().formRenderedAt(now.minusMillis(500)).receivedAt(now).build());
    return petitions.confirm(confirmToken(context, "frank@example.com"));
  }
}
