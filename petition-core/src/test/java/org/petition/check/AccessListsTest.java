package org.petition.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.petition.check.LimitInputs.input;
import static org.petition.check.LimitInputs.ip;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.petition.identity.EmailCanonicalizer;

class AccessListsTest {

  @Test
  void emptyListsAllowAndBlockNothing() {
    AccessLists lists = AccessLists.empty();

    assertThat(lists.isEmpty()).isTrue();
    assertThat(lists.allows(input("203.0.113.7", "jane@example.com"))).isFalse();
    assertThat(lists.blocks(input("203.0.113.7", "jane@example.com"))).isFalse();
    assertThat(lists.blocks(input(null, "jane@example.com"))).isFalse();
  }

  @Test
  void addressesAndBlocksOfEitherFamilyAndAnyPrefix() {
    AccessLists lists = AccessLists.builder()
        .blockIp("192.0.2.1")
        .blockIp("198.51.100.0/24")
        .blockIp("100.64.0.0/10")
        .blockIp("2001:db8::/32")
        .blockIp("2001:db9::1")
        .block(Cidr.parse("2001:dba:1:2::/64"))
        .build();

    for (String blocked : List.of("192.0.2.1", "198.51.100.0", "198.51.100.255", "100.64.0.1", "100.127.255.255",
        "2001:db8::1", "2001:db8:ffff::1", "2001:db9::1", "2001:0db9:0:0:0:0:0:1", "2001:dba:1:2:ffff::",
        "::ffff:198.51.100.7")) {
      assertThat(lists.blocks(input(blocked, "jane@example.com"))).as(blocked).isTrue();
      assertThat(lists.blocksAddress(ip(blocked))).as(blocked).isTrue();
    }
    for (String free : List.of("192.0.2.2", "198.51.101.0", "100.128.0.0", "2001:db7::1", "2001:db9::2",
        "2001:dba:1:3::", "203.0.113.7")) {
      assertThat(lists.blocks(input(free, "jane@example.com"))).as(free).isFalse();
    }
    assertThat(lists.blockedAddresses()).extracting(Cidr::toString).containsExactly("192.0.2.1/32",
        "198.51.100.0/24", "100.64.0.0/10", "2001:db8::/32", "2001:db9::1/128", "2001:dba:1:2::/64");
  }

  @Test
  void manyBlocksOfOnePrefixAreFoundByBinarySearch() {
    AccessLists.Builder builder = AccessLists.builder();
    for (int i = 0; i < 1_000; i += 2) {
      builder.blockIp("10." + (i / 256) + "." + (i % 256) + ".0/24");
      builder.blockIp("2001:db8:" + Integer.toHexString(i) + "::/48");
    }
    AccessLists lists = builder.build();

    for (int i = 0; i < 1_000; i++) {
      boolean even = i % 2 == 0;
      assertThat(lists.blocksAddress(ip("10." + (i / 256) + "." + (i % 256) + ".9"))).isEqualTo(even);
      assertThat(lists.blocksAddress(ip("2001:db8:" + Integer.toHexString(i) + ":1::9"))).isEqualTo(even);
    }
  }

  @Test
  void anExactDomainMatchesOnlyItselfAndAWildcardOnlyItsSubdomains() {
    AccessLists lists = AccessLists.builder().blockDomain("spam.example").blockDomain("*.bad.example").build();

    assertThat(lists.blocks(input(null, "a@spam.example"))).isTrue();
    assertThat(lists.blocks(input(null, "a@SPAM.Example"))).isTrue();
    assertThat(lists.blocks(input(null, "a@mail.spam.example"))).isFalse();
    assertThat(lists.blocks(input(null, "a@x.bad.example"))).isTrue();
    assertThat(lists.blocks(input(null, "a@x.y.bad.example"))).isTrue();
    assertThat(lists.blocks(input(null, "a@bad.example"))).isFalse();
    assertThat(lists.blocks(input(null, "a@notbad.example"))).isFalse();
    assertThat(lists.blocks(input(null, "a@example"))).isFalse();
    assertThat(lists.blockedDomains()).containsExactly("spam.example", "*.bad.example");
  }

  @Test
  void aWildcardMayCoverATopLevelDomain() {
    AccessLists lists = AccessLists.builder().blockDomain("*.invalid").build();
    assertThat(lists.blocks(input(null, "a@anything.invalid"))).isTrue();
    assertThat(lists.blocks(input(null, "a@anything.example"))).isFalse();
  }

  @Test
  void internationalisedDomainsAreComparedInAscii() {
    AccessLists lists = AccessLists.builder().blockDomain("Bücher.de").blockDomain("*.xn--mnchen-3ya.de").build();

    assertThat(lists.blockedDomains()).containsExactly("xn--bcher-kva.de", "*.xn--mnchen-3ya.de");
    assertThat(lists.blocks(input(null, "a@bücher.de"))).isTrue();
    assertThat(lists.blocks(input(null, "a@xn--bcher-kva.de"))).isTrue();
    assertThat(lists.blocks(input(null, "a@post.münchen.de"))).isTrue();
  }

  @Test
  void aProvidersCanonicalDomainCoversItsAliases() {
    AccessLists lists = AccessLists.builder().blockDomain("gmail.com").build();
    assertThat(lists.blocks(input(null, "someone@googlemail.com"))).isTrue();
    assertThat(AccessLists.builder().blockDomain("googlemail.com").build()
        .blocks(input(null, "someone@googlemail.com"))).isTrue();
  }

  @Test
  void emailsAreComparedInCanonicalForm() {
    AccessLists lists = AccessLists.builder().blockEmail("Jane.Doe+petitions@GMAIL.com").build();

    assertThat(lists.blocks(input(null, "janedoe@gmail.com"))).isTrue();
    assertThat(lists.blocks(input(null, "j.a.n.e.d.o.e+other@googlemail.com"))).isTrue();
    assertThat(lists.blocks(input(null, "john@gmail.com"))).isFalse();
  }

  @Test
  void theCanonicalizerCanBeChosen() {
    EmailCanonicalizer keepTags = EmailCanonicalizer.builder().stripPlusTags(false).build();
    AccessLists lists = AccessLists.builder().emailCanonicalizer(keepTags).blockEmail("jane+x@example.com").build();

    assertThat(lists.blocks(input(null, "jane+x@example.com"))).isFalse(); // the input was canonicalised with tags stripped
    assertThat(lists.toBuilder().build().blocks(input(null, "jane+x@example.com"))).isFalse();
    AccessLists stripped = AccessLists.builder().blockEmail("jane+x@example.com").build();
    assertThat(stripped.blocks(input(null, "jane@example.com"))).isTrue();
  }

  @Test
  void allowListedSourcesAreAllowedUnlessAlsoBlocked() {
    AccessLists lists = AccessLists.builder()
        .allowIp("203.0.113.0/24")
        .allowDomain("*.parliament.example")
        .allowEmail("organiser@example.org")
        .blockEmail("troll@example.net")
        .build();

    assertThat(lists.allows(input("203.0.113.7", "jane@example.com"))).isTrue();
    assertThat(lists.allows(input("198.51.100.7", "mp@office.parliament.example"))).isTrue();
    assertThat(lists.allows(input(null, "Organiser@Example.org"))).isTrue();
    assertThat(lists.allows(input("198.51.100.7", "jane@example.com"))).isFalse();
    assertThat(lists.allows(input(null, "jane@example.com"))).isFalse();
    // A block always wins.
    assertThat(lists.allows(input("203.0.113.7", "troll@example.net"))).isFalse();
    assertThat(lists.blocks(input("203.0.113.7", "troll@example.net"))).isTrue();
    assertThat(lists.allowsAddress(ip("203.0.113.9"))).isTrue();
    assertThat(lists.allowedAddresses()).containsExactly(Cidr.parse("203.0.113.0/24"));
    assertThat(lists.allowedDomains()).containsExactly("*.parliament.example");
  }

  @Test
  void newListsAreBuiltFromOldOnes() {
    AccessLists first = AccessLists.builder().blockIp("192.0.2.0/24").blockDomain("spam.example")
        .blockEmail("troll@example.net").allowIp("203.0.113.7").build();

    AccessLists second = first.toBuilder().blockIp("198.51.100.0/24").build();

    assertThat(first.blocks(input("198.51.100.1", "jane@example.com"))).isFalse();
    assertThat(second.blocks(input("198.51.100.1", "jane@example.com"))).isTrue();
    assertThat(second.blocks(input("192.0.2.1", "jane@example.com"))).isTrue();
    assertThat(second.blocks(input(null, "a@spam.example"))).isTrue();
    assertThat(second.blocks(input(null, "troll@example.net"))).isTrue();
    assertThat(second.allows(input("203.0.113.7", "jane@example.com"))).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      example.com/24      | blocked IP: CIDR address is not an IPv4 or IPv6 literal: 'example.com/24'
      203.0.113.7/24      | blocked IP: CIDR has bits set after its /24 prefix: '203.0.113.7/24'; the block is 203.0.113.0/24
      203.0.113           | blocked IP must be an IP address literal or a CIDR block such as 203.0.113.0/24, was: '203.0.113'
      example.com         | blocked IP must be an IP address literal or a CIDR block such as 203.0.113.0/24, was: 'example.com'
      fe80::1%eth0        | blocked IP must be an IP address literal or a CIDR block such as 203.0.113.0/24, was: 'fe80::1%eth0'
      """)
  void malformedAddressesAreRefused(String text, String message) {
    assertThatIllegalArgumentException().isThrownBy(() -> AccessLists.builder().blockIp(text)).withMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      *                   | blocked domain must be a domain such as example.com or a wildcard such as *.example.com, was: '*'
      *.                  | blocked domain must be a domain such as example.com or a wildcard such as *.example.com, was: '*.'
      *example.com        | blocked domain must be a domain such as example.com or a wildcard such as *.example.com, was: '*example.com'
      a*.example.com      | blocked domain must be a domain such as example.com or a wildcard such as *.example.com, was: 'a*.example.com'
      *.*.example.com     | blocked domain must be a domain such as example.com or a wildcard such as *.example.com, was: '*.*.example.com'
      example             | blocked domain must be a domain such as example.com or a wildcard such as *.example.com, was: 'example'
      exa mple.com        | blocked domain must be a domain such as example.com or a wildcard such as *.example.com, was: 'exa mple.com'
      user@example.com    | blocked domain must be a domain such as example.com or a wildcard such as *.example.com, was: 'user@example.com'
      """)
  void malformedDomainsAreRefused(String text, String message) {
    assertThatIllegalArgumentException().isThrownBy(() -> AccessLists.builder().blockDomain(text)).withMessage(message);
  }

  @Test
  void everyBuilderSettingIsChecked() {
    AccessLists.Builder builder = AccessLists.builder();
    assertThatIllegalArgumentException().isThrownBy(() -> builder.allowIp("nope"))
        .withMessageStartingWith("allowed IP must be an IP address literal");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.allowDomain("nope"))
        .withMessageStartingWith("allowed domain must be a domain");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.blockEmail("no-at-sign"))
        .withMessage("blocked email must be local@domain with a valid domain");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.allowEmail("jane@"))
        .withMessage("allowed email must be local@domain with a valid domain");
    assertThatNullPointerException().isThrownBy(() -> builder.blockIp(null)).withMessage("blocked IP must not be null");
    assertThatNullPointerException().isThrownBy(() -> builder.block(null)).withMessage("blocked block must not be null");
    assertThatNullPointerException().isThrownBy(() -> builder.allowDomain(null))
        .withMessage("allowed domain must not be null");
    assertThatNullPointerException().isThrownBy(() -> builder.emailCanonicalizer(null))
        .withMessage("email canonicalizer must not be null");
  }
}
