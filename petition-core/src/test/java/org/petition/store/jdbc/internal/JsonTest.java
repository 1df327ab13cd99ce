package org.petition.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void roundTripsNestedValues() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("text", "quote \" backslash \\ slash / newline \n tab \t bell \u0007 한글 \uD83D\uDCDA");
    map.put("n", -1234567890123L);
    map.put("yes", true);
    map.put("nothing", null);
    map.put("list", Arrays.asList(1L, "two", false, null, List.of(), Map.of()));
    String json = Json.write(map);
    assertThat(json).startsWith("{\"text\":\"quote \\\" backslash \\\\ slash / newline \\n tab \\t bell \\u0007");
    assertThat(Json.read(json)).isEqualTo(map);
    assertThat(Json.read(" [ 1 , {\"a\" : [ ] } ] ")).isEqualTo(List.of(1L, Map.of("a", List.of())));
  }

  @Test
  void loneSurrogatesAreEscapedAndReadBack() {
    String broken = "a\uD800b";
    String json = Json.write(broken);
    assertThat(json).isEqualTo("\"a\\ud800b\"");
    assertThat(Json.read(json)).isEqualTo(broken);
  }

  @Test
  void rejectsMalformedText() {
    for (String bad : new String[] {"", "{", "[1,]", "{\"a\":1,}", "\"unterminated", "1.5", "tru", "[1] x",
        "{\"a\":1,\"a\":2}", "{a:1}", "\"\\x\"", "\"\\u12\"", "99999999999999999999"}) {
      assertThatThrownBy(() -> Json.read(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("malformed JSON at offset");
    }
  }

  @Test
  void refusesToWriteUnsupportedValues() {
    assertThatThrownBy(() -> Json.write(1.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot write a java.lang.Double as JSON");
  }
}
