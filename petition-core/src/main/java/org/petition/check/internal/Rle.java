package org.petition.check.internal;

import java.util.Arrays;

// A word as runs of letters: "gooks" is key "goks" with runs [1, 2, 1, 1].
final class Rle {
  final String key;
  final char[] chars;
  final int[] runs;

  private Rle(String key, int[] runs) {
    this.key = key;
    this.chars = key.toCharArray();
    this.runs = runs;
  }

  static Rle of(String s) {
    StringBuilder key = new StringBuilder(s.length());
    int[] runs = new int[s.length()];
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (n > 0 && key.charAt(n - 1) == c) {
        runs[n - 1]++;
      } else {
        key.append(c);
        runs[n++] = 1;
      }
    }
    return new Rle(key.toString(), Arrays.copyOf(runs, n));
  }

  boolean covers(int from, int[] termRuns) {
    return WordFolding.covers(runs, runs.length, from, termRuns);
  }
}
