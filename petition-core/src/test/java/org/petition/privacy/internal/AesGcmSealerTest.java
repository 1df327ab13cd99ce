package org.petition.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** AesGcmSealer writes exactly what the JDK's AES/GCM/NoPadding writes, and NIST's test vectors. */
class AesGcmSealerTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void nistGcmSpecTestCase16() {
    // McGrew and Viega, "The Galois/Counter Mode of Operation", test case 16 (AES-256, 96-bit IV, 20 bytes AAD).
    byte[] key = HEX.parseHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
    byte[] iv = HEX.parseHex("cafebabefacedbaddecaf888");
    byte[] plaintext = HEX.parseHex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
        + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
    byte[] aad = HEX.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    String expected = "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
        + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662" + "76fc6ece0f4e1768cddf8853bb2d551b";
    AesGcmSealer sealer = new AesGcmSealer(new SecretKeySpec(key, "AES"));
    byte[] out = new byte[plaintext.length + 16];

    // The associated data split anywhere is the same string.
    for (int split = 0; split <= aad.length; split++) {
      int written = sealer.seal(iv, Arrays.copyOf(aad, split), Arrays.copyOfRange(aad, split, aad.length), plaintext,
          0, plaintext.length, out, 0);
      assertThat(written).isEqualTo(out.length);
      assertThat(HEX.formatHex(out)).as("split at %d", split).isEqualTo(expected);
    }
  }

  @Test
  void sameBytesAsTheJdkForEveryLengthAndOffset() throws Exception {
    SplittableRandom random = new SplittableRandom(20261207);
    for (int keyBytes : new int[] {16, 32}) {
      byte[] key = bytes(random, keyBytes);
      SecretKeySpec spec = new SecretKeySpec(key, "AES");
      AesGcmSealer sealer = new AesGcmSealer(spec);
      Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
      for (int length = 0; length <= 300; length += length < 70 ? 1 : 37) {
        for (int aadLength = 0; aadLength < 40; aadLength += 7) {
          byte[] nonce = bytes(random, 12);
          byte[] header = bytes(random, random.nextInt(0, 6));
          byte[] aad = bytes(random, aadLength);
          int offset = random.nextInt(0, 5);
          byte[] input = bytes(random, offset + length + 3);
          byte[] out = new byte[7 + length + 16];

          sealer.seal(nonce, header, aad, input, offset, length, out, 7);

          jdk.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(128, nonce));
          jdk.updateAAD(header);
          jdk.updateAAD(aad);
          byte[] expected = jdk.doFinal(input, offset, length);
          assertThat(Arrays.copyOfRange(out, 7, out.length)).as("length %d, aad %d", length, aadLength)
              .isEqualTo(expected);
        }
      }
    }
  }

  private static byte[] bytes(SplittableRandom random, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) random.nextInt(256);
    }
    return b;
  }
}
