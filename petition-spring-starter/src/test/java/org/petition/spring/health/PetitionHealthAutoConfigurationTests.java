package org.petition.spring.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.spring.PetitionContextRunners.assertFailure;
import static org.petition.spring.PetitionContextRunners.runner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.petition.spring.PetitionContextRunners;
import org.petition.spring.mail.InMemoryMailOutbox;
import org.petition.spring.mail.MailOutbox;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** {@link PetitionHealthAutoConfiguration}: the {@code petition} health indicator. */
class PetitionHealthAutoConfigurationTests {

  @Test
  void healthIsUpWithAWorkingStoreAndCanBeSwitchedOff() {
    runner().run(context -> {
      Health health = context.getBean(PetitionHealthIndicator.class).health(true);
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsKey("petitions");
    });
    runner().withPropertyValues("management.health.petition.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(PetitionHealthIndicator.class));
    runner().withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(PetitionHealthIndicator.class);
        });
  }

  @Test
  void healthTurnsDownWhenMailWaitsTooLong() {
    runner().withBean(JavaMailSender.class, JavaMailSenderImpl::new)
        .withPropertyValues("petition.mail.max-delay=1ms", "petition.mail.poll-interval=1h")
        .withBean(MailOutbox.class, InMemoryMailOutbox::new)
        .run(context -> {
          context.getBean(MailOutbox.class).add(new org.petition.mail.OutgoingMessage(
              org.petition.mail.MessageKind.ALREADY_SIGNED, "a@example.org", java.util.Locale.ENGLISH, "T", null, null),
              Instant.now().minusSeconds(60));
          Health health = context.getBean(PetitionHealthIndicator.class).health(true);
          assertThat(health.getStatus()).isEqualTo(Status.DOWN);
          assertThat(health.getDetails()).containsEntry("mailWaiting", 1L);
        });
  }

  @Test
  void theAgeOfTheOldestMessageIsTakenByTheClockBean() {
    Instant now = Instant.parse("2030-05-01T12:00:00Z");
    runner().withBean(JavaMailSender.class, JavaMailSenderImpl::new)
        .withBean(Clock.class, () -> Clock.fixed(now, ZoneOffset.UTC))
        .withPropertyValues("petition.mail.max-delay=10m", "petition.mail.poll-interval=1h")
        .withBean(MailOutbox.class, InMemoryMailOutbox::new)
        .run(context -> {
          context.getBean(MailOutbox.class).add(new org.petition.mail.OutgoingMessage(
              org.petition.mail.MessageKind.ALREADY_SIGNED, "a@example.org", java.util.Locale.ENGLISH, "T", null,
              null), now.minus(Duration.ofMinutes(5)));
          Health health = context.getBean(PetitionHealthIndicator.class).health(true);
          assertThat(health.getStatus()).isEqualTo(Status.UP);
          assertThat(health.getDetails()).containsEntry("mailOldestWaiting", "PT5M");
        });
  }

  @Test
  void startupFailsNamingAMaxDelayThatIsNotPositive() {
    runner().withPropertyValues("petition.mail.max-delay=0s")
        .run(context -> assertFailure(context, "petition.mail.max-delay", "must be positive"));
  }

  @Test
  void backsOffFromTheApplicationsIndicator() {
    PetitionHealthIndicator own = new PetitionHealthIndicator(
        PetitionContextRunners.ownPetitions("https://x.example.org"), null, Duration.ofMinutes(1), Clock.systemUTC());
    runner().withBean("petitionHealthIndicator", PetitionHealthIndicator.class, () -> own)
        .run(context -> assertThat(context.getBean(PetitionHealthIndicator.class)).isSameAs(own));
  }
}
