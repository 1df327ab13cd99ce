package org.petition.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenResultTest {

  @Test
  void openedCopiesItsPlaintextAndNeverPrintsIt() {
    byte[] plaintext = {'s', 'e', 'c', 'r', 'e', 't'};
    OpenResult.Opened opened = new OpenResult.Opened(plaintext, "k1");
    plaintext[0] = 'X';
    opened.plaintext()[1] = 'X';

    assertThat(opened.plaintext()).containsExactly('s', 'e', 'c', 'r', 'e', 't');
    assertThat(opened.toString()).isEqualTo("Opened[plaintext=(6 bytes), keyId=k1]");
    assertThat(opened).isEqualTo(new OpenResult.Opened("secret".getBytes(), "k1"))
        .hasSameHashCodeAs(new OpenResult.Opened("secret".getBytes(), "k1"))
        .isNotEqualTo(new OpenResult.Opened("secret".getBytes(), "k2"));
  }
}
