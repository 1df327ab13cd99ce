package org.petition.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.spring.PetitionContextRunners.confirmToken;
import static org.petition.spring.PetitionContextRunners.frank;
import static org.petition.spring.PetitionContextRunners.runner;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.petition.Petitions;
import org.petition.SignatureRequest;
import org.petition.spring.PetitionContextRunners;
import org.petition.spring.TestKeys;
import org.petition.testing.MutableClock;
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

  /**
   * Every meter the starter registers, with every tag key, has its row in the starter README's Metrics table (and
   * every row there is a meter registered): the events of signing, confirming, a milestone, a revocation and an
   * expiry are all raised, and the outbox is there.
   */
  @Test
  void everyMeterAndTagIsDocumentedInTheStartersReadme() throws Exception {
    Map<String, Set<String>> registered = new TreeMap<>();
    MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new).withBean(Clock.class, () -> clock)
        .withPropertyValues(TestKeys.seedPetition(0))
        .withPropertyValues("petition.milestones.thresholds[0].count=1")
        .run(context -> {
          Petitions petitions = context.getBean(Petitions.class);
          petitions.sign(frank().userAgent("Mozilla/5.0").build());
          petitions.confirm(confirmToken(context, "frank@example.com"));
          petitions.revoke(revokeToken(context, "frank@example.com"));
          petitions.sign(SignatureRequest.builder(PetitionContextRunners.SEED).person("Ann", "Lee")
              .email("ann@example.org").country("US").consent("terms", "privacy", "processing").build());
          clock.advance(Duration.ofDays(8));
          assertThat(petitions.purgePending(10)).isEqualTo(1);
          collect(context.getBean(MeterRegistry.class), registered);
        });
    runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withBean(JavaMailSender.class, JavaMailSenderImpl::new)
        .withPropertyValues("petition.mail.poll-interval=1h")
        .run(context -> collect(context.getBean(MeterRegistry.class), registered));
    assertThat(registered).containsKeys("petition.signings", "petition.confirmations", "petition.confirmation.delay",
        "petition.count", "petition.revocations", "petition.expirations", "petition.milestones",
        "petition.mail.outbox.waiting");
    assertThat(registered.get("petition.revocations")).contains("counted");

    Map<String, String> documented = readmeMeters();
    assertThat(documented.keySet()).as("meters in the README's table").containsExactlyInAnyOrderElementsOf(
        registered.keySet());
    registered.forEach((meter, tags) -> tags.forEach(tag -> assertThat(documented.get(meter))
        .as("the README's tags of %s", meter).contains("`" + tag + "`")));
  }

  private static void collect(MeterRegistry registry, Map<String, Set<String>> into) {
    for (Meter meter : registry.getMeters()) {
      Set<String> tags = into.computeIfAbsent(meter.getId().getName(), name -> new TreeSet<>());
      meter.getId().getTags().forEach(tag -> tags.add(tag.getKey()));
    }
  }

  /** The Metrics table of the starter's README: each meter's name and its tags cell. */
  private static Map<String, String> readmeMeters() throws java.io.IOException {
    String readme = Files.readString(Path.of("README.md"));
    String section = readme.substring(readme.indexOf("\n## Metrics"));
    int next = section.indexOf("\n## ", 3);
    section = next < 0 ? section : section.substring(0, next);
    Map<String, String> meters = new TreeMap<>();
    Matcher row = Pattern.compile("(?m)^\\| `(petition\\.[a-z.]+)` \\|([^|]*)\\|([^|]*)\\|").matcher(section);
    while (row.find()) {
      meters.put(row.group(1), row.group(3));
    }
    return meters;
  }

  private static String revokeToken(org.springframework.context.ApplicationContext context, String email) {
    String link = context.getBean(org.petition.mail.InMemoryOutbox.class).messagesTo(email).get(0).revokeUrl();
    return link.substring(link.indexOf("token=") + 6);
  }
}
