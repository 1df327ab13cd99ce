package org.petition.spring.health;

import java.time.Clock;
import org.petition.Petitions;
import org.petition.spring.PetitionAutoConfiguration;
import org.petition.spring.PetitionKeyCheck;
import org.petition.spring.PetitionProperties;
import org.petition.spring.PetitionMailMapper;
import org.petition.spring.mail.MailOutbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/** The {@code petition} health indicator when Spring Boot's health support is present. */
@AutoConfiguration(
    after = PetitionAutoConfiguration.class,
    beforeName = "org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(Petitions.class)
public class PetitionHealthAutoConfiguration {

  // On the method, not the class: its condition class exists only when spring-boot-health does.
  @Bean
  @ConditionalOnEnabledHealthIndicator("petition")
  @ConditionalOnMissingBean(name = {"petitionHealthIndicator", "petitionHealthContributor"})
  public PetitionHealthIndicator petitionHealthIndicator(Petitions petitions, ObjectProvider<MailOutbox> outbox,
      Clock clock, PetitionProperties properties, ObjectProvider<PetitionKeyCheck> keys) {
    return new PetitionHealthIndicator(petitions, outbox.getIfAvailable(),
        PetitionMailMapper.mailMaxDelay(properties), clock, keys.getIfAvailable());
  }
}
