package org.petition.spring;

import java.time.Clock;
import java.util.Arrays;
import javax.sql.DataSource;
import org.petition.Petition;
import org.petition.Petitions;
import org.petition.check.LimitStore;
import org.petition.check.SignatureCheck;
import org.petition.mail.ConfirmationSender;
import org.petition.mail.InMemoryOutbox;
import org.petition.privacy.DataKeys;
import org.petition.store.AccountStore;
import org.petition.store.PhotoStore;
import org.petition.store.SignatureStore;
import org.petition.store.memory.InMemoryAccountStore;
import org.petition.store.memory.InMemorySignatureStore;
import org.petition.log.LogKeys;
import org.petition.privacy.ConsentLedger;
import org.petition.token.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
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

  /**
   * Every setting checked at once, before anything touches the database: the Tokens, DataKeys, store and
   * Petitions beans depend on it.
   */
  @Bean
  @ConditionalOnMissingBean
  public PetitionConfigurationCheck petitionConfigurationCheck(PetitionProperties properties,
      ListableBeanFactory beans) {
    return PetitionConfigurationCheck.check(properties, ownOrNone(beans, Tokens.class, "petitionTokens"),
        ownOrNone(beans, DataKeys.class, "petitionDataKeys"),
        ownOrNone(beans, SignatureStore.class, "petitionSignatureStore")
            && beans.getBeanNamesForType(DataSource.class, true, false).length > 0);
  }

  /** Whether the bean of {@code type} is the starter's own (named {@code name}), so its properties are used. */
  private static boolean ownOrNone(ListableBeanFactory beans, Class<?> type, String name) {
    String[] names = beans.getBeanNamesForType(type, true, false);
    return names.length == 0 || Arrays.asList(names).contains(name);
  }

  @Bean
  @ConditionalOnMissingBean
  public Tokens petitionTokens(PetitionProperties properties, PetitionConfigurationCheck checked) {
    return PetitionKeysMapper.tokens(properties);
  }

  @Bean
  @ConditionalOnMissingBean
  public DataKeys petitionDataKeys(PetitionProperties properties, PetitionConfigurationCheck checked) {
    return PetitionKeysMapper.dataKeys(properties);
  }

  @Bean
  @ConditionalOnMissingBean
  public SignatureStore petitionSignatureStore(PetitionProperties properties) {
    LOG.warn("petition: signatures are kept in memory and lost on restart; add a DataSource for the JDBC store");
    return new InMemorySignatureStore(ConsentLedger.inMemory(), properties.getLog().isEnabled());
  }

  /** Returning signers' accounts in memory, when no DataSource gives the JDBC account store. */
  @Bean
  @ConditionalOnMissingBean
  public AccountStore petitionAccountStore() {
    return new InMemoryAccountStore();
  }

  @Bean
  @ConditionalOnMissingBean(ConfirmationSender.class)
  public InMemoryOutbox petitionInMemoryOutbox(PetitionProperties properties) {
    // Development only: without a JavaMailSender no confirmation mail leaves the application. Say where it goes
    // (never to whom).
    LOG.warn("petition: no JavaMailSender, so confirmation messages are kept in an in-memory outbox and never sent; {}",
        properties.getDev().getOutbox().isEnabled()
            ? "see them at /dev/petition-outbox from this machine"
            : "set petition.dev.outbox.enabled=true to see them at /dev/petition-outbox from this machine, or"
                + " configure spring.mail.host to send them");
    return InMemoryOutbox.ofDefaults();
  }

  /** The configured keys against those the store recorded: before the Petitions bean, and for health. */
  @Bean
  @ConditionalOnMissingBean
  public PetitionKeyCheck petitionKeyCheck(SignatureStore store, PetitionProperties properties, Tokens tokens,
      DataKeys dataKeys) {
    return new PetitionKeyCheck(store, PetitionKeysMapper.identitySecret(properties), dataKeys, tokens);
  }

  /**
   * The Petitions bean: the properties through {@link PetitionPropertiesMapper}, the {@link Clock} bean, then
   * the built-in checks of {@code petition.checks.*}, then every {@link SignatureCheck} and {@link
   * PetitionsBuilderCustomizer} bean in {@code @Order}. Keys other than those the store recorded stop it.
   */
  @Bean
  @ConditionalOnMissingBean
  public Petitions petitions(PetitionProperties properties, Tokens tokens, DataKeys dataKeys, SignatureStore store,
      AccountStore accountStore, ConfirmationSender sender, Clock clock, ObjectProvider<SignatureCheck> checks,
      ObjectProvider<PetitionsBuilderCustomizer> customizers, PetitionKeyCheck keyCheck,
      ObjectProvider<LimitStore> limitStores, ObjectProvider<PhotoStore> photoStores) {
    keyCheck.requireRecordedKeys();
    Petitions.Builder builder = PetitionPropertiesMapper.configure(Petitions.builder(), properties)
        .tokenKeys(tokens)
        .dataKeys(dataKeys)
        .store(store)
        .accountStore(accountStore)
        .sender(sender)
        .clock(clock)
        .defaultChecks(false); // the built-in checks as petition.checks.* says
    PetitionChecksMapper.checks(properties, clock).forEach(builder::check);
    LogKeys logKeys = PetitionLogMapper.logKeys(properties);
    if (logKeys != null) {
      builder.logKeys(logKeys);
    }
    checks.orderedStream().forEach(builder::check);
    limitStores.ifAvailable(builder::limitStore);
    photoStores.ifAvailable(builder::photoStore); // in the database with a DataSource, else in memory // shared limits: every instance on the store counts together
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    Petitions petitions = builder.build();
    for (Petition petition : PetitionDefinitionsMapper.petitions(properties)) {
      petitions.register(petition);
    }
    return petitions;
  }
}
