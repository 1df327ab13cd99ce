package org.petition.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.petition.privacy.MiniJson;


class JsonWriterTest {

  @Test
  void writesNestedStructuresWithCommasInTheRightPlaces() {
    String json =
        new JsonWriter()
            .beginObject()
            .member("a", 1)
            .member("b", (String) null)
            .name("c")
            .beginArray()
            .value("x")
            .value(-2)
            .beginObject()
            .endObject()
            .beginArray()
            .endArray()
            .endArray()
            .member("d", "y")
            .endObject()
            .toString();

    assertThat(json).isEqualTo("{\"a\":1,\"b\":null,\"c\":[\"x\",-2,{},[]],\"d\":\"y\"}");
    assertThat(MiniJson.parse(json)).isEqualTo(Map.of("a", 1L, "b", MiniJson.NULL, "c", List.of("x", -2L, Map.of(), List.of()), "d", "y"));
  }

  @Test
  void escapesQuotesBackslashesControlCharactersAndLineSeparators() {
    assertThat(JsonWriter.quoted("\"\\/")).isEqualTo("\"\\\"\\\\/\"");
    assertThat(JsonWriter.quoted("\b\f\n\r\t")).isEqualTo("\"\\b\\f\\n\\r\\t\"");
    assertThat(JsonWriter.quoted("\u0000\u0001\u001F\u007F")).isEqualTo("\"\\u0000\\u0001\\u001f\\u007f\"");
    assertThat(JsonWriter.quoted("\u2028\u2029")).isEqualTo("\"\\u2028\\u2029\"");
    assertThat(JsonWriter.quoted("é 김 😀")).isEqualTo("\"é 김 😀\"");
  }

  @Test
  void escapesLoneSurrogatesButKeepsPairs() {
    assertThat(JsonWriter.quoted("a\uD800b\uDC00c\uD83D\uDE00")).isEqualTo("\"a\\ud800b\\udc00c\uD83D\uDE00\"");
    assertThat(JsonWriter.quoted("\uD83D")).isEqualTo("\"\\ud83d\"");
  }

  @Test
  void everyStringRoundTripsThroughAParser() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x3000; c++) {
      if (!Character.isSurrogate(c)) {
        all.append(c);
      }
    }
    String text = all.toString();

    assertThat(MiniJson.parse(JsonWriter.quoted(text))).isEqualTo(text);
  }

  @Test
  void refusesMisuse() {
    assertThatThrownBy(() -> new JsonWriter().beginObject().toString())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("JSON has 1 unclosed containers");
    assertThatThrownBy(() -> new JsonWriter().name("a"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new JsonWriter().value(1).value(2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("JSON text has a single top-level value");
  }
}
