package org.petition.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.petition.testing.Fixtures;

class TokensTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private final TokenKey key1 = TokenKey.of("k1", Fixtures.randomBytes(32));
  private final TokenKey key2 = TokenKey.of("k2", Fixtures.randomBytes(48));

  @Test
  void aMintedTokenVerifies() {
    Tokens tokens = Tokens.of(key1);
    String token = tokens.mint(TokenPurpose.CONFIRM, 42, "my-petition", NOW.plusSeconds(60));

    assertThat(token).matches("[A-Za-z0-9_-]+");
    assertThat(tokens.verify(token, TokenPurpose.CONFIRM, NOW))
        .isEqualTo(new TokenVerification.Valid(42, "my-petition", NOW.plusSeconds(60)));
  }

  @Test
  void everyFlippedBitIsInvalid() {
    Tokens tokens = Tokens.of(key1);
    byte[] raw = Base64.getUrlDecoder().decode(tokens.mint(TokenPurpose.CONFIRM, 42, "p", NOW.plusSeconds(60)));
    for (int i = 0; i < raw.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] tampered = raw.clone();
        tampered[i] ^= (byte) (1 << bit);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
        assertThat(tokens.verify(token, TokenPurpose.CONFIRM, NOW)).as("byte %d bit %d", i, bit)
            .isInstanceOf(TokenVerification.Invalid.class);
      }
    }
  }

  @Test
  void aTokenHasOneSpellingEveryOtherCharacterAtAnyPlaceIsInvalid() {
    Tokens tokens = Tokens.of(key1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    // scopes of three lengths so the text ends with 0, 2 and 4 spare bits in its last character
    for (String scope : new String[] {"p", "pq", "pqr"}) {
      String token = tokens.mint(TokenPurpose.CONFIRM, 42, scope, NOW.plusSeconds(60));
      for (int i = 0; i < token.length(); i++) {
        for (char c : alphabet.toCharArray()) {
          if (c == token.charAt(i)) {
            continue;
          }
          String other = token.substring(0, i) + c + token.substring(i + 1);
          assertThat(tokens.verify(other, TokenPurpose.CONFIRM, NOW)).as("%s at %d of %s", c, i, token)
              .isInstanceOf(TokenVerification.Invalid.class);
        }
      }
      assertThat(tokens.verify(token + "=", TokenPurpose.CONFIRM, NOW)).as("padded")
          .isInstanceOf(TokenVerification.Invalid.class);
    }
  }

  @Test
  void aTokenOfAnotherPurposeIsInvalid() {
    Tokens tokens = Tokens.of(key1);
    String revoke = tokens.mint(TokenPurpose.REVOKE, 42, "p", NOW.plusSeconds(60));

    assertThat(tokens.verify(revoke, TokenPurpose.CONFIRM, NOW)).isInstanceOf(TokenVerification.Invalid.class);
  }

  @Test
  void pastItsExpiryATokenIsExpired() {
    Tokens tokens = Tokens.of(key1);
    String token = tokens.mint(TokenPurpose.CONFIRM, 42, "p", NOW.plusSeconds(60));

    assertThat(tokens.verify(token, TokenPurpose.CONFIRM, NOW.plus(Duration.ofSeconds(60))))
        .isInstanceOf(TokenVerification.Expired.class);
  }

  @Test
  void rotationMintsWithTheNewestKeyAndAcceptsAnyKeyOfTheRing() {
    String old = Tokens.of(key1).mint(TokenPurpose.CONFIRM, 1, "p", NOW.plusSeconds(60));
    Tokens rotated = Tokens.of(key1, key2);
    String fresh = rotated.mint(TokenPurpose.CONFIRM, 2, "p", NOW.plusSeconds(60));

    assertThat(rotated.currentKeyId()).isEqualTo("k2");
    assertThat(rotated.verify(old, TokenPurpose.CONFIRM, NOW)).isInstanceOf(TokenVerification.Valid.class);
    assertThat(rotated.verify(fresh, TokenPurpose.CONFIRM, NOW)).isInstanceOf(TokenVerification.Valid.class);
    assertThat(Tokens.of(key1).verify(fresh, TokenPurpose.CONFIRM, NOW)).isInstanceOf(TokenVerification.Invalid.class);
    assertThat(Tokens.of(key2).verify(old, TokenPurpose.CONFIRM, NOW)).isInstanceOf(TokenVerification.Invalid.class);
  }

  @Test
  void aKeyWithTheSameIdButOtherBytesRejectsTheToken() {
    String token = Tokens.of(key1).mint(TokenPurpose.CONFIRM, 1, "p", NOW.plusSeconds(60));

    Tokens impostor = Tokens.of(TokenKey.of("k1", Fixtures.randomBytes(32)));

    assertThat(impostor.verify(token, TokenPurpose.CONFIRM, NOW)).isInstanceOf(TokenVerification.Invalid.class);
  }

  @Test
  void garbageNeverThrows() {
    Tokens tokens = Tokens.of(key1);
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      byte[] bytes = new byte[random.nextInt(120)];
      random.nextBytes(bytes);
      String token = random.nextBoolean()
          ? Base64.getUrlEncoder().encodeToString(bytes)
          : new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
      assertThat(tokens.verify(token, TokenPurpose.CONFIRM, NOW)).isInstanceOf(TokenVerification.Invalid.class);
    }
    assertThat(tokens.verify(null, TokenPurpose.CONFIRM, NOW)).isInstanceOf(TokenVerification.Invalid.class);
    assertThat(tokens.verify("x".repeat(100_000), TokenPurpose.CONFIRM, NOW)).isInstanceOf(TokenVerification.Invalid.class);
  }

  @Test
  void shortOrMalformedKeysAreRefusedWithAPreciseMessage() {
    assertThatThrownBy(() -> TokenKey.of("k1", new byte[10]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("token key 'k1' secret must be at least 32 random bytes, was 10");
    assertThatThrownBy(() -> TokenKey.of("bad id!", new byte[32]))
        .hasMessageContaining("token key id must be 1-16 of [A-Za-z0-9_-]");
    assertThatThrownBy(() -> TokenKey.ofBase64("k1", "***"))
        .hasMessage("token key 'k1' secret is not valid base64");
    assertThatThrownBy(() -> Tokens.of(key1, TokenKey.of("k1", Fixtures.randomBytes(32))))
        .hasMessage("token key ids must be unique: k1");
    assertThatThrownBy(() -> Tokens.of(java.util.List.of())).hasMessage("at least one token key is required");
  }

  @Test
  void theKeyNeverShowsInToString() {
    assertThat(key1.toString()).isEqualTo("TokenKey[id=k1, secret=(32 bytes)]");
  }

  @Test
  void aLinkIsItsPrefixFollowedByAValidTokenOfTheSameBytes() {
    Tokens tokens = Tokens.of(key1);
    for (String prefix : new String[] {"", "https://example.org/confirm?token=", "https://bücher.example/c?t=",
        "https://例え.jp/confirm?token="}) {
      for (int scopeLength = 1; scopeLength < 12; scopeLength++) { // every padding case of base64
        String scope = "p".repeat(scopeLength);
        String link = tokens.link(prefix, TokenPurpose.CONFIRM, 42, scope, NOW.plusSeconds(60));
        assertThat(link).startsWith(prefix);
        String token = link.substring(prefix.length());
        assertThat(token).matches("[A-Za-z0-9_-]+").isEqualTo(tokens.mint(TokenPurpose.CONFIRM, 42, scope,
            NOW.plusSeconds(60)));
        assertThat(tokens.verify(token, TokenPurpose.CONFIRM, NOW))
            .isEqualTo(new TokenVerification.Valid(42, scope, Instant.ofEpochSecond(NOW.plusSeconds(60).getEpochSecond())));
        // The same bytes as the JDK's encoder writes them: decoding and encoding again gives the token back.
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getUrlDecoder().decode(token)))
            .isEqualTo(token);
      }
    }
  }
}
