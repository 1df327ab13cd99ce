package org.petition.spring.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.spring.PetitionContextRunners.assertFailure;
import static org.petition.spring.PetitionContextRunners.runner;
import static org.petition.spring.PetitionContextRunners.runnerWithout;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.petition.LogAnswer;
import org.petition.Petitions;
import org.petition.log.Checkpoint;
import org.petition.log.LogKey;
import org.petition.spring.TestKeys;
import org.petition.store.SignatureStore;

/** {@link PetitionLogAutoConfiguration} and the {@code petition.log.*} properties. */
class PetitionLogAutoConfigurationTests {

  @Test
  void theLogIsOnByDefaultWithItsCheckpointsEveryTenSeconds() {
    runner().withPropertyValues(TestKeys.seedPetition(0)).run(context -> {
      assertThat(context.getBean(LogCheckpoints.class).interval()).isEqualTo(Duration.ofSeconds(10));
      assertThat(context.getBean(SignatureStore.class).logEnabled()).isTrue();
      Petitions petitions = context.getBean(Petitions.class);
      assertThat(petitions.log().enabled()).isTrue();
      String note = ((LogAnswer.Found<String>) petitions.log().checkpoint("us-troops-out-of-korea")).value();
      Checkpoint checkpoint = Checkpoint.parse(note.substring(0, note.indexOf("\n\n") + 1));
      assertThat(checkpoint.origin()).isEqualTo("petitions.example.org/petitions/us-troops-out-of-korea");
    });
  }

  @Test
  void theIntervalIsSetAndTheLastKeySigns() {
    String seed = TestKeys.base64(32);
    runner().withPropertyValues("petition.log.checkpoint-interval=2m", "petition.log.keys[1].name=second/log",
        "petition.log.keys[1].seed=" + seed).run(context -> {
          assertThat(context.getBean(LogCheckpoints.class).interval()).isEqualTo(Duration.ofMinutes(2));
          String keys = ((LogAnswer.Found<String>) context.getBean(Petitions.class).log().verifierKeys()).value();
          assertThat(keys.lines()).hasSize(2);
          assertThat(keys.lines().toList().get(1))
              .isEqualTo(LogKey.ofSeed("second/log", seed).verifierKey());
        });
  }

  @Test
  void disabledThereIsNoLogNoCheckpointsAndNoKeyIsNeeded() {
    runnerWithout("petition.log").withPropertyValues("petition.log.enabled=false").run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).doesNotHaveBean(LogCheckpoints.class);
      assertThat(context.getBean(SignatureStore.class).logEnabled()).isFalse();
      assertThat(context.getBean(Petitions.class).log().enabled()).isFalse();
    });
  }

  @Test
  void startupStopsNamingAMissingOrInvalidKey() {
    runnerWithout("petition.log").run(context ->
        assertFailure(context, "petition.log.keys[0].seed", "no checkpoint signing key is set"));
    runner().withPropertyValues("petition.log.keys[0].seed=" + TestKeys.base64(16)).run(context ->
        assertFailure(context, "petition.log.keys[0].seed", "32"));
    runner().withPropertyValues("petition.log.keys[0].name=has space").run(context ->
        assertFailure(context, "petition.log.keys[0].name", "has space"));
    runner().withPropertyValues("petition.log.checkpoint-interval=0s").run(context ->
        assertFailure(context, "petition.log.checkpoint-interval", "must be positive"));
  }

  @Test
  void backsOffFromTheApplicationsOwnCheckpoints() {
    runner().withBean("mine", LogCheckpoints.class,
        () -> new LogCheckpoints(org.mockito.Mockito.mock(Petitions.class), Duration.ofMinutes(5)))
        .run(context -> assertThat(context.getBeansOfType(LogCheckpoints.class)).containsOnlyKeys("mine"));
  }
}
