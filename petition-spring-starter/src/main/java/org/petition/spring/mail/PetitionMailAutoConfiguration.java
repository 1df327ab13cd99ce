package org.petition.spring.mail;

import java.time.Clock;
import javax.sql.DataSource;
import org.petition.mail.ConfirmationSender;
import org.petition.privacy.DataKeys;
import org.petition.privacy.PersonalDataCipher;
import org.petition.spring.PetitionAutoConfiguration;
import org.petition.spring.PetitionConfigurationException;
import org.petition.spring.PetitionMaintenanceTask;
import org.petition.spring.PetitionProperties;
import org.petition.spring.PetitionPropertiesMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.ClassUtils;

/**
 * When the application has a {@link JavaMailSender}: a {@link ConfirmationSender} that writes to a durable
 * outbox (a table when there is a {@link DataSource}, else memory) and a worker that delivers with retries.
 * Without one, {@link PetitionAutoConfiguration} falls back to the in-memory development outbox.
 */
@AutoConfiguration(
    before = PetitionAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"
    })
@ConditionalOnClass({JavaMailSender.class, jakarta.mail.internet.MimeMessage.class})
@ConditionalOnBean(JavaMailSender.class)
@ConditionalOnProperty(prefix = "petition.mail", name = "enabled", matchIfMissing = true)
public class PetitionMailAutoConfiguration {

  private static final String JDBC_TEMPLATE = "org.springframework.jdbc.core.JdbcTemplate";

  /**
   * The outbox: a table sealed with the personal-data keys when there is a database, else memory, which
   * rides out a mail server outage but not a restart.
   */
  @Bean
  @ConditionalOnMissingBean
  public MailOutbox petitionMailOutbox(ObjectProvider<DataSource> dataSource, DataKeys dataKeys) {
    DataSource database = dataSource.getIfUnique();
    if (database != null && ClassUtils.isPresent(JDBC_TEMPLATE, getClass().getClassLoader())) {
      return new JdbcMailOutbox(database, PersonalDataCipher.of(dataKeys));
    }
    return new InMemoryMailOutbox();
  }

  @Bean
  @ConditionalOnMissingBean
  public MailDelivery petitionMailDelivery(JavaMailSender sender, PetitionProperties properties) {
    PetitionProperties.Mail mail = properties.getMail();
    String from = mail.getFrom() == null || mail.getFrom().isBlank()
        ? "no-reply@" + PetitionPropertiesMapper.baseHost(properties)
        : mail.getFrom().strip();
    return new JavaMailDelivery(sender, from, mail.getReplyTo());
  }

  @Bean
  @ConditionalOnMissingBean
  public MailDeliveryWorker petitionMailDeliveryWorker(MailOutbox outbox, MailDelivery delivery,
      PetitionProperties properties) {
    PetitionProperties.Mail mail = properties.getMail();
    PetitionProperties.Retry retry = mail.getRetry();
    RetryPolicy policy;
    try {
      policy = new RetryPolicy(retry.getInitialBackoff(), retry.getMultiplier(), retry.getMaxBackoff(),
          retry.getMaxAttempts());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new PetitionConfigurationException("petition.mail.retry", String.valueOf(e.getMessage()),
          "Use a positive initial backoff, a max backoff not below it, a multiplier of at least 1 and at least"
              + " one attempt.", null);
    }
    try {
      return new MailDeliveryWorker(outbox, delivery, policy, mail.getPollInterval(), mail.getLease(),
          mail.getBatchSize(), Clock.systemUTC());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new PetitionConfigurationException("petition.mail", String.valueOf(e.getMessage()),
          "Use a positive poll-interval, lease and batch-size.", null);
    }
  }

  @Bean
  @ConditionalOnMissingBean(ConfirmationSender.class)
  public OutboxConfirmationSender petitionOutboxConfirmationSender(MailOutbox outbox, MailDeliveryWorker worker) {
    return new OutboxConfirmationSender(outbox, worker, Clock.systemUTC());
  }

  @Bean
  @ConditionalOnMissingBean(name = "petitionFailedMailCleanupTask")
  public PetitionMaintenanceTask petitionFailedMailCleanupTask(MailOutbox outbox, PetitionProperties properties) {
    return () -> outbox.deleteFailedBefore(Clock.systemUTC().instant().minus(properties.getMail().getKeepFailed()));
  }
}
