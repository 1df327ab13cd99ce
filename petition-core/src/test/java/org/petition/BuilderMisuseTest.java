package org.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.petition.mail.InMemoryOutbox;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

class BuilderMisuseTest {

  private final MutableClock clock = new MutableClock(Fixtures.START);

  @Test
  void missingPartsAreNamed() {
    assertThatThrownBy(() -> Petitions.builder().build()).hasMessageContaining("token keys must be set");
    assertThatThrownBy(() -> Petitions.builder().tokenKeys(Fixtures.tokens()).build())
        .hasMessageContaining("identity secret must be set");
    assertThatThrownBy(() -> Petitions.builder().tokenKeys(Fixtures.tokens()).identitySecret(Fixtures.randomBytes(32))
        .dataKeys(Fixtures.dataKeys()).baseUrl("https://x.example").build())
        .hasMessageContaining("confirmation sender must be set");
  }

  @Test
  void nullAndNonsenseArgumentsFailFastWithPreciseMessages() {
    Petitions.Builder builder = Petitions.builder();
    assertThatThrownBy(() -> builder.store(null)).hasMessage("store must not be null");
    assertThatThrownBy(() -> builder.clock(null)).hasMessage("clock must not be null");
    assertThatThrownBy(() -> builder.baseUrl("ftp://x.example")).hasMessageContaining("absolute http(s) URL");
    assertThatThrownBy(() -> builder.baseUrl("not a url")).hasMessageContaining("base URL");
    assertThatThrownBy(() -> builder.identitySecret(new byte[10])).hasMessageContaining("at least 32 bytes");
    assertThatThrownBy(() -> SigningLimits.builder().maxCommentLength(0))
        .hasMessage("maximum comment length must be between 1 and 1,000,000, was 0");
    assertThatThrownBy(() -> SigningLimits.builder().pendingTtl(Duration.ZERO))
        .hasMessage("pending TTL must be positive, was PT0S");
    assertThatThrownBy(() -> Petition.builder("Bad Slug!").title("T").build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Petition.builder("ok").title("T").goal("XX", 10).build())
        .hasMessageContaining("ISO 3166-1 alpha-2");
    assertThatThrownBy(() -> Petition.builder("ok").goal(-1)).hasMessage("goal must not be negative");
  }

  @Test
  void badPagingArgumentsAreRefused() {
    Petitions petitions = Fixtures.petitions(clock, InMemoryOutbox.ofDefaults()).build();
    petitions.register(Fixtures.seedPetition());

    assertThatThrownBy(() -> petitions.latest("us-troops-out-of-korea", null, 0)).hasMessageContaining("limit");
    assertThatThrownBy(() -> petitions.latest("us-troops-out-of-korea", "%%%", 10)).hasMessageContaining("cursor");
    assertThatThrownBy(() -> petitions.latest("nope", null, 0)).hasMessageContaining("limit");
  }

  @Test
  void anUnknownPetitionIsNeverAnExceptionReadsAnswerEmptyWritesARejection() {
    Petitions petitions = Fixtures.petitions(clock, InMemoryOutbox.ofDefaults()).build();
    petitions.register(Fixtures.seedPetition());

    assertThat(petitions.tally("nope")).isEmpty();
    assertThat(petitions.petition("nope")).isEmpty();
    SignaturePage page = petitions.latest("nope", null, 10);
    assertThat(page.items()).isEmpty();
    assertThat(page.next()).isNull();
    assertThat(petitions.organizations(null, null, 10).items()).isEmpty();
    SignResult signed = petitions.sign(SignatureRequest.builder("nope").person("Ann", "Lee").email("ann@example.org")
        .build());
    assertThat(signed).isInstanceOf(SignResult.Rejected.class);
    assertThat(((SignResult.Rejected) signed).violations()).extracting(Violation::field).contains("petition");
    assertThat(petitions.resend("nope", "ann@example.org", null)).isInstanceOf(SignResult.Rejected.class);
  }
}
