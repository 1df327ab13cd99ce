package org.petition.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.petition.check.LimitInputs.input;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.petition.Petitions;
import org.petition.SignResult;
import org.petition.event.PetitionEvent;
import org.petition.mail.OutgoingMessage;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

class AccessListCheckTest {

  private final AccessListCheck check = AccessListCheck.of(AccessLists.builder()
      .blockIp("192.0.2.66")
      .blockIp("198.51.100.0/24")
      .blockIp("2001:db8:bad::/48")
      .blockDomain("*.spam.example")
      .blockEmail("Troll+petitions@gmail.com")
      .allowIp("203.0.113.0/24")
      .build());

  @Test
  void aBlockedAddressIsAFraudulentCriticalFindingThatNamesNoAddress() {
    for (String address : List.of("192.0.2.66", "198.51.100.7", "2001:db8:bad:1::7", "::ffff:198.51.100.9")) {
      assertThat(check.check(input(address, "jane@example.com"))).as(address).singleElement().satisfies(finding -> {
        assertThat(finding.code()).isEqualTo("access.blocked");
        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.fraud()).isTrue();
        assertThat(finding.field()).isEqualTo("request");
        assertThat(finding.retryAfter()).isNull();
        assertThat(finding.explanation()).isEqualTo("this IP address or its network is block-listed")
            .doesNotContain("192.0.2", "198.51", "2001");
      });
    }
  }

  @Test
  void aBlockedDomainIsAFraudulentFindingOnTheEmail() {
    assertThat(check.check(input("192.0.2.1", "someone@mx.spam.example"))).singleElement().satisfies(finding -> {
      assertThat(finding.code()).isEqualTo("access.blocked");
      assertThat(finding.fraud()).isTrue();
      assertThat(finding.field()).isEqualTo("email");
      assertThat(finding.explanation()).isEqualTo("this address's domain is block-listed").doesNotContain("spam");
    });
  }

  @Test
  void aBlockedEmailIsAFraudulentFindingInAnySpelling() {
    assertThat(check.check(input("192.0.2.1", "t.r.o.l.l@googlemail.com"))).singleElement().satisfies(finding -> {
      assertThat(finding.code()).isEqualTo("access.blocked");
      assertThat(finding.fraud()).isTrue();
      assertThat(finding.field()).isEqualTo("email");
      assertThat(finding.explanation()).isEqualTo("this email address is block-listed").doesNotContain("troll", "@");
    });
  }

  @Test
  void otherSigningsGiveNothingAllowedOnesIncluded() {
    assertThat(check.check(input("192.0.2.1", "jane@example.com"))).isEmpty();
    assertThat(check.check(input("203.0.113.7", "jane@example.com"))).isEmpty();
    assertThat(check.check(input(null, "jane@spam.example"))).isEmpty();
    assertThat(AccessListCheck.of(AccessLists.empty()).check(input("192.0.2.66", "troll@gmail.com"))).isEmpty();
  }

  @Test
  void petitionsDropsABlockedSigningSilently() {
    MutableClock clock = new MutableClock(Fixtures.START);
    List<OutgoingMessage> sent = new ArrayList<>();
    Petitions petitions = Fixtures.petitions(clock, sent::add).checks(java.util.List.of(check)).build();
    petitions.register(Fixtures.seedPetition());
    List<PetitionEvent.Refused> refused = new ArrayList<>();
    petitions.events().onRefused(refused::add);

    SignResult result = petitions.sign(Fixtures.person("Jane", "Doe", "jane@example.com").ip("198.51.100.7").build());

    assertThat(result).isInstanceOf(SignResult.Pending.class);
    assertThat(sent).isEmpty();
    assertThat(refused).singleElement().satisfies(event -> {
      assertThat(event.codes()).containsExactly("access.blocked");
      assertThat(event.silent()).isTrue();
    });
  }

  @Test
  void theListsAreRequired() {
    assertThatNullPointerException().isThrownBy(() -> AccessListCheck.of(null))
        .withMessage("access lists must not be null");
    AccessLists lists = AccessLists.builder().blockIp("192.0.2.1").build();
    assertThat(AccessListCheck.of(lists).lists()).isSameAs(lists);
  }
}
