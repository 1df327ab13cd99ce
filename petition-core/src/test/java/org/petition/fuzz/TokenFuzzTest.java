package org.petition.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.petition.token.TokenKey;
import org.petition.token.TokenPurpose;
import org.petition.token.TokenVerification;
import org.petition.token.Tokens;

/**
 * A token from a link or a request body: verifying any text is a verdict, never an exception, and only the
 * exact bytes a key of the ring signed are valid: a genuine token with any byte changed is invalid.
 */
class TokenFuzzTest {

  private static final Tokens TOKENS = Tokens.of(
      TokenKey.of("old", "an old secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8)),
      TokenKey.of("2026-11", "the signing secret, at least thirty-two bytes".getBytes(StandardCharsets.UTF_8)));
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  private static final String GENUINE = TOKENS.mint(TokenPurpose.CONFIRM, 42, "peace-treaty",
      NOW.plusSeconds(3600));
  private static final byte[] GENUINE_BYTES = Base64.getUrlDecoder().decode(GENUINE);

  @FuzzTest(maxDuration = "10s")
  void anyTextIsAVerdict(FuzzedDataProvider data) {
    TokenPurpose purpose = data.pickValue(TokenPurpose.values());
    String token = data.consumeRemainingAsString();
    TokenVerification verification = TOKENS.verify(token, purpose, NOW);
    if (!(verification instanceof TokenVerification.Invalid)) {
      assertThat(decodes(token)).as("only a signed token verifies").isEqualTo(GENUINE_BYTES);
    }
  }

  @FuzzTest(maxDuration = "10s")
  void aChangedGenuineTokenIsInvalid(FuzzedDataProvider data) {
    byte[] bytes = GENUINE_BYTES.clone();
    int changes = data.consumeInt(1, 4);
    for (int i = 0; i < changes; i++) {
      bytes[data.consumeInt(0, bytes.length - 1)] ^= data.consumeByte();
    }
    if (data.consumeBoolean()) {
      bytes = Arrays.copyOf(bytes, data.consumeInt(0, bytes.length + 8));
    }
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    TokenVerification verification = TOKENS.verify(token, TokenPurpose.CONFIRM, NOW);
    if (Arrays.equals(bytes, GENUINE_BYTES)) {
      assertThat(verification).isEqualTo(new TokenVerification.Valid(42, "peace-treaty", NOW.plusSeconds(3600)));
    } else {
      assertThat(verification).isInstanceOf(TokenVerification.Invalid.class);
    }
  }

  private static byte[] decodes(String token) {
    return Base64.getUrlDecoder().decode(token.trim());
  }
}
