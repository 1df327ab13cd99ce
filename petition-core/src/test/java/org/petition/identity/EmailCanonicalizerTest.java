package org.petition.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailCanonicalizerTest {

  private final EmailCanonicalizer canonicalizer = EmailCanonicalizer.ofDefaults();

  @ParameterizedTest(name = "[{index}] {0} vs {1}: same={2}")
  @CsvFileSource(resources = "email-pairs.csv", encoding = "UTF-8")
  void pairs(String first, String second, boolean same) {
    String a = canonicalizer.canonicalize(first);
    String b = canonicalizer.canonicalize(second);
    if (same) {
      assertThat(a).isEqualTo(b);
    } else {
      assertThat(a).isNotEqualTo(b);
    }
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource({
    "Frank.C+petition@GMAIL.com, frankc@gmail.com",
    "frank.c@googlemail.com, frankc@gmail.com",
    "user@bücher.de, user@xn--bcher-kva.de",
    "ivan.petrov+news@ya.ru, ivan-petrov@yandex.ru",
    "alice.jones@protonmail.com, alicejones@proton.me",
    "frank-news@yahoo.com, frank@yahoo.com",
    "Frank@Hanmail.net, frank@daum.net",
    "frank+news@example.com, frank@example.com",
    "+news@example.com, +news@example.com",
    "...@gmail.com, ...@gmail.com",
  })
  void canonicalForms(String email, String canonical) {
    assertThat(canonicalizer.canonicalize(email)).isEqualTo(canonical);
  }

  @Test
  void aCanonicalFormIsAFixedPoint() {
    for (String email : new String[] {"Frank.C+petition@GMAIL.com", "ivan.petrov@ya.ru", "user@BÜCHER.de"}) {
      String canonical = canonicalizer.canonicalize(email);
      assertThat(canonicalizer.canonicalize(canonical)).isEqualTo(canonical);
    }
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource({
    "frank@googlemail.com, googlemail.com",
    "user@BÜCHER.de, xn--bcher-kva.de",
    "user@Example.COM, example.com",
    "user@실례.테스트, xn--9n2bp8q.xn--9t4b11yi5a",
    "a@b@example.com, example.com",
  })
  void domainOfIsTheAsciiDomainAsWritten(String email, String domain) {
    assertThat(canonicalizer.domainOf(email)).isEqualTo(domain);
  }

  @Test
  void lowerCaseAsciiDomainsAreNotCopied() {
    String email = "frank@example.com";
    assertThat(canonicalizer.domainOf(email)).isEqualTo("example.com");
  }

  @ParameterizedTest
  @ValueSource(strings = {"frank", "@example.com", "frank@", "", "@"})
  void refusesWhatIsNotLocalAtDomainWithoutQuotingIt(String email) {
    assertThatThrownBy(() -> canonicalizer.canonicalize(email))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("email must be local@domain with a non-empty local part and domain");
    assertThatThrownBy(() -> canonicalizer.domainOf(email)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesADomainThatIsNotAnIdn() {
    String email = "frank@" + "ü".repeat(70) + ".de";
    assertThatThrownBy(() -> canonicalizer.canonicalize(email))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("email domain is not a valid internationalised domain name");
  }

  @Test
  void refusesNull() {
    assertThatThrownBy(() -> canonicalizer.canonicalize(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("email must not be null");
  }

  @Test
  void stripPlusTagsFalseKeepsEveryTag() {
    EmailCanonicalizer keeping = EmailCanonicalizer.builder().stripPlusTags(false).build();
    assertThat(keeping.canonicalize("Frank+News@Example.com")).isEqualTo("frank+news@example.com");
    assertThat(keeping.canonicalize("frank.c+news@gmail.com")).isEqualTo("frankc+news@gmail.com");
    assertThat(keeping.canonicalize("frank-news@yahoo.com")).isEqualTo("frank-news@yahoo.com");
  }

  @Test
  void keepPlusTagsForKeepsTagsAtThatDomainOnly() {
    EmailCanonicalizer keeping = EmailCanonicalizer.builder().keepPlusTagsFor("Example.COM").build();
    assertThat(keeping.canonicalize("frank+x@example.com")).isNotEqualTo(keeping.canonicalize("frank@example.com"));
    assertThat(keeping.canonicalize("frank+x@example.com")).isEqualTo("frank+x@example.com");
    assertThat(keeping.canonicalize("frank+x@example.org")).isEqualTo("frank@example.org");
  }

  @Test
  void keepPlusTagsForAProviderCoversItsAliases() {
    EmailCanonicalizer keeping = EmailCanonicalizer.builder().keepPlusTagsFor("gmail.com").build();
    assertThat(keeping.canonicalize("frank.c+x@googlemail.com")).isEqualTo("frankc+x@gmail.com");
  }

  @Test
  void keepPlusTagsForAcceptsAUnicodeDomain() {
    EmailCanonicalizer keeping = EmailCanonicalizer.builder().keepPlusTagsFor("bücher.de").build();
    assertThat(keeping.canonicalize("a+b@xn--bcher-kva.de")).isEqualTo("a+b@xn--bcher-kva.de");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "example", "exa mple.com", "-example.com", "example..com"})
  void keepPlusTagsForRefusesWhatIsNotADomain(String domain) {
    assertThatThrownBy(() -> EmailCanonicalizer.builder().keepPlusTagsFor(domain))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keepPlusTagsFor needs a valid domain name, was '" + domain + "'");
  }

  @Test
  void builderRefusesNulls() {
    assertThatThrownBy(() -> EmailCanonicalizer.builder().providerRules(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("providerRules must not be null");
    assertThatThrownBy(() -> EmailCanonicalizer.builder().keepPlusTagsFor(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("domain must not be null");
  }

  @Test
  void customProviderRulesReplaceTheDefaults() {
    ProviderRules rules =
        ProviderRules.parse(new StringReader("corp.example mail.corp.example ignore=_ tag-separator=~\n"));
    EmailCanonicalizer custom = EmailCanonicalizer.builder().providerRules(rules).build();
    assertThat(custom.canonicalize("Ann_Lee~tag@MAIL.corp.example")).isEqualTo("annlee@corp.example");
    // Gmail is unknown to these rules: dots matter again, and + still starts a tag.
    assertThat(custom.canonicalize("frank.c+x@googlemail.com")).isEqualTo("frank.c@googlemail.com");
  }

  @Test
  void emptyRulesTreatEveryDomainAlike() {
    EmailCanonicalizer plain = EmailCanonicalizer.builder().providerRules(ProviderRules.empty()).build();
    assertThat(plain.canonicalize("Frank.C-x+y@GMAIL.com")).isEqualTo("frank.c-x@gmail.com");
  }
}
