package org.petition.log.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small strict RFC 8259 reader for the few fixed shapes the log exchanges: objects become
 * insertion-ordered {@code Map<String, Object>} (a repeated member name is an error), arrays {@code
 * List<Object>}, strings {@code String}, integers {@code Long}, and {@code true}, {@code false}, {@code
 * null}. Fractions and exponents are refused (nothing in the log has them), as are raw control characters
 * and lone surrogates in strings, leading zeros, and anything after the value but whitespace. Nesting is
 * bounded so hostile input cannot exhaust the stack.
 */
public final class JsonReader {

  private static final int MAX_DEPTH = 32;
  // The two-character escapes of RFC 8259 section 7, and what each stands for.
  private static final String ESCAPES = "\"\\/bfnrt";
  private static final String ESCAPED = "\"\\/\b\f\n\r\t";

  private final String text;
  private int at;

  private JsonReader(String text) {
    this.text = text;
  }

  /**
   * The value of a JSON text.
   *
   * @throws IllegalArgumentException with the offset and what was wrong, if the text is not valid JSON of
   *     the supported kinds
   */
  public static @Nullable Object read(String text) {
    JsonReader reader = new JsonReader(text);
    reader.space();
    Object value = reader.value(0);
    reader.space();
    if (reader.at != text.length()) {
      throw reader.error("trailing characters after the value");
    }
    return value;
  }

  /** The JSON text as an object, or an exception naming {@code what} if it is another value. */
  public static Map<String, @Nullable Object> readObject(String text, String what) {
    Object value = read(text);
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(what + " is not a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> members = (Map<String, @Nullable Object>) map;
    return members;
  }

  private @Nullable Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH);
    }
    if (at >= text.length()) {
      throw error("a value is missing");
    }
    char c = text.charAt(at);
    return switch (c) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected character '" + c + "'");
      }
    };
  }

  private Map<String, @Nullable Object> object(int depth) {
    at++; // {
    Map<String, @Nullable Object> members = new LinkedHashMap<>();
    space();
    if (peek('}')) {
      at++;
      return Collections.unmodifiableMap(members);
    }
    while (true) {
      space();
      if (!peek('"')) {
        throw error("a member name is missing");
      }
      String name = string();
      if (members.containsKey(name)) {
        throw error("member \"" + name + "\" appears twice");
      }
      space();
      expect(':');
      space();
      members.put(name, value(depth + 1));
      space();
      if (peek(',')) {
        at++;
      } else {
        expect('}');
        return Collections.unmodifiableMap(members);
      }
    }
  }

  private List<@Nullable Object> array(int depth) {
    at++; // [
    List<@Nullable Object> items = new ArrayList<>();
    space();
    if (peek(']')) {
      at++;
      return Collections.unmodifiableList(items);
    }
    while (true) {
      space();
      items.add(value(depth + 1));
      space();
      if (peek(',')) {
        at++;
      } else {
        expect(']');
        return Collections.unmodifiableList(items);
      }
    }
  }

  private String string() {
    at++; // "
    StringBuilder out = new StringBuilder();
    while (true) {
      if (at >= text.length()) {
        throw error("a string is not closed");
      }
      char c = text.charAt(at++);
      if (c == '"') {
        break;
      }
      if (c < 0x20) {
        throw error("a raw control character in a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (at >= text.length()) {
        throw error("an escape is cut short");
      }
      char e = text.charAt(at++);
      int simple = ESCAPES.indexOf(e);
      if (simple >= 0) {
        out.append(ESCAPED.charAt(simple));
      } else if (e == 'u') {
        out.append(hex4());
      } else {
        throw error("an unknown escape \\" + e);
      }
    }
    String value = out.toString();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw error("a string holds a lone surrogate");
      }
    }
    return value;
  }

  private char hex4() {
    if (at + 4 > text.length()) {
      throw error("a \\u escape is cut short");
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(at++), 16);
      if (digit < 0) {
        throw error("a \\u escape has a non-hex digit");
      }
      value = value << 4 | digit;
    }
    return (char) value;
  }

  private Long number() {
    int start = at;
    if (peek('-')) {
      at++;
    }
    int digits = at;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
    }
    if (at == digits) {
      throw error("a number has no digits");
    }
    if (text.charAt(digits) == '0' && at - digits > 1) {
      throw error("a number has a leading zero");
    }
    if (at < text.length() && (text.charAt(at) == '.' || text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
      throw error("only integers are accepted");
    }
    try {
      return Long.parseLong(text.substring(start, at));
    } catch (NumberFormatException e) {
      throw error("a number is out of range");
    }
  }

  private @Nullable Object literal(String word, @Nullable Object value) {
    if (!text.startsWith(word, at)) {
      throw error("unexpected characters");
    }
    at += word.length();
    return value;
  }

  private void space() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      at++;
    }
  }

  private boolean peek(char c) {
    return at < text.length() && text.charAt(at) == c;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("'" + c + "' expected");
    }
    at++;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("invalid JSON at offset " + at + ": " + what);
  }
}
