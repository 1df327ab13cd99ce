package org.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.petition.mail.MessageKind;
import org.petition.mail.OutgoingMessage;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

class ConcurrencyTest {

  @Test
  void eightThreadsSigningTenThousandTimesOverAThousandEmailsCountExactlyAThousand() throws Exception {
    ConcurrentLinkedQueue<OutgoingMessage> confirmations = new ConcurrentLinkedQueue<>();
    AtomicInteger alreadySigned = new AtomicInteger();
    Petitions petitions = Fixtures.petitions(new MutableClock(Fixtures.START), message -> {
      if (message.kind() == MessageKind.CONFIRM_SIGNATURE) {
        confirmations.add(message);
      } else {
        alreadySigned.incrementAndGet();
      }
    }).build();
    petitions.register(Fixtures.seedPetition());

    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> signers = new java.util.ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        int offset = thread;
        signers.add(pool.submit(() -> {
          int pending = 0;
          for (int i = 0; i < 10_000; i++) {
            int person = (i * 7 + offset * 131) % 1_000;
            SignResult result = petitions.sign(
                Fixtures.person("Signer", "Number" + person, "signer" + person + "@example.com").build());
            if (result instanceof SignResult.Pending) {
              pending++;
            }
          }
          return pending;
        }));
      }
      for (Future<Integer> signer : signers) {
        assertThat(signer.get(2, TimeUnit.MINUTES)).isEqualTo(10_000);
      }
      // Each address's first mail, and one mail again for the 79 signings that met it pending (the clock
      // stands still: 1 mail again a minute per address).
      assertThat(confirmations).hasSize(2_000);
      assertThat(alreadySigned.get()).isZero();

      List<OutgoingMessage> all = List.copyOf(confirmations);
      List<Future<?>> confirmers = new java.util.ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        int offset = thread;
        confirmers.add(pool.submit(() -> {
          // Every thread follows every link, so each link is followed eight times concurrently.
          for (int i = 0; i < all.size(); i++) {
            petitions.confirm(Fixtures.confirmToken(all.get((i + offset * 125) % all.size())));
          }
        }));
      }
      for (Future<?> confirmer : confirmers) {
        confirmer.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    Tally tally = petitions.tally("us-troops-out-of-korea").orElseThrow();
    assertThat(tally.confirmed()).isEqualTo(1_000);
    assertThat(tally.country("US").confirmed()).isEqualTo(1_000);
    SignaturePage page = petitions.latest("us-troops-out-of-korea", null, 100);
    long distinctNumbers = java.util.stream.Stream.iterate(page, p -> p != null,
            p -> p.next() == null ? null : petitions.latest("us-troops-out-of-korea", p.next(), 100))
        .flatMap(p -> p.items().stream()).map(PublicSignature::number).distinct().count();
    assertThat(distinctNumbers).isEqualTo(1_000);
  }
}
