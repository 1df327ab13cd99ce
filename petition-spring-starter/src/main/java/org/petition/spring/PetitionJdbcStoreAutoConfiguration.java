package org.petition.spring;

import javax.sql.DataSource;
import org.petition.Petitions;
import org.petition.check.LimitStore;
import org.petition.store.AccountStore;
import org.petition.store.SignatureStore;
import org.petition.store.PhotoStore;
import org.petition.store.jdbc.JdbcAccountStore;
import org.petition.store.jdbc.JdbcPhotoStore;
import org.petition.store.jdbc.JdbcLimitStore;
import org.petition.store.jdbc.JdbcSignatureStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * The JDBC signature store and account store when the application has one {@link DataSource} (or a primary one); its Flyway
 * migrations run as it is built ({@code petition.store.migrate}), once {@link PetitionConfigurationCheck} has
 * passed. Otherwise {@link PetitionAutoConfiguration}
 * falls back to the in-memory store. With it, the shared limit store ({@link JdbcLimitStore}) unless
 * {@code petition.store.shared-limits=false}.
 */
@AutoConfiguration(
    before = PetitionAutoConfiguration.class,
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(DataSource.class)
@ConditionalOnSingleCandidate(DataSource.class)
public class PetitionJdbcStoreAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(SignatureStore.class)
  public JdbcSignatureStore petitionSignatureStore(DataSource dataSource, PetitionProperties properties,
      PetitionConfigurationCheck checked) {
    // Built (and migrated) only once every setting has passed: a wrong one leaves the database untouched.
    return PetitionStoreMapper.jdbcStore(JdbcSignatureStore.builder(dataSource), properties).build();
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
        PetitionStoreMapper.storeSchema(properties));
  }

  /** Photos of photo campaigns in the same database and schema (table signature_photo), deleted with signatures. */
  @Bean
  @ConditionalOnMissingBean
  public PhotoStore petitionPhotoStore(DataSource dataSource, PetitionProperties properties,
      PetitionConfigurationCheck checked) {
    return JdbcPhotoStore.create(dataSource, properties.getStore().isMigrate(),
        PetitionStoreMapper.storeSchema(properties));
  }

  /**
   * The limits' states in the JDBC store's database ({@code petition.store.shared-limits}, on by default), so
   * every instance on it enforces one set of rate limits, surge counts and login locks.
   */
  @Bean
  @ConditionalOnMissingBean(LimitStore.class)
  @ConditionalOnBean(JdbcSignatureStore.class)
  @ConditionalOnProperty(prefix = "petition.store", name = "shared-limits", havingValue = "true", matchIfMissing = true)
  public JdbcLimitStore petitionLimitStore(JdbcSignatureStore store, PetitionProperties properties) {
    return PetitionStoreMapper.limitStore(store, properties);
  }

  /** Definitions changed by another instance read again at once (PostgreSQL's LISTEN/NOTIFY). */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(JdbcSignatureStore.class)
  public PetitionDefinitionChanges petitionDefinitionChanges(JdbcSignatureStore store, Petitions petitions) {
    return new PetitionDefinitionChanges(store, petitions);
  }
}
