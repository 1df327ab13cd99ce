package org.petition.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.spring.PetitionContextRunners.assertFailure;
import static org.petition.spring.PetitionContextRunners.runner;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.petition.Petitions;
import org.petition.check.ContentCheck;
import org.petition.check.Finding;
import org.petition.check.Severity;

/** {@code petition.checks.content.*}: the profanity severities and the spam threshold reach the content check. */
class PetitionContentPropertiesTests {

  private static Severity profanity(PetitionProperties properties, String comment) {
    ContentCheck check = PetitionChecksMapper.checks(properties, Clock.systemUTC()).stream()
        .filter(ContentCheck.class::isInstance)
        .map(ContentCheck.class::cast).findFirst().orElseThrow();
    return check.checkField("comment", comment).stream().filter(f -> f.code().equals("content.profanity"))
        .map(Finding::severity).findFirst().orElseThrow();
  }

  @Test
  void profanitySeveritiesAreConfigurable() {
    runner().withPropertyValues("petition.checks.content.untargeted-profanity=MEDIUM",
        "petition.checks.content.targeted-profanity=LOW").run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).hasSingleBean(Petitions.class);
          PetitionProperties properties = context.getBean(PetitionProperties.class);
          assertThat(profanity(properties, "holy shit")).isEqualTo(Severity.MEDIUM);
          assertThat(profanity(properties, "fuck you")).isEqualTo(Severity.LOW);
        });
  }

  @Test
  void profanityCannotBeSetToHold() {
    runner().withPropertyValues("petition.checks.content.untargeted-profanity=HIGH").run(context ->
        assertFailure(context, "petition.checks.content.untargeted-profanity", "never holds"));
  }

  @Test
  void aSpamThresholdOutsideZeroToOneFailsStartUp() {
    runner().withPropertyValues("petition.checks.content.spam-threshold=1.5").run(context ->
        assertFailure(context, "petition.checks.content.spam-threshold", "between 0 and 1"));
  }
}
