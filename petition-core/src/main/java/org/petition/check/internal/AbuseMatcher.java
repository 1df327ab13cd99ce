package org.petition.check.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

// Finds listed abusive terms in free text, in time linear in the text.
//
// Scripts written with spaces (Latin, Cyrillic, Greek...) are matched word by word, never inside a word,
// so "Scunthorpe", "assistant" and "grape" stay clean. A word is folded before the lookup: lower case,
// accents dropped, digits and symbols read as letters (g00k$ -> gooks), Latin/Cyrillic look-alikes unified
// inside a mixed word, and punctuation inside a word dropped (g.o.o.k.s, f*ck). Repeated letters are
// compared as runs: "gooooks" matches "gooks" because each run is at least as long as in the term, while
// "Niger" does not match a term with "gg". Runs of single letters ("g o o k s") are joined and searched
// inside, the only place where a term may match within a longer string.
//
// Scripts written without spaces (Hangul, Han, Kana, Thai...) are matched inside words, because particles
// attach to words ("병신아"); spaces and symbols between syllables are ignored when a side of the gap is a
// single syllable ("씨 발", "씨.발"), and Hangul is recomposed from loose jamo ("ㅆㅣㅂㅏㄹ"). Entries may
// be anchored to the start of a word ("=시발", so "도시발전" stays clean) and exceptions ("!시발점") mask
// the matches they contain.
public final class AbuseMatcher {

  // What was found: the entry as listed and the list it came from.
  public record Hit(String term, String source) {}

  private static final int MAX_WORD = 64;

  private final Node words;
  private final Set<String> allowedWords;
  private final Node unsegmented;
  private final Node unsegmentedExceptions;
  private final boolean hasUnsegmented;
  private final QuickScan quick;

  private AbuseMatcher(
      Node words,
      Set<String> allowedWords,
      Node unsegmented,
      Node unsegmentedExceptions,
      boolean hasUnsegmented,
      Node allowedTrie) {
    this.words = words;
    this.allowedWords = allowedWords;
    this.unsegmented = unsegmented;
    this.unsegmentedExceptions = unsegmentedExceptions;
    this.hasUnsegmented = hasUnsegmented;
    this.quick = new QuickScan(words, allowedTrie, unsegmented, unsegmentedExceptions, hasUnsegmented);
  }

  // ---------------------------------------------------------------------------------------------------
  // Compiling the lists

  record Term(String listed, String source, int[] runs, boolean prefix, boolean anchored) {}

  record Phrase(Term term, Rle[] words) {}

  static final class Node {
    private final TreeMap<Character, Node> building = new TreeMap<>();
    private char[] keys = new char[0];
    private Node[] children = new Node[0];
    // An exception ('!word') ends here (only in the trie of exceptions, over spellings, not runs).
    boolean terminal;
    @Nullable List<Term> whole;
    @Nullable List<Term> prefix;
    @Nullable List<Phrase> phraseStarts;

    @Nullable Node child(char c) {
      int i = Arrays.binarySearch(keys, c);
      return i >= 0 ? children[i] : null;
    }

    Node add(char c) {
      return building.computeIfAbsent(c, k -> new Node());
    }

    void freeze() {
      keys = new char[building.size()];
      children = new Node[building.size()];
      int i = 0;
      for (Map.Entry<Character, Node> e : building.entrySet()) {
        keys[i] = e.getKey();
        children[i] = e.getValue();
        e.getValue().freeze();
        i++;
      }
      building.clear();
    }
  }

  public static AbuseMatcher compile(List<DataFile.Line> lines) {
    Objects.requireNonNull(lines, "lines must not be null");
    Node words = new Node();
    Set<String> allowed = new HashSet<>();
    Node unsegmented = new Node();
    Node exceptions = new Node();
    boolean hasUnsegmented = false;
    for (DataFile.Line line : lines) {
      String text = line.text();
      boolean exception = text.startsWith("!");
      if (exception) {
        text = text.substring(1).strip();
      }
      boolean anchored = text.startsWith("=");
      if (anchored) {
        text = text.substring(1).strip();
      }
      boolean prefix = text.endsWith("*");
      if (prefix) {
        text = text.substring(0, text.length() - 1).strip();
      }
      if (text.isEmpty()) {
        throw new IllegalArgumentException(line.where() + ": the entry has no term");
      }
      int scripts = scripts(text);
      if (scripts == (UNSEGMENTED | SEGMENTED)) {
        throw new IllegalArgumentException(
            line.where() + ": a term must not mix scripts written with and without spaces: " + text);
      }
      if (scripts == UNSEGMENTED) {
        if (prefix) {
          throw new IllegalArgumentException(line.where()
              + ": '*' is not used with a script written without spaces (its terms match inside words): "
              + text);
        }
        String normal = Hangul.normalize(withoutNonLetters(text));
        Term term = new Term(text, line.source(), new int[0], false, anchored);
        insertUnsegmented(exception ? exceptions : unsegmented, normal, term);
        hasUnsegmented = true;
        continue;
      }
      if (anchored) {
        throw new IllegalArgumentException(line.where()
            + ": '=' is only used with a script written without spaces (other terms match whole words): "
            + text);
      }
      String[] parts = text.split("\\s+");
      List<String> normals = new ArrayList<>(parts.length);
      for (String part : parts) {
        List<String> variants = WordFolding.variants(part);
        if (!lettersOnly(part) || variants.size() != 1 || !lettersOnly(variants.get(0))) {
          throw new IllegalArgumentException(
              line.where() + ": a term must be made of letters only (no digits or symbols): " + text);
        }
        normals.add(variants.get(0));
      }
      if (exception) {
        if (parts.length > 1 || prefix) {
          throw new IllegalArgumentException(
              line.where() + ": an exception ('!') must be a single whole word: " + text);
        }
        allowed.add(normals.get(0));
        continue;
      }
      if (parts.length > 1) {
        if (prefix) {
          throw new IllegalArgumentException(line.where() + ": a phrase cannot end with '*': " + text);
        }
        Rle[] rles = new Rle[normals.size()];
        for (int i = 0; i < rles.length; i++) {
          rles[i] = Rle.of(normals.get(i));
        }
        Term term = new Term(text, line.source(), rles[0].runs, false, false);
        Node node = words;
        for (int i = 0; i < rles[0].key.length(); i++) {
          node = node.add(rles[0].key.charAt(i));
        }
        if (node.phraseStarts == null) {
          node.phraseStarts = new ArrayList<>();
        }
        node.phraseStarts.add(new Phrase(term, rles));
        continue;
      }
      String word = normals.get(0);
      for (String form : prefix ? List.of(word) : forms(word)) {
        Rle rle = Rle.of(form);
        Term term = new Term(text, line.source(), rle.runs, prefix, false);
        Node node = words;
        for (int i = 0; i < rle.key.length(); i++) {
          node = node.add(rle.key.charAt(i));
        }
        if (prefix) {
          node.prefix = append(node.prefix, term);
        } else {
          node.whole = append(node.whole, term);
        }
      }
    }
    Node allowedTrie = new Node();
    for (String word : allowed) {
      Node node = allowedTrie;
      for (int i = 0; i < word.length(); i++) {
        node = node.add(word.charAt(i));
      }
      node.terminal = true;
    }
    words.freeze();
    unsegmented.freeze();
    exceptions.freeze();
    allowedTrie.freeze();
    return new AbuseMatcher(words, Set.copyOf(allowed), unsegmented, exceptions, hasUnsegmented, allowedTrie);
  }

  private static List<Term> append(@Nullable List<Term> list, Term term) {
    List<Term> result = list == null ? new ArrayList<>() : list;
    result.add(term);
    return result;
  }

  private static void insertUnsegmented(Node root, String normal, Term term) {
    Node node = root;
    for (int i = 0; i < normal.length(); i++) {
      node = node.add(normal.charAt(i));
    }
    node.whole = append(node.whole, term);
  }

  // The word and its English plurals, for Latin-script words.
  private static List<String> forms(String word) {
    List<String> forms = new ArrayList<>(4);
    forms.add(word);
    char last = word.charAt(word.length() - 1);
    if (last > 'z') {
      return forms;
    }
    forms.add(word + "s");
    if (last == 's' || last == 'x' || last == 'z' || word.endsWith("ch") || word.endsWith("sh")) {
      forms.add(word + "es");
    }
    if (last == 'y' && word.length() > 1 && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0) {
      forms.add(word.substring(0, word.length() - 1) + "ies");
    }
    return forms;
  }

  private static final int SEGMENTED = 1;
  private static final int UNSEGMENTED = 2;

  private static int scripts(String text) {
    int found = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (isUnsegmented(cp)) {
        found |= UNSEGMENTED;
      } else if (Character.isLetter(cp)) {
        found |= SEGMENTED;
      }
    }
    return found == 0 ? SEGMENTED : found;
  }

  private static String withoutNonLetters(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isUnsegmented(c) || Character.isLetter(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean lettersOnly(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (!Character.isLetter(cp) && !isMark(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return !s.isEmpty();
  }

  // Scripts whose words are not separated by spaces, matched inside words.
  static boolean isUnsegmented(int cp) {
    if (cp < 0x0E00) {
      return false;
    }
    if (Hangul.isHangul(cp)) {
      return true;
    }
    Character.UnicodeScript script;
    try {
      script = Character.UnicodeScript.of(cp);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return switch (script) {
      case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR, TIBETAN, YI -> true;
      default -> false;
    };
  }

  // ---------------------------------------------------------------------------------------------------
  // Matching

  public @Nullable Hit find(String text) {
    Objects.requireNonNull(text, "text must not be null");
    Hit quickly = quick.find(text);
    if (quickly != QuickScan.FALLBACK) {
      return quickly;
    }
    return findSlowly(text);
  }

  // The general path, allocating as it goes; the quick scan gives the same answer without allocation for
  // the texts it can read (QuickScanTest compares the two).
  @Nullable Hit findSlowly(String text) {
    Hit hit = findWords(text);
    if (hit == null && hasUnsegmented) {
      hit = findUnsegmented(text);
    }
    return hit;
  }

  // A word of the text: letters, digits and leet symbols between separators or punctuation.
  private static final class Unit {
    final String raw;
    final int segment;
    final boolean single;
    private @Nullable Rle primary;
    private boolean folded;

    Unit(String raw, int segment) {
      this.raw = raw;
      this.segment = segment;
      this.single = raw.codePointCount(0, raw.length()) == 1;
    }

    // The first folded spelling, computed once.
    @Nullable Rle primary() {
      if (!folded) {
        folded = true;
        primary = fold(raw);
      }
      return primary;
    }
  }

  private static @Nullable Rle fold(CharSequence raw) {
    if (raw.length() > MAX_WORD) {
      return null;
    }
    List<String> spellings = WordFolding.variants(raw);
    return spellings.isEmpty() ? null : Rle.of(spellings.get(0));
  }

  // A word that starts a listed phrase; the following words are checked once all words were seen.
  private record Candidate(int unit, Phrase phrase) {}

  private @Nullable Hit findWords(String text) {
    List<Unit> units = units(text);
    if (units.isEmpty()) {
      return null;
    }
    List<Candidate> candidates = new ArrayList<>(0);
    // Words, and words split by punctuation joined again (g.o.o.k.s, f*ck).
    StringBuilder joined = new StringBuilder();
    int parts = 0;
    for (int u = 0; u < units.size(); u++) {
      Unit unit = units.get(u);
      Hit hit = matchWord(unit.raw, u, candidates);
      if (hit != null) {
        return hit;
      }
      joined.append(unit.raw);
      parts++;
      if (u + 1 == units.size() || units.get(u + 1).segment != unit.segment) {
        if (parts > 1 && joined.length() <= MAX_WORD * 2) {
          hit = matchWord(joined, -1, candidates);
          if (hit != null) {
            return hit;
          }
        }
        joined.setLength(0);
        parts = 0;
      }
    }
    for (Candidate candidate : candidates) {
      if (phraseFollows(units, candidate)) {
        return new Hit(candidate.phrase.term.listed, candidate.phrase.term.source);
      }
    }
    return matchSingleLetterRuns(units);
  }

  // The words after the first, each as the next word or as the next word split by punctuation
  // ("kill your-self").
  private static boolean phraseFollows(List<Unit> units, Candidate candidate) {
    Rle[] words = candidate.phrase.words;
    int p = candidate.unit + 1;
    for (int w = 1; w < words.length; w++) {
      if (p >= units.size()) {
        return false;
      }
      if (same(units.get(p).primary(), words[w])) {
        p++;
        continue;
      }
      int q = p + 1;
      while (q < units.size() && units.get(q).segment == units.get(p).segment) {
        q++;
      }
      if (q - p < 2) {
        return false;
      }
      StringBuilder joined = new StringBuilder();
      for (int k = p; k < q && joined.length() <= MAX_WORD; k++) {
        joined.append(units.get(k).raw);
      }
      if (!same(fold(joined), words[w])) {
        return false;
      }
      p = q;
    }
    return true;
  }

  private static boolean same(@Nullable Rle word, Rle expected) {
    return word != null && word.key.equals(expected.key) && word.covers(0, expected.runs);
  }

  private static List<Unit> units(String text) {
    List<Unit> units = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    int segment = 0;
    int n = text.length();
    for (int i = 0; i < n; ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)
          || isUnsegmented(cp)) {
        flush(units, part, segment);
        segment++;
      } else if (isWordChar(cp)) {
        part.appendCodePoint(cp);
      } else if ((cp == '!' || cp == '|') && part.length() > 0 && next < n
          && Character.isLetter(text.codePointAt(next))) {
        part.appendCodePoint(cp);
      } else if (isMark(cp)) {
        if (part.length() > 0) {
          part.appendCodePoint(cp);
        }
      } else {
        flush(units, part, segment);
      }
      i = next;
    }
    flush(units, part, segment);
    return units;
  }

  private static void flush(List<Unit> units, StringBuilder part, int segment) {
    if (part.length() > 0) {
      units.add(new Unit(part.toString(), segment));
      part.setLength(0);
    }
  }

  static boolean isWordChar(int cp) {
    return Character.isLetterOrDigit(cp) || cp == '@' || cp == '$';
  }

  static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  // Sentinel: the word needs the full folding (non-ASCII, or 1 ! | that may be i or l).
  private static final Hit NEEDS_FOLDING = new Hit("", "");

  private @Nullable Hit matchWord(CharSequence raw, int unit, List<Candidate> candidates) {
    if (allowedWords.isEmpty()) {
      Hit hit = matchPlainAscii(raw, unit, candidates);
      if (hit != NEEDS_FOLDING) {
        return hit;
      }
    }
    List<String> spellings = WordFolding.variants(raw);
    for (String spelling : spellings) {
      if (allowedWords.contains(spelling)) {
        return null;
      }
    }
    for (String spelling : spellings) {
      Rle rle = Rle.of(spelling);
      Hit hit = walk(rle.chars, rle.runs, rle.runs.length, unit, candidates);
      if (hit != null) {
        return hit;
      }
    }
    return null;
  }

  // The common case without allocation-heavy folding: plain ASCII letters, digits read as letters.
  private @Nullable Hit matchPlainAscii(CharSequence raw, int unit, List<Candidate> candidates) {
    int n = raw.length();
    boolean letter = false;
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (c >= 0x80 || c == '1' || c == '!' || c == '|') {
        return NEEDS_FOLDING;
      }
      letter |= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    if (!letter) {
      return null;
    }
    char[] key = new char[n];
    int[] runs = new int[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      char f = c >= 'A' && c <= 'Z' ? (char) (c + 32) : (char) WordFolding.leet(c);
      if (count > 0 && key[count - 1] == f) {
        runs[count - 1]++;
      } else {
        key[count] = f;
        runs[count++] = 1;
      }
    }
    return walk(key, runs, count, unit, candidates);
  }

  private @Nullable Hit walk(char[] key, int[] runs, int count, int unit, List<Candidate> candidates) {
    Node node = words;
    for (int j = 0; j < count; j++) {
      Node next = node.child(key[j]);
      if (next == null) {
        return null;
      }
      node = next;
      if (node.prefix != null) {
        for (Term term : node.prefix) {
          if (WordFolding.covers(runs, count, 0, term.runs)) {
            return new Hit(term.listed, term.source);
          }
        }
      }
    }
    if (node.whole != null) {
      for (Term term : node.whole) {
        if (term.runs.length == count && WordFolding.covers(runs, count, 0, term.runs)) {
          return new Hit(term.listed, term.source);
        }
      }
    }
    if (unit >= 0 && node.phraseStarts != null) {
      for (Phrase phrase : node.phraseStarts) {
        if (phrase.words[0].runs.length == count && WordFolding.covers(runs, count, 0, phrase.words[0].runs)) {
          candidates.add(new Candidate(unit, phrase));
        }
      }
    }
    return null;
  }

  // "g o o k s", "g. o. o. k. s.": runs of one-letter words are joined and searched inside.
  private @Nullable Hit matchSingleLetterRuns(List<Unit> units) {
    StringBuilder run = new StringBuilder();
    int count = 0;
    for (int u = 0; u <= units.size(); u++) {
      Unit unit = u < units.size() ? units.get(u) : null;
      if (unit != null && unit.single) {
        run.append(unit.raw);
        count++;
        continue;
      }
      if (count >= 3) {
        Hit hit = searchInside(run);
        if (hit != null) {
          return hit;
        }
      }
      run.setLength(0);
      count = 0;
    }
    return null;
  }

  private @Nullable Hit searchInside(CharSequence run) {
    for (String spelling : WordFolding.variants(run)) {
      Rle rle = Rle.of(spelling);
      for (int start = 0; start < rle.key.length(); start++) {
        Node node = words;
        for (int j = start; j < rle.key.length(); j++) {
          Node next = node.child(rle.key.charAt(j));
          if (next == null) {
            break;
          }
          node = next;
          List<Term> whole = node.whole;
          if (whole != null) {
            for (Term term : whole) {
              if (term.runs.length == j - start + 1 && rle.covers(start, term.runs)) {
                return new Hit(term.listed, term.source);
              }
            }
          }
          List<Term> prefix = node.prefix;
          if (prefix != null) {
            for (Term term : prefix) {
              if (rle.covers(start, term.runs)) {
                return new Hit(term.listed, term.source);
              }
            }
          }
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------------
  // Scripts without spaces

  private @Nullable Hit findUnsegmented(String text) {
    List<String> tokens = unsegmentedTokens(text);
    if (tokens.isEmpty()) {
      return null;
    }
    StringBuilder stream = new StringBuilder();
    int[] tokenOf = new int[16];
    int[] tokenStart = new int[tokens.size()];
    int[] tokenLength = new int[tokens.size()];
    for (int t = 0; t < tokens.size(); t++) {
      String token = tokens.get(t);
      tokenStart[t] = stream.length();
      tokenLength[t] = token.length();
      if (tokenOf.length < stream.length() + token.length()) {
        tokenOf = Arrays.copyOf(tokenOf, Math.max(tokenOf.length * 2, stream.length() + token.length()));
      }
      for (int i = 0; i < token.length(); i++) {
        tokenOf[stream.length() + i] = t;
      }
      stream.append(token);
    }
    int n = stream.length();
    // cover[p]: the furthest end of an exception starting at or before p.
    int[] cover = new int[n];
    for (int p = 0; p < n; p++) {
      int end = longestMatch(unsegmentedExceptions, stream, p, tokenOf, tokenLength);
      cover[p] = Math.max(p > 0 ? cover[p - 1] : 0, end);
    }
    for (int p = 0; p < n; p++) {
      Node node = unsegmented;
      for (int q = p; q < n; q++) {
        if (q > p && !canJoin(tokenOf, tokenLength, q)) {
          break;
        }
        Node next = node.child(stream.charAt(q));
        if (next == null) {
          break;
        }
        node = next;
        if (node.whole != null && cover[p] < q + 1) {
          for (Term term : node.whole) {
            if (!term.anchored || tokenStart[tokenOf[p]] == p) {
              return new Hit(term.listed, term.source);
            }
          }
        }
      }
    }
    return null;
  }

  static int longestMatch(Node root, CharSequence stream, int p, int[] tokenOf, int[] tokenLength) {
    int end = 0;
    Node node = root;
    for (int q = p; q < stream.length(); q++) {
      if (q > p && !canJoin(tokenOf, tokenLength, q)) {
        break;
      }
      Node next = node.child(stream.charAt(q));
      if (next == null) {
        break;
      }
      node = next;
      if (node.whole != null) {
        end = q + 1;
      }
    }
    return end;
  }

  // Two words are read as one only when one of them is a single syllable ("씨 발"), so "김씨 발언" stays
  // two words.
  static boolean canJoin(int[] tokenOf, int[] tokenLength, int q) {
    int before = tokenOf[q - 1];
    int after = tokenOf[q];
    return before == after || tokenLength[before] == 1 || tokenLength[after] == 1;
  }

  // The words of the text in scripts without spaces, with other characters inside a word dropped
  // ("씨1발" -> "씨발"), runs of words made only of loose jamo joined ("ㅆ ㅣ ㅂ ㅏ ㄹ"), Hangul recomposed.
  private static List<String> unsegmentedTokens(String text) {
    UnsegmentedTokens tokens = new UnsegmentedTokens();
    for (int i = 0, n = text.length(); i < n; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        tokens.endWord();
      } else if (isUnsegmented(cp)) {
        tokens.add(cp);
      }
    }
    tokens.endWord();
    tokens.endJamoRun();
    return tokens.tokens;
  }

  private static final class UnsegmentedTokens {
    final List<String> tokens = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private final StringBuilder jamoRun = new StringBuilder();
    private boolean onlyJamo = true;

    void add(int cp) {
      word.appendCodePoint(cp);
      onlyJamo &= Hangul.isCompatibilityJamo(cp);
    }

    void endWord() {
      if (word.length() > 0) {
        if (onlyJamo) {
          jamoRun.append(word);
        } else {
          endJamoRun();
          tokens.add(Hangul.normalize(word));
        }
      }
      word.setLength(0);
      onlyJamo = true;
    }

    void endJamoRun() {
      if (jamoRun.length() > 0) {
        tokens.add(Hangul.normalize(jamoRun));
        jamoRun.setLength(0);
      }
    }
  }
}
