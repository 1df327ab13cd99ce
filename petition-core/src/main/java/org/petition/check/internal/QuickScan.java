package org.petition.check.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.petition.check.internal.AbuseMatcher.Hit;
import org.petition.check.internal.AbuseMatcher.Node;
import org.petition.check.internal.AbuseMatcher.Phrase;
import org.petition.check.internal.AbuseMatcher.Term;

// AbuseMatcher.find without allocation, for the texts most signers type: names and short comments in any
// script of the Basic Multilingual Plane. It reads the text exactly as the general path does (the same
// words, joined words, folding, runs and, for scripts without spaces, the same tokens and Hangul
// composition), into per-thread buffers. Whatever it cannot decide alone, it hands back as FALLBACK and the
// general path reads the text from the start: a possible listed phrase, three one-letter words in a row,
// '1', '!' or '|' (i or l), a word mixing Latin with Cyrillic or Greek, a character outside the BMP or one
// whose accent cannot be stripped on its own, a text longer than MAX_TEXT. The answer is then always the
// general path's (QuickScanTest compares both on every BMP character and on the corpora).
final class QuickScan {

  static final Hit FALLBACK = new Hit("", "");

  // Longer texts go the general way, so no thread keeps large buffers.
  private static final int MAX_TEXT = 600;
  private static final int MAX_WORD = 64;

  private final Node words;
  private final Node allowed;
  private final Node unsegmented;
  private final Node exceptions;
  private final boolean hasUnsegmented;

  QuickScan(Node words, Node allowed, Node unsegmented, Node exceptions, boolean hasUnsegmented) {
    this.words = words;
    this.allowed = allowed;
    this.unsegmented = unsegmented;
    this.exceptions = exceptions;
    this.hasUnsegmented = hasUnsegmented;
  }

  // One thread's buffers, sized for MAX_TEXT characters.
  private static final class Scratch {
    final char[] raw = new char[MAX_TEXT];
    final int[] unitStart = new int[MAX_TEXT];
    final int[] unitEnd = new int[MAX_TEXT];
    final int[] unitSegment = new int[MAX_TEXT];
    final char[] folded = new char[MAX_TEXT];
    final char[] key = new char[MAX_TEXT];
    final int[] runs = new int[MAX_TEXT];
    final StringBuilder word = new StringBuilder(MAX_TEXT);
    final StringBuilder jamoRun = new StringBuilder(MAX_TEXT);
    final StringBuilder jamo = new StringBuilder(MAX_TEXT * 3);
    final StringBuilder stream = new StringBuilder(MAX_TEXT * 3);
    final int[] tokenOf = new int[MAX_TEXT * 3];
    final int[] tokenStart = new int[MAX_TEXT * 3];
    final int[] tokenLength = new int[MAX_TEXT * 3];
    final int[] cover = new int[MAX_TEXT * 3];
    int units;
    int tokens;
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  // The hit, null when the text is clean, or FALLBACK.
  @Nullable Hit find(String text) {
    if (text.length() > MAX_TEXT) {
      return FALLBACK;
    }
    Scratch s = SCRATCH.get();
    int scanned = units(text, s);
    if (scanned == NOT_READABLE) {
      return FALLBACK;
    }
    Hit hit = findWords(s);
    if (hit != null || scanned == SEGMENTED_ONLY || !hasUnsegmented) {
      return hit;
    }
    return findUnsegmented(text, s);
  }

  // ---------------------------------------------------------------------------------------------------
  // Scripts with spaces, as AbuseMatcher.units, findWords and matchWord

  private static final int NOT_READABLE = -1;
  private static final int SEGMENTED_ONLY = 0;
  private static final int WITH_UNSEGMENTED = 1;

  private static int units(String text, Scratch s) {
    s.units = 0;
    int length = 0;
    int partStart = 0;
    int segment = 0;
    boolean anyUnsegmented = false;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        return NOT_READABLE;
      }
      boolean unsegmentedChar = AbuseMatcher.isUnsegmented(c);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c) || unsegmentedChar) {
        anyUnsegmented |= unsegmentedChar;
        length = flush(s, partStart, length, segment);
        partStart = length;
        segment++;
      } else if (AbuseMatcher.isWordChar(c)) {
        s.raw[length++] = c;
      } else if ((c == '!' || c == '|') && length > partStart && i + 1 < n
          && Character.isLetter(text.codePointAt(i + 1))) {
        return NOT_READABLE;
      } else if (AbuseMatcher.isMark(c)) {
        if (length > partStart) {
          s.raw[length++] = c;
        }
      } else {
        length = flush(s, partStart, length, segment);
        partStart = length;
      }
    }
    flush(s, partStart, length, segment);
    return anyUnsegmented ? WITH_UNSEGMENTED : SEGMENTED_ONLY;
  }

  private static int flush(Scratch s, int start, int end, int segment) {
    if (end > start) {
      s.unitStart[s.units] = start;
      s.unitEnd[s.units] = end;
      s.unitSegment[s.units] = segment;
      s.units++;
    }
    return end;
  }

  private @Nullable Hit findWords(Scratch s) {
    int units = s.units;
    int joinedStart = -1;
    int singles = 0;
    for (int u = 0; u < units; u++) {
      int start = s.unitStart[u];
      int end = s.unitEnd[u];
      // Three one-letter words in a row are searched inside by the general path.
      singles = end - start == 1 ? singles + 1 : 0;
      if (singles >= 3) {
        return FALLBACK;
      }
      Hit hit = matchWord(s, start, end, true);
      if (hit != null) {
        return hit;
      }
      if (joinedStart < 0) {
        joinedStart = start;
      }
      if (u + 1 == units || s.unitSegment[u + 1] != s.unitSegment[u]) {
        // The words split by punctuation joined again (g.o.o.k.s); units are contiguous in raw.
        if (joinedStart != start && end - joinedStart <= MAX_WORD * 2) {
          hit = matchWord(s, joinedStart, end, false);
          if (hit != null) {
            return hit;
          }
        }
        joinedStart = -1;
      }
    }
    return null;
  }

  private @Nullable Hit matchWord(Scratch s, int start, int end, boolean unit) {
    int length = fold(s, start, end);
    if (length == NOT_READABLE) {
      return FALLBACK;
    }
    if (length == 0 || isAllowed(s.folded, length)) {
      return null;
    }
    int count = 0;
    for (int i = 0; i < length; i++) {
      char c = s.folded[i];
      if (count > 0 && s.key[count - 1] == c) {
        s.runs[count - 1]++;
      } else {
        s.key[count] = c;
        s.runs[count++] = 1;
      }
    }
    return walk(s.key, s.runs, count, unit);
  }

  // WordFolding.variants when it gives one spelling: its length in s.folded, 0 for a word without a
  // letter, NOT_READABLE when the general path must fold it.
  private static int fold(Scratch s, int start, int end) {
    int length = 0;
    boolean letter = false;
    boolean latin = false;
    boolean other = false;
    for (int i = start; i < end; i++) {
      char c = s.raw[i];
      if (c >= 0x80) {
        c = WordFolding.stripped(c);
        if (c == WordFolding.COMPLEX) {
          return NOT_READABLE;
        }
        if (WordFolding.isDrop(c)) {
          continue;
        }
      }
      int mapped = WordFolding.leet(c);
      if (mapped == WordFolding.AMBIGUOUS) {
        return NOT_READABLE;
      }
      if (mapped != c) {
        s.folded[length++] = (char) mapped;
        continue;
      }
      if (Character.isLetter(c)) {
        letter = true;
        int lower = Character.toLowerCase((int) c);
        if (lower == 'ς') {
          lower = 'σ';
        }
        if (lower > 0xFFFF) {
          return NOT_READABLE;
        }
        if (lower < 0x250) {
          latin |= lower >= 'a';
        } else if (lower >= 0x370 && lower < 0x530) {
          other = true;
        }
        s.folded[length++] = (char) lower;
      } else {
        s.folded[length++] = c;
      }
    }
    if (latin && other) {
      return NOT_READABLE;
    }
    return letter ? length : 0;
  }

  private boolean isAllowed(char[] spelling, int length) {
    Node node = allowed;
    for (int i = 0; i < length; i++) {
      node = node.child(spelling[i]);
      if (node == null) {
        return false;
      }
    }
    return node.terminal;
  }

  // AbuseMatcher.walk; a word that may start a listed phrase goes to the general path.
  private @Nullable Hit walk(char[] key, int[] runs, int count, boolean unit) {
    Node node = words;
    for (int j = 0; j < count; j++) {
      Node next = node.child(key[j]);
      if (next == null) {
        return null;
      }
      node = next;
      List<Term> prefix = node.prefix;
      if (prefix != null) {
        for (Term term : prefix) {
          if (WordFolding.covers(runs, count, 0, term.runs())) {
            return new Hit(term.listed(), term.source());
          }
        }
      }
    }
    List<Term> whole = node.whole;
    if (whole != null) {
      for (Term term : whole) {
        if (term.runs().length == count && WordFolding.covers(runs, count, 0, term.runs())) {
          return new Hit(term.listed(), term.source());
        }
      }
    }
    List<Phrase> phrases = node.phraseStarts;
    if (unit && phrases != null) {
      for (Phrase phrase : phrases) {
        int[] first = phrase.words()[0].runs;
        if (first.length == count && WordFolding.covers(runs, count, 0, first)) {
          return FALLBACK;
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------------
  // Scripts without spaces, as AbuseMatcher.unsegmentedTokens and findUnsegmented

  private @Nullable Hit findUnsegmented(String text, Scratch s) {
    tokens(text, s);
    if (s.tokens == 0) {
      return null;
    }
    StringBuilder stream = s.stream;
    int n = stream.length();
    int[] cover = s.cover;
    for (int p = 0; p < n; p++) {
      int end = AbuseMatcher.longestMatch(exceptions, stream, p, s.tokenOf, s.tokenLength);
      cover[p] = Math.max(p > 0 ? cover[p - 1] : 0, end);
    }
    for (int p = 0; p < n; p++) {
      Node node = unsegmented;
      for (int q = p; q < n; q++) {
        if (q > p && !AbuseMatcher.canJoin(s.tokenOf, s.tokenLength, q)) {
          break;
        }
        Node next = node.child(stream.charAt(q));
        if (next == null) {
          break;
        }
        node = next;
        List<Term> whole = node.whole;
        if (whole != null && cover[p] < q + 1) {
          for (Term term : whole) {
            if (!term.anchored() || s.tokenStart[s.tokenOf[p]] == p) {
              return new Hit(term.listed(), term.source());
            }
          }
        }
      }
    }
    return null;
  }

  private static void tokens(String text, Scratch s) {
    s.tokens = 0;
    s.stream.setLength(0);
    s.word.setLength(0);
    s.jamoRun.setLength(0);
    boolean onlyJamo = true;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        onlyJamo = endWord(s, onlyJamo);
      } else if (AbuseMatcher.isUnsegmented(c)) {
        s.word.append(c);
        onlyJamo &= Hangul.isCompatibilityJamo(c);
      }
    }
    endWord(s, onlyJamo);
    endJamoRun(s);
  }

  private static boolean endWord(Scratch s, boolean onlyJamo) {
    if (s.word.length() > 0) {
      if (onlyJamo) {
        s.jamoRun.append(s.word);
      } else {
        endJamoRun(s);
        token(s, s.word);
      }
    }
    s.word.setLength(0);
    return true;
  }

  private static void endJamoRun(Scratch s) {
    if (s.jamoRun.length() > 0) {
      token(s, s.jamoRun);
      s.jamoRun.setLength(0);
    }
  }

  private static void token(Scratch s, CharSequence word) {
    int t = s.tokens++;
    int start = s.stream.length();
    Hangul.normalizeInto(word, s.jamo, s.stream);
    int length = s.stream.length() - start;
    s.tokenStart[t] = start;
    s.tokenLength[t] = length;
    for (int i = start; i < start + length; i++) {
      s.tokenOf[i] = t;
    }
  }
}
