package org.petition.spring.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.spring.PetitionContextRunners.assertFailure;
import static org.petition.spring.PetitionContextRunners.h2;
import static org.petition.spring.PetitionContextRunners.runner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.petition.mail.ConfirmationSender;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.MessageKind;
import org.petition.mail.OutgoingMessage;
import org.petition.spring.PetitionMaintenance;
import org.petition.spring.PurgePendingTask;
import org.petition.spring.RetentionTask;
import org.petition.store.SignatureStore;
import org.petition.store.jdbc.JdbcSignatureStore;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** {@link PetitionMailAutoConfiguration}: the outbox, the delivery worker and the sender behind them. */
class PetitionMailAutoConfigurationTests {

  private static final Instant NOW = Instant.parse("2030-05-01T12:00:00Z");

  @Test
  void withAMailSenderMessagesGoThroughTheOutbox() {
    runner().withBean(JavaMailSender.class, JavaMailSenderImpl::new).run(context -> {
      assertThat(context).getBean(ConfirmationSender.class).isInstanceOf(OutboxConfirmationSender.class);
      assertThat(context).getBean(MailOutbox.class).isInstanceOf(InMemoryMailOutbox.class);
      assertThat(context).hasSingleBean(MailDeliveryWorker.class);
      assertThat(context).doesNotHaveBean(InMemoryOutbox.class);
      // The outbox cleanup beside the purge and the retention.
      assertThat(context.getBean(PetitionMaintenance.class).tasks()).hasSize(3)
          .hasAtLeastOneElementOfType(PurgePendingTask.class).hasAtLeastOneElementOfType(RetentionTask.class);
    });
  }

  @Test
  void withAMailSenderAndADataSourceTheOutboxIsATable() {
    runner().withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig;DB_CLOSE_DELAY=-1")
        .withBean(JavaMailSender.class, JavaMailSenderImpl::new)
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).getBean(MailOutbox.class).isInstanceOf(JdbcMailOutbox.class);
          assertThat(context.getBean(MailOutbox.class).backlog().waiting()).isZero();
          assertThat(context).getBean(SignatureStore.class).isInstanceOf(JdbcSignatureStore.class);
        });
  }

  @Test
  void withoutSpringJdbcTheOutboxIsInMemoryDespiteADataSource() {
    runner().withBean(JavaMailSender.class, JavaMailSenderImpl::new)
        .withBean(DataSource.class, () -> h2("nospringjdbc"))
        .withClassLoader(new FilteredClassLoader(JdbcTemplate.class))
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).getBean(MailOutbox.class).isInstanceOf(InMemoryMailOutbox.class);
          // The signature store needs no Spring JDBC.
          assertThat(context).getBean(SignatureStore.class).isInstanceOf(JdbcSignatureStore.class);
        });
  }

  @Test
  void mailCanBeSwitchedOffAndIsOffWithoutSpringMail() {
    runner().withBean(JavaMailSender.class, JavaMailSenderImpl::new).withPropertyValues("petition.mail.enabled=false")
        .run(context -> assertThat(context).getBean(ConfirmationSender.class).isInstanceOf(InMemoryOutbox.class));
    runner().withClassLoader(new FilteredClassLoader("org.springframework.mail", "jakarta.mail"))
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).getBean(ConfirmationSender.class).isInstanceOf(InMemoryOutbox.class);
        });
  }

  @Test
  void theSenderAndTheCleanupTellTimeByTheClockBean() {
    // Two messages given up on before the context starts, so the running worker never touches them.
    MailOutbox outbox = new InMemoryMailOutbox();
    outbox.add(message("old@example.org"), NOW.minus(Duration.ofDays(2)));
    outbox.add(message("young@example.org"), NOW.minus(Duration.ofHours(2)));
    for (MailOutbox.QueuedMessage queued : outbox.claimDue(NOW, Duration.ofMinutes(1), 10)) {
      outbox.failed(queued.id(), queued.lease(), null);
    }
    runner().withBean(JavaMailSender.class, JavaMailSenderImpl::new)
        .withBean(Clock.class, () -> Clock.fixed(NOW, ZoneOffset.UTC))
        .withBean(MailOutbox.class, () -> outbox)
        .withPropertyValues("petition.mail.poll-interval=1h", "petition.mail.keep-failed=1d")
        .run(context -> {
          context.getBean(ConfirmationSender.class).send(message("queued@example.org"));
          assertThat(outbox.backlog().oldestWaiting()).isEqualTo(NOW);

          context.getBean(FailedMailCleanupTask.class).run();
          assertThat(outbox.backlog().failed()).isEqualTo(1);
        });
  }

  @Test
  void startupFailsNamingAMailSettingThatIsWrong() {
    var mail = runner().withBean(JavaMailSender.class, JavaMailSenderImpl::new);
    mail.withPropertyValues("petition.mail.poll-interval=0s")
        .run(context -> assertFailure(context, "petition.mail.poll-interval", "must be positive"));
    mail.withPropertyValues("petition.mail.lease=-1s")
        .run(context -> assertFailure(context, "petition.mail.lease", "must be positive"));
    mail.withPropertyValues("petition.mail.batch-size=0")
        .run(context -> assertFailure(context, "petition.mail.batch-size", "at least 1"));
    mail.withPropertyValues("petition.mail.keep-failed=-1d")
        .run(context -> assertFailure(context, "petition.mail.keep-failed", "must not be negative"));
    mail.withPropertyValues("petition.mail.retry.initial-backoff=0s")
        .run(context -> assertFailure(context, "petition.mail.retry.initial-backoff", "must be positive"));
    mail.withPropertyValues("petition.mail.retry.multiplier=0.5")
        .run(context -> assertFailure(context, "petition.mail.retry.multiplier", "at least 1"));
    mail.withPropertyValues("petition.mail.retry.initial-backoff=2h", "petition.mail.retry.max-backoff=1h")
        .run(context -> assertFailure(context, "petition.mail.retry.max-backoff", "not be less than"));
    mail.withPropertyValues("petition.mail.retry.max-attempts=0")
        .run(context -> assertFailure(context, "petition.mail.retry.max-attempts", "at least 1"));
  }

  @Test
  void backsOffFromTheApplicationsMailBeans() {
    MailOutbox outbox = new InMemoryMailOutbox();
    MailDelivery delivery = message -> { };
    FailedMailCleanupTask cleanup = new FailedMailCleanupTask(outbox, Duration.ofDays(1), Clock.systemUTC());
    runner().withBean(JavaMailSender.class, JavaMailSenderImpl::new)
        .withBean(MailOutbox.class, () -> outbox)
        .withBean(MailDelivery.class, () -> delivery)
        .withBean("myCleanup", FailedMailCleanupTask.class, () -> cleanup)
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(MailOutbox.class)).isSameAs(outbox);
          assertThat(context.getBean(MailDelivery.class)).isSameAs(delivery);
          assertThat(context.getBeansOfType(FailedMailCleanupTask.class)).containsOnlyKeys("myCleanup");
        });
    ConfirmationSender own = message -> { };
    runner().withBean(JavaMailSender.class, JavaMailSenderImpl::new)
        .withBean("mySender", ConfirmationSender.class, () -> own)
        .run(context -> {
          assertThat(context).doesNotHaveBean(OutboxConfirmationSender.class);
          assertThat(context.getBean(ConfirmationSender.class)).isSameAs(own);
          assertThat(context).doesNotHaveBean(InMemoryOutbox.class);
        });
  }

  private static OutgoingMessage message(String to) {
    return new OutgoingMessage(MessageKind.ALREADY_SIGNED, to, Locale.ENGLISH, "T", null, null);
  }

  @Test
  void smtpTimeoutsAreSetWhereTheApplicationLeftThemOutAndTheMemoryOutboxIsBounded() {
    runner().withBean(JavaMailSender.class, () -> {
      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.getJavaMailProperties().setProperty("mail.smtp.timeout", "2500"); // the application's own
      return sender;
    }).withPropertyValues("petition.mail.smtp-timeout=7s", "petition.mail.memory-capacity=123").run(context -> {
      context.getBean(MailDelivery.class);
      java.util.Properties javaMail = ((JavaMailSenderImpl) context.getBean(JavaMailSender.class)).getJavaMailProperties();
      assertThat(javaMail.getProperty("mail.smtp.connectiontimeout")).isEqualTo("7000");
      assertThat(javaMail.getProperty("mail.smtp.writetimeout")).isEqualTo("7000");
      assertThat(javaMail.getProperty("mail.smtps.timeout")).isEqualTo("7000");
      assertThat(javaMail.getProperty("mail.smtp.timeout")).as("kept").isEqualTo("2500");
      assertThat(((InMemoryMailOutbox) context.getBean(MailOutbox.class)).capacity()).isEqualTo(123);
    });
    runner().withBean(JavaMailSender.class, JavaMailSenderImpl::new).run(context -> assertThat(
        ((JavaMailSenderImpl) context.getBean(JavaMailSender.class)).getJavaMailProperties()
            .getProperty("mail.smtp.connectiontimeout")).isEqualTo("10000"));
  }

  @Test
  void anSmtpTimeoutNotWellBelowTheLeaseIsRefusedByName() {
    runner().withBean(JavaMailSender.class, JavaMailSenderImpl::new)
        .withPropertyValues("petition.mail.smtp-timeout=2m", "petition.mail.lease=5m")
        .run(context -> assertFailure(context, "petition.mail.smtp-timeout", "at most a quarter"));
    runner().withBean(JavaMailSender.class, JavaMailSenderImpl::new)
        .withPropertyValues("petition.mail.memory-capacity=0")
        .run(context -> assertFailure(context, "petition.mail.memory-capacity", "must be positive"));
  }
}
