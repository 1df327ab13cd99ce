package org.petition.check.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

// Every list in one matcher, and the slurs and threats alone for a second look when profanity came first:
// the common text (no term) is read once, as before the lists were split.
public record TermLists(AbuseMatcher all, @Nullable AbuseMatcher severe) {

  public static TermLists compile(List<DataFile.Line> lines) {
    List<DataFile.Line> severe = new ArrayList<>();
    for (DataFile.Line line : lines) {
      if (TermKind.of(line.source()).compareTo(TermKind.HATE) >= 0) {
        severe.add(line);
      }
    }
    boolean mixed = !severe.isEmpty() && severe.size() < lines.size();
    return new TermLists(AbuseMatcher.compile(lines), mixed ? AbuseMatcher.compile(severe) : null);
  }
}
