package org.petition.check.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

// The line format shared by the data files of the checks: UTF-8, one entry per line, '#' starts a comment
// (a whole line, or the rest of a line after a space or tab), blank lines ignored.
public final class DataFile {

  public record Line(String source, int number, String text) {
    public Line {
      Objects.requireNonNull(source, "source must not be null");
      Objects.requireNonNull(text, "text must not be null");
    }

    public String where() {
      return source + " line " + number;
    }
  }

  private DataFile() {}

  public static List<Line> read(String source, Reader reader) {
    Objects.requireNonNull(source, "source must not be null");
    Objects.requireNonNull(reader, "reader must not be null");
    List<Line> lines = new ArrayList<>();
    BufferedReader buffered = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    try {
      int number = 0;
      for (String raw = buffered.readLine(); raw != null; raw = buffered.readLine()) {
        number++;
        if (number == 1 && !raw.isEmpty() && raw.charAt(0) == '\uFEFF') {
          raw = raw.substring(1);
        }
        String text = stripComment(raw).strip();
        if (!text.isEmpty()) {
          lines.add(new Line(source, number, text));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + source, e);
    }
    return lines;
  }

  public static List<Line> of(String source, Collection<String> entries) {
    Objects.requireNonNull(entries, "entries must not be null");
    List<Line> lines = new ArrayList<>(entries.size());
    int number = 0;
    for (String entry : entries) {
      number++;
      if (entry == null) {
        throw new NullPointerException(source + " entry " + number + " must not be null");
      }
      String text = stripComment(entry).strip();
      if (!text.isEmpty()) {
        lines.add(new Line(source, number, text));
      }
    }
    return lines;
  }

  // Loads a data file shipped next to the anchor class; a missing file is a packaging error.
  public static List<Line> resource(Class<?> anchor, String name) {
    InputStream in = anchor.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("data file " + name + " is missing from the class path next to "
          + anchor.getName());
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return read(name, reader);
    } catch (IOException e) {
      throw new UncheckedIOException("could not close " + name, e);
    }
  }

  static String stripComment(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) == '#' && (i == 0 || Character.isWhitespace(raw.charAt(i - 1)))) {
        return raw.substring(0, i);
      }
    }
    return raw;
  }
}
