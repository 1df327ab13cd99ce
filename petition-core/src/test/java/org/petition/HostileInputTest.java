package org.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.testing.Fixtures.person;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petition.mail.InMemoryOutbox;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

/** The abuse issue's hostile inputs: specific violations, no exception, nothing stored. */
class HostileInputTest {

  private final MutableClock clock = new MutableClock(Fixtures.START);
  private final InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();
  private Petitions petitions;

  @BeforeEach
  void setUp() {
    petitions = Fixtures.petitions(clock, outbox).build();
    petitions.register(Fixtures.seedPetition());
  }

  private SignResult.Rejected rejected(SignatureRequest request) {
    SignResult result = petitions.sign(request);
    assertThat(result).isInstanceOf(SignResult.Rejected.class);
    assertThat(outbox.size()).isZero();
    return (SignResult.Rejected) result;
  }

  @Test
  void aTenMegabyteCommentIsTooLong() {
    SignResult.Rejected rejected = rejected(person("A", "B", "a@example.org").comment("x".repeat(10 << 20)).build());
    assertThat(rejected.violations()).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("comment");
      assertThat(v.code()).isEqualTo("field.too_long");
    });
  }

  @Test
  void aCommentOfOnlyCombiningMarksIsRefused() {
    SignResult.Rejected rejected = rejected(person("A", "B", "a@example.org").comment("\u0301\u0316\u0327\u0489".repeat(50)).build());
    assertThat(rejected.violations()).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("comment");
      assertThat(v.code()).isEqualTo("field.invalid_characters");
    });
  }

  @Test
  void marksOnLettersAreFineInAnyScript() {
    assertThat(petitions.sign(person("Zoë", "Nguyễn", "z@example.org").comment("हिन्दी में समर्थन").build()))
        .isInstanceOf(SignResult.Pending.class);
  }

  @Test
  void aNameOfFiveHundredEmojiIsTooLong() {
    SignResult.Rejected rejected = rejected(person("😀".repeat(500), "B", "a@example.org").build());
    assertThat(rejected.violations()).extracting(Violation::code).containsExactly("field.too_long");
  }

  @Test
  void malformedIpStringsAreNamed() {
    for (String ip : new String[] {"1.2.3", "256.1.1.1", "::1::2", "example.com", "1.2.3.4.5", "x".repeat(10_000)}) {
      assertThat(rejected(person("A", "B", "a@example.org").ip(ip).build()).violations())
          .extracting(Violation::field, Violation::code)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("ip", "ip.invalid"));
    }
  }

  @Test
  void oneIpv6AddressInEveryNotationIsOneSourceForTheRateLimit() {
    String[] notations = {"2001:db8::1", "2001:0db8:0000:0000:0000:0000:0000:0001", "[2001:db8::1]", "2001:DB8::1",
        "2001:db8:0:0:0:0:0:1", "2001:db8::1%eth0"};
    assertThat(petitions.sign(person("First", "Signer", "first@example.org").ip(notations[0]).build()))
        .isInstanceOf(SignResult.Pending.class);
    for (int i = 1; i < notations.length; i++) {
      SignResult result = petitions.sign(person("Other", "Signer" + (char) ('a' + i), "o" + i + "@example.org")
          .ip(notations[i]).build());
      assertThat(result).as(notations[i]).isInstanceOfSatisfying(SignResult.Rejected.class,
          r -> assertThat(r.has("rate.limited")).isTrue());
    }
  }
}
