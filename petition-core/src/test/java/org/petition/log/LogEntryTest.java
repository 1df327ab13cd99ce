package org.petition.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogEntryTest {

  private static final byte[] KEY = HexFormat.of().parseHex(
      "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  // Computed outside Java (Python's hmac and json with separators=(",", ":")), so the format is checked
  // against an independent writer.
  private static final String SIGNER = "gWoQSS5k3cCShoUJ9rW1SmOAA3CHuzERReQChf016KA=";
  private static final String ENTRY = "{\"petition\":\"my-petition\",\"seq\":0,\"type\":\"COUNTED\",\"number\":1,"
      + "\"at\":\"2026-03-01T12:34:56.789Z\",\"signer\":\"" + SIGNER + "\"}";
  private static final String LEAF_HASH = "88df4f952bb95c9fe793900e86a7474ac5b87a7fa703aec7cd4c6871e379d9a5";

  @Test
  void theBytesAreExactlyTheFormat() {
    byte[] signer = SignerCommitments.of(KEY).commit("my-petition", 42);
    assertThat(Base64.getEncoder().encodeToString(signer)).isEqualTo(SIGNER);
    LogEntry entry = new LogEntry("my-petition", 0, LogEntry.Type.COUNTED, 1,
        Instant.parse("2026-03-01T12:34:56.789123Z"), signer);
    assertThat(new String(entry.bytes(), StandardCharsets.UTF_8)).isEqualTo(ENTRY);
    assertThat(HexFormat.of().formatHex(entry.leafHash())).isEqualTo(LEAF_HASH);
    assertThat(LogEntry.parse(ENTRY.getBytes(StandardCharsets.UTF_8))).isEqualTo(entry);
    assertThat(entry.delta()).isEqualTo(1);
  }

  @Test
  void theInstantAlwaysHasThreeFractionDigits() {
    byte[] signer = new byte[32];
    for (String[] c : new String[][] {
        {"2026-03-01T12:00:00Z", "2026-03-01T12:00:00.000Z"},
        {"2026-03-01T12:00:00.5Z", "2026-03-01T12:00:00.500Z"},
        {"2026-03-01T12:00:00.999999999Z", "2026-03-01T12:00:00.999Z"},
        {"0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000Z"}}) {
      LogEntry entry = new LogEntry("p", 7, LogEntry.Type.UNCOUNTED, 3, Instant.parse(c[0]), signer);
      assertThat(entry.toString()).contains("\"at\":\"" + c[1] + "\"");
      assertThat(LogEntry.parse(entry.bytes())).isEqualTo(entry);
    }
  }

  @Test
  void onlyTheCanonicalBytesParse() {
    List<String> variants = List.of(
        ENTRY.replace(",", ", "),
        ENTRY.replace("{\"petition\"", "{ \"petition\""),
        ENTRY + "\n",
        " " + ENTRY,
        ENTRY.replace("\"seq\":0", "\"seq\":00"),
        ENTRY.replace("\"number\":1", "\"number\":1.0"),
        ENTRY.replace("\"number\":1", "\"number\":1e0"),
        ENTRY.replace("\"number\":1", "\"number\":\"1\""),
        ENTRY.replace("my-petition", "my\\u002dpetition"),
        ENTRY.replace(".789Z", "Z"),
        ENTRY.replace(".789Z", ".789000Z"),
        ENTRY.replace(".789Z", ".789+00:00"),
        ENTRY.replace("2026-03-01", "2026-02-30"),
        ENTRY.replace("=\"}", "\"}"),
        ENTRY.replace("COUNTED", "counted"),
        ENTRY.replace("\"seq\":0,\"type\":\"COUNTED\"", "\"type\":\"COUNTED\",\"seq\":0"),
        ENTRY.replace("}", ",\"extra\":1}"),
        ENTRY.replace("\"seq\":0,", "\"seq\":0,\"seq\":0,"),
        ENTRY.replace("\"number\":1", "\"number\":0"),
        ENTRY.replace("\"seq\":0", "\"seq\":-1"),
        ENTRY.replace("my-petition", "My-Petition"),
        ENTRY.replace(SIGNER, SIGNER.substring(4)));
    for (String variant : variants) {
      assertThatThrownBy(() -> LogEntry.parse(variant.getBytes(StandardCharsets.UTF_8)))
          .as(variant).isInstanceOf(IllegalArgumentException.class);
    }
    byte[] invalidUtf8 = ENTRY.getBytes(StandardCharsets.UTF_8);
    invalidUtf8[14] = (byte) 0xC3; // a lead byte where a slug letter was
    assertThatThrownBy(() -> LogEntry.parse(invalidUtf8)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void badFieldsAreNamed() {
    byte[] signer = new byte[32];
    Instant at = Instant.parse("2026-03-01T12:00:00Z");
    assertThatThrownBy(() -> new LogEntry("a b", 0, LogEntry.Type.COUNTED, 1, at, signer))
        .hasMessageStartingWith("petition must be a slug");
    assertThatThrownBy(() -> new LogEntry("p", -1, LogEntry.Type.COUNTED, 1, at, signer))
        .hasMessage("seq must not be negative, was -1");
    assertThatThrownBy(() -> new LogEntry("p", 0, LogEntry.Type.COUNTED, 0, at, signer))
        .hasMessage("number must be 1 or more, was 0");
    assertThatThrownBy(() -> new LogEntry("p", 0, LogEntry.Type.COUNTED, 1, at, new byte[31]))
        .hasMessage("signer must be 32 bytes, was 31");
    assertThatThrownBy(() -> new LogEntry("p", 0, LogEntry.Type.COUNTED, 1, Instant.parse("+10000-01-01T00:00:00Z"),
        signer)).hasMessageStartingWith("at must be within the years 0000 to 9999");
    assertThatThrownBy(() -> LogEntry.parse(ENTRY.replace("COUNTED", "REMOVED").getBytes(StandardCharsets.UTF_8)))
        .hasMessage("type must be COUNTED or UNCOUNTED");
    assertThatThrownBy(() -> LogEntry.parse(ENTRY.replace("}", ",\"x\":1}").getBytes(StandardCharsets.UTF_8)))
        .hasMessage("an entry has the members [petition, seq, type, number, at, signer] in that order, not "
            + "[petition, seq, type, number, at, signer, x]");
  }

  @Test
  void theEntryKeepsItsOwnCopyOfTheSigner() {
    byte[] signer = new byte[32];
    LogEntry entry = new LogEntry("p", 0, LogEntry.Type.COUNTED, 1, Instant.EPOCH, signer);
    signer[0] = 1;
    entry.signer()[1] = 1;
    assertThat(entry.signer()).isEqualTo(new byte[32]);
  }

  @Test
  void commitmentsAreKeyedAndSeparatePetitionsAndIds() {
    SignerCommitments commitments = SignerCommitments.of(KEY);
    byte[] base = commitments.commit("my-petition", 42);
    assertThat(commitments.commit("my-petition", 43)).isNotEqualTo(base);
    assertThat(commitments.commit("my-petitio", 42)).isNotEqualTo(base);
    byte[] otherKey = KEY.clone();
    otherKey[0] ^= 1;
    assertThat(SignerCommitments.of(otherKey).commit("my-petition", 42)).isNotEqualTo(base);
    assertThat(commitments.matches(base, "my-petition", 42)).isTrue();
    assertThat(commitments.matches(base, "my-petition", 41)).isFalse();
    assertThat(commitments.toString()).doesNotContain("00010203");
    assertThatThrownBy(() -> SignerCommitments.of(new byte[31]))
        .hasMessage("the log's commitment key must be at least 32 random bytes, was 31");
    assertThatThrownBy(() -> commitments.commit("a\0b", 1)).hasMessage("not a petition slug: a\0b");
  }
}
