package org.petition.spring.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.petition.Petitions;
import org.petition.spring.PetitionAutoConfiguration;
import org.petition.spring.mail.MailOutbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Micrometer meters from core events when the application has a {@link MeterRegistry}. */
@AutoConfiguration(
    after = PetitionAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
    })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({MeterRegistry.class, Petitions.class})
public class PetitionMetricsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public PetitionMetrics petitionMetrics(Petitions petitions, MeterRegistry registry,
      ObjectProvider<MailOutbox> outbox) {
    return new PetitionMetrics(petitions, registry, outbox.getIfAvailable());
  }
}
