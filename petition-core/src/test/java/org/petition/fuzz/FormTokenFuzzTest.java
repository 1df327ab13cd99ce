package org.petition.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.petition.FormTokenLimits;
import org.petition.check.FindingCodes;
import org.petition.internal.FormTokens;
import org.petition.token.TokenKey;
import org.petition.token.Tokens;

/**
 * The form token a signing sends back ({@code "formToken"} in the JSON body or the form field): judging any text is
 * a verdict, never an exception. Only a token this server minted, for this petition, unchanged, is good; anything
 * else (forged, changed, cut, foreign) is the finding {@code bot.form_token} on the field {@code formToken}.
 */
class FormTokenFuzzTest {

  private static final Tokens TOKENS = Tokens.of(
      TokenKey.of("form", "a form token secret of thirty-two bytes at least".getBytes(StandardCharsets.UTF_8)));
  private static final FormTokens FORMS = new FormTokens(TOKENS, FormTokenLimits.ofDefaults());
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  private static final Instant RENDERED = NOW.minusSeconds(90);
  private static final String[] SLUGS = {"peace-treaty", "other-petition", "peace-treaty\n", ""};

  @FuzzTest(maxDuration = "10s")
  void anyTokenIsAVerdict(FuzzedDataProvider data) {
    String slug = data.pickValue(SLUGS);
    boolean fromGenuine = data.consumeBoolean();
    String token;
    boolean genuine = false;
    if (fromGenuine) {
      // A token minted for peace-treaty, then changed (or not) where the input says.
      byte[] bytes = Base64.getUrlDecoder().decode(FORMS.mint("peace-treaty", RENDERED));
      byte[] original = bytes.clone();
      int changes = data.consumeInt(0, 3);
      for (int i = 0; i < changes; i++) {
        bytes[data.consumeInt(0, bytes.length - 1)] ^= data.consumeByte();
      }
      if (data.consumeBoolean()) {
        bytes = Arrays.copyOf(bytes, data.consumeInt(0, bytes.length + 4));
      }
      genuine = Arrays.equals(bytes, original);
      token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    } else {
      token = data.consumeRemainingAsString();
    }

    FormTokens.Judged judged = FORMS.judge(slug, token, NOW);

    if (genuine && slug.equals("peace-treaty")) {
      assertThat(judged.findings()).as("a genuine token, used once").isEmpty();
      assertThat(judged.renderedAt()).isEqualTo(RENDERED);
    } else {
      assertThat(judged.findings()).singleElement().satisfies(finding -> {
        assertThat(finding.code()).isEqualTo(FindingCodes.BOT_FORM_TOKEN);
        assertThat(finding.field()).isEqualTo("formToken");
        assertThat(finding.fraud()).isTrue();
      });
    }
  }
}
