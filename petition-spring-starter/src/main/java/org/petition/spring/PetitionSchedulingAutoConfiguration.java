package org.petition.spring;

import org.petition.Petitions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Housekeeping on a schedule: the purge of unconfirmed signatures ({@code petition.purge.*}), retention of
 * personal data after petitions close ({@code petition.retention.*}), and every other {@link
 * PetitionMaintenanceTask} bean.
 */
@AutoConfiguration(after = PetitionAutoConfiguration.class)
@ConditionalOnBean(Petitions.class)
public class PetitionSchedulingAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "petition.purge", name = "enabled", matchIfMissing = true)
  public PurgePendingTask petitionPurgePendingTask(Petitions petitions, PetitionProperties properties) {
    return new PurgePendingTask(petitions, properties.getPurge().getBatchSize());
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "petition.retention", name = "enabled", matchIfMissing = true)
  public RetentionTask petitionRetentionTask(Petitions petitions, PetitionProperties properties) {
    return new RetentionTask(petitions, properties.getRetention().getBatchSize());
  }

  @Bean
  @ConditionalOnMissingBean
  public PetitionMaintenance petitionMaintenance(ObjectProvider<PetitionMaintenanceTask> tasks,
      PetitionProperties properties) {
    return new PetitionMaintenance(tasks.orderedStream().toList(), properties.getPurge().getInterval());
  }
}
