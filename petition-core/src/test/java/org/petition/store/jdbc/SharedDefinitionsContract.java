package org.petition.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.petition.Petition;
import org.petition.Petitions;
import org.petition.mail.InMemoryOutbox;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

/**
 * Petition definitions changed on one instance are seen by another on the same database: each {@link
 * Petitions} checks the store's definitions version at most every {@link Petitions.Builder#definitionsRefresh}.
 */
abstract class SharedDefinitionsContract {

  final MutableClock clock = new MutableClock(Fixtures.START);

  abstract DataSource dataSource();

  // One set of keys for every instance, as a deployment must have (the store refuses others).
  static final org.petition.token.Tokens TOKENS = Fixtures.tokens();
  static final byte[] IDENTITY = Fixtures.randomBytes(32);
  static final org.petition.privacy.DataKeys DATA_KEYS = Fixtures.dataKeys();

  Petitions instance(Duration refresh) {
    return instance(JdbcSignatureStore.builder(dataSource()).build(), refresh);
  }

  Petitions instance(JdbcSignatureStore store, Duration refresh) {
    return Fixtures.petitions(clock, InMemoryOutbox.ofDefaults()).tokenKeys(TOKENS).identitySecret(IDENTITY)
        .dataKeys(DATA_KEYS).store(store).definitionsRefresh(refresh).build();
  }

  /** Waits up to five seconds for {@code petitions} to see the goal. */
  static Optional<Petition> awaitGoal(Petitions petitions, String slug, long goal) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    Optional<Petition> seen = petitions.petition(slug);
    while (seen.map(Petition::goal).orElse(-1L) != goal && System.nanoTime() < deadline) {
      Thread.sleep(50);
      seen = petitions.petition(slug);
    }
    return seen;
  }

  @Test
  void aChangedClosingDateAndGoalOnOneInstanceAreSeenByTheOtherWithinFiveSeconds() throws Exception {
    Petitions one = instance(Duration.ofSeconds(1));
    Petitions two = instance(Duration.ofSeconds(1));
    String slug = "shared-" + System.nanoTime();
    one.register(Petition.builder(slug).title("Before").goal(100).build());
    assertThat(two.petition(slug)).get().extracting(Petition::goal).isEqualTo(100L); // now in two's cache

    Instant closes = Fixtures.START.plusSeconds(3600);
    one.register(Petition.builder(slug).title("After").goal(500).closesAt(closes).build());

    Optional<Petition> seen = awaitGoal(two, slug, 500);
    assertThat(seen).get().satisfies(petition -> {
      assertThat(petition.title()).isEqualTo("After");
      assertThat(petition.closesAt()).isEqualTo(closes);
    });
  }

  @Test
  void withoutAChangeNothingIsReadAgain() {
    Petitions one = instance(Duration.ZERO);
    String slug = "unchanged-" + System.nanoTime();
    one.register(Petition.builder(slug).title("Same").goal(10).build());
    one.refreshDefinitions();
    assertThat(one.refreshDefinitions()).isFalse();
    instance(Duration.ZERO).register(Petition.builder(slug).title("Changed").goal(10).build());
    assertThat(one.refreshDefinitions()).isTrue();
    assertThat(one.petition(slug)).get().extracting(Petition::title).isEqualTo("Changed");
  }
}
