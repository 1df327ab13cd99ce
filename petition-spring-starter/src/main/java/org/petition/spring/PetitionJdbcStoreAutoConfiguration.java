package org.petition.spring;

import javax.sql.DataSource;
import org.petition.store.SignatureStore;
import org.petition.store.jdbc.JdbcSignatureStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The JDBC signature store when the application has a {@link DataSource}; its Flyway migrations run as it
 * is built ({@code petition.store.migrate}). Otherwise {@link PetitionAutoConfiguration} falls back to the
 * in-memory store.
 */
@AutoConfiguration(
    before = PetitionAutoConfiguration.class,
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBean(DataSource.class)
public class PetitionJdbcStoreAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public SignatureStore petitionSignatureStore(DataSource dataSource, PetitionProperties properties) {
    PetitionProperties.Store store = properties.getStore();
    JdbcSignatureStore.Builder builder = JdbcSignatureStore.builder(dataSource);
    try {
      builder.counterShards(store.getCounterShards());
    } catch (IllegalArgumentException e) {
      throw new PetitionConfigurationException("petition.store.counter-shards", e.getMessage(),
          "Use a number of counter shards between 1 and 1024.", null);
    }
    try {
      builder.batchSize(store.getBatchSize());
    } catch (IllegalArgumentException e) {
      throw new PetitionConfigurationException("petition.store.batch-size", e.getMessage(),
          "Use a batch size between 1 (no batching) and 256.", null);
    }
    try {
      builder.concurrentBatches(store.getConcurrentBatches());
    } catch (IllegalArgumentException e) {
      throw new PetitionConfigurationException("petition.store.concurrent-batches", e.getMessage(),
          "Use at least 1 concurrent batch.", null);
    }
    return builder.migrate(store.isMigrate()).build();
  }
}
