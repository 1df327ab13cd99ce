package org.petition.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.spring.PetitionContextRunners.assertFailure;
import static org.petition.spring.PetitionContextRunners.confirmToken;
import static org.petition.spring.PetitionContextRunners.frank;
import static org.petition.spring.PetitionContextRunners.ownPetitions;
import static org.petition.spring.PetitionContextRunners.runner;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.petition.Petitions;
import org.petition.SignatureRequest;
import org.petition.testing.MutableClock;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@link PetitionSchedulingAutoConfiguration}: the purge, retention and the scheduled maintenance. */
class PetitionSchedulingAutoConfigurationTests {

  @Test
  void purgeAndRetentionCanBeSwitchedOff() {
    runner().withPropertyValues("petition.purge.enabled=false").run(context -> {
      assertThat(context).doesNotHaveBean(PurgePendingTask.class);
      assertThat(context.getBean(PetitionMaintenance.class).tasks()).singleElement().isInstanceOf(RetentionTask.class);
    });
    runner().withPropertyValues("petition.purge.enabled=false", "petition.retention.enabled=false").run(context -> {
      assertThat(context).doesNotHaveBean(RetentionTask.class);
      assertThat(context.getBean(PetitionMaintenance.class).tasks()).isEmpty();
    });
  }

  @Test
  void theScheduledRetentionErasesPersonalDataOnceThePeriodAfterTheCloseIsOver() {
    MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    runner().withPropertyValues(TestKeys.seedPetition(0))
        .withPropertyValues("petition.petitions[0].closes-at=2026-02-01T00:00:00Z", "petition.retention.period=30d")
        .withBean(PetitionsBuilderCustomizer.class, () -> builder -> builder.clock(clock))
        .run(context -> {
          Petitions petitions = context.getBean(Petitions.class);
          petitions.sign(SignatureRequest.builder("us-troops-out-of-korea").person("Frank", "Castellano")
              .email("frank@example.com").consent("terms", "privacy", "processing").build());
          petitions.confirm(confirmToken(context, "frank@example.com"));
          RetentionTask task = context.getBean(RetentionTask.class);

          clock.set(java.time.Instant.parse("2026-03-02T00:00:00Z"));
          task.run();
          assertThat(petitions.subjects().access("frank@example.com")).contains("\"email\":\"frank@example.com\"");

          clock.set(java.time.Instant.parse("2026-03-04T00:00:00Z"));
          task.run();
          assertThat(petitions.subjects().access("frank@example.com")).doesNotContain("frank@example.com");
          assertThat(petitions.tally("us-troops-out-of-korea").orElseThrow().confirmed()).isEqualTo(1);
        });
  }

  @Test
  void theMaintenanceRunsHourlyByDefault() {
    runner().run(context -> assertThat(context.getBean(PetitionMaintenance.class).interval())
        .isEqualTo(Duration.ofHours(1)));
  }

  @Test
  void theMaintenanceIntervalIsSet() {
    runner().withPropertyValues("petition.maintenance.interval=20m")
        .run(context -> assertThat(context.getBean(PetitionMaintenance.class).interval())
            .isEqualTo(Duration.ofMinutes(20)));
  }

  @Test
  void theDeprecatedPurgeIntervalStillWorksAndTheNewOneWins() {
    runner().withPropertyValues("petition.purge.interval=15m")
        .run(context -> assertThat(context.getBean(PetitionMaintenance.class).interval())
            .isEqualTo(Duration.ofMinutes(15)));
    runner().withPropertyValues("petition.purge.interval=15m", "petition.maintenance.interval=2h")
        .run(context -> assertThat(context.getBean(PetitionMaintenance.class).interval())
            .isEqualTo(Duration.ofHours(2)));
    // The new name wins even when it is set to what is also the default.
    runner().withPropertyValues("petition.purge.interval=15m", "petition.maintenance.interval=1h")
        .run(context -> assertThat(context.getBean(PetitionMaintenance.class).interval())
            .isEqualTo(Duration.ofHours(1)));
  }

  @Test
  void startupFailsNamingTheIntervalActuallyUsed() {
    runner().withPropertyValues("petition.maintenance.interval=0s")
        .run(context -> assertFailure(context, "petition.maintenance.interval", "must be positive"));
    runner().withPropertyValues("petition.purge.interval=-1m")
        .run(context -> assertFailure(context, "petition.purge.interval", "must be positive"));
    runner().withPropertyValues("petition.purge.interval=-1m", "petition.maintenance.interval=1h")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void startupFailsNamingABatchSizeThatIsNotPositive() {
    runner().withPropertyValues("petition.purge.batch-size=0")
        .run(context -> assertFailure(context, "petition.purge.batch-size", "must be positive"));
    runner().withPropertyValues("petition.retention.batch-size=-5")
        .run(context -> assertFailure(context, "petition.retention.batch-size", "must be positive"));
  }

  @Test
  void backsOffFromTheApplicationsTasks() {
    PurgePendingTask purge = new PurgePendingTask(ownPetitions("https://x.example.org"), 5);
    RetentionTask retention = new RetentionTask(ownPetitions("https://x.example.org"), 5);
    PetitionMaintenance maintenance = new PetitionMaintenance(java.util.List.of(), Duration.ofMinutes(1));
    runner().withBean("myPurge", PurgePendingTask.class, () -> purge)
        .withBean("myRetention", RetentionTask.class, () -> retention)
        .withBean("myMaintenance", PetitionMaintenance.class, () -> maintenance)
        .run(context -> {
          assertThat(context.getBeansOfType(PurgePendingTask.class)).containsOnlyKeys("myPurge");
          assertThat(context.getBeansOfType(RetentionTask.class)).containsOnlyKeys("myRetention");
          assertThat(context.getBeansOfType(PetitionMaintenance.class)).containsOnlyKeys("myMaintenance");
        });
  }

  @Test
  void nothingIsScheduledWithoutAPetitionsBean() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(PetitionSchedulingAutoConfiguration.class))
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(PetitionMaintenance.class);
          assertThat(context).doesNotHaveBean(PurgePendingTask.class);
        });
  }
}
