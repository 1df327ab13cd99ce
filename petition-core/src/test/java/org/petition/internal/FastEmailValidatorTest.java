package org.petition.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.validator.routines.DomainValidator;
import org.apache.commons.validator.routines.DomainValidator.ArrayType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The pieces FastEmailValidator replicates, each against the code it replicates. */
class FastEmailValidatorTest {

  private static final DomainValidator DOMAINS = DomainValidator.getInstance(false);

  @Test
  void tldLookupAgreesWithDomainValidatorOnEveryTableEntry() {
    List<String> candidates = new ArrayList<>(EmailCorpus.TLDS);
    for (ArrayType type : ArrayType.values()) {
      candidates.addAll(List.of(DomainValidator.getTLDEntries(type)));
    }
    SplittableRandom random = new SplittableRandom(7);
    List<String> variants = new ArrayList<>();
    for (String tld : candidates) {
      variants.add(tld);
      variants.add(tld.toUpperCase(Locale.ROOT));
      variants.add(tld.substring(0, tld.length() - 1));
      variants.add(tld + (char) ('a' + random.nextInt(26)));
      variants.add((char) ('a' + random.nextInt(26)) + tld);
    }
    assertThat(candidates.size()).isGreaterThan(1_000);
    for (String tld : variants) {
      assertThat(FastEmailValidator.isAcceptedTld(tld)).as(tld).isEqualTo(DOMAINS.isValidTld(tld));
    }
  }

  @Test
  void everyCharacterTheFastPathConvertsConvertsAsJavaNetIdnDoes() {
    int plain = 0;
    StringBuilder out = new StringBuilder();
    for (char c = 0x80; c < 0xFFFF; c++) {
      if (FastEmailValidator.plainNameprep(c) >= 0) {
        plain++;
        String label = String.valueOf(c);
        out.setLength(0);
        assertThat(FastEmailValidator.appendAsciiLabel(label, 0, 1, out)).isTrue();
        assertThat(out.toString()).as("U+%04X", (int) c).isEqualTo(IDN.toASCII(label));
        // None of those DomainValidator.unicodeToASCII leaves unconverted, and no label separator.
        assertThat(Character.getType(c)).isNotEqualTo(Character.FORMAT);
        assertThat(c).isNotIn('\u034F', '\u1806', '\u180B', '\u180C', '\u180D', '\u3002', '\uFF0E', '\uFF61');
        assertThat(c >= '\uFE00' && c <= '\uFE0F').isFalse();
      }
    }
    assertThat(plain).isGreaterThan(30_000);
  }

  @Test
  void labelConversionAgreesWithJavaNetIdn() {
    SplittableRandom random = new SplittableRandom(11);
    String ascii = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";
    int[][] ranges = {{0xC0, 0xFF}, {0x386, 0x3CE}, {0x400, 0x45F}, {0x3041, 0x30FC}, {0x4E00, 0x9FA5},
        {0xAC00, 0xD7A3}};
    StringBuilder out = new StringBuilder();
    for (int n = 0; n < 200_000; n++) {
      StringBuilder label = new StringBuilder();
      if (random.nextInt(20) == 0) {
        label.append(random.nextBoolean() ? "xn--" : "XN--");
      }
      int[] range = ranges[random.nextInt(ranges.length)];
      int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 80 : 15);
      while (label.length() < length) {
        char c = random.nextInt(3) == 0
            ? ascii.charAt(random.nextInt(ascii.length()))
            : (char) random.nextInt(range[0], range[1] + 1);
        if (c < 128 || FastEmailValidator.plainNameprep(c) >= 0) {
          label.append(c);
        }
      }
      String input = label.toString();
      out.setLength(0);
      String actual = FastEmailValidator.appendAsciiLabel(input, 0, input.length(), out) ? out.toString() : null;
      assertThat(actual).as(EmailCorpus.escape(input)).isEqualTo(idn(input));
    }
  }

  private static @Nullable String idn(String label) {
    try {
      return IDN.toASCII(label);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
