package org.petition.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

  /** The cheapest parameters allowed, so most tests stay fast. */
  private final PasswordHasher fast = PasswordHasher.builder().memoryKiB(8192).iterations(1).build();

  // Made with the reference implementation (Debian's argon2 command line tool):
  // echo -n "correct horse battery" | argon2 c29tZXNhbHRzb21lc2FsdA -id -t 1 -m 13 -p 1 -l 32 -e
  private static final String REFERENCE_FAST =
      "$argon2id$v=19$m=8192,t=1,p=1$YzI5dFpYTmhiSFJ6YjIxbGMyRnNkQQ$wXX9z9lpGPftQVC8xQfYHap8Cj1ooWfWN5ywIMQI2Wo";
  // echo -n "password" | argon2 somesaltsomesalt -id -t 2 -k 19456 -p 1 -l 32 -e
  private static final String REFERENCE_OWASP =
      "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE";

  @Test
  void roundTripsAndWritesThePhcFormat() {
    String encoded = fast.hash("correct horse battery staple".toCharArray());

    assertThat(encoded).matches("\\$argon2id\\$v=19\\$m=8192,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    String[] parts = encoded.split("\\$");
    assertThat(Base64.getDecoder().decode(parts[4])).hasSize(16);
    assertThat(Base64.getDecoder().decode(parts[5])).hasSize(32);
    assertThat(fast.verify("correct horse battery staple".toCharArray(), encoded)).isTrue();
    assertThat(fast.verify("correct horse battery staple", encoded)).isTrue();
  }

  @Test
  void refusesAWrongPassword() {
    String encoded = fast.hash("correct horse battery staple");

    assertThat(fast.verify("correct horse battery stapler", encoded)).isFalse();
    assertThat(fast.verify("Correct horse battery staple", encoded)).isFalse();
    assertThat(fast.verify("", encoded)).isFalse();
  }

  @Test
  void saltsEveryHash() {
    assertThat(fast.hash("same password")).isNotEqualTo(fast.hash("same password"));
  }

  @Test
  void agreesWithTheReferenceImplementation() {
    assertThat(fast.verify("correct horse battery", REFERENCE_FAST)).isTrue();
    assertThat(fast.verify("correct horse batterY", REFERENCE_FAST)).isFalse();
  }

  @Test
  void defaultsToOwaspParametersAndVerifiesAtThem() {
    PasswordHasher owasp = PasswordHasher.ofDefaults();

    assertThat(owasp.memoryKiB()).isEqualTo(19456);
    assertThat(owasp.iterations()).isEqualTo(2);
    assertThat(owasp.parallelism()).isEqualTo(1);
    assertThat(owasp.hash("correct horse battery staple")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(owasp.verify("password", REFERENCE_OWASP)).isTrue();
    assertThat(owasp.needsRehash(REFERENCE_OWASP)).isFalse();
  }

  @Test
  void verifiesWithTheParametersStoredInTheHash() {
    String cheap = fast.hash("correct horse battery staple");
    PasswordHasher stronger = PasswordHasher.builder().memoryKiB(8192).iterations(3).build();

    assertThat(stronger.verify("correct horse battery staple", cheap)).isTrue();
  }

  @Test
  void asksForARehashOnlyWhenStoredParametersAreBelowTheCurrentOnes() {
    String encoded = fast.hash("correct horse battery staple");

    assertThat(fast.needsRehash(encoded)).isFalse();
    assertThat(PasswordHasher.builder().memoryKiB(8192).iterations(2).build().needsRehash(encoded)).isTrue();
    assertThat(PasswordHasher.builder().memoryKiB(9000).iterations(1).build().needsRehash(encoded)).isTrue();
    assertThat(PasswordHasher.builder().memoryKiB(8192).iterations(1).parallelism(2).build().needsRehash(encoded)).isTrue();
    assertThat(fast.needsRehash(REFERENCE_OWASP)).as("stronger than needed").isFalse();
    assertThat(fast.needsRehash("not a hash")).isTrue();
  }

  @Test
  void normalisesPasswordsToNfcBeforeHashing() {
    String encoded = fast.hash("caf\u00E9 au lait!");

    assertThat(fast.verify("cafe\u0301 au lait!", encoded)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "garbage",
        "$argon2i$v=19$m=8192,t=1,p=1$YzI5dFpYTmhiSFJ6YjIxbGMyRnNkQQ$wXX9z9lpGPftQVC8xQfYHap8Cj1ooWfWN5ywIMQI2Wo",
        "$argon2id$v=16$m=8192,t=1,p=1$YzI5dFpYTmhiSFJ6YjIxbGMyRnNkQQ$wXX9z9lpGPftQVC8xQfYHap8Cj1ooWfWN5ywIMQI2Wo",
        "$argon2id$m=8192,t=1,p=1$YzI5dFpYTmhiSFJ6YjIxbGMyRnNkQQ$wXX9z9lpGPftQVC8xQfYHap8Cj1ooWfWN5ywIMQI2Wo",
        "$argon2id$v=19$m=8192,t=0,p=1$YzI5dFpYTmhiSFJ6YjIxbGMyRnNkQQ$wXX9z9lpGPftQVC8xQfYHap8Cj1ooWfWN5ywIMQI2Wo",
        "$argon2id$v=19$m=99999999999,t=1,p=1$YzI5dFpYTmhiSFJ6YjIxbGMyRnNkQQ$wXX9z9lpGPftQVC8xQfYHap8Cj1ooWfWN5ywIMQI2Wo",
        "$argon2id$v=19$m=4194304,t=1,p=1$YzI5dFpYTmhiSFJ6YjIxbGMyRnNkQQ$wXX9z9lpGPftQVC8xQfYHap8Cj1ooWfWN5ywIMQI2Wo",
        "$argon2id$v=19$m=8192,t=1000,p=1$YzI5dFpYTmhiSFJ6YjIxbGMyRnNkQQ$wXX9z9lpGPftQVC8xQfYHap8Cj1ooWfWN5ywIMQI2Wo",
        "$argon2id$v=19$m=8192,t=1,p=1$YzI5dFpYTmhiSFJ6YjIxbGMyRnNkQQ==$wXX9z9lpGPftQVC8xQfYHap8Cj1ooWfWN5ywIMQI2Wo",
        "$argon2id$v=19$m=8192,t=1,p=1$YzI5dFpYTmhiSFJ6YjIxbGMyRnNkQ$wXX9z9lpGPftQVC8xQfYHap8Cj1ooWfWN5ywIMQI2Wo",
        "$argon2id$v=19$m=8192,t=1,p=1$YzI5dFpYTmhiSFJ6YjIxbGMyRnNkQQ$wXX9z9lpGPftQVC8xQfYHap8Cj1ooWfWN5ywIMQI2W",
        "$argon2id$v=19$m=8192,t=1,p=1$YzI5dFpYTmhiSFJ6YjIxbGMyRnNkQQ$wXX9z9lpGPftQVC8xQfYHap8Cj1ooWfWN5ywIMQI2Wo$",
        "$argon2id$v=19$m=8192,t=1,p=1$YzI5dFpYTmhiSFJ6YjIxbGMyRnNkQQ$wXX9z9lpGPftQVC8xQfYHap8Cj1ooWfWN5ywIMQI2Wp"
      })
  void malformedStoredStringsAreFalseNotExceptions(String encoded) {
    assertThat(fast.verify("correct horse battery", encoded)).isFalse();
  }

  @Test
  void anAbsentHashIsFalseAfterTheSameWork() {
    assertThat(fast.verify("correct horse battery", (String) null)).isFalse();
  }

  @Test
  void neverHashesAnAbsurdlyLongPassword() {
    String huge = "x".repeat(10_000_000);

    long start = System.nanoTime();
    assertThat(fast.verify(huge, REFERENCE_FAST)).isFalse();
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    assertThatThrownBy(() -> fast.hash(huge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("password is longer than any policy accepts; check it with PasswordPolicy first");
  }

  @Test
  void builderRefusesWeakOrAbsurdParametersWithPreciseMessages() {
    assertThatThrownBy(() -> PasswordHasher.builder().memoryKiB(8191))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("memoryKiB must be at least 8192 (8 MiB), was: 8191");
    assertThatThrownBy(() -> PasswordHasher.builder().memoryKiB(2_000_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("memoryKiB must be at most 1048576 (1 GiB), was: 2000000");
    assertThatThrownBy(() -> PasswordHasher.builder().iterations(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("iterations must be between 1 and 100, was: 0");
    assertThatThrownBy(() -> PasswordHasher.builder().parallelism(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parallelism must be between 1 and 64, was: 0");
  }

  @Test
  void describesItselfWithoutSecrets() {
    assertThat(fast.toString()).isEqualTo("PasswordHasher[argon2id m=8192,t=1,p=1]");
  }
}
