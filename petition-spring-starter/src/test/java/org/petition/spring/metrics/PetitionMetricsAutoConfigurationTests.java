package org.petition.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.spring.PetitionContextRunners.confirmToken;
import static org.petition.spring.PetitionContextRunners.frank;
import static org.petition.spring.PetitionContextRunners.runner;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.petition.Petitions;
import org.petition.SignatureRequest;
import org.petition.spring.PetitionContextRunners;
import org.petition.spring.TestKeys;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** {@link PetitionMetricsAutoConfiguration}: meters from core events when there is a MeterRegistry. */
class PetitionMetricsAutoConfigurationTests {

  @Test
  void metricsNeedAMeterRegistryAndMicrometer() {
    runner().run(context -> assertThat(context).doesNotHaveBean(PetitionMetrics.class));
    runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new).withPropertyValues(TestKeys.seedPetition(0))
        .run(context -> {
          assertThat(context).hasSingleBean(PetitionMetrics.class);
          context.getBean(Petitions.class).sign(SignatureRequest.builder("us-troops-out-of-korea")
              .person("Frank", "Castellano").email("not-an-email").country("US")
              .consent("terms", "privacy", "processing").build());
          MeterRegistry registry = context.getBean(MeterRegistry.class);
          assertThat(registry.get("petition.signings").tag("outcome", "refused").tag("reason", "email.invalid")
              .counter().count()).isEqualTo(1.0);
          Petitions petitions = context.getBean(Petitions.class);
          petitions.sign(frank().userAgent("Mozilla/5.0").build());
          assertThat(registry.get("petition.signings").tag("outcome", "pending").tag("reason", "none")
              .tag("petition", "us-troops-out-of-korea").counter().count()).isEqualTo(1.0);
          petitions.confirm(confirmToken(context, "frank@example.com"));
          assertThat(registry.get("petition.confirmations").tag("outcome", "counted").counter().count()).isEqualTo(1.0);
          assertThat(registry.get("petition.confirmation.delay").timer().count()).isEqualTo(1);
          assertThat(registry.get("petition.count").tag("petition", "us-troops-out-of-korea").gauge().value())
              .isEqualTo(1.0);
          petitions.revoke(revokeToken(context, "frank@example.com"));
          assertThat(registry.get("petition.count").tag("petition", "us-troops-out-of-korea").gauge().value())
              .isEqualTo(0.0);
          assertThat(registry.get("petition.revocations").tag("counted", "true").counter().count()).isEqualTo(1.0);
        });
    runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withClassLoader(new FilteredClassLoader("io.micrometer.core"))
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(PetitionMetrics.class);
        });
  }

  @Test
  void theOutboxIsMeteredWhenMailGoesThroughIt() {
    runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withBean(JavaMailSender.class, JavaMailSenderImpl::new)
        .withPropertyValues("petition.mail.poll-interval=1h")
        .run(context -> {
          MeterRegistry registry = context.getBean(MeterRegistry.class);
          assertThat(registry.get("petition.mail.outbox.waiting").gauge().value()).isZero();
          assertThat(registry.get("petition.mail.outbox.failed").gauge().value()).isZero();
        });
  }

  @Test
  void backsOffFromTheApplicationsMetrics() {
    MeterRegistry registry = new SimpleMeterRegistry();
    runner().withBean(MeterRegistry.class, () -> registry)
        .withBean("myMetrics", PetitionMetrics.class,
            () -> new PetitionMetrics(PetitionContextRunners.ownPetitions("https://x.example.org"), registry, null))
        .run(context -> assertThat(context.getBeansOfType(PetitionMetrics.class)).containsOnlyKeys("myMetrics"));
  }

  private static String revokeToken(org.springframework.context.ApplicationContext context, String email) {
    String link = context.getBean(org.petition.mail.InMemoryOutbox.class).messagesTo(email).get(0).revokeUrl();
    return link.substring(link.indexOf("token=") + 6);
  }
}
