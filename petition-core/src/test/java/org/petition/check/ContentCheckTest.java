package org.petition.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentCheckTest {

  private final ContentCheck check = ContentCheck.ofDefaults();

  private List<String> codes(String field, String text) {
    return check.checkField(field, text).stream().map(Finding::code).toList();
  }

  private Finding only(String field, String text, String code) {
    List<Finding> findings = check.checkField(field, text).stream().filter(f -> f.code().equals(code)).toList();
    assertThat(findings).as("%s in %s: %s", code, field, text).hasSize(1);
    return findings.get(0);
  }

  @Test
  void commonCommentHasNothingToSay() {
    assertThat(check.check(Inputs.person("Jong", "Suks").comment("I support this petition").build())).isEmpty();
  }

  @Test
  void seedSignature269IsSpamWithGarbledCityAndGibberishName() {
    List<Finding> findings = check.check(Inputs.person("Redactionofobektivnayag", null)
        .comment("Our site - www.og.com.ua.")
        .affiliation("В")
        .city("РРСРРРІСС (Chernovtchi)")
        .build());
    assertThat(findings).extracting(Finding::code, Finding::severity, Finding::field).contains(
        org.assertj.core.groups.Tuple.tuple("content.gibberish_name", Severity.LOW, "firstName"),
        org.assertj.core.groups.Tuple.tuple("content.mojibake", Severity.LOW, "city"),
        org.assertj.core.groups.Tuple.tuple("content.link", Severity.MEDIUM, "comment"));
    assertThat(findings).extracting(Finding::code).doesNotContain("content.abuse", "content.profanity");
    assertThat(VerdictPolicy.bySeverity().decide(findings)).isEqualTo(Verdict.ACCEPT_HIDE_COMMENT);
  }

  @Test
  void seedSignature256IsAbuse() {
    List<Finding> findings = check.check(Inputs.person("Gi", "J")
        .comment("You ungrateful little gooks would be eating cold rat meat in the dark if it were not for the"
            + " USA. Just ask your cousins up north how much they enjoy life under Kim Il Sungs twisted little"
            + " spawn.")
        .build());
    assertThat(findings).extracting(Finding::code).containsExactly("content.abuse");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.HIGH);
    assertThat(findings.get(0).explanation()).contains("g**k").doesNotContain("gook");
    assertThat(VerdictPolicy.bySeverity().decide(findings)).isEqualTo(Verdict.HOLD);
  }

  @Nested
  class Links {

    @ParameterizedTest
    @ValueSource(strings = {
        "Our site - www.og.com.ua.",
        "see example.com/x for more",
        "tinyurl.com/3yutpp22",
        "http://example.org",
        "https://bit.ly/3abc",
        "HTTPS://EXAMPLE.ORG/PATH",
        "hxxp://bad.example",
        "go to cheap-pills.xyz now",
        "visit EXAMPLE.COM now",
        "example dot com",
        "example DOT com",
        "example(dot)com",
        "example (dot) com",
        "example [.] com",
        "example[.]com",
        "example {dot} net",
        "example . com",
        "example．com",
        "example。com",
        "ｅｘａｍｐｌｅ．ｃｏｍ",
        "write to someone@example.com",
        "сайт.рф",
        "자세한 내용은 example.com에서 확인하세요",
        "news.bbc.co.uk reported it",
        "example.de",
        "shop.example.io:8080"})
    void linkInCommentIsMedium(String text) {
      Finding finding = only("comment", text, "content.link");
      assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(finding.field()).isEqualTo("comment");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "U.S. Troops Out Of Korea!",
        "e.g. the SOFA agreement",
        "i.e. now",
        "St. Louis",
        "Mr.Smith",
        "J.R.R. Tolkien",
        "3.5 million people",
        "저는 이 청원을 지지합니다.감사합니다.",
        "평화.통일.자주",
        "Dr.Who",
        "the dot com bubble",
        "I agree.It is time",
        "Washington D.C.",
        "No.1 priority",
        "version 2.0",
        "at 10.30am",
        "Ph.D. student",
        "U.S.A",
        "U.S.Army",
        "它很重要。谢谢",
        "これは大事です。ありがとう",
        "Нет войне.Мир!",
        "Ειρήνη.Τώρα",
        "שלום.עכשיו",
        "Affiliation Communist/kimilsungist",
        "a polka dot dress"})
    void sentencePunctuationIsNoLink(String text) {
      assertThat(codes("comment", text)).doesNotContain("content.link");
    }

    @ParameterizedTest
    @ValueSource(strings = {"www.og.com.ua", "bestdeals.ru", "cheap-watches.com", "example dot com",
        "me@example.com"})
    void linkInNameIsHigh(String text) {
      for (String field : List.of("firstName", "lastName", "nickname", "organizationName")) {
        Finding finding = only(field, text, "content.link_in_name");
        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
      }
    }

    @Test
    void linkInAffiliationOrCityIsMedium() {
      assertThat(only("affiliation", "www.og.com.ua", "content.link").severity()).isEqualTo(Severity.MEDIUM);
      assertThat(only("city", "Kyiv, see kyiv-deals.ua", "content.link").severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void explanationNamesTheHostButNeverAnEmailAddress() {
      assertThat(only("comment", "Our site - www.og.com.ua.", "content.link").explanation())
          .contains("www.og.com.ua");
      assertThat(only("comment", "mail jane.doe@example.org", "content.link").explanation())
          .doesNotContain("@").doesNotContain("jane");
    }
  }

  // The one finding of a listed term (slur, threat or profanity) in a comment, or null.
  private Finding termFinding(String text) {
    List<Finding> found = check.checkField("comment", text).stream()
        .filter(f -> List.of("content.abuse", "content.threat", "content.profanity").contains(f.code())).toList();
    assertThat(found).as(text).hasSizeLessThanOrEqualTo(1);
    return found.isEmpty() ? null : found.get(0);
  }

  @Nested
  class Abuse {

    @ParameterizedTest
    @ValueSource(strings = {
        "gooks",
        "gook",
        "GOOKS",
        "Gooks!",
        "g o o k s",
        "you g o o k",
        "g.o.o.k.s",
        "g-o-o-k-s",
        "g_o_o_k",
        "g. o. o. k. s.",
        "gooooks",
        "gooookkkks",
        "g00ks",
        "g00k$",
        "gööks",
        "gооks",
        "g\u0336o\u0336o\u0336k\u0336",
        "go.oks",
        "g🙂o🙂o🙂k",
        "fuck",
        "FUCKING",
        "f*ck you",
        "f u c k",
        "fuuuuuck",
        "phuck off",
        "sh1t",
        "sh!t",
        "5h1t",
        "$hit",
        "bullshit",
        "motherfuckers",
        "son of a bitch",
        "bitches",
        "@sshole",
        "kill yourself",
        "Kill   your-self",
        "kys",
        "hurensohn",
        "connard",
        "gilipollas",
        "сука",
        "хуй",
        "xуй",
        "пиздец"})
    void englishAndOtherEvasionsAreCaught(String text) {
      assertThat(termFinding(text)).as(text).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "씨발",
        "씨발놈아",
        "씨 발",
        "씨.발",
        "씨1발",
        "씨 * 발",
        "ㅆㅣㅂㅏㄹ",
        "ㅆ ㅣ ㅂ ㅏ ㄹ",
        "씨ㅂㅏㄹ",
        "시발 진짜",
        "이 시발",
        "ㅅㅂ",
        "ㅋㅋㅅㅂ",
        "병신아",
        "병 신",
        "븅신",
        "개새끼",
        "개 새 끼",
        "개.새.끼",
        "이 개새끼들아",
        "쪽바리",
        "짱깨들",
        "미친놈"})
    void koreanEvasionsAreCaught(String text) {
      assertThat(termFinding(text)).as(text).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Scunthorpe", "Essex", "Sussex", "Middlesex", "assistant", "cocktail", "grape", "analysis",
        "therapist", "Dickens", "Niger", "Nigeria", "niggle", "Fukushima", "shiitake", "Penistone",
        "Cockburn", "Hancock", "passion", "class", "assassin", "button", "classic", "scrapbook", "Shiite",
        "Kuk", "Guk", "spice", "Bastardo Umbria",
        "Kick the evil fascists and RAPISTS out of your country once and for all!",
        "the rape and murder of Yoon Geum Hee",
        "yankee go home!",
        "down to the yankee imperialism!",
        "en retard", "il pede", "el negro es un color", "хлеб и небо", "тебя", "жидкий", "бляха",
        "Fick's law", "Kike Sánchez"})
    void innocentWordsAreClean(String text) {
      assertThat(termFinding(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "도시발전을 위해", "시발점", "시발역에서", "질병신고", "김씨 발언", "보지 마세요", "자지 마", "새끼 고양이",
        "미친 듯이 좋아요", "양키 고 홈", "당뇨병 신약", "이 청원을 지지합니다"})
    void innocentKoreanIsClean(String text) {
      assertThat(termFinding(text)).isNull();
    }

    @Test
    void abuseIsReportedOnTheFieldItIsIn() {
      List<Finding> findings = check.check(Inputs.person("Fuckface", "Smith").city("Sheffield").build());
      assertThat(findings).extracting(Finding::code, Finding::field, Finding::severity)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("content.profanity", "firstName", Severity.HIGH));
      assertThat(only("nickname", "개새끼", "content.profanity").severity()).isEqualTo(Severity.HIGH);
      assertThat(only("affiliation", "Gook haters club", "content.abuse").field()).isEqualTo("affiliation");
    }

    @Test
    void customListFromReaderReplacesTheBuiltInOnes() {
      ContentCheck custom = ContentCheck.builder()
          .abuseTerms(new StringReader("# our list\nbadword\nworse phrase\n!badwords\n=나쁜말\n"))
          .build();
      assertThat(custom.checkField("comment", "what a b4dw0rd").get(0).code()).isEqualTo("content.abuse");
      assertThat(custom.checkField("comment", "a worse phrase indeed")).hasSize(1);
      assertThat(custom.checkField("comment", "badwords")).isEmpty();
      assertThat(custom.checkField("comment", "나쁜말이야")).hasSize(1);
      assertThat(custom.checkField("comment", "gooks")).isEmpty();
    }

    @Test
    void addedTermsExtendTheBuiltInOnes() {
      ContentCheck custom = ContentCheck.builder().addAbuseTerms(List.of("badword")).build();
      assertThat(custom.checkField("comment", "badword")).hasSize(1);
      assertThat(custom.checkField("comment", "gooks")).hasSize(1);
    }

    @Test
    void malformedEntriesAreRejectedWithTheirLine() {
      ContentCheck.Builder builder = ContentCheck.builder();
      assertThatThrownBy(() -> builder.abuseTerms(new StringReader("ok\nb4d\n")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("line 2")
          .hasMessageContaining("letters only");
      assertThatThrownBy(() -> builder.abuseTerms(List.of("시발*")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'*'");
      assertThatThrownBy(() -> builder.abuseTerms(List.of("=word")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'='");
      assertThatThrownBy(() -> builder.abuseTerms(List.of("mixed단어")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mix");
      assertThatThrownBy(() -> builder.abuseTerms(List.of("*")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no term");
      assertThatThrownBy(() -> builder.abuseTerms((java.io.Reader) null))
          .isInstanceOf(NullPointerException.class).hasMessageContaining("reader");
    }
  }

  @Nested
  class Scripts {

    @ParameterizedTest
    @ValueSource(strings = {
        "미군은 한반도에서 즉각 철수하라! 우리 민족끼리 평화 통일을.",
        "ㅋㅋㅋㅋㅋㅋㅋ 드디어 서명했다 ㅎㅎㅎㅎㅎㅎ ㅠㅠㅠㅠㅠㅠ",
        "Я поддерживаю эту петицию. Американские войска — домой!",
        "Підтримую! Ні війні! НІ ВІЙНІ!",
        "Подкрепям тази петиция. София",
        "أنا أؤيد هذه العريضة. السلام لكوريا",
        "我支持这个请愿。美军撤出韩国！哈哈哈哈哈哈",
        "支持朝鮮半島的和平統一。",
        "この請願を支持します。平和を！",
        "Υποστηρίζω αυτή την αίτηση. Ειρήνη τώρα.",
        "אני תומך בעצומה הזאת. שלום לקוריאה",
        "मैं इस याचिका का समर्थन करता हूँ। शांति!",
        "ฉันสนับสนุนคำร้องนี้ 555555",
        "Je soutiens cette pétition. À bas l'impérialisme, vive la Corée réunifiée !",
        "Ich unterstütze diese Petition. Größe zeigen, Frieden schaffen.",
        "Apoio esta petição. São Paulo está com a Coreia.",
        "Evet, Kore halkının yanındayız. İstanbul'dan selamlar."})
    void legitimateTextInAnyScriptPasses(String text) {
      assertThat(check.checkField("comment", text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"김민준", "Nguyễn Thị Minh Khai", "Ødegaard", "Przybylski", "Doherty", "Azer",
        "Schwarzenegger", "Oyelaran-Oyeyinka", "Chakrabarti", "Mi Jeongc", "W Annej", "Ng", "O'Brien",
        "Jean-Luc", "Александра", "Σωκράτης", "محمد", "יוסף", "राहुल", "สมชาย", "山田太郎", "さくら",
        "María José", "Björk", "Łukasz", "Krk"})
    void realNamesPass(String name) {
      assertThat(check.checkField("firstName", name)).isEmpty();
    }
  }

  @Nested
  class Shouting {

    @Test
    void mostlyCapitalLatinIsShouting() {
      Finding finding = only("comment", "YANKEES OUT OF KOREA NOW!!!", "content.shouting");
      assertThat(finding.severity()).isEqualTo(Severity.LOW);
      assertThat(codes("comment", "ЯНКИ, ВОН ИЗ КОРЕИ СЕЙЧАС ЖЕ")).contains("content.shouting");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NO WAR", "USA OUT", "U.S. Troops Out Of Korea!", "NATO and the USA must leave",
        "Koreans! Good people!! Kick the evil fascists and RAPISTS out of your country once and for all!"})
    void shortOrMixedCaseIsNoShouting(String text) {
      assertThat(codes("comment", text)).doesNotContain("content.shouting");
    }

    @Test
    void caselessScriptsNeverShout() {
      assertThat(codes("comment", "미군은 한반도에서 즉각 철수하라 미군은 한반도에서 즉각 철수하라")).isEmpty();
      assertThat(codes("comment", "美军立即撤出朝鲜半岛美军立即撤出朝鲜半岛")).isEmpty();
      assertThat(codes("comment", "على القوات الأمريكية مغادرة كوريا فورا")).isEmpty();
    }
  }

  @Nested
  class Repetition {

    @ParameterizedTest
    @ValueSource(strings = {"!!!!!!!!!!", "Sign now!!!!!!", "buy buy buy buy buy", "vote now vote now vote now vote now",
        "Nooooooooo", "🙏🙏🙏🙏🙏🙏"})
    void repeatedRunsAreLow(String text) {
      assertThat(only("comment", text, "content.repetition").severity()).isEqualTo(Severity.LOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hahahaha", "ha ha ha ha ha", "ㅋㅋㅋㅋㅋㅋㅋㅋ", "ㅎㅎㅎㅎㅎㅎ", "哈哈哈哈哈哈", "wwwwwwww",
        "5555555", "1000000 people", "wait......", "-------", "~~~~~~", "no no no", "Yes!!!"})
    void laughterNumbersAndLinesAreFine(String text) {
      assertThat(codes("comment", text)).doesNotContain("content.repetition");
    }
  }

  @Nested
  class Gibberish {

    @ParameterizedTest
    @ValueSource(strings = {"Redactionofobektivnayag", "asdfgh", "Qwerty", "zxcvbn", "ㅁㄴㅇㄹ", "Aaaaaa",
        "Xkcdrtz", "12345", "!!!"})
    void gibberishNamesAreLowOnly(String name) {
      Finding finding = only("firstName", name, "content.gibberish_name");
      assertThat(finding.severity()).isEqualTo(Severity.LOW);
      assertThat(VerdictPolicy.bySeverity().decide(check.checkField("firstName", name)))
          .isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void longCompoundsAreFineInOrganisationNames() {
      assertThat(codes("organizationName", "Bundesverfassungsgerichtsfreunde e.V.")).isEmpty();
    }
  }

  @Nested
  class NoText {

    @ParameterizedTest
    @ValueSource(strings = {"🙏", "👍👍", "\u0301\u0302\u0303", "!?", "✊🇰🇷"})
    void onlySymbolsIsLow(String text) {
      assertThat(only("comment", text, "content.no_text").severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void symbolsWithTextAreFine() {
      assertThat(codes("comment", "👍 yes")).isEmpty();
    }
  }

  @Nested
  class Mojibake {

    @Test
    void garbledCityIsLowWithTheRepairWhenExact() {
      Finding moscow = only("city", "РњРѕСЃРєРІР°", "content.mojibake");
      assertThat(moscow.severity()).isEqualTo(Severity.LOW);
      assertThat(moscow.explanation()).contains("Москва");
      assertThat(only("comment", "C'Ã©tait un Ã©tÃ© chaud", "content.mojibake").explanation())
          .contains("C'était un été chaud");
    }

    @Test
    void partialCorruptionIsFoundWithoutRepair() {
      Finding istanbul = only("city", "Эstanbul, Turkey", "content.mojibake");
      assertThat(istanbul.explanation()).contains("no exact repair");
    }
  }

  @Test
  void builderRejectsNulls() {
    assertThatThrownBy(() -> ContentCheck.builder().abuseTerms((java.util.Collection<String>) null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("entries");
    assertThatThrownBy(() -> ContentCheck.builder().abuseTerms(java.util.Arrays.asList("a", null)))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("entry 2");
    assertThatThrownBy(() -> check.checkField("email", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field must be one of");
  }
}
