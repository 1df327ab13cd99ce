package org.petition.embed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.petition.Petition;

class EmbedCodesTest {

  @Test
  void codesLinkToThePetitionAndEscapeTheTitle() {
    Petition petition = Petition.builder("peace-now").title("Peace <now> & [forever]").build();

    EmbedCodes codes = EmbedCodes.of("https://petitions.example.org/", petition);

    assertThat(codes.directLink()).isEqualTo("https://petitions.example.org/p/peace-now");
    assertThat(codes.html())
        .isEqualTo("<a href=\"https://petitions.example.org/p/peace-now\">Peace &lt;now&gt; &amp; [forever]</a>");
    assertThat(codes.bbcodeWithoutTitle()).isEqualTo("[url]https://petitions.example.org/p/peace-now[/url]");
    assertThat(codes.bbcodeWithTitle())
        .isEqualTo("[url=https://petitions.example.org/p/peace-now]Peace <now> & (forever)[/url]");
  }
}
