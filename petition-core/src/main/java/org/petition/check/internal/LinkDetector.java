package org.petition.check.internal;

import java.util.Locale;
import java.util.Set;
import org.apache.commons.validator.routines.DomainValidator;
import org.jspecify.annotations.Nullable;

// Finds links in free text: URLs with a scheme, www. hosts, bare domains (example.com/x, og.com.ua) and
// domains whose dots are disguised ("example dot com", "example(dot)com", "example [.] com", "example．com").
// One pass to undo the disguises, one pass over runs of label characters; no regular expression, so the
// time is linear in the length of the text.
//
// A bare "word.word" is a link only when it looks like one, because people type "U.S.", "e.g.", "J.R.R.",
// "Mr.Smith", "Dr.Who", "3.5" and forget the space after a full stop: the top-level domain must be real
// (Commons Validator), written in lower case (a sentence starts with a capital), and either a usual
// top-level domain or a country code that is not also a short word ("it", "is", "no").
public final class LinkDetector {

  // What was found: the host (or scheme URL start) as typed, lower-cased and cut to 64 characters.
  public record Link(String text, boolean email) {}

  private static final DomainValidator DOMAINS = DomainValidator.getInstance();

  // Top-level domains common enough in spam that a bare "name.tld" is a link.
  private static final Set<String> USUAL_TLDS = Set.of(
      "com", "net", "org", "info", "biz", "edu", "gov", "mil", "int", "io", "co", "tv", "cc", "ws", "ly",
      "ru", "su", "ua", "kz", "de", "uk", "fr", "es", "nl", "pl", "cz", "br", "cn", "jp", "kr", "eu", "ca",
      "au", "ch", "xyz", "top", "site", "online", "club", "shop", "store", "app", "dev", "link", "live",
      "pro", "vip", "win", "bid", "loan", "click", "icu", "buzz", "tech", "space", "website", "fun", "cyou",
      "sbs", "cfd", "monster", "ltd", "email", "mobi", "asia", "tk", "ml", "ga", "cf", "gq", "pw", "cam",
      "stream", "download", "review", "racing", "date", "party", "trade", "science", "men", "work", "blog",
      "xxx", "porn", "sex", "adult", "casino", "bet", "poker", "tokyo");

  // Country codes that are also short words in English or Romance languages: "this.it", "yes.no".
  private static final Set<String> WORDLIKE_COUNTRY_TLDS = Set.of(
      "am", "as", "at", "be", "by", "do", "id", "in", "is", "it", "me", "my", "no", "so", "to", "us", "la",
      "si", "se", "et", "il", "ne");

  // Internationalised top-level domains accepted without a scheme; in scripts without case (Hangul, Han)
  // a sentence "...니다.한국" would otherwise look like a domain.
  private static final Set<String> BARE_IDN_TLDS = Set.of("рф", "укр", "бел", "срб", "мкд", "қаз", "рус");

  // "the dot com bubble", "a dot net developer": a disguised dot after these is not a link.
  private static final Set<String> STOPWORDS = Set.of(
      "the", "a", "an", "this", "that", "these", "those", "of", "in", "on", "at", "to", "and", "or", "is",
      "was", "be", "my", "our", "your", "his", "her", "their", "its", "for", "from", "by", "with", "as",
      "big", "old", "new", "first", "polka", "red", "black", "white", "blue", "green");

  private LinkDetector() {}

  public static @Nullable Link find(String text) {
    if (!mayContainLink(text)) {
      return null;
    }
    View view = View.of(text);
    Link link = findScheme(view);
    return link != null ? link : findHost(view);
  }

  // Cheap pre-check for the common comment without any dot.
  private static boolean mayContainLink(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c == '.' || c == '\u3002' || c == '\uFF0E' || c == '\uFF61' || c == ':') {
        return true;
      }
      if ((c == 'd' || c == 'D') && text.regionMatches(true, i, "dot", 0, 3)) {
        return true;
      }
    }
    return false;
  }

  // The text with disguised dots turned into '.', full-width ASCII folded; obfuscated[i] marks the dots
  // that were disguised, bracketed[i] those in brackets ("[.]", "(dot)"), which no sentence contains.
  private static final class View {
    final char[] chars;
    final boolean[] obfuscated;
    final boolean[] bracketed;
    int length;

    private View(int capacity) {
      chars = new char[capacity];
      obfuscated = new boolean[capacity];
      bracketed = new boolean[capacity];
    }

    static View of(String text) {
      int n = text.length();
      View v = new View(n);
      int i = 0;
      while (i < n) {
        char c = text.charAt(i);
        if (c == '\u3002' || c == '\uFF0E' || c == '\uFF61') {
          v.dot();
          i++;
          continue;
        }
        if (c >= '\uFF01' && c <= '\uFF5E') {
          c = (char) (c - 0xFEE0);
        }
        if (c == '[' || c == '(' || c == '{' || c == '<') {
          int end = bracketedDot(text, i);
          if (end > 0) {
            v.trimSpaces();
            v.bracketed[v.length] = true;
            v.dot();
            i = skipSpaces(text, end);
            continue;
          }
        }
        if ((c == 'd' || c == 'D' || c == '.') && v.endsWithSpaceAfterWord()) {
          int end = c == '.' ? i + 1 : (text.regionMatches(true, i, "dot", 0, 3) ? i + 3 : -1);
          if (end > 0 && end < n && text.charAt(end) == ' ') {
            int next = skipSpaces(text, end);
            if (next < n && Character.isLetterOrDigit(text.charAt(next))) {
              v.trimSpaces();
              v.dot();
              i = next;
              continue;
            }
          }
        }
        v.chars[v.length++] = c;
        i++;
      }
      return v;
    }

    private void dot() {
      obfuscated[length] = true;
      chars[length++] = '.';
    }

    private void trimSpaces() {
      while (length > 0 && chars[length - 1] == ' ') {
        length--;
      }
    }

    private boolean endsWithSpaceAfterWord() {
      int k = length - 1;
      if (k < 0 || chars[k] != ' ') {
        return false;
      }
      while (k >= 0 && chars[k] == ' ') {
        k--;
      }
      return k >= 0 && Character.isLetterOrDigit(chars[k]);
    }
  }

  // "[.]", "(dot)", "{ . }", "<dot>": the index after the closing bracket, or -1.
  private static int bracketedDot(String text, int open) {
    int n = text.length();
    int j = skipSpaces(text, open + 1, 2);
    if (j < n && (text.charAt(j) == '.' || text.charAt(j) == '\uFF0E')) {
      j++;
    } else if (text.regionMatches(true, j, "dot", 0, 3)) {
      j += 3;
    } else {
      return -1;
    }
    j = skipSpaces(text, j, 2);
    if (j < n && ")]}>".indexOf(text.charAt(j)) >= 0) {
      return j + 1;
    }
    return -1;
  }

  private static int skipSpaces(String text, int from) {
    return skipSpaces(text, from, Integer.MAX_VALUE);
  }

  private static int skipSpaces(String text, int from, int max) {
    int j = from;
    while (j < text.length() && text.charAt(j) == ' ' && j - from < max) {
      j++;
    }
    return j;
  }

  private static @Nullable Link findScheme(View v) {
    char[] c = v.chars;
    for (int k = 2; k + 3 < v.length; k++) {
      if (c[k] == ':' && c[k + 1] == '/' && c[k + 2] == '/' && !Character.isWhitespace(c[k + 3])) {
        int letters = 0;
        for (int j = k - 1; j >= 0 && isAsciiLetter(c[j]); j--) {
          letters++;
        }
        if (letters >= 2) {
          int end = k + 3;
          while (end < v.length && !Character.isWhitespace(c[end]) && c[end] != '/') {
            end++;
          }
          return new Link(shown(c, k - letters, end), false);
        }
      }
    }
    return null;
  }

  private static @Nullable Link findHost(View v) {
    char[] c = v.chars;
    int n = v.length;
    int k = 0;
    while (k < n) {
      if (!isLabelChar(c[k])) {
        k++;
        continue;
      }
      Run run = new Run(k);
      while (true) {
        int labelStart = k;
        k++;
        while (k < n && isLabelChar(c[k]) && !scriptSwitch(c[k - 1], c[k])) {
          k++;
        }
        run.label(c, labelStart, k);
        if (k + 1 < n && c[k] == '.' && isLabelChar(c[k + 1])) {
          run.obfuscated |= v.obfuscated[k];
          run.bracketed |= v.bracketed[k];
          k++;
        } else {
          break;
        }
      }
      Link link = evaluate(v, run, k);
      if (link != null) {
        return link;
      }
    }
    return null;
  }

  // What a run of labels needs to be judged: its first, next-to-last and last labels.
  private static final class Run {
    final int start;
    int count;
    int firstStart;
    int firstEnd;
    int sldStart;
    int sldEnd;
    int tldStart;
    int tldEnd;
    boolean malformed;
    boolean obfuscated;
    boolean bracketed;

    Run(int start) {
      this.start = start;
    }

    void label(char[] c, int from, int to) {
      if (to - from > 63 || c[from] == '-' || c[to - 1] == '-') {
        malformed = true;
      }
      if (count == 0) {
        firstStart = from;
        firstEnd = to;
      }
      sldStart = tldStart;
      sldEnd = tldEnd;
      tldStart = from;
      tldEnd = to;
      count++;
    }
  }

  private static @Nullable Link evaluate(View v, Run run, int end) {
    if (run.count < 2 || run.malformed) {
      return null;
    }
    char[] c = v.chars;
    String first = new String(c, run.firstStart, run.firstEnd - run.firstStart);
    if (first.equalsIgnoreCase("www")) {
      return new Link(shown(c, run.start, end), false);
    }
    String tld = new String(c, run.tldStart, run.tldEnd - run.tldStart);
    String sld = new String(c, run.sldStart, run.sldEnd - run.sldStart);
    String tldLower = tld.toLowerCase(Locale.ROOT);
    if (!tldShape(tldLower) || !validTld(tldLower)) {
      return null;
    }
    boolean email = run.start >= 2 && c[run.start - 1] == '@' && isLocalPartChar(c[run.start - 2]);
    char post = end < v.length ? c[end] : ' ';
    boolean path = post == '/' || (post == ':' && end + 1 < v.length && isAsciiDigit(c[end + 1]));
    if (email || path || run.bracketed) {
      return new Link(shown(c, run.start, end), email);
    }
    boolean asciiTld = isAscii(tld);
    if (asciiTld) {
      if (!tld.equals(tldLower) && !(allUpper(c, run.start, end) && USUAL_TLDS.contains(tldLower))) {
        return null;
      }
    } else if (!tld.equals(tldLower) || !BARE_IDN_TLDS.contains(tldLower)) {
      return null;
    }
    if (sld.codePointCount(0, sld.length()) < 2 || !hasLetterOrDigit(sld)) {
      return null;
    }
    if (run.obfuscated && STOPWORDS.contains(sld.toLowerCase(Locale.ROOT))) {
      return null;
    }
    // A country code that is also a word ("this.it", "yes.no") needs a name longer than a word that ends
    // a sentence: "genericpharma.in".
    boolean plausible = run.count >= 3
        || USUAL_TLDS.contains(tldLower)
        || !asciiTld
        || (tldLower.length() == 2
            && (!WORDLIKE_COUNTRY_TLDS.contains(tldLower) || sld.length() >= 8 || sld.indexOf('-') >= 0));
    return plausible ? new Link(shown(c, run.start, end), false) : null;
  }

  private static boolean validTld(String tld) {
    try {
      return DOMAINS.isValidTld(tld);
    } catch (RuntimeException e) {
      // IDN conversion of odd input; not a domain then.
      return false;
    }
  }

  // Letters only, or an A-label (xn--...).
  private static boolean tldShape(String tld) {
    if (tld.length() < 2) {
      return false;
    }
    if (tld.startsWith("xn--")) {
      return tld.length() > 4 && isAscii(tld);
    }
    for (int i = 0; i < tld.length(); i++) {
      if (!Character.isLetter(tld.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String shown(char[] c, int from, int to) {
    String s = new String(c, from, Math.min(to, from + 64) - from);
    return s.toLowerCase(Locale.ROOT);
  }

  private static boolean isLabelChar(char c) {
    if (c == '-' || Character.isLetterOrDigit(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  // A label does not mix ASCII and other scripts: "example.com에서" is "example.com" then "에서".
  private static boolean scriptSwitch(char previous, char current) {
    if (previous == '-' || current == '-') {
      return false;
    }
    return (previous < 0x80) != (current < 0x80);
  }

  private static boolean isLocalPartChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '+';
  }

  private static boolean allUpper(char[] c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isLowerCase(c[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasLetterOrDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetterOrDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
