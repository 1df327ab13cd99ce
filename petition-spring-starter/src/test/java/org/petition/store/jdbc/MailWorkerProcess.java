package org.petition.store.jdbc;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;
import org.petition.privacy.DataKey;
import org.petition.privacy.DataKeys;
import org.petition.privacy.PersonalDataCipher;
import org.petition.spring.mail.JavaMailDelivery;
import org.petition.spring.mail.JdbcMailOutbox;
import org.petition.spring.mail.MailDeliveryWorker;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One mail worker in a JVM of its own, for {@link PostgresMailWorkersTest} to kill with SIGKILL mid-batch:
 * {@code url user password dataKeyHex smtpPort leaseMillis batchSize}. Prints "ready", then drains the
 * outbox over and over until it is killed.
 */
public final class MailWorkerProcess {

  private MailWorkerProcess() {}

  public static void main(String[] args) throws Exception {
    MailDeliveryWorker worker = worker(args[0], args[1], args[2], HexFormat.of().parseHex(args[3]),
        Integer.parseInt(args[4]), Duration.ofMillis(Long.parseLong(args[5])), Integer.parseInt(args[6]));
    System.out.println("ready");
    System.out.flush();
    while (true) {
      worker.drain();
      Thread.sleep(50);
    }
  }

  /** A worker as the starter builds one, over a PostgreSQL outbox and an SMTP server on 127.0.0.1. */
  static MailDeliveryWorker worker(String url, String user, String password, byte[] dataKey, int smtpPort,
      Duration lease, int batchSize) {
    return MailDeliveryWorker.builder(outbox(url, user, password, dataKey), delivery(smtpPort))
        .lease(lease).batchSize(batchSize).pollInterval(Duration.ofMillis(100)).build();
  }

  static JdbcMailOutbox outbox(String url, String user, String password, byte[] dataKey) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(url);
    dataSource.setUser(user);
    dataSource.setPassword(password);
    return new JdbcMailOutbox(dataSource, PersonalDataCipher.of(DataKeys.of(new DataKey("d1", dataKey))));
  }

  static JavaMailDelivery delivery(int smtpPort) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(smtpPort);
    Properties javaMail = sender.getJavaMailProperties();
    javaMail.setProperty("mail.smtp.connectiontimeout", "5000");
    javaMail.setProperty("mail.smtp.timeout", "5000");
    javaMail.setProperty("mail.smtp.writetimeout", "5000");
    return new JavaMailDelivery(sender, "petitions@example.org", null);
  }
}
