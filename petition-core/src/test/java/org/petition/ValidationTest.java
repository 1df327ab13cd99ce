package org.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.testing.Fixtures.person;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.petition.mail.InMemoryOutbox;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

class ValidationTest {

  private final MutableClock clock = new MutableClock(Fixtures.START);
  private final InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();
  private Petitions petitions;

  @BeforeEach
  void setUp() {
    petitions = Fixtures.petitions(clock, outbox).build();
    petitions.register(Fixtures.seedPetition());
  }

  static Stream<Arguments> badInput() {
    return Stream.of(
        bad("firstName", "field.required", b -> b.firstName(null)),
        bad("firstName", "field.required", b -> b.firstName("   ")),
        bad("firstName", "field.required", b -> b.firstName("\u200B\u200B")),
        bad("firstName", "field.too_long", b -> b.firstName("a".repeat(101))),
        bad("firstName", "field.invalid_characters", b -> b.firstName("Fr\u0000ank")),
        bad("firstName", "field.invalid_characters", b -> b.firstName("Fr\u0007ank")),
        bad("lastName", "field.invalid_characters", b -> b.lastName("Cast\uD800ellano")),
        bad("firstName", "field.invalid_characters", b -> b.firstName("\u202EFrank")),
        bad("comment", "field.invalid_characters", b -> b.comment("see \u202Dmoc.evil\u202C")),
        bad("city", "field.too_long", b -> b.city("x".repeat(10_000))),
        bad("comment", "field.too_long", b -> b.comment("y".repeat(2_501))),
        bad("comment", "field.too_long", b -> b.comment("z".repeat(10 * 1024 * 1024))),
        bad("comment", "field.invalid_characters", b -> b.comment("fine\u001Bnot")),
        bad("email", "field.required", b -> b.email(null)),
        bad("email", "field.required", b -> b.email("  ")),
        bad("email", "email.invalid", b -> b.email("not-an-email")),
        bad("email", "email.invalid", b -> b.email("frank@localhost")),
        bad("email", "email.invalid", b -> b.email("frank@example.invalidtld")),
        bad("email", "email.invalid", b -> b.email("frank@@example.com")),
        // Commons Validator accepts these; RFC 5322 does not, and the rule is named
        bad("email", "email.backslash_outside_quotes", b -> b.email("fr\\ank@example.com")),
        bad("email", "email.unterminated_quote", b -> b.email("\"frank\\\"@example.com")),
        bad("email", "email.mixed_local_part", b -> b.email("\"fr\".ank@example.com")),
        bad("email", "email.invalid_domain_literal", b -> b.email("frank@[IPv6:fe80::1%a]b]")),
        bad("email", "email.unpaired_surrogate", b -> b.email("fr\uD800ank@example.com")),
        bad("email", "field.too_long", b -> b.email("a".repeat(250) + "@example.com")),
        bad("country", "country.invalid", b -> b.country("XX")),
        bad("country", "country.invalid", b -> b.country("Korea")),
        bad("phone", "phone.invalid", b -> b.phone("not a phone")),
        bad("consents", "consent.missing", b -> b.consents(java.util.Set.of("terms", "privacy"))),
        bad("ip", "ip.invalid", b -> b.ip("999.1.1.1")),
        bad("organizationName", "field.required", b -> b.organization(" ")),
        bad("petition", "petition.unknown", b -> b.petition("no-such-petition")),
        bad("petition", "petition.unknown", b -> b.petition(null)));
  }

  private static Arguments bad(String field, String code, UnaryOperator<SignatureRequest.Builder> change) {
    return Arguments.of(field, code, change);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badInput")
  void badInputIsRejectedNamingTheFieldAndTheRuleAndStoresNothing(
      String field, String code, UnaryOperator<SignatureRequest.Builder> change) {
    SignatureRequest request = change.apply(person("Frank", "Castellano", "frank@example.com")).build();

    SignResult result = petitions.sign(request);

    assertThat(result).isInstanceOfSatisfying(SignResult.Rejected.class, rejected -> {
      assertThat(rejected.violations()).anySatisfy(v -> {
        assertThat(v.field()).isEqualTo(field);
        assertThat(v.code()).isEqualTo(code);
        assertThat(v.message()).isNotBlank().doesNotContain("frank@example.com");
      });
    });
    assertThat(outbox.size()).isZero();
    assertThat(petitions.store().household("us-troops-out-of-korea", new byte[32])).isEmpty();
  }

  @Test
  void aMissingConsentNamesTheDocument() {
    SignResult result = petitions.sign(person("Frank", "C", "frank@example.com")
        .consents(java.util.Set.of("terms")).build());

    assertThat(result).isInstanceOfSatisfying(SignResult.Rejected.class, rejected -> {
      assertThat(rejected.violations()).extracting(Violation::code).containsOnly("consent.missing");
      assertThat(rejected.violations()).extracting(Violation::message)
          .anyMatch(m -> m.contains("'privacy'"))
          .anyMatch(m -> m.contains("'processing'"));
    });
  }

  @Test
  void everyBadFieldIsReportedAtOnce() {
    SignResult result = petitions.sign(SignatureRequest.builder("us-troops-out-of-korea")
        .person("", "x".repeat(500)).email("nope").country("ZZ").build());

    assertThat(result).isInstanceOfSatisfying(SignResult.Rejected.class, rejected ->
        assertThat(rejected.violations()).extracting(Violation::field)
            .contains("firstName", "lastName", "email", "country", "consents"));
  }

  @Test
  void bidiIsolatesMarksAndZeroWidthCharactersAreRemovedNotStored() {
    petitions.sign(person("\u200FFrank\u200B", "Castellano\u2066", "frank@example.com").build());

    petitions.confirm(Fixtures.confirmToken(outbox.latestTo("frank@example.com").orElseThrow()));

    assertThat(petitions.latest("us-troops-out-of-korea", null, 1).items().get(0).displayName()).isEqualTo("Frank C.");
  }

  @Test
  void internationalisedAddressesAreAccepted() {
    assertThat(petitions.sign(person("Yeong-il", "Kim", "영일@한국.kr").build()))
        .isInstanceOf(SignResult.Pending.class);
    assertThat(petitions.sign(person("Jürgen", "Müller", "jürgen@bücher.de").build()))
        .isInstanceOf(SignResult.Pending.class);
  }

  @Test
  void theCountryComesFromThePhoneWhenNotGiven() {
    petitions.sign(person("Mi", "Jeong", "mi@example.kr").country(null).phone("+82 10-1234-5678").build());

    petitions.confirm(Fixtures.confirmToken(outbox.latestTo("mi@example.kr").orElseThrow()));

    assertThat(petitions.tally("us-troops-out-of-korea").orElseThrow().country("KR").confirmed()).isEqualTo(1);
  }
}
