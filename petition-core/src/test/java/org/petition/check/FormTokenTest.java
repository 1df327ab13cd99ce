package org.petition.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.petition.testing.Fixtures.person;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petition.FormTokenLimits;
import org.petition.Petition;
import org.petition.Petitions;
import org.petition.SignResult;
import org.petition.event.PetitionEvent;
import org.petition.mail.InMemoryOutbox;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

/**
 * Server-signed form tokens: the fill time is measured from the render time the server signed, whatever the
 * client claims, and a missing, forged, foreign, expired or over-used token is the bot signal.
 */
class FormTokenTest {

  private final MutableClock clock = new MutableClock(Fixtures.START);
  private final InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();
  private final List<PetitionEvent.Signed> signed = new CopyOnWriteArrayList<>();
  private final List<PetitionEvent.Refused> refused = new CopyOnWriteArrayList<>();
  private Petitions petitions;
  private int signers;

  @BeforeEach
  void setUp() {
    petitions = Fixtures.petitions(clock, outbox).build();
    petitions.register(Fixtures.seedPetition());
    petitions.register(Petition.builder("second").title("Second").consent(Fixtures.TERMS).build());
    petitions.events().onSigned(signed::add);
    petitions.events().onRefused(refused::add);
  }

  /** Signs with {@code token}, answering the codes of what the checks found. */
  private List<String> signWith(String token) {
    signers++;
    SignResult result = petitions.sign(person("Ada", "Kim", "signer" + signers + "@example.org")
        .userAgent("Mozilla/5.0").formToken(token)
        .formRenderedAt(clock.instant().minus(Duration.ofHours(1))) // the client's claim: never believed
        .build());
    assertThat(result).isInstanceOf(SignResult.Pending.class);
    return signed.isEmpty() ? List.of() : signed.get(signed.size() - 1).findingCodes();
  }

  private Verdict lastVerdict() {
    return signed.get(signed.size() - 1).verdict();
  }

  @Test
  void theFillTimeIsMeasuredFromTheRenderTimeInTheToken() {
    String token = petitions.formToken("us-troops-out-of-korea");
    clock.advance(Duration.ofSeconds(1));

    assertThat(signWith(token)).containsExactly(FindingCodes.BOT_TOO_FAST);
    assertThat(lastVerdict()).isEqualTo(Verdict.HOLD);

    String slower = petitions.formToken("us-troops-out-of-korea");
    clock.advance(Duration.ofSeconds(20));
    assertThat(signWith(slower)).isEmpty();
    assertThat(lastVerdict()).isEqualTo(Verdict.ACCEPT);
  }

  @Test
  void aMissingForgedForeignOrExpiredTokenIsTheBotSignal() {
    String good = petitions.formToken("us-troops-out-of-korea");
    clock.advance(Duration.ofSeconds(30));

    assertThat(signWith("")).containsExactly(FindingCodes.BOT_FORM_TOKEN);
    assertThat(lastVerdict()).isEqualTo(Verdict.HOLD);
    char last = good.charAt(good.length() - 1);
    assertThat(signWith(good.substring(0, good.length() - 1) + (last == 'A' ? 'B' : 'A')))
        .containsExactly(FindingCodes.BOT_FORM_TOKEN);
    Petitions other = Fixtures.petitions(clock, outbox).build(); // other keys: not this server's token
    assertThat(signWith(other.formToken("us-troops-out-of-korea"))).containsExactly(FindingCodes.BOT_FORM_TOKEN);
    assertThat(signWith(petitions.formToken("second"))).as("a token of another petition")
        .containsExactly(FindingCodes.BOT_FORM_TOKEN);

    String old = petitions.formToken("us-troops-out-of-korea");
    clock.advance(Duration.ofDays(1).plusSeconds(1));
    assertThat(signWith(old)).containsExactly(FindingCodes.BOT_FORM_TOKEN);
    assertThat(signed).extracting(PetitionEvent.Signed::verdict).containsOnly(Verdict.HOLD);
  }

  @Test
  void aTokenServesThreeSigningsAndTheFourthIsAReplay() {
    String token = petitions.formToken("us-troops-out-of-korea");
    clock.advance(Duration.ofSeconds(30));
    for (int i = 0; i < 3; i++) {
      assertThat(signWith(token)).isEmpty();
    }
    assertThat(signWith(token)).containsExactly(FindingCodes.BOT_FORM_TOKEN);
    assertThat(lastVerdict()).isEqualTo(Verdict.HOLD);
  }

  @Test
  void withoutATokenTheHostsOwnCallIsNotJudgedAndItsRenderTimeStillCounts() {
    signers++;
    petitions.sign(person("Ada", "Kim", "host@example.org").userAgent("Mozilla/5.0")
        .formRenderedAt(clock.instant().minusSeconds(1)).build());
    assertThat(signed.get(0).findingCodes()).containsExactly(FindingCodes.BOT_TOO_FAST);
  }

  @Test
  void aStricterPolicyDropsTheSigningSilently() {
    Petitions strict = Fixtures.petitions(clock, outbox)
        .verdictPolicy(findings -> findings.stream().anyMatch(f -> f.code().equals(FindingCodes.BOT_FORM_TOKEN))
            ? Verdict.REJECT : VerdictPolicy.bySeverity().decide(findings))
        .formTokenLimits(FormTokenLimits.builder().maxUses(1).build()).build();
    strict.register(Fixtures.seedPetition());
    List<PetitionEvent.Refused> dropped = new CopyOnWriteArrayList<>();
    strict.events().onRefused(dropped::add);
    int mails = outbox.size();

    SignResult result = strict.sign(person("Ada", "Kim", "bot@example.org").userAgent("Mozilla/5.0").formToken("")
        .build());

    assertThat(result).isInstanceOf(SignResult.Pending.class); // answered as if accepted: the bot learns nothing
    assertThat(dropped).singleElement().satisfies(e -> {
      assertThat(e.codes()).containsExactly(FindingCodes.BOT_FORM_TOKEN);
      assertThat(e.silent()).isTrue();
    });
    assertThat(outbox.size()).isEqualTo(mails);
  }

  @Test
  void theLimitsRefuseNonsenseByName() {
    assertThatThrownBy(() -> FormTokenLimits.builder().maxUses(0)).hasMessageContaining("maxUses");
    assertThatThrownBy(() -> FormTokenLimits.builder().ttl(Duration.ofSeconds(5))).hasMessageContaining("ttl");
    assertThatThrownBy(() -> FormTokenLimits.builder().maximumTracked(10)).hasMessageContaining("maximumTracked");
    assertThatThrownBy(() -> petitions.formToken("x".repeat(151))).hasMessageContaining("150");
  }
}
