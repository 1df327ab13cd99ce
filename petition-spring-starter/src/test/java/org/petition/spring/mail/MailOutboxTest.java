package org.petition.spring.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.petition.mail.MessageKind;
import org.petition.mail.OutgoingMessage;
import org.petition.privacy.DataKey;
import org.petition.privacy.DataKeys;
import org.petition.privacy.PersonalDataCipher;
import org.springframework.jdbc.core.JdbcTemplate;

/** One contract for both outboxes: claim, lease, retry, give up, delete. */
class MailOutboxTest {

  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(5);

  static List<MailOutbox> outboxes() {
    return List.of(new InMemoryMailOutbox(), jdbc(dataSource()), inSchema(dataSource()));
  }

  static JdbcMailOutbox inSchema(JdbcDataSource dataSource) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new JdbcMailOutbox(dataSource, PersonalDataCipher.of(DataKeys.of(new DataKey("d1", key))), "petition");
  }

  static JdbcDataSource dataSource() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return dataSource;
  }

  static JdbcMailOutbox jdbc(JdbcDataSource dataSource) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new JdbcMailOutbox(dataSource, PersonalDataCipher.of(DataKeys.of(new DataKey("d1", key))));
  }

  static OutgoingMessage message(String to) {
    return new OutgoingMessage(MessageKind.CONFIRM_SIGNATURE, to, Locale.forLanguageTag("ko"), "청원 <title>",
        "https://p.example.org/confirm?token=abc", "https://p.example.org/revoke?token=def");
  }

  @ParameterizedTest
  @MethodSource("outboxes")
  void aClaimedMessageIsHiddenUntilItsLeaseEnds(MailOutbox outbox) {
    outbox.add(message("a@example.org"), T0);

    List<MailOutbox.QueuedMessage> claimed = outbox.claimDue(T0, LEASE, 10);
    assertThat(claimed).singleElement().satisfies(q -> {
      assertThat(q.message()).isEqualTo(message("a@example.org"));
      assertThat(q.attempts()).isEqualTo(1);
      assertThat(q.createdAt()).isEqualTo(T0);
    });
    assertThat(outbox.claimDue(T0.plusSeconds(1), LEASE, 10)).isEmpty();
    // The sender died: after the lease, another may take it.
    assertThat(outbox.claimDue(T0.plus(LEASE), LEASE, 10)).singleElement()
        .satisfies(q -> assertThat(q.attempts()).isEqualTo(2));
  }

  @ParameterizedTest
  @MethodSource("outboxes")
  void deliveredMessagesAreForgotten(MailOutbox outbox) {
    outbox.add(message("a@example.org"), T0);
    outbox.add(message("b@example.org"), T0.plusMillis(1));
    List<MailOutbox.QueuedMessage> claimed = outbox.claimDue(T0.plusSeconds(1), LEASE, 1);
    assertThat(claimed).hasSize(1);
    assertThat(claimed.get(0).message().recipient()).isEqualTo("a@example.org");

    outbox.delivered(claimed.get(0).id());

    assertThat(outbox.backlog()).isEqualTo(new MailOutbox.Backlog(1, 0, T0.plusMillis(1)));
  }

  @ParameterizedTest
  @MethodSource("outboxes")
  void aFailedMessageWaitsForItsRetryOrIsGivenUpOn(MailOutbox outbox) {
    outbox.add(message("a@example.org"), T0);
    long id = outbox.claimDue(T0, LEASE, 10).get(0).id();

    outbox.failed(id, T0.plusSeconds(30));
    assertThat(outbox.claimDue(T0.plusSeconds(29), LEASE, 10)).isEmpty();
    assertThat(outbox.claimDue(T0.plusSeconds(30), LEASE, 10)).hasSize(1);

    outbox.failed(id, null);
    assertThat(outbox.claimDue(T0.plus(Duration.ofDays(1)), LEASE, 10)).isEmpty();
    assertThat(outbox.backlog()).isEqualTo(new MailOutbox.Backlog(0, 1, null));
    assertThat(outbox.deleteFailedBefore(T0)).isZero();
    assertThat(outbox.deleteFailedBefore(T0.plusSeconds(1))).isEqualTo(1);
    assertThat(outbox.backlog()).isEqualTo(new MailOutbox.Backlog(0, 0, null));
  }

  @ParameterizedTest
  @MethodSource("outboxes")
  void claimsRespectTheLimitAndOrder(MailOutbox outbox) {
    for (int i = 0; i < 5; i++) {
      outbox.add(message(i + "@example.org"), T0.plusSeconds(i));
    }
    assertThat(outbox.claimDue(T0.plusSeconds(10), LEASE, 3)).extracting(q -> q.message().recipient())
        .containsExactly("0@example.org", "1@example.org", "2@example.org");
    assertThat(outbox.claimDue(T0.plusSeconds(10), LEASE, 3)).hasSize(2);
  }

  @org.junit.jupiter.api.Test
  void theTableKeepsRecipientsAndLinksSealedAndSurvivesANewInstance() {
    JdbcDataSource dataSource = dataSource();
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    DataKeys keys = DataKeys.of(new DataKey("d1", key));
    new JdbcMailOutbox(dataSource, PersonalDataCipher.of(keys)).add(message("secret-person@example.org"), T0);

    String payload = new JdbcTemplate(dataSource).queryForObject("SELECT payload FROM petition_mail_outbox",
        String.class);
    assertThat(payload).doesNotContain("secret-person").doesNotContain("token");

    JdbcMailOutbox restarted = new JdbcMailOutbox(dataSource, PersonalDataCipher.of(keys));
    assertThat(restarted.claimDue(T0, LEASE, 10)).singleElement()
        .satisfies(q -> assertThat(q.message()).isEqualTo(message("secret-person@example.org")));
  }

  @org.junit.jupiter.api.Test
  void inTheStoresSchemaUnlessTheDefaultSchemaHadTheOutboxAlready() {
    JdbcDataSource fresh = dataSource();
    inSchema(fresh).add(message("a@example.org"), T0);
    JdbcTemplate jdbc = new JdbcTemplate(fresh);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM PETITION.petition_mail_outbox", Long.class)).isOne();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'PUBLIC'",
        Long.class)).isZero();

    // Set up before there was a schema setting: the outbox stays where its queued messages are.
    JdbcDataSource earlier = dataSource();
    jdbc(earlier).add(message("b@example.org"), T0);
    JdbcMailOutbox upgraded = inSchema(earlier);
    upgraded.add(message("c@example.org"), T0);
    assertThat(new JdbcTemplate(earlier).queryForObject("SELECT COUNT(*) FROM PUBLIC.petition_mail_outbox",
        Long.class)).isEqualTo(2);
    assertThat(new JdbcTemplate(earlier).queryForObject("SELECT COUNT(*) FROM information_schema.schemata"
        + " WHERE schema_name = 'PETITION'", Long.class)).isZero();
  }

  @org.junit.jupiter.api.Test
  void aRowSealedUnderAnUnknownKeyIsClaimedWithoutAMessage() {
    JdbcDataSource dataSource = dataSource();
    jdbc(dataSource).add(message("a@example.org"), T0);

    assertThat(jdbc(dataSource).claimDue(T0, LEASE, 10)).singleElement()
        .satisfies(q -> assertThat(q.message()).isNull());
  }
}
