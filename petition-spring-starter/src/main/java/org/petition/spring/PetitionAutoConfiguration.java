package org.petition.spring;

import java.time.Clock;
import org.petition.Petition;
import org.petition.Petitions;
import org.petition.check.SignatureCheck;
import org.petition.mail.ConfirmationSender;
import org.petition.mail.InMemoryOutbox;
import org.petition.privacy.DataKeys;
import org.petition.store.AccountStore;
import org.petition.store.SignatureStore;
import org.petition.store.memory.InMemoryAccountStore;
import org.petition.store.memory.InMemorySignatureStore;
import org.petition.token.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link Petitions} bean, built from {@code petition.*} properties, with the in-memory store and the
 * in-memory outbox as fallbacks when no other auto-configuration or the application supplies them; and the
 * one {@link Clock} the starter tells time by.
 */
@AutoConfiguration
public class PetitionAutoConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(PetitionAutoConfiguration.class);

  /**
   * Binds {@link PetitionProperties}, unless the application declares a bean of that type itself. In an
   * application that bean is bound from {@code petition.*} too, as any {@code @ConfigurationProperties} bean
   * is: configuration wins over what its code set.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingBean(PetitionProperties.class)
  @EnableConfigurationProperties(PetitionProperties.class)
  static class PropertiesConfiguration {}

  /** The starter's time: the Petitions bean, the mail worker, the outbox, health and the web layer. */
  @Bean
  @ConditionalOnMissingBean
  public Clock petitionClock() {
    return Clock.systemUTC();
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

  /** Returning signers' accounts in memory, when no DataSource gives the JDBC account store. */
  @Bean
  @ConditionalOnMissingBean
  public AccountStore petitionAccountStore() {
    return new InMemoryAccountStore();
  }

  @Bean
  @ConditionalOnMissingBean(ConfirmationSender.class)
  public InMemoryOutbox petitionInMemoryOutbox() {
    // Development only: without a JavaMailSender no confirmation mail leaves the application.
    LOG.warn("petition: no JavaMailSender, so confirmation messages are kept in an in-memory outbox and never sent");
    return InMemoryOutbox.ofDefaults();
  }

  /**
   * The Petitions bean: the properties through {@link PetitionPropertiesMapper}, the {@link Clock} bean, then
   * every {@link SignatureCheck} and {@link PetitionsBuilderCustomizer} bean in {@code @Order}.
   */
  @Bean
  @ConditionalOnMissingBean
  public Petitions petitions(PetitionProperties properties, Tokens tokens, DataKeys dataKeys, SignatureStore store,
      AccountStore accountStore, ConfirmationSender sender, Clock clock, ObjectProvider<SignatureCheck> checks,
      ObjectProvider<PetitionsBuilderCustomizer> customizers) {
    Petitions.Builder builder = PetitionPropertiesMapper.configure(Petitions.builder(), properties)
        .tokenKeys(tokens)
        .dataKeys(dataKeys)
        .store(store)
        .accountStore(accountStore)
        .sender(sender)
        .clock(clock);
    checks.orderedStream().forEach(builder::check);
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    Petitions petitions = builder.build();
    for (Petition petition : PetitionPropertiesMapper.petitions(properties)) {
      petitions.register(petition);
    }
    return petitions;
  }
}
