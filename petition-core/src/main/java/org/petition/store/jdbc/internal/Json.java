package org.petition.store.jdbc.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A minimal JSON writer and strict reader for the few structured columns the store keeps as text (tags,
 * goals, consents, findings). Values are {@code Map<String, Object>} (insertion-ordered), {@code
 * List<Object>}, {@code String}, {@code Long}, {@code Boolean} or {@code null}; no floating point, because
 * nothing stored needs it. Kept in the library so the core needs no JSON dependency.
 */
public final class Json {

  private Json() {}

  /** The JSON text of a value built from maps, lists, strings, integral numbers, booleans and nulls. */
  public static String write(@Nullable Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  /** Parses JSON text; throws {@link IllegalArgumentException} on anything malformed or unsupported. */
  public static @Nullable Object read(String text) {
    Reader reader = new Reader(text);
    reader.skipSpace();
    Object value = reader.value();
    reader.skipSpace();
    if (reader.position != text.length()) {
      throw reader.error("trailing characters");
    }
    return value;
  }

  private static void write(@Nullable Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String string) {
      writeString(string, out);
    } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString((String) entry.getKey(), out);
        out.append(':');
        write(entry.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(list.get(i), out);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
    }
  }

  private static void writeString(String string, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < string.length(); i++) {
      char c = string.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          // Control characters and lone surrogates are escaped so the text is valid in any database encoding.
          if (c < 0x20 || Character.isSurrogate(c) && !validSurrogateAt(string, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean validSurrogateAt(String string, int i) {
    char c = string.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < string.length() && Character.isLowSurrogate(string.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(string.charAt(i - 1));
  }

  private static final class Reader {
    private final String text;
    private int position;

    Reader(String text) {
      this.text = text;
    }

    @Nullable Object value() {
      if (position >= text.length()) {
        throw error("unexpected end");
      }
      char c = text.charAt(position);
      return switch (c) {
        case '{' -> object();
        case '[' -> array();
        case '"' -> string();
        case 't' -> literal("true", Boolean.TRUE);
        case 'f' -> literal("false", Boolean.FALSE);
        case 'n' -> literal("null", null);
        default -> {
          if (c == '-' || c >= '0' && c <= '9') {
            yield number();
          }
          throw error("unexpected character");
        }
      };
    }

    private Map<String, Object> object() {
      Map<String, Object> map = new LinkedHashMap<>();
      position++;
      skipSpace();
      if (peek() == '}') {
        position++;
        return Collections.unmodifiableMap(map);
      }
      while (true) {
        skipSpace();
        if (peek() != '"') {
          throw error("expected a key");
        }
        String key = string();
        skipSpace();
        expect(':');
        skipSpace();
        Object value = value();
        if (map.containsKey(key)) {
          throw error("duplicate key");
        }
        map.put(key, value);
        skipSpace();
        char c = next();
        if (c == '}') {
          return Collections.unmodifiableMap(map);
        }
        if (c != ',') {
          throw error("expected ',' or '}'");
        }
      }
    }

    private List<@Nullable Object> array() {
      List<@Nullable Object> list = new ArrayList<>();
      position++;
      skipSpace();
      if (peek() == ']') {
        position++;
        return Collections.unmodifiableList(list);
      }
      while (true) {
        skipSpace();
        list.add(value());
        skipSpace();
        char c = next();
        if (c == ']') {
          return Collections.unmodifiableList(list);
        }
        if (c != ',') {
          throw error("expected ',' or ']'");
        }
      }
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = next();
        if (c == '"') {
          return out.toString();
        }
        if (c < 0x20) {
          throw error("control character in a string");
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char escape = next();
        switch (escape) {
          case '"', '\\', '/' -> out.append(escape);
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            if (position + 4 > text.length()) {
              throw error("truncated \\u escape");
            }
            try {
              out.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
            } catch (NumberFormatException e) {
              throw error("bad \\u escape");
            }
            position += 4;
          }
          default -> throw error("bad escape");
        }
      }
    }

    private Long number() {
      int start = position;
      if (peek() == '-') {
        position++;
      }
      while (position < text.length() && Character.isDigit(text.charAt(position))) {
        position++;
      }
      if (position < text.length() && ".eE".indexOf(text.charAt(position)) >= 0) {
        throw error("only integral numbers are supported");
      }
      try {
        return Long.parseLong(text.substring(start, position));
      } catch (NumberFormatException e) {
        throw error("bad number");
      }
    }

    private @Nullable Object literal(String word, @Nullable Object value) {
      if (!text.startsWith(word, position)) {
        throw error("unexpected word");
      }
      position += word.length();
      return value;
    }

    void skipSpace() {
      while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
        position++;
      }
    }

    private char peek() {
      if (position >= text.length()) {
        throw error("unexpected end");
      }
      return text.charAt(position);
    }

    private char next() {
      char c = peek();
      position++;
      return c;
    }

    private void expect(char c) {
      if (next() != c) {
        throw error("expected '" + c + "'");
      }
    }

    IllegalArgumentException error(String what) {
      // The position only: stored JSON may hold public comments or names, which stay out of messages.
      return new IllegalArgumentException("malformed JSON at offset " + position + ": " + what);
    }
  }
}
