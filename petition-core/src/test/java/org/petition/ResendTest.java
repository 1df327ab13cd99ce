package org.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.petition.testing.Fixtures.confirmToken;
import static org.petition.testing.Fixtures.person;
import static org.petition.testing.Fixtures.revokeToken;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.petition.event.PetitionEvent;
import org.petition.mail.ConfirmationSender;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.MessageKind;
import org.petition.mail.OutgoingMessage;
import org.petition.store.InsertOutcome;
import org.petition.store.PetitionStoreException;
import org.petition.store.SignatureStore;
import org.petition.store.jdbc.JdbcSignatureStore;
import org.petition.store.memory.InMemorySignatureStore;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;
import org.petition.token.TokenKey;
import org.petition.token.Tokens;

/** No legitimate signer lost: a lost confirmation mail is sent again, within limits, and tells no one who signed. */
class ResendTest {

  private static final String SLUG = "us-troops-out-of-korea";
  private final MutableClock clock = new MutableClock(Fixtures.START);
  private final InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();
  private final AtomicInteger toDrop = new AtomicInteger();
  /** The outbox, less the next {@code toDrop} mails: they went to spam, or the mail worker gave up on them. */
  private final ConfirmationSender lossy = message -> {
    if (toDrop.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
      outbox.send(message);
    }
  };

  private Petitions petitions() {
    return petitions(Fixtures.petitions(clock, lossy));
  }

  private static Petitions petitions(Petitions.Builder builder) {
    Petitions petitions = builder.build();
    petitions.register(Fixtures.seedPetition());
    return petitions;
  }

  private long confirmed(Petitions petitions) {
    return petitions.tally(SLUG).orElseThrow().confirmed();
  }

  @Test
  void aSignerWhoseFirstMailWasLostSignsAgainGetsAWorkingLinkAndIsCountedOnce() {
    Petitions petitions = petitions();
    toDrop.set(1);

    assertThat(petitions.sign(person("Frank", "Castellano", "frank@example.com").build()))
        .isEqualTo(SignResult.Pending.instance());
    assertThat(outbox.messages()).isEmpty();

    clock.advance(Duration.ofHours(2));
    assertThat(petitions.sign(person("Frank", "Castellano", "frank@example.com").build()))
        .isEqualTo(SignResult.Pending.instance());

    OutgoingMessage again = outbox.latestTo("frank@example.com").orElseThrow();
    assertThat(again.kind()).isEqualTo(MessageKind.CONFIRM_SIGNATURE);
    assertThat(petitions.confirm(confirmToken(again))).isEqualTo(new ConfirmResult.Confirmed(1));
    assertThat(confirmed(petitions)).isEqualTo(1);

    clock.advance(Duration.ofMinutes(1));
    assertThat(petitions.sign(person("Frank", "Castellano", "frank@example.com").build()))
        .isEqualTo(SignResult.Pending.instance());
    OutgoingMessage counted = outbox.latestTo("frank@example.com").orElseThrow();
    assertThat(counted.kind()).isEqualTo(MessageKind.ALREADY_SIGNED);
    assertThat(counted.actionUrl()).isNull();
    assertThat(counted.text()).doesNotContain("token=");
    assertThat(confirmed(petitions)).isEqualTo(1);
    assertThat(petitions.latest(SLUG, null, 20).items()).hasSize(1);
  }

  @Test
  void theLinkSentAgainExpiresWithThePendingSignatureAndTheEarlierLinkStillWorks() {
    Petitions petitions = petitions();
    petitions.sign(person("Frank", "Castellano", "frank@example.com").build());
    OutgoingMessage first = outbox.latestTo("frank@example.com").orElseThrow();

    clock.advance(Duration.ofDays(6));
    petitions.sign(person("Frank", "Castellano", "frank@example.com").build());
    OutgoingMessage again = outbox.latestTo("frank@example.com").orElseThrow();
    assertThat(again).isNotSameAs(first);
    assertThat(again.kind()).isEqualTo(MessageKind.CONFIRM_SIGNATURE);

    clock.advance(Duration.ofDays(1)); // 7 days after signing: the signature and every link of it expire
    assertThat(petitions.confirm(confirmToken(again))).isInstanceOf(ConfirmResult.Expired.class);
    assertThat(petitions.confirm(confirmToken(first))).isInstanceOf(ConfirmResult.Expired.class);

    clock.advance(Duration.ofDays(-1).plusSeconds(-1));
    assertThat(petitions.confirm(confirmToken(first))).isEqualTo(new ConfirmResult.Confirmed(1));
    assertThat(petitions.confirm(confirmToken(again))).isEqualTo(new ConfirmResult.AlreadyConfirmed(1));
    assertThat(petitions.revoke(revokeToken(again))).isInstanceOf(RevokeResult.Revoked.class);
    assertThat(confirmed(petitions)).isZero();
  }

  @Test
  void afterAKeyRotationTheLinkSentAgainIsNewAndBothWork() {
    InMemorySignatureStore store = new InMemorySignatureStore();
    TokenKey old = TokenKey.of("k1", Fixtures.randomBytes(32));
    byte[] identity = Fixtures.randomBytes(32);
    var dataKeys = Fixtures.dataKeys();
    Petitions before = petitions(Fixtures.petitions(clock, outbox).store(store).tokenKeys(Tokens.of(old))
        .identitySecret(identity).dataKeys(dataKeys));
    before.sign(person("Frank", "Castellano", "frank@example.com").build());
    OutgoingMessage first = outbox.latestTo("frank@example.com").orElseThrow();

    Petitions after = Fixtures.petitions(clock, outbox).store(store)
        .tokenKeys(Tokens.of(old, TokenKey.of("k2", Fixtures.randomBytes(32)))).identitySecret(identity)
        .dataKeys(dataKeys).build();
    after.sign(person("Frank", "Castellano", "frank@example.com").build());
    OutgoingMessage again = outbox.latestTo("frank@example.com").orElseThrow();

    assertThat(again.actionUrl()).isNotEqualTo(first.actionUrl());
    assertThat(after.confirm(confirmToken(again))).isEqualTo(new ConfirmResult.Confirmed(1));
    assertThat(after.confirm(confirmToken(first))).isEqualTo(new ConfirmResult.AlreadyConfirmed(1));
  }

  @Test
  void resendsAreLimitedPerAddressAndTheLimitsRelease() {
    Petitions petitions = petitions();
    petitions.sign(person("Frank", "Castellano", "frank@example.com").build());
    assertThat(outbox.messagesTo("frank@example.com")).hasSize(1);

    // 1 a minute: the first resend goes at once, the next not before a minute has passed.
    assertThat(petitions.resend(SLUG, "frank@example.com", null)).isEqualTo(SignResult.Pending.instance());
    assertThat(petitions.resend(SLUG, "frank@example.com", null)).isEqualTo(SignResult.Pending.instance());
    assertThat(petitions.sign(person("Frank", "Castellano", "frank@example.com").build()))
        .isEqualTo(SignResult.Pending.instance());
    assertThat(outbox.messagesTo("frank@example.com")).hasSize(2);
    clock.advance(Duration.ofSeconds(59));
    petitions.resend(SLUG, "frank@example.com", null);
    assertThat(outbox.messagesTo("frank@example.com")).hasSize(2);
    clock.advance(Duration.ofSeconds(1));
    petitions.resend(SLUG, "frank@example.com", null);
    assertThat(outbox.messagesTo("frank@example.com")).hasSize(3);

    // 5 a day: three more, a minute apart, then none until the first leaves the day.
    for (int i = 0; i < 6; i++) {
      clock.advance(Duration.ofMinutes(1));
      petitions.sign(person("Frank", "Castellano", "frank@example.com").build());
    }
    assertThat(outbox.messagesTo("frank@example.com")).hasSize(1 + 5);
    clock.set(Fixtures.START.plus(Duration.ofDays(1)).minusMillis(1));
    petitions.resend(SLUG, "frank@example.com", null);
    assertThat(outbox.messagesTo("frank@example.com")).hasSize(6);
    clock.set(Fixtures.START.plus(Duration.ofDays(1)));
    petitions.resend(SLUG, "frank@example.com", null);
    assertThat(outbox.messagesTo("frank@example.com")).hasSize(7);
    assertThat(outbox.messagesTo("frank@example.com")).allSatisfy(m -> {
      assertThat(m.kind()).isEqualTo(MessageKind.CONFIRM_SIGNATURE);
      Class<?> expected = confirmed(petitions) == 0 ? ConfirmResult.Confirmed.class
          : ConfirmResult.AlreadyConfirmed.class;
      assertThat(petitions.confirm(confirmToken(m))).isInstanceOf(expected);
    });
    assertThat(confirmed(petitions)).isEqualTo(1);
  }

  @Test
  void limitsArePerAddressAndApplyToAlreadySignedToo() {
    Petitions petitions = petitions();
    petitions.sign(person("Frank", "Castellano", "frank@example.com").build());
    petitions.sign(person("Ann", "Other", "ann@example.com").build());
    petitions.confirm(confirmToken(outbox.latestTo("frank@example.com").orElseThrow()));

    for (int i = 0; i < 10; i++) {
      petitions.sign(person("Frank", "Castellano", "frank@example.com").build());
      petitions.resend(SLUG, "ann@example.com", null);
    }

    assertThat(outbox.messagesTo("frank@example.com")).extracting(OutgoingMessage::kind)
        .containsExactly(MessageKind.CONFIRM_SIGNATURE, MessageKind.ALREADY_SIGNED);
    assertThat(outbox.messagesTo("ann@example.com")).extracting(OutgoingMessage::kind)
        .containsExactly(MessageKind.CONFIRM_SIGNATURE, MessageKind.CONFIRM_SIGNATURE);
  }

  @Test
  void theLimitsAreConfigurableAndZeroSendsNothingAgain() {
    Petitions generous = petitions(Fixtures.petitions(clock, outbox)
        .resendLimits(ResendLimits.builder().perMinute(3).perDay(3).build()));
    generous.sign(person("Frank", "Castellano", "frank@example.com").build());
    for (int i = 0; i < 5; i++) {
      generous.resend(SLUG, "frank@example.com", null);
    }
    assertThat(outbox.messagesTo("frank@example.com")).hasSize(1 + 3);

    Petitions none = petitions(Fixtures.petitions(clock, outbox)
        .resendLimits(ResendLimits.builder().perMinute(0).perDay(0).build()));
    none.sign(person("Ann", "Other", "ann@example.com").build());
    none.sign(person("Ann", "Other", "ann@example.com").build());
    assertThat(none.resend(SLUG, "ann@example.com", null)).isEqualTo(SignResult.Pending.instance());
    assertThat(outbox.messagesTo("ann@example.com")).hasSize(1);
  }

  @Test
  void theLimitsBuilderRefusesWhatCannotBeMeant() {
    assertThat(ResendLimits.ofDefaults().perMinute()).isEqualTo(1);
    assertThat(ResendLimits.ofDefaults().perDay()).isEqualTo(5);
    assertThatThrownBy(() -> ResendLimits.builder().perMinute(-1))
        .hasMessage("resends per minute must be between 0 and 1,000, was -1");
    assertThatThrownBy(() -> ResendLimits.builder().perDay(10_001))
        .hasMessage("resends per day must be between 0 and 10,000, was 10001");
    assertThatThrownBy(() -> ResendLimits.builder().maximumKeys(0))
        .hasMessage("resend maximum keys must be at least 1, was 0");
    assertThatThrownBy(() -> ResendLimits.builder().perMinute(6).perDay(5).build())
        .hasMessage("resends per minute (6) must not exceed resends per day (5)");
    assertThatThrownBy(() -> Petitions.builder().resendLimits(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void theResendRequestAnswersAlikeForAnyAddressAndMailsOnlyThoseWhoSigned() {
    Petitions petitions = petitions();
    petitions.sign(person("Frank", "Castellano", "Frank.Castellano+petition@gmail.com").build());
    petitions.sign(person("Ann", "Counted", "ann@example.com").build());
    petitions.confirm(confirmToken(outbox.latestTo("ann@example.com").orElseThrow()));
    outbox.clear();

    assertThat(petitions.resend(SLUG, "nobody@example.com", null)).isEqualTo(SignResult.Pending.instance());
    assertThat(outbox.messages()).isEmpty();

    // The owner of the canonical address gets the link at the address typed now.
    assertThat(petitions.resend(SLUG, " frankcastellano@googlemail.com ", Locale.KOREAN))
        .isEqualTo(SignResult.Pending.instance());
    OutgoingMessage link = outbox.latestTo("frankcastellano@googlemail.com").orElseThrow();
    assertThat(link.kind()).isEqualTo(MessageKind.CONFIRM_SIGNATURE);
    assertThat(link.locale()).isEqualTo(Locale.KOREAN);
    assertThat(petitions.confirm(confirmToken(link))).isEqualTo(new ConfirmResult.Confirmed(2));

    assertThat(petitions.resend(SLUG, "ann@example.com", null)).isEqualTo(SignResult.Pending.instance());
    assertThat(outbox.latestTo("ann@example.com").orElseThrow().kind()).isEqualTo(MessageKind.ALREADY_SIGNED);
    assertThat(outbox.messages()).hasSize(2);
  }

  @Test
  void theResendRequestRejectsOnlyWhatTheRequestItselfShows() {
    Petitions petitions = petitions();

    assertThat(petitions.resend("no-such-petition", "frank@example.com", null))
        .isInstanceOfSatisfying(SignResult.Rejected.class, r -> assertThat(r.has("petition.unknown")).isTrue());
    assertThat(petitions.resend(null, "frank@example.com", null))
        .isInstanceOfSatisfying(SignResult.Rejected.class, r -> assertThat(r.has("petition.unknown")).isTrue());
    assertThat(petitions.resend(SLUG, "not an address", null)).isInstanceOfSatisfying(SignResult.Rejected.class,
        r -> assertThat(r.violations()).extracting(Violation::field, Violation::code)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("email", "email.invalid")));
    assertThat(petitions.resend(SLUG, null, null)).isInstanceOfSatisfying(SignResult.Rejected.class,
        r -> assertThat(r.violations()).extracting(Violation::code).containsExactly("field.required"));

    petitions.register(Petition.builder("closed").title("Closed").closesAt(Fixtures.START.plusSeconds(60)).build());
    clock.advance(Duration.ofHours(24).plusSeconds(60));
    assertThat(petitions.resend("closed", "frank@example.com", null))
        .isInstanceOfSatisfying(SignResult.Rejected.class, r -> assertThat(r.has("petition.closed")).isTrue());
    assertThat(outbox.messages()).isEmpty();
  }

  @Test
  void aPendingSignaturePastItsTimeThatThePurgeHasNotReachedGivesWayToTheNewSigning() {
    Petitions petitions = petitions();
    List<PetitionEvent> events = new ArrayList<>();
    petitions.events().onExpired(events::add);
    toDrop.set(1);
    petitions.sign(person("Frank", "Castellano", "frank@example.com").build());

    clock.advance(Duration.ofDays(7));
    assertThat(petitions.resend(SLUG, "frank@example.com", null)).isEqualTo(SignResult.Pending.instance());
    assertThat(outbox.messages()).isEmpty(); // its link would be dead

    petitions.sign(person("Frank", "Castellano", "frank@example.com").build());
    OutgoingMessage fresh = outbox.latestTo("frank@example.com").orElseThrow();
    assertThat(events).hasSize(1);
    assertThat(petitions.confirm(confirmToken(fresh))).isEqualTo(new ConfirmResult.Confirmed(1));
    assertThat(petitions.purgePending(10)).isZero();
    assertThat(confirmed(petitions)).isEqualTo(1);
  }

  @Test
  void inAHouseholdEachNameGetsItsOwnLinkAndNoOneElses() {
    Petitions petitions = Fixtures.petitions(clock, outbox).build();
    Petition seed = Fixtures.seedPetition();
    petitions.register(Petition.builder(SLUG).title(seed.title()).consent(Fixtures.TERMS).consent(Fixtures.PRIVACY)
        .consent(Fixtures.PROCESSING).signaturesPerEmail(2).build());
    petitions.sign(person("Kim", "Yeong-il", "family@example.kr").build());
    petitions.sign(person("Kim", "Mi-jeong", "family@example.kr").build());
    OutgoingMessage miJeong = outbox.latestTo("family@example.kr").orElseThrow();
    petitions.confirm(confirmToken(miJeong));

    petitions.sign(person("Kim", "Mi-jeong", "family@example.kr").build());
    assertThat(outbox.latestTo("family@example.kr").orElseThrow().kind()).isEqualTo(MessageKind.ALREADY_SIGNED);
    clock.advance(Duration.ofMinutes(1));
    petitions.sign(person("Kim", "Jun-ho", "family@example.kr").build());
    assertThat(outbox.latestTo("family@example.kr").orElseThrow().kind()).isEqualTo(MessageKind.ALREADY_SIGNED);
    clock.advance(Duration.ofMinutes(1));
    petitions.sign(person("Kim", "Yeong-il", "family@example.kr").build());
    OutgoingMessage yeongIl = outbox.latestTo("family@example.kr").orElseThrow();
    assertThat(yeongIl.kind()).isEqualTo(MessageKind.CONFIRM_SIGNATURE);
    assertThat(petitions.confirm(confirmToken(yeongIl))).isEqualTo(new ConfirmResult.Confirmed(2));
    assertThat(confirmed(petitions)).isEqualTo(2);
  }

  @Test
  void aSenderThatFailsOnAResendLeavesTheAnswerAndTheEarlierSignatureAlone() {
    AtomicInteger sent = new AtomicInteger();
    Petitions petitions = petitions(Fixtures.petitions(clock, message -> {
      if (sent.getAndIncrement() > 0) {
        throw new IllegalStateException("SMTP down");
      }
      outbox.send(message);
    }));
    petitions.sign(person("Frank", "Castellano", "frank@example.com").build());

    assertThat(petitions.sign(person("Frank", "Castellano", "frank@example.com").build()))
        .isEqualTo(SignResult.Pending.instance());
    assertThat(petitions.confirm(confirmToken(outbox.latestTo("frank@example.com").orElseThrow())))
        .isEqualTo(new ConfirmResult.Confirmed(1));
  }

  @Test
  void aSigningWhoseOutcomeTheStoreCouldNotKnowReachesTheSignerWhenRetried() {
    // The connection was lost in the commit of the first insert, after the row was in fact stored.
    SignatureStore memory = new InMemorySignatureStore();
    AtomicInteger inserts = new AtomicInteger();
    SignatureStore lost = (SignatureStore) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {SignatureStore.class}, (proxy, method, args) -> {
          Object result;
          try {
            result = method.invoke(memory, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
          if (method.getName().equals("insert") && result instanceof InsertOutcome.Inserted
              && inserts.getAndIncrement() == 0) {
            throw new PetitionStoreException("insert signature failed: connection lost in commit", true, null);
          }
          return result;
        });
    Petitions petitions = petitions(Fixtures.petitions(clock, outbox).store(lost));

    assertThatThrownBy(() -> petitions.sign(person("Frank", "Castellano", "frank@example.com").build()))
        .isInstanceOfSatisfying(PetitionStoreException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
    assertThat(outbox.messages()).isEmpty();

    assertThat(petitions.sign(person("Frank", "Castellano", "frank@example.com").build()))
        .isEqualTo(SignResult.Pending.instance());
    assertThat(petitions.confirm(confirmToken(outbox.latestTo("frank@example.com").orElseThrow())))
        .isEqualTo(new ConfirmResult.Confirmed(1));
    assertThat(confirmed(petitions)).isEqualTo(1);
  }

  @Test
  void theJdbcStoreNamesTheEarlierSignatureSoItsLinkIsSentAgain() {
    org.h2.jdbcx.JdbcConnectionPool pool = org.h2.jdbcx.JdbcConnectionPool.create(
        "jdbc:h2:mem:resend-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    try {
      JdbcSignatureStore store = JdbcSignatureStore.builder(pool).build();
      Petitions petitions = petitions(Fixtures.petitions(clock, lossy).store(store));
      toDrop.set(1);
      petitions.sign(person("Frank", "Castellano", "frank@example.com").build());
      petitions.sign(person("Ann", "Other", "ann@example.com").build());

      clock.advance(Duration.ofMinutes(5));
      petitions.sign(person("Frank", "Castellano", "frank@example.com").build());
      assertThat(petitions.confirm(confirmToken(outbox.latestTo("frank@example.com").orElseThrow())))
          .isEqualTo(new ConfirmResult.Confirmed(1));
      clock.advance(Duration.ofMinutes(1));
      petitions.resend(SLUG, "frank@example.com", null);
      assertThat(outbox.latestTo("frank@example.com").orElseThrow().kind()).isEqualTo(MessageKind.ALREADY_SIGNED);

      clock.advance(Duration.ofDays(7)); // Ann's signature is past its time; the purge has not run
      petitions.sign(person("Ann", "Other", "ann@example.com").build());
      assertThat(petitions.confirm(confirmToken(outbox.latestTo("ann@example.com").orElseThrow())))
          .isEqualTo(new ConfirmResult.Confirmed(2));
      assertThat(confirmed(petitions)).isEqualTo(2);
    } finally {
      pool.dispose();
    }
  }
}
