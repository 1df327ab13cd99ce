package org.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petition.mail.InMemoryOutbox;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

/**
 * The legitimate signers of the seed page's "Latest Signatures" list (shared/seeds/001), plus Korean and
 * Cyrillic signers, go through the whole lifecycle and come out in the public list as they typed.
 */
class SeedSignaturesTest {

  private record Signer(String first, String last, String comment, String affiliation, String city, String country) {}

  private static final List<Signer> SIGNERS = List.of(
      new Signer("Alexandra", "F", "I support this petition", null, null, null),
      new Signer("Pino", "Stanton", "Koreans! Good people!! Kick the evil fascists out of your country once and for all!", null, null, null),
      new Signer("Johann", "Hendricks", "I support this petition", null, null, null),
      new Signer("Shiraz", "D", "Let this not be another forgotten war by imperialism against the people of Korea and against working people of the world", "London Metropolitan University", "London", "GB"),
      new Signer("W", "Annej", "I support this petition", null, null, null),
      new Signer("Anton", "P", "I support this petition", null, null, null),
      new Signer("Laurence", "W", "Long live the DPRK and juche!", "Communist/kimilsungist", "Barnstaple UK", "GB"),
      new Signer("Mi", "Jeongc", "I support this petition", null, null, "KR"),
      new Signer("Michael", "C", "I support this petition", null, null, null),
      new Signer("Philip", "F", "U.S. Troops Out Of Korea!", "People's Front", "Toronto", "CA"),
      new Signer("Daniel", "B", "I support this petition", null, null, null),
      new Signer("Jason", "S", "Yes this is so dearly needed the US miltary doesn't need bases all over the world", null, null, "US"),
      new Signer("James", "T", "Solidarity with the Korean people and their right to self-determination!", null, "Huntingdon, UK.", "GB"),
      new Signer("James", "C", "Victory to North Korea!", "CPB", "Sheffiled", "GB"),
      new Signer("Bodet", "F", "long live the DPRK", "KFA France", "Rimbach-Zell", "FR"),
      new Signer("Yuri", "M", "down to the yankee imperialism!", null, "beyrouth", "LB"),
      new Signer("Jonathan", "I", "I support this petition", null, null, null),
      new Signer("Peter", "G", "I support this petition", null, null, null),
      new Signer("Theresa", "O", "I support this petition", null, null, null),
      new Signer("Waikwong", "H", "I support this petition", null, null, null),
      new Signer("Kemal", "U", "Korea belongs to theKorean People", "Turkey Patriatic Front against Emperialism", "İstanbul, Turkey", "TR"),
      new Signer("Tiffany", "P", "I support this petition", null, null, null),
      new Signer("Michel", "W", "I support this petition", null, null, null),
      new Signer("Frank", "C", "yankee go home!", "cpcml", "toronto", "CA"),
      new Signer("Jong", "Suks", "I support this petition", null, null, "KR"),
      new Signer("영일", "김", "팔레스타인 해방을 위하여!", "재미 한인", "서울", "KR"),
      new Signer("Юрий", "Медведев", "Поддерживаю эту петицию.", null, "Черновцы", "UA"));

  private final MutableClock clock = new MutableClock(Fixtures.START);
  private final InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();
  private Petitions petitions;

  @BeforeEach
  void setUp() {
    petitions = Fixtures.petitions(clock, outbox).build();
    petitions.register(Fixtures.seedPetition());
  }

  @Test
  void theSeedSignersSignConfirmAndAppearNumberedAsTheyTyped() {
    int i = 0;
    for (Signer signer : SIGNERS) {
      String email = "signer" + (i++) + "@example.org";
      SignResult result = petitions.sign(Fixtures.person(signer.first(), signer.last(), email)
          .comment(signer.comment()).affiliation(signer.affiliation()).city(signer.city()).country(signer.country())
          .build());
      assertThat(result).as(signer.first()).isInstanceOf(SignResult.Pending.class);
      assertThat(petitions.confirm(Fixtures.confirmToken(outbox.latestTo(email).orElseThrow())))
          .isEqualTo(new ConfirmResult.Confirmed(i));
    }

    List<PublicSignature> shown = new ArrayList<>();
    String cursor = null;
    do {
      SignaturePage page = petitions.latest("us-troops-out-of-korea", cursor, 10);
      shown.addAll(page.items());
      cursor = page.next();
    } while (cursor != null);

    assertThat(shown).hasSize(SIGNERS.size());
    assertThat(shown).extracting(PublicSignature::number)
        .isSortedAccordingTo(java.util.Comparator.reverseOrder()).startsWith((long) SIGNERS.size());
    PublicSignature korean = shown.get(1);
    assertThat(korean.displayName()).isEqualTo("김○○");
    assertThat(korean.comment()).isEqualTo("팔레스타인 해방을 위하여!");
    assertThat(korean.city()).isEqualTo("서울");
    PublicSignature cyrillic = shown.get(0);
    assertThat(cyrillic.displayName()).isEqualTo("Юрий М.");
    assertThat(cyrillic.city()).isEqualTo("Черновцы");
    PublicSignature kemal = shown.stream().filter(s -> "TR".equals(s.country())).findFirst().orElseThrow();
    assertThat(kemal.city()).isEqualTo("İstanbul, Turkey");
    assertThat(kemal.displayName()).isEqualTo("Kemal U.");
    assertThat(petitions.tally("us-troops-out-of-korea").orElseThrow().confirmed()).isEqualTo(SIGNERS.size());
    assertThat(petitions.tally("us-troops-out-of-korea").orElseThrow().country("KR").confirmed()).isEqualTo(3);
  }

  @Test
  void organisationsAreListedApartFromPeople() {
    petitions.sign(SignatureRequest.builder("us-troops-out-of-korea").organization("Korea Alliance of Progressive Movements")
        .email("kapm@example.org").consent("terms", "privacy", "processing").build());
    petitions.sign(Fixtures.person("Frank", "C", "frank@example.org").build());
    outbox.messages().forEach(m -> petitions.confirm(Fixtures.confirmToken(m)));

    SignaturePage organizations = petitions.organizations("us-troops-out-of-korea", null, 10);

    assertThat(organizations.items()).singleElement().satisfies(org -> {
      assertThat(org.kind()).isEqualTo(SignerKind.ORGANIZATION);
      assertThat(org.displayName()).isEqualTo("Korea Alliance of Progressive Movements");
    });
    assertThat(petitions.latest("us-troops-out-of-korea", null, 10).items()).hasSize(2);
  }
}
