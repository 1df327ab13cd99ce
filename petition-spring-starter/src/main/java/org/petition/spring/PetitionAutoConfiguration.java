package org.petition.spring;

import org.petition.Petition;
import org.petition.Petitions;
import org.petition.check.SignatureCheck;
import org.petition.mail.ConfirmationSender;
import org.petition.mail.InMemoryOutbox;
import org.petition.privacy.DataKeys;
import org.petition.store.SignatureStore;
import org.petition.store.memory.InMemorySignatureStore;
import org.petition.token.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@link Petitions} bean, built from {@code petition.*} properties, with the in-memory store and the
 * in-memory outbox as fallbacks when no other auto-configuration or the application supplies them.
 */
@AutoConfiguration
@EnableConfigurationProperties
public class PetitionAutoConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(PetitionAutoConfiguration.class);

  @Bean
  @ConditionalOnMissingBean
  @ConfigurationProperties("petition")
  public PetitionProperties petitionProperties() {
    return new PetitionProperties();
  }

  @Bean
  @ConditionalOnMissingBean
  public Tokens petitionTokens(PetitionProperties properties) {
    return PetitionPropertiesMapper.tokens(properties);
  }

  @Bean
  @ConditionalOnMissingBean
  public DataKeys petitionDataKeys(PetitionProperties properties) {
    return PetitionPropertiesMapper.dataKeys(properties);
  }

  @Bean
  @ConditionalOnMissingBean
  public SignatureStore petitionSignatureStore() {
    LOG.warn("petition: signatures are kept in memory and lost on restart; add a DataSource for the JDBC store");
    return new InMemorySignatureStore();
  }

  @Bean
  @ConditionalOnMissingBean(ConfirmationSender.class)
  public InMemoryOutbox petitionInMemoryOutbox() {
    // Development only: without a JavaMailSender no confirmation mail leaves the application.
    LOG.warn("petition: no JavaMailSender, so confirmation messages are kept in an in-memory outbox and never sent");
    return InMemoryOutbox.ofDefaults();
  }

  @Bean
  @ConditionalOnMissingBean
  public Petitions petitions(PetitionProperties properties, Tokens tokens, DataKeys dataKeys, SignatureStore store,
      ConfirmationSender sender, ObjectProvider<SignatureCheck> checks,
      ObjectProvider<PetitionsBuilderCustomizer> customizers) {
    Petitions.Builder builder = PetitionPropertiesMapper.configure(Petitions.builder(), properties)
        .tokenKeys(tokens)
        .dataKeys(dataKeys)
        .store(store)
        .sender(sender);
    checks.orderedStream().forEach(builder::check);
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    Petitions petitions = builder.build();
    for (Petition petition : PetitionPropertiesMapper.petitions(properties)) {
      petitions.register(petition);
    }
    return petitions;
  }
}
