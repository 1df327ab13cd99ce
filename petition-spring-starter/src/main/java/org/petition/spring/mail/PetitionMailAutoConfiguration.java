package org.petition.spring.mail;

import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import javax.sql.DataSource;
import org.petition.mail.ConfirmationSender;
import org.petition.privacy.DataKeys;
import org.petition.privacy.PersonalDataCipher;
import org.petition.spring.PetitionAutoConfiguration;
import org.petition.spring.PetitionProperties;
import org.petition.spring.PetitionMailMapper;
import org.petition.spring.PetitionStoreMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * When the application has a {@link JavaMailSender}: a {@link ConfirmationSender} that writes to a durable
 * outbox (a table when there is a {@link DataSource} and Spring JDBC, else memory) and a worker that delivers
 * with retries. Without one, {@link PetitionAutoConfiguration} falls back to the in-memory development
 * outbox.
 */
@AutoConfiguration(
    before = PetitionAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"
    })
@ConditionalOnClass({JavaMailSender.class, MimeMessage.class})
@ConditionalOnBean(JavaMailSender.class)
@ConditionalOnBooleanProperty(name = "petition.mail.enabled", matchIfMissing = true)
public class PetitionMailAutoConfiguration {

  /** The outbox as a table, sealed with the personal-data keys: with Spring JDBC and one DataSource. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(JdbcTemplate.class)
  @ConditionalOnSingleCandidate(DataSource.class)
  static class JdbcOutboxConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public MailOutbox petitionMailOutbox(DataSource dataSource, DataKeys dataKeys, PetitionProperties properties) {
      // In the store's schema (petition.store.schema), beside its tables.
      return new JdbcMailOutbox(dataSource, PersonalDataCipher.of(dataKeys),
          PetitionStoreMapper.storeSchema(properties));
    }
  }

  /** Otherwise the outbox is in memory: it rides out a mail server outage, not a restart. */
  @Bean
  @ConditionalOnMissingBean
  public MailOutbox petitionMailOutbox(PetitionProperties properties) {
    return new InMemoryMailOutbox(PetitionMailMapper.mailMemoryCapacity(properties));
  }

  @Bean
  @ConditionalOnMissingBean
  public MailDelivery petitionMailDelivery(JavaMailSender sender, PetitionProperties properties) {
    // JavaMail waits forever by default: a stalled server would hold the worker, and the lease, for good.
    if (sender instanceof JavaMailSenderImpl impl) {
      SmtpTimeouts.applyDefaults(impl.getJavaMailProperties(), PetitionMailMapper.mailSmtpTimeout(properties));
    }
    return new JavaMailDelivery(sender, PetitionMailMapper.mailFrom(properties),
        PetitionMailMapper.mailReplyTo(properties));
  }

  @Bean
  @ConditionalOnMissingBean
  public MailDeliveryWorker petitionMailDeliveryWorker(MailOutbox outbox, MailDelivery delivery, Clock clock,
      PetitionProperties properties) {
    return PetitionMailMapper.mailDeliveryWorker(outbox, delivery, clock, properties);
  }

  @Bean
  @ConditionalOnMissingBean(ConfirmationSender.class)
  public OutboxConfirmationSender petitionOutboxConfirmationSender(MailOutbox outbox, MailDeliveryWorker worker,
      Clock clock) {
    return new OutboxConfirmationSender(outbox, worker, clock);
  }

  @Bean
  @ConditionalOnMissingBean
  public FailedMailCleanupTask petitionFailedMailCleanupTask(MailOutbox outbox, Clock clock,
      PetitionProperties properties) {
    return new FailedMailCleanupTask(outbox, PetitionMailMapper.mailKeepFailed(properties), clock);
  }
}
