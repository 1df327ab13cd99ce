package org.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.testing.Fixtures.confirmToken;
import static org.petition.testing.Fixtures.person;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.petition.check.AccessListCheck;
import org.petition.check.AccessLists;
import org.petition.check.Finding;
import org.petition.check.SurgeDetector;
import org.petition.event.PetitionEvent;
import org.petition.mail.InMemoryOutbox;
import org.petition.moderation.HeldSignature;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

/** The built-in checks at work on the seed page's signature list, through the entry point. */
class AbuseThroughTheEntryPointTest {

  private static final String SLUG = "us-troops-out-of-korea";
  private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36";
  private final MutableClock clock = new MutableClock(Fixtures.START);
  private final InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();

  private Petitions petitions(Petitions.Builder builder) {
    Petitions petitions = builder.build();
    petitions.register(Fixtures.seedPetition());
    return petitions;
  }

  private Petitions petitions() {
    return petitions(Fixtures.petitions(clock, outbox));
  }

  /** A request as a browser sends it: a user agent and a form shown 40 seconds ago. */
  private SignatureRequest.Builder human(String first, String last, String email, String ip) {
    Instant now = clock.instant();
    return person(first, last, email).ip(ip).userAgent(BROWSER).formRenderedAt(now.minusSeconds(40)).receivedAt(now);
  }

  private PublicSignature only(Petitions petitions) {
    List<PublicSignature> items = petitions.latest(SLUG, null, 10).items();
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  @Test
  void theSeedAdvertIsCountedButItsLinkIsNotPublished() {
    Petitions petitions = petitions();
    petitions.sign(human("Redactionofobektivnayag", null, "redaction@example.com.ua", "203.0.113.9")
        .comment("Our site - www.og.com.ua").affiliation("В").city("РРСРРРІСС (Chernovtchi)").build());

    petitions.confirm(confirmToken(outbox.latestTo("redaction@example.com.ua").orElseThrow()));

    PublicSignature shown = only(petitions);
    assertThat(shown.comment()).isNull();
    HeldSignature none = petitions.moderation().held(SLUG, 0, 10).stream().findFirst().orElse(null);
    assertThat(none).isNull();
  }

  @Test
  void theSeedSlurIsHeldAndItsCommentNeverPublished() {
    Petitions petitions = petitions();
    petitions.sign(human("Gi", "J", "gi@example.org", "203.0.113.10").comment("You ungrateful little gooks would be "
        + "eating cold rat meat in the dark if it were not for the USA. Just ask your cousins up north how much they "
        + "enjoy life under Kim Il Sungs twisted little spawn.").build());

    assertThat(petitions.confirm(confirmToken(outbox.latestTo("gi@example.org").orElseThrow())))
        .isInstanceOf(ConfirmResult.AwaitingReview.class);

    assertThat(petitions.tally(SLUG).orElseThrow().confirmed()).isZero();
    assertThat(petitions.moderation().held(SLUG, 0, 10)).singleElement()
        .satisfies(h -> assertThat(h.findings()).extracting(Finding::code).contains("content.abuse"));
  }

  @Test
  void legitimateSignersInEveryScriptAreCountedAndShown() {
    Petitions petitions = petitions();
    String[][] signers = {
        {"영일", "김", "팔레스타인 해방을 위하여! 평화 협정을 지지합니다.", "kim@example.kr", "KR"},
        {"Юрий", "Медведев", "Поддерживаю эту петицию. Мир Корее!", "yuri@example.ru", "RU"},
        {"محمد", "الأحمد", "أؤيد هذه العريضة من أجل السلام", "m@example.eg", "EG"},
        {"明", "王", "支持和平，反对战争。", "wang@example.cn", "CN"},
        {"Γιώργος", "Παπαδόπουλος", "Ειρήνη στην Κορέα!", "g@example.gr", "GR"},
        {"Frank", "C", "yankee go home!", "frank@example.ca", "CA"}};
    int n = 0;
    for (String[] s : signers) {
      petitions.sign(human(s[0], s[1], s[3], "198.51." + (++n) + ".7").comment(s[2]).country(s[4]).build());
      assertThat(petitions.confirm(confirmToken(outbox.latestTo(s[3]).orElseThrow())))
          .as(s[0]).isInstanceOf(ConfirmResult.Confirmed.class);
    }

    assertThat(petitions.latest(SLUG, null, 10).items()).extracting(PublicSignature::comment)
        .containsExactlyInAnyOrder(java.util.Arrays.stream(signers).map(s -> s[2]).toArray(String[]::new));
  }

  @Test
  void aFilledHoneypotIsDroppedSilently() {
    Petitions petitions = petitions();

    SignResult result = petitions.sign(human("Bot", "Bot", "bot@example.org", "203.0.113.20").honeypot("http://spam").build());

    assertThat(result).isEqualTo(SignResult.Pending.instance());
    assertThat(outbox.size()).isZero();
    assertThat(petitions.store().search(SLUG,
        org.petition.store.SignatureCriteria.builder().emailDomain("example.org").build(), 0, 10)).isEmpty();
  }

  @Test
  void aFormSubmittedTooFastIsHeld() {
    Petitions petitions = petitions();

    petitions.sign(person("Quick", "Fingers", "quick@example.org").userAgent(BROWSER).ip("203.0.113.21")
        .formRenderedAt(clock.instant().minusMillis(900)).receivedAt(clock.instant()).build());

    assertThat(petitions.moderation().held(SLUG, 0, 10)).singleElement()
        .satisfies(h -> assertThat(h.findings()).extracting(Finding::code).contains("bot.too_fast"));
  }

  @Test
  void aSecondSigningFromOneAddressWithinAMinuteIsRateLimitedWithARetryAfter() {
    Petitions petitions = petitions();
    assertThat(petitions.sign(human("Ann", "Lee", "ann@example.org", "203.0.113.30").build()))
        .isInstanceOf(SignResult.Pending.class);
    clock.advance(Duration.ofSeconds(15));

    SignResult second = petitions.sign(human("Bob", "Lee", "bob@example.org", "203.0.113.30").build());

    assertThat(second).isInstanceOfSatisfying(SignResult.Rejected.class, rejected -> {
      assertThat(rejected.has("rate.limited")).isTrue();
      assertThat(rejected.retryAfter()).isEqualTo(Duration.ofSeconds(45));
    });
    clock.advance(Duration.ofSeconds(45));
    assertThat(petitions.sign(human("Bob", "Lee", "bob@example.org", "203.0.113.30").build()))
        .isInstanceOf(SignResult.Pending.class);
  }

  @Test
  void disposableAddressesAreHeld() {
    Petitions petitions = petitions();

    petitions.sign(human("Temp", "Person", "temp@mailinator.com", "203.0.113.40").build());

    assertThat(petitions.moderation().held(SLUG, 0, 10)).singleElement()
        .satisfies(h -> assertThat(h.findings()).extracting(Finding::code).contains("email.disposable"));
  }

  @Test
  void aBlockedSourceIsDroppedSilentlyOrRefusedWhenSilentModeIsOff() {
    AccessLists lists = AccessLists.builder().blockIp("192.0.2.0/24").blockDomain("*.spam.example.com").build();
    Petitions silent = petitions(Fixtures.petitions(clock, outbox).check(AccessListCheck.of(lists)));
    assertThat(silent.sign(human("Vatican", "Signer", "v@example.org", "192.0.2.77").build()))
        .isEqualTo(SignResult.Pending.instance());
    assertThat(outbox.size()).isZero();

    Petitions loud = petitions(Fixtures.petitions(clock, outbox).check(AccessListCheck.of(lists)).silentFraud(false));
    assertThat(loud.sign(human("Vatican", "Signer", "v@x.spam.example.com", "198.51.100.1").build()))
        .isInstanceOfSatisfying(SignResult.Rejected.class, r -> assertThat(r.has("access.blocked")).isTrue());
  }

  @Test
  void aSurgeFromOneDomainIsRepublishedAsAnEvent() {
    Petitions petitions = petitions(Fixtures.petitions(clock, outbox).defaultChecks(false)
        .check(SurgeDetector.builder().clock(clock).threshold(5).build()));
    List<PetitionEvent.SurgeDetected> surges = new CopyOnWriteArrayList<>();
    petitions.events().onSurge(surges::add);

    for (int i = 0; i < 6; i++) {
      petitions.sign(person("Same", "Domain" + (char) ('a' + i), "s" + i + "@farm.example.net").build());
    }

    assertThat(surges).singleElement().satisfies(event -> {
      assertThat(event.surge().label()).isEqualTo("farm.example.net");
      assertThat(event.surge().count()).isEqualTo(5);
    });
  }
}
