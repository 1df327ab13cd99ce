package org.petition.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderRulesTest {

  private static ProviderRules parse(String text) {
    return ProviderRules.parse(new StringReader(text));
  }

  @Test
  void defaultsKnowTheResearchedProviders() {
    ProviderRules rules = ProviderRules.ofDefaults();
    ProviderRules.Provider gmail = rules.provider("GoogleMail.com").orElseThrow();
    assertThat(gmail)
        .isEqualTo(new ProviderRules.Provider("gmail.com", List.of("googlemail.com"), "+", ".", false));
    assertThat(rules.provider("ya.ru").orElseThrow().domain()).isEqualTo("yandex.ru");
    assertThat(rules.provider("ya.ru").orElseThrow().dotsEqualHyphens()).isTrue();
    assertThat(rules.provider("yahoo.com").orElseThrow().tagSeparators()).isEqualTo("+-");
    assertThat(rules.provider("pm.me").orElseThrow().domain()).isEqualTo("proton.me");
    assertThat(rules.provider("mac.com").orElseThrow().domain()).isEqualTo("icloud.com");
    assertThat(rules.provider("hanmail.net").orElseThrow().domain()).isEqualTo("daum.net");
    assertThat(rules.provider("naver.com").orElseThrow().tagSeparators()).isEmpty();
    assertThat(rules.provider("hotmail.com").orElseThrow().aliases()).isEmpty();
    assertThat(rules.provider("example.com")).isEmpty();
    assertThat(ProviderRules.ofDefaults()).isSameAs(rules);
  }

  @Test
  void parsesCommentsBlankLinesTabsAndUnicodeDomains() {
    ProviderRules rules =
        parse(
            "# a comment\n"
                + "\n"
                + "  Mail.Example\tpost.example   plus-tags ignore-dots # trailing comment\n"
                + "bücher.de tag-separator=- ignore=_.\r\n"
                + "dash.example dots-equal-hyphens\n");
    assertThat(rules.providers())
        .containsExactly(
            new ProviderRules.Provider("mail.example", List.of("post.example"), "+", ".", false),
            new ProviderRules.Provider("xn--bcher-kva.de", List.of(), "-", "_.", false),
            new ProviderRules.Provider("dash.example", List.of(), "", "", true));
    assertThat(rules.provider("BÜCHER.de")).contains(rules.providers().get(1));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'gmail.com wat'                               | 'line 1: unknown flag wat (known: plus-tags, tag-separator=C, ignore-dots, ignore=CHARS, dots-equal-hyphens)'",
        "'plus-tags'                                   | 'line 1: expected a domain first, found flag plus-tags'",
        "'a.example plus-tags b.example'               | 'line 1: domain b.example after a flag; domains come first'",
        "'a.example tag-separator=++'                  | 'line 1: tag-separator takes exactly one character, was ''++'''",
        "'a.example tag-separator='                    | 'line 1: tag-separator takes exactly one character, was '''''",
        "'a.example ignore='                           | 'line 1: ignore= needs at least one character'",
        "'a.example plus-tags tag-separator=+'         | 'line 1: tag separator ''+'' given twice'",
        "'a.example ignore-dots ignore=.'              | 'line 1: ignored character ''.'' given twice'",
        "'a.example tag-separator=. '                  | 'line 1: a tag separator must be ASCII punctuation other than ''.'', ''@'', ''\"'' and ''\\\\'', was ''.'''",
        "'a.example tag-separator=x'                   | 'line 1: a tag separator must be ASCII punctuation other than ''.'', ''@'', ''\"'' and ''\\\\'', was ''x'''",
        "'a.example plus-tags ignore=+'                | 'line 1: ''+'' cannot both start a tag and be ignored'",
        "'a.example tag-separator=- dots-equal-hyphens' | 'line 1: ''-'' cannot both start a tag and equal ''.'''",
        "'a.example ignore-dots dots-equal-hyphens'    | 'line 1: ''.'' cannot both be ignored and equal its counterpart'",
        "'bad_domain.example'                          | 'line 1: bad_domain.example is not a valid domain name'",
        "'a..example'                                  | 'line 1: a..example is not a valid domain name'",
        "'-a.example'                                  | 'line 1: -a.example is not a valid domain name'",
      })
  void refusesMalformedLines(String line, String message) {
    assertThatThrownBy(() -> parse(line))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void namesTheLineOfAnError() {
    assertThatThrownBy(() -> parse("# header\n\na.example plus-tags\nb.example plus_tags\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("line 4: unknown flag plus_tags");
  }

  @Test
  void refusesADomainListedTwice() {
    assertThatThrownBy(() -> parse("a.example b.example\n# x\nc.example B.example\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 3: domain b.example is already listed on line 1");
    assertThatThrownBy(() -> parse("a.example a.example\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 1: domain a.example is already listed on line 1");
  }

  @Test
  void reportsAFailingReader() {
    Reader failing =
        new Reader() {
          @Override
          public int read(char[] buffer, int offset, int length) throws IOException {
            throw new IOException("disk gone");
          }

          @Override
          public void close() {}
        };
    assertThatThrownBy(() -> ProviderRules.parse(failing))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot read email provider rules")
        .hasRootCauseMessage("disk gone");
  }

  @Test
  void ofRefusesADomainOfTwoProviders() {
    ProviderRules.Provider a = new ProviderRules.Provider("a.example", List.of("shared.example"), "+", "", false);
    ProviderRules.Provider b = new ProviderRules.Provider("b.example", List.of("shared.example"), "", "", false);
    assertThatThrownBy(() -> ProviderRules.of(List.of(a, b)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("domain shared.example belongs to two providers");
    assertThat(ProviderRules.of(List.of(a)).provider("shared.example")).contains(a);
  }

  @Test
  void providerRefusesADomainNotInAsciiLowerCase() {
    assertThatThrownBy(() -> new ProviderRules.Provider("Gmail.com", List.of(), "", "", false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a provider domain must be an ASCII lower-case host name of two labels or more, was 'Gmail.com'");
    assertThatThrownBy(() -> new ProviderRules.Provider("localhost", List.of(), "", "", false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void providerCopiesItsAliases() {
    List<String> aliases = new java.util.ArrayList<>(List.of("b.example"));
    ProviderRules.Provider provider = new ProviderRules.Provider("a.example", aliases, "", "", false);
    aliases.add("c.example");
    assertThat(provider.aliases()).containsExactly("b.example");
  }

  @Test
  void emptyRulesKnowNothing() {
    assertThat(ProviderRules.empty().providers()).isEmpty();
    assertThat(ProviderRules.empty().provider("gmail.com")).isEmpty();
  }
}
