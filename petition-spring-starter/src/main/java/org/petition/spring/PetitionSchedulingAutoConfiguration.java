package org.petition.spring;

import org.petition.Petitions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The scheduled maintenance, every {@code petition.maintenance.interval}: the purge of unconfirmed
 * signatures ({@code petition.purge.*}), retention of personal data after petitions close ({@code
 * petition.retention.*}), and every other {@link PetitionMaintenanceTask} bean.
 */
@AutoConfiguration(after = PetitionAutoConfiguration.class)
@ConditionalOnBean(Petitions.class)
public class PetitionSchedulingAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(name = "petition.purge.enabled", matchIfMissing = true)
  public PurgePendingTask petitionPurgePendingTask(Petitions petitions, PetitionProperties properties) {
    return new PurgePendingTask(petitions, PetitionMaintenanceMapper.purgeBatchSize(properties));
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(name = "petition.retention.enabled", matchIfMissing = true)
  public RetentionTask petitionRetentionTask(Petitions petitions, PetitionProperties properties) {
    return new RetentionTask(petitions, PetitionMaintenanceMapper.retentionBatchSize(properties));
  }

  @Bean
  @ConditionalOnMissingBean
  public PetitionMaintenance petitionMaintenance(ObjectProvider<PetitionMaintenanceTask> tasks,
      PetitionProperties properties) {
    return new PetitionMaintenance(tasks.orderedStream().toList(),
        PetitionMaintenanceMapper.maintenanceInterval(properties));
  }
}
