package org.petition.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.petition.identity.IdentityHasher;

/** The one consent subject derivation: the unpadded base64url of the signer's keyed email hash. */
class ConsentSubjectsTest {

  private final byte[] secret = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  @Test
  void aSubjectIsTheBase64UrlOfTheEmailKeyAndLinksOnlyTheSameAddressUnderTheSameSecret() {
    IdentityHasher identity = IdentityHasher.of(secret);
    byte[] emailKey = identity.emailKey("frank@example.org");

    String subject = ConsentSubjects.of(emailKey);

    assertThat(subject).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(Base64.getUrlDecoder().decode(subject)).isEqualTo(emailKey);
    assertThat(ConsentSubjects.of(identity.emailKey("frank@example.com"))).isNotEqualTo(subject);
    byte[] otherSecret = secret.clone();
    otherSecret[0] ^= 1;
    assertThat(ConsentSubjects.of(IdentityHasher.of(otherSecret).emailKey("frank@example.org"))).isNotEqualTo(subject);
  }
}
