package org.petition.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacSha256Test {

  @Test
  void theSameBytesAsTheJdksMacForKeysAndMessagesOfEveryLength() throws Exception {
    SplittableRandom random = new SplittableRandom(2104);
    for (int keyLength = 1; keyLength <= 150; keyLength++) {
      byte[] key = new byte[keyLength];
      random.nextBytes(key);
      Mac jdk = Mac.getInstance("HmacSHA256");
      jdk.init(new SecretKeySpec(key, "HmacSHA256"));
      HmacSha256 ours = HmacSha256.of(key);
      // Messages one after the other on the same instance: each doFinal starts a new one.
      for (int length = 0; length <= 300; length += 1 + length / 7) {
        byte[] message = new byte[length];
        random.nextBytes(message);
        int split = length / 3;
        ours.update(message, 0, split);
        ours.update(message, split, length - split);
        byte[] out = new byte[40];
        ours.doFinal(out, 5);
        byte[] expected = jdk.doFinal(message);
        assertThat(java.util.Arrays.copyOfRange(out, 5, 37)).as("key %d, message %d", keyLength, length)
            .isEqualTo(expected);
        ours.update(message);
        assertThat(ours.doFinal()).isEqualTo(jdk.doFinal(message));
      }
    }
  }

  @Test
  void rfc4231TestCase2() {
    HmacSha256 mac = HmacSha256.of("Jefe".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    mac.update("what do ya want for nothing?".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(java.util.HexFormat.of().formatHex(mac.doFinal()))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void perThreadCopiesTheKey() {
    byte[] key = new byte[32];
    key[0] = 7;
    ThreadLocal<HmacSha256> macs = HmacSha256.perThread(key);
    java.util.Arrays.fill(key, (byte) 0);
    HmacSha256 reference = HmacSha256.of(new byte[] {7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    macs.get().update(new byte[] {1, 2, 3});
    reference.update(new byte[] {1, 2, 3});
    assertThat(macs.get().doFinal()).isEqualTo(reference.doFinal());
  }
}
