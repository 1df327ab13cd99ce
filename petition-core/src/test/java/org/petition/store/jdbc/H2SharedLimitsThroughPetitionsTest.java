package org.petition.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.testing.Fixtures.person;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.petition.Petitions;
import org.petition.SignResult;
import org.petition.check.RateLimitCheck;
import org.petition.check.SurgeDetector;
import org.petition.event.PetitionEvent;
import org.petition.mail.InMemoryOutbox;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

/**
 * A {@link Petitions} whose limits are shared in a {@link JdbcLimitStore} (H2): its rate limits and surge counts
 * make one store update per signing, not one each, and surges are still published as events.
 */
class H2SharedLimitsThroughPetitionsTest {

  private final JdbcConnectionPool pool =
      JdbcConnectionPool.create("jdbc:h2:mem:limits-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

  @AfterEach
  void dispose() {
    pool.dispose();
  }

  @Test
  void rateLimitsAndSurgeCountsMakeOneStoreUpdatePerSigningAndSurgesAreStillPublished() {
    MutableClock clock = new MutableClock(Fixtures.START);
    SharedLimitsContract.Counted limits = new SharedLimitsContract.Counted(
        JdbcLimitStore.builder(JdbcSignatureStore.builder(pool).build())
            .secret("a limit key secret of 32 bytes!!".getBytes(StandardCharsets.US_ASCII)).build());
    Petitions petitions = Fixtures.petitions(clock, InMemoryOutbox.ofDefaults()).defaultChecks(false)
        .check(RateLimitCheck.builder().clock(clock).build())
        .check(SurgeDetector.builder().clock(clock).threshold(3).build())
        .limitStore(limits)
        .silentFraud(false)
        .build();
    petitions.register(Fixtures.seedPetition());
    List<PetitionEvent.SurgeDetected> surges = new CopyOnWriteArrayList<>();
    petitions.events().onSurge(surges::add);

    for (int i = 0; i < 4; i++) {
      assertThat(petitions.sign(person("Same", "Domain" + (char) ('a' + i), "s" + i + "@farm.example.net")
          .ip("198.51." + (100 + i) + ".1").build())).isInstanceOf(SignResult.Pending.class);
      clock.advance(Duration.ofSeconds(1));
    }
    // The same address again within the minute: refused by the shared IP limit.
    assertThat(petitions.sign(person("Same", "Again", "again@farm.example.net").ip("198.51.103.1").build()))
        .isInstanceOfSatisfying(SignResult.Rejected.class, r -> assertThat(r.has("rate.limited")).isTrue());

    assertThat(surges).extracting(event -> event.surge().label()).containsExactly("farm.example.net");
    assertThat(limits.updatesTogether).hasValue(5);
    assertThat(limits.updates).hasValue(0);
  }
}
