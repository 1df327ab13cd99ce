package org.petition.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class OutgoingMessageTest {

  private final OutgoingMessage message = new OutgoingMessage(MessageKind.CONFIRM_SIGNATURE, "frank@example.com",
      Locale.ENGLISH, "Stop <script>alert(1)</script> & \"war\"", "https://x.example/confirm?token=abc&x=<y>",
      "https://x.example/revoke?token=def");

  @Test
  void theHtmlBodyEscapesEveryValue() {
    String html = message.html();

    assertThat(html).doesNotContain("<script>").contains("Stop &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;war&quot;");
    assertThat(html).contains("href=\"https://x.example/confirm?token=abc&amp;x=&lt;y&gt;\"");
    assertThat(html).contains("href=\"https://x.example/revoke?token=def\"");
  }

  @Test
  void thePlainTextCarriesBothLinksAsIs() {
    assertThat(message.subject()).isEqualTo("Please confirm your signature: Stop <script>alert(1)</script> & \"war\"");
    assertThat(message.text()).contains("https://x.example/confirm?token=abc&x=<y>").contains("https://x.example/revoke?token=def");
  }

  @Test
  void aKoreanLocaleGetsTheKoreanTexts() {
    OutgoingMessage korean = new OutgoingMessage(MessageKind.CONFIRM_SIGNATURE, "a@example.kr", Locale.KOREAN,
        "평화 협정", "https://x.example/confirm?token=a", "https://x.example/revoke?token=b");

    assertThat(korean.subject()).isEqualTo("서명을 확인해 주세요: 평화 협정");
    assertThat(korean.text()).contains("확인").contains("https://x.example/confirm?token=a");
    assertThat(korean.html()).contains("lang=\"ko\"");
  }

  @Test
  void anUnsupportedLanguageFallsBackToEnglish() {
    OutgoingMessage french = new OutgoingMessage(MessageKind.ALREADY_SIGNED, "a@example.fr", Locale.FRENCH, "Paix",
        null, null);

    assertThat(french.subject()).isEqualTo("You have already signed: Paix");
  }

  @Test
  void everyKindRendersInEveryLanguage() {
    for (MessageKind kind : MessageKind.values()) {
      for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.KOREAN}) {
        OutgoingMessage m = new OutgoingMessage(kind, "a@example.org", locale, "T", "https://x/a", "https://x/r");
        assertThat(m.subject()).isNotBlank();
        assertThat(m.text()).isNotBlank();
        assertThat(m.html()).startsWith("<!DOCTYPE html>");
      }
    }
  }

  @Test
  void toStringShowsNeitherTheRecipientNorTheLinks() {
    assertThat(message.toString()).doesNotContain("frank@example.com").doesNotContain("token");
  }
}
