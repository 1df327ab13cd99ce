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

    assertThat(outbox.delivered(claimed.get(0).id(), claimed.get(0).lease())).isTrue();

    assertThat(outbox.backlog()).isEqualTo(new MailOutbox.Backlog(1, 0, T0.plusMillis(1)));
  }

  @ParameterizedTest
  @MethodSource("outboxes")
  void aFailedMessageWaitsForItsRetryOrIsGivenUpOn(MailOutbox outbox) {
    outbox.add(message("a@example.org"), T0);
    MailOutbox.QueuedMessage first = outbox.claimDue(T0, LEASE, 10).get(0);

    assertThat(outbox.failed(first.id(), first.lease(), T0.plusSeconds(30))).isTrue();
    assertThat(outbox.claimDue(T0.plusSeconds(29), LEASE, 10)).isEmpty();
    List<MailOutbox.QueuedMessage> again = outbox.claimDue(T0.plusSeconds(30), LEASE, 10);
    assertThat(again).hasSize(1);

    assertThat(outbox.failed(first.id(), first.lease(), null)).as("the first claim's lease is over").isFalse();
    assertThat(outbox.failed(first.id(), again.get(0).lease(), null)).isTrue();
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

  @ParameterizedTest
  @MethodSource("outboxes")
  void onlyTheLeaseHolderRenewsDeletesOrReschedulesAMessage(MailOutbox outbox) {
    outbox.add(message("a@example.org"), T0);
    MailOutbox.QueuedMessage stale = outbox.claimDue(T0, LEASE, 10).get(0);
    // The first worker stalled past its lease; a second one claims the message.
    MailOutbox.QueuedMessage current = outbox.claimDue(T0.plus(LEASE), LEASE, 10).get(0);
    assertThat(current.id()).isEqualTo(stale.id());
    assertThat(current.lease()).isNotEqualTo(stale.lease());

    assertThat(outbox.renew(stale.id(), stale.lease(), T0.plus(LEASE.multipliedBy(3)))).isFalse();
    assertThat(outbox.failed(stale.id(), stale.lease(), T0.plusSeconds(1))).isFalse();
    assertThat(outbox.delivered(stale.id(), stale.lease())).isFalse();
    assertThat(outbox.backlog().waiting()).as("the stale worker changed nothing").isOne();
    assertThat(outbox.claimDue(T0.plus(LEASE).plusSeconds(1), LEASE, 10)).as("still leased to the second").isEmpty();

    // The holder renews past the original lease end, and its lease keeps the message hidden until then.
    assertThat(outbox.renew(current.id(), current.lease(), T0.plus(LEASE.multipliedBy(3)))).isTrue();
    assertThat(outbox.claimDue(T0.plus(LEASE.multipliedBy(2)), LEASE, 10)).isEmpty();
    assertThat(outbox.delivered(current.id(), current.lease())).isTrue();
    assertThat(outbox.backlog()).isEqualTo(new MailOutbox.Backlog(0, 0, null));
  }

  @org.junit.jupiter.api.Test
  void theInMemoryOutboxIsBoundedAndSaysSoWhenFull() {
    InMemoryMailOutbox outbox = new InMemoryMailOutbox(3);
    for (int i = 0; i < 3; i++) {
      outbox.add(message(i + "@example.org"), T0);
    }
    assertThat(outbox.isFull()).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> outbox.add(message("full@example.org"), T0))
        .isInstanceOf(MailOutboxFullException.class).hasMessageContaining("3 messages")
        .hasMessageNotContaining("full@example.org");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> outbox.add(message("full@example.org"), T0))
        .isInstanceOf(MailOutboxFullException.class);
    assertThat(outbox.refusedWhenFull()).isEqualTo(2);
    assertThat(outbox.backlog().waiting()).isEqualTo(3);

    MailOutbox.QueuedMessage sent = outbox.claimDue(T0, LEASE, 1).get(0);
    outbox.delivered(sent.id(), sent.lease());
    assertThat(outbox.isFull()).isFalse();
    outbox.add(message("room@example.org"), T0);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new InMemoryMailOutbox(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outbox capacity");
  }
}
