package org.petition.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * A minimal streaming JSON writer producing compact RFC 8259 text. Escapes {@code "}, {@code \}, every
 * control character below U+0020, DEL, U+2028 and U+2029 (which break JavaScript string literals), and
 * lone surrogates (which UTF-8 cannot carry), so the output is safe to embed in JavaScript and always
 * valid UTF-8. Not thread-safe; one writer per document.
 */
public final class JsonWriter {

  private final StringBuilder out = new StringBuilder(256);
  // One entry per open container: whether it already holds a value, so the next one needs a comma.
  private final Deque<boolean[]> open = new ArrayDeque<>();
  private boolean expectValueAfterName;

  /** Opens an object. */
  public JsonWriter beginObject() {
    beforeValue();
    out.append('{');
    open.push(new boolean[1]);
    return this;
  }

  /** Closes the innermost object. */
  public JsonWriter endObject() {
    close('}');
    return this;
  }

  /** Opens an array. */
  public JsonWriter beginArray() {
    beforeValue();
    out.append('[');
    open.push(new boolean[1]);
    return this;
  }

  /** Closes the innermost array. */
  public JsonWriter endArray() {
    close(']');
    return this;
  }

  /** Writes a member name inside an object; a value must follow. */
  public JsonWriter name(String name) {
    if (expectValueAfterName || open.isEmpty()) {
      throw new IllegalStateException("a name must be inside an object and follow a value");
    }
    separate();
    quote(name);
    out.append(':');
    expectValueAfterName = true;
    return this;
  }

  /** Writes a string, or {@code null}. */
  public JsonWriter value(@Nullable String value) {
    beforeValue();
    if (value == null) {
      out.append("null");
    } else {
      quote(value);
    }
    return this;
  }

  /** Writes a number. */
  public JsonWriter value(long value) {
    beforeValue();
    out.append(value);
    return this;
  }

  /** Writes a boolean. */
  public JsonWriter value(boolean value) {
    beforeValue();
    out.append(value);
    return this;
  }

  /** Writes a name and a boolean value. */
  public JsonWriter member(String name, boolean value) {
    return name(name).value(value);
  }

  /** Writes a name and a string value. */
  public JsonWriter member(String name, @Nullable String value) {
    return name(name).value(value);
  }

  /** Writes a name and a number value. */
  public JsonWriter member(String name, long value) {
    return name(name).value(value);
  }

  /** The JSON written; every container must be closed. */
  @Override
  public String toString() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("JSON has " + open.size() + " unclosed containers");
    }
    return out.toString();
  }

  /** {@code text} as a quoted, escaped JSON string. */
  public static String quoted(String text) {
    JsonWriter writer = new JsonWriter();
    writer.quote(text);
    return writer.out.toString();
  }

  private void beforeValue() {
    if (expectValueAfterName) {
      expectValueAfterName = false;
    } else if (!open.isEmpty()) {
      separate();
    } else if (out.length() > 0) {
      throw new IllegalStateException("JSON text has a single top-level value");
    }
  }

  private void separate() {
    boolean[] hasValue = open.peek();
    if (hasValue != null) {
      if (hasValue[0]) {
        out.append(',');
      }
      hasValue[0] = true;
    }
  }

  private void close(char bracket) {
    if (open.isEmpty() || expectValueAfterName) {
      throw new IllegalStateException("nothing to close, or a name is waiting for its value");
    }
    open.pop();
    out.append(bracket);
  }

  private void quote(String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029') {
            unicodeEscape(c);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            unicodeEscape(c); // a lone surrogate
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private void unicodeEscape(char c) {
    out.append("\\u");
    String hex = Integer.toHexString(c);
    out.append("0".repeat(4 - hex.length())).append(hex);
  }
}
