package org.petition.spring.log;

import org.petition.Petitions;
import org.petition.spring.PetitionAutoConfiguration;
import org.petition.spring.PetitionProperties;
import org.petition.spring.PetitionLogMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The transparency log's checkpoints, signed every {@code petition.log.checkpoint-interval} (default 10 s)
 * while {@code petition.log.enabled} (default true). The keys ({@code petition.log.keys[i].name/seed}) reach
 * the core through {@link PetitionAutoConfiguration}, which stops start-up without one.
 */
@AutoConfiguration(after = PetitionAutoConfiguration.class)
@ConditionalOnBean(Petitions.class)
@ConditionalOnBooleanProperty(name = "petition.log.enabled", matchIfMissing = true)
public class PetitionLogAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public LogCheckpoints petitionLogCheckpoints(Petitions petitions, PetitionProperties properties) {
    return new LogCheckpoints(petitions, PetitionLogMapper.checkpointInterval(properties));
  }
}
