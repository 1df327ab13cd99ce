package org.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.testing.Fixtures.confirmToken;
import static org.petition.testing.Fixtures.person;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.petition.check.Finding;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.MessageKind;
import org.petition.mail.OutgoingMessage;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

/** The identity rules at work through the entry point: one person, one signature. */
class OnePersonOneSignatureTest {

  private static final String SLUG = "us-troops-out-of-korea";
  private final MutableClock clock = new MutableClock(Fixtures.START);
  private final InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();

  private Petitions petitions(int perEmail) {
    Petitions petitions = Fixtures.petitions(clock, outbox).build();
    Petition seed = Fixtures.seedPetition();
    petitions.register(Petition.builder(SLUG).title(seed.title()).consent(Fixtures.TERMS).consent(Fixtures.PRIVACY)
        .consent(Fixtures.PROCESSING).signaturesPerEmail(perEmail).build());
    return petitions;
  }

  private long kinds(MessageKind kind) {
    return outbox.messages().stream().filter(m -> m.kind() == kind).count();
  }

  @Test
  void gmailDotAndPlusAliasesAreOneSigner() {
    Petitions petitions = petitions(1);

    petitions.sign(person("Frank", "Castellano", "Frank.C+petition@GMAIL.com").build());
    petitions.sign(person("Frank", "Castellano", "frankc@googlemail.com").build());
    petitions.sign(person("Frank", "Castellano", "f.r.a.n.k.c+again@gmail.com").build());
    petitions.sign(person("Frank", "Castellano", "frank.c@example.com").build());
    petitions.sign(person("Frank", "Castellano", "frankc@example.com").build());

    // Three signers; the two aliases of the first meet his pending signature: the first of them gets its link
    // again, the second nothing (1 mail a minute per address).
    assertThat(kinds(MessageKind.CONFIRM_SIGNATURE)).isEqualTo(3 + 1);
    assertThat(kinds(MessageKind.ALREADY_SIGNED)).isZero();
    assertThat(outbox.latestTo("frankc@googlemail.com").orElseThrow().kind()).isEqualTo(MessageKind.CONFIRM_SIGNATURE);
    assertThat(outbox.messagesTo("f.r.a.n.k.c+again@gmail.com")).isEmpty();
  }

  @Test
  void aThousandThreadsSigningWithAliasesOfOneGmailAddressLeaveExactlyOnePendingSignature() throws Exception {
    ConcurrentLinkedQueue<OutgoingMessage> confirmations = new ConcurrentLinkedQueue<>();
    Petitions petitions = Fixtures.petitions(clock, message -> {
      if (message.kind() == MessageKind.CONFIRM_SIGNATURE) {
        confirmations.add(message);
      }
    }).build();
    petitions.register(Fixtures.seedPetition());
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger pending = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      String local = new StringBuilder("frankcastellano").insert(1 + i % 14, '.').toString();
      String email = (i % 2 == 0 ? local : local.toUpperCase(java.util.Locale.ROOT)) + "+t" + i
          + (i % 3 == 0 ? "@googlemail.com" : "@gmail.com");
      Thread thread = new Thread(() -> {
        try {
          start.await();
          if (petitions.sign(person("Frank", "Castellano", email).build()) instanceof SignResult.Pending) {
            pending.incrementAndGet();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      thread.start();
      threads.add(thread);
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(pending.get()).isEqualTo(1_000);
    // The first signing's mail and one mail again for the 999 that met it pending (1 a minute per address),
    // both links to the one signature.
    assertThat(confirmations).hasSize(2);
    List<String> links = confirmations.stream().map(Fixtures::confirmToken).toList();
    assertThat(petitions.confirm(links.get(0))).isEqualTo(new ConfirmResult.Confirmed(1));
    assertThat(petitions.confirm(links.get(1))).isEqualTo(new ConfirmResult.AlreadyConfirmed(1));
    assertThat(petitions.tally(SLUG).orElseThrow().confirmed()).isEqualTo(1);
  }

  @Test
  void theSamePhoneSigningTwiceIsADuplicateInAnyNotation() {
    Petitions petitions = petitions(1);

    petitions.sign(person("Mi", "Jeong", "mi@example.kr").country("KR").phone("+82 10-1234-5678").build());
    petitions.sign(person("Mi", "Jeong", "other@example.kr").country("KR").phone("010-1234-5678").build());

    assertThat(kinds(MessageKind.CONFIRM_SIGNATURE)).isEqualTo(1);
    assertThat(outbox.latestTo("other@example.kr").orElseThrow().kind()).isEqualTo(MessageKind.ALREADY_SIGNED);
  }

  @Test
  void aHouseholdMayShareAnAddressWithDifferentNamesUpToTheLimit() {
    Petitions petitions = petitions(3);

    petitions.sign(person("Kim", "Yeong-il", "family@example.kr").build());
    petitions.sign(person("Kim", "Mi-jeong", "family@example.kr").build());
    petitions.sign(person("Kim", "Yeong-il", "family@example.kr").build());
    petitions.sign(person("Kim", "Jun-ho", "family@example.kr").build());
    clock.advance(java.time.Duration.ofMinutes(1)); // past the limit of 1 mail again a minute per address
    petitions.sign(person("Kim", "Seo-yeon", "family@example.kr").build());

    // Yeong-il signing again while pending gets his link again; Seo-yeon, over the household's limit, is told
    // that the address has signed.
    List<MessageKind> kinds = outbox.messagesTo("family@example.kr").stream().map(OutgoingMessage::kind).toList();
    assertThat(kinds).containsExactly(MessageKind.CONFIRM_SIGNATURE, MessageKind.CONFIRM_SIGNATURE,
        MessageKind.CONFIRM_SIGNATURE, MessageKind.CONFIRM_SIGNATURE, MessageKind.ALREADY_SIGNED);
    outbox.messagesTo("family@example.kr").stream().filter(m -> m.kind() == MessageKind.CONFIRM_SIGNATURE)
        .forEach(m -> petitions.confirm(confirmToken(m)));
    assertThat(petitions.tally(SLUG).orElseThrow().confirmed()).isEqualTo(3);
  }

  @Test
  void theStrictDefaultIsOneSignaturePerAddressWhateverTheName() {
    Petitions petitions = petitions(1);

    petitions.sign(person("Kim", "Yeong-il", "family@example.kr").build());
    petitions.sign(person("Kim", "Mi-jeong", "family@example.kr").build());

    // The address's one signature is still pending, so the second signing mails its link again: both links
    // confirm that one signature.
    assertThat(kinds(MessageKind.CONFIRM_SIGNATURE)).isEqualTo(2);
    outbox.messagesTo("family@example.kr").forEach(m -> petitions.confirm(confirmToken(m)));
    assertThat(petitions.tally(SLUG).orElseThrow().confirmed()).isEqualTo(1);
    assertThat(petitions.latest(SLUG, null, 20).items()).singleElement()
        .satisfies(s -> assertThat(s.displayName()).startsWith("Kim Y"));
  }

  @Test
  void aLookAlikeNameFromTheSameCityIsHeldForReviewNotRejected() {
    Petitions petitions = petitions(1);
    petitions.sign(person("John", "Smith", "john@example.org").city("Toronto").build());
    petitions.confirm(confirmToken(outbox.latestTo("john@example.org").orElseThrow()));

    SignResult twin = petitions.sign(person("J\u043Ehn", "Smith", "john.smith@example.net").city("toronto").build());
    petitions.confirm(confirmToken(outbox.latestTo("john.smith@example.net").orElseThrow()));
    SignResult elsewhere = petitions.sign(person("John", "Smith", "js@example.com").city("Sheffield").build());
    petitions.confirm(confirmToken(outbox.latestTo("js@example.com").orElseThrow()));

    assertThat(twin).isInstanceOf(SignResult.Pending.class);
    assertThat(elsewhere).isInstanceOf(SignResult.Pending.class);
    assertThat(petitions.tally(SLUG).orElseThrow().confirmed()).isEqualTo(2);
    assertThat(petitions.moderation().held(SLUG, 0, 10)).singleElement()
        .satisfies(h -> assertThat(h.findings()).extracting(Finding::code).contains("identity.near_duplicate"));
  }

  @Test
  void aLookAlikeNameFromTheSameNetworkIsHeldToo() {
    Petitions petitions = petitions(1);
    petitions.sign(person("Ivan", "Petrov", "ivan@example.org").ip("203.0.113.5").build());

    petitions.sign(person("Ivan", "Petrov", "ivan2@example.org").ip("203.0.113.200").build());
    petitions.sign(person("Ivan", "Petrov", "ivan3@example.org").ip("198.51.100.1").build());

    assertThat(petitions.moderation().held(SLUG, 0, 10)).hasSize(1);
  }
}
