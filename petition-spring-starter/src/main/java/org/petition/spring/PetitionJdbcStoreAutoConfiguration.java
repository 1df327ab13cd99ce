package org.petition.spring;

import javax.sql.DataSource;
import org.petition.store.AccountStore;
import org.petition.store.SignatureStore;
import org.petition.store.jdbc.JdbcAccountStore;
import org.petition.store.jdbc.JdbcSignatureStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * The JDBC signature store and account store when the application has one {@link DataSource} (or a primary one); its Flyway
 * migrations run as it is built ({@code petition.store.migrate}), once {@link PetitionConfigurationCheck} has
 * passed. Otherwise {@link PetitionAutoConfiguration}
 * falls back to the in-memory store.
 */
@AutoConfiguration(
    before = PetitionAutoConfiguration.class,
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(DataSource.class)
@ConditionalOnSingleCandidate(DataSource.class)
public class PetitionJdbcStoreAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public SignatureStore petitionSignatureStore(DataSource dataSource, PetitionProperties properties,
      PetitionConfigurationCheck checked) {
    // Built (and migrated) only once every setting has passed: a wrong one leaves the database untouched.
    return PetitionPropertiesMapper.jdbcStore(JdbcSignatureStore.builder(dataSource), properties).build();
  }

  /**
   * Returning signers' accounts in the same database and schema, so they outlive a restart and are shared by
   * every instance of the application.
   */
  @Bean
  @ConditionalOnMissingBean
  public AccountStore petitionAccountStore(DataSource dataSource, PetitionProperties properties,
      PetitionConfigurationCheck checked) {
    return JdbcAccountStore.create(dataSource, properties.getStore().isMigrate(),
        PetitionPropertiesMapper.storeSchema(properties));
  }
}
