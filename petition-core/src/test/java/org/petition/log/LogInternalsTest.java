package org.petition.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.petition.log.internal.JsonReader;
import org.petition.log.internal.SignerTable;
import org.petition.log.internal.StrictBase64;

class LogInternalsTest {

  @Test
  void theJsonReaderReadsWhatTheApiAnswers() {
    Map<String, Object> read = JsonReader.readObject(
        " {\"entries\" : [\"AA==\", \"AQ==\"],\n\"n\":-12, \"t\":true, \"z\":null} ", "x");
    assertThat(read).containsOnlyKeys("entries", "n", "t", "z").containsEntry("entries", List.of("AA==", "AQ=="))
        .containsEntry("n", -12L).containsEntry("t", true).containsEntry("z", null);
    assertThat(JsonReader.read("\"\\u00e9\\ud83d\\ude00\\n\\/\"")).isEqualTo("\u00e9\uD83D\uDE00\n/");
    assertThat(JsonReader.read("[]")).isEqualTo(List.of());
    assertThat(JsonReader.read("{}")).isEqualTo(Map.of());
  }

  @Test
  void theJsonReaderRefusesWhatIsNotStrictJson() {
    for (String bad : List.of("", "{", "[1,]", "{\"a\":1,}", "{\"a\":1 \"b\":2}", "{\"a\":1,\"a\":2}", "01", "1.5",
        "1e3", "-", "\"\\ud83d\"", "\"a\nb\"", "\"\\x\"", "\"\\u12\"", "tru", "nul", "[1] 2", "{a:1}", "'a'",
        "99999999999999999999", "[".repeat(40) + "]".repeat(40))) {
      assertThatThrownBy(() -> JsonReader.read(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("invalid JSON at offset");
    }
    assertThatThrownBy(() -> JsonReader.readObject("[]", "the answer")).hasMessage("the answer is not a JSON object");
  }

  @Test
  void base64IsReadInItsOneSpelling() {
    assertThat(StrictBase64.decode("AQI=", "x")).containsExactly(1, 2);
    assertThatThrownBy(() -> StrictBase64.decode("AQI", "x")).hasMessage("x is not canonical padded base64");
    assertThatThrownBy(() -> StrictBase64.decode("AQJ=", "x")).hasMessage("x is not canonical padded base64");
    assertThatThrownBy(() -> StrictBase64.decode("AQ I=", "x")).hasMessageStartingWith("x is not base64");
    assertThatThrownBy(() -> StrictBase64.decode("AQI=", 3, "x")).hasMessage("x must be 3 bytes, was 2");
  }

  @Test
  void theSignerTableAgreesWithAMap() {
    Random random = new Random(19);
    SignerTable table = new SignerTable();
    Map<String, Long> reference = new HashMap<>();
    List<byte[]> signers = new java.util.ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      byte[] signer;
      if (!signers.isEmpty() && random.nextInt(3) == 0) {
        signer = signers.get(random.nextInt(signers.size()));
      } else {
        signer = new byte[32];
        random.nextBytes(signer);
        signers.add(signer);
      }
      String key = java.util.HexFormat.of().formatHex(signer);
      assertThat(table.get(signer)).isEqualTo(reference.getOrDefault(key, 0L));
      long value = random.nextBoolean() ? 1 + random.nextInt(1_000_000) : -1 - random.nextInt(1_000_000);
      table.put(signer, value);
      reference.put(key, value);
    }
    for (byte[] signer : signers) {
      assertThat(table.get(signer)).isEqualTo(reference.get(java.util.HexFormat.of().formatHex(signer)));
    }
    assertThatThrownBy(() -> table.put(new byte[32], 0)).hasMessage("0 means no value");
  }
}
