package org.petition.spring;

import org.petition.Petitions;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/** Core events as Spring application events ({@code petition.events.publish}, on by default). */
@AutoConfiguration(after = PetitionAutoConfiguration.class)
@ConditionalOnBean(Petitions.class)
@ConditionalOnBooleanProperty(name = "petition.events.publish", matchIfMissing = true)
public class PetitionEventsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public PetitionEventPublisher petitionEventPublisher(Petitions petitions, ApplicationEventPublisher publisher) {
    return new PetitionEventPublisher(petitions, publisher);
  }
}
