package org.petition.spring.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@code multipart/form-data} body (RFC 7578) parsed from bytes already held within the body limit: its
 * parts' names, file names and contents. Strict and small: CRLF line ends, at most {@link #MAX_PARTS} parts and
 * {@link #MAX_HEADER_BYTES} of headers per part; anything else is malformed (empty answer), never an exception.
 */
final class MultipartBody {

  static final int MAX_PARTS = 64;
  static final int MAX_HEADER_BYTES = 8 * 1024;

  /** One part: its field name, its file name when it is a file, its bytes. */
  record Part(String name, @Nullable String filename, byte[] content) {
    String text() {
      return new String(content, StandardCharsets.UTF_8); // RFC 7578 §5.1: UTF-8 unless _charset_ says otherwise
    }
  }

  private final List<Part> parts;

  private MultipartBody(List<Part> parts) {
    this.parts = parts;
  }

  /** Whether the content type is multipart/form-data. */
  static boolean isMultipart(@Nullable String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  List<Part> parts() {
    return parts;
  }

  /** The parts named so, in order. */
  List<Part> named(String name) {
    return parts.stream().filter(part -> part.name().equals(name)).toList();
  }

  /** Parses a body; empty when the content type has no boundary or the body is malformed. */
  static Optional<MultipartBody> parse(byte[] body, @Nullable String contentType) {
    String boundary = boundary(contentType);
    if (boundary == null) {
      return Optional.empty();
    }
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] separator = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int at = indexOf(body, delimiter, 0);
    if (at < 0) {
      return Optional.empty();
    }
    at += delimiter.length;
    List<Part> parts = new ArrayList<>();
    while (true) {
      if (startsWith(body, at, "--")) {
        return Optional.of(new MultipartBody(List.copyOf(parts)));
      }
      if (!startsWith(body, at, "\r\n") || parts.size() == MAX_PARTS) {
        return Optional.empty();
      }
      int headersStart = at + 2;
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
      if (headersEnd < 0 || headersEnd - headersStart > MAX_HEADER_BYTES) {
        return Optional.empty();
      }
      int contentStart = headersEnd + 4;
      int contentEnd = indexOf(body, separator, contentStart);
      if (contentEnd < 0) {
        return Optional.empty();
      }
      Part part = part(new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8),
          java.util.Arrays.copyOfRange(body, contentStart, contentEnd));
      if (part == null) {
        return Optional.empty();
      }
      parts.add(part);
      at = contentEnd + separator.length;
    }
  }

  private static @Nullable Part part(String headers, byte[] content) {
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Disposition")) {
        String value = line.substring(colon + 1).trim();
        if (!value.toLowerCase(Locale.ROOT).startsWith("form-data")) {
          return null;
        }
        String name = parameter(value, "name");
        return name == null || name.isEmpty() ? null : new Part(name, parameter(value, "filename"), content);
      }
    }
    return null;
  }

  // A parameter of a header value: name="quoted" (backslash escapes) or name=token.
  static @Nullable String parameter(String value, String name) {
    int i = 0;
    while (i < value.length()) {
      int semicolon = value.indexOf(';', i);
      if (semicolon < 0) {
        return null;
      }
      int start = semicolon + 1;
      while (start < value.length() && value.charAt(start) == ' ') {
        start++;
      }
      int eq = value.indexOf('=', start);
      if (eq < 0) {
        return null;
      }
      String key = value.substring(start, eq).trim();
      int valueStart = eq + 1;
      String found;
      int next;
      if (valueStart < value.length() && value.charAt(valueStart) == '"') {
        StringBuilder quoted = new StringBuilder();
        int j = valueStart + 1;
        while (j < value.length() && value.charAt(j) != '"') {
          char c = value.charAt(j);
          if (c == '\\' && j + 1 < value.length()) {
            c = value.charAt(++j);
          }
          quoted.append(c);
          j++;
        }
        found = quoted.toString();
        next = j + 1;
      } else {
        int end = value.indexOf(';', valueStart);
        next = end < 0 ? value.length() : end;
        found = value.substring(valueStart, next).trim();
      }
      if (key.equalsIgnoreCase(name)) {
        return found;
      }
      i = next;
    }
    return null;
  }

  private static @Nullable String boundary(@Nullable String contentType) {
    if (contentType == null || !isMultipart(contentType)) {
      return null;
    }
    String boundary = parameter(contentType, "boundary");
    // RFC 2046: 1 to 70 characters.
    return boundary == null || boundary.isEmpty() || boundary.length() > 70 ? null : boundary;
  }

  private static boolean startsWith(byte[] body, int at, String text) {
    if (at + text.length() > body.length) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (body[at + i] != (byte) text.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  static int indexOf(byte[] body, byte[] pattern, int from) {
    outer:
    for (int i = Math.max(0, from); i <= body.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (body[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
