package org.petition.check.internal;

// The features the spam model reads from a comment, enumerated in one pass over the characters, in time
// linear in the text and without building a substring: the scorer adds weights as features go by, and only
// the explanation (made for the rare comment found to be spam) turns spans back into text.
//
// Hashed features (a bucket of 2^HASH_BITS): lower-cased words (digits read as 0, so phone numbers and
// prices share features), pairs of neighbouring words, and character n-grams across word boundaries (3 and
// 4 characters everywhere, 2 between characters of scripts past U+0E00, where a syllable or ideogram carries
// a word's meaning). Dense features are the hand-made signals that generalise beyond the training corpora:
// a link or a bare domain, an @handle or email, a long run of digits (a phone number), a currency sign,
// capitals, long repeated characters, exclamation marks, and the comment's length; "dot com" and "닷컴" are links
// as "example.com" is. Two more dense features count spam concepts seen together (SpamConcepts: a messenger
// or private-message request, earnings, something free, subscribe or follow, a channel, loans or betting or
// crypto, click or link, an advert; and a link, an @handle, a phone number or a money amount): two, or three
// or more. The concepts are read in every covered language, so what the model learns from English and Russian
// spam about "earn ... DM me" weighs for "부업 ... 카톡 문의" and "verdiene ... WhatsApp" too. One concept alone
// adds nothing: "free school meals", "stop payday loans" and "무료 급식" are what petitions say; with a weight
// per concept, such comments were hidden.
public final class SpamFeatures {

  public static final int HASH_BITS = 19;
  public static final int BUCKETS = 1 << HASH_BITS;

  public static final int WORD = 0;
  public static final int WORD_PAIR = 1;
  public static final int CHARS_2 = 2;
  public static final int CHARS_3 = 3;
  public static final int CHARS_4 = 4;

  public static final int LINK = 0;
  public static final int HANDLE = 1;
  public static final int PHONE = 2;
  public static final int MONEY = 3;
  public static final int CAPITALS = 4;
  public static final int REPEATED = 5;
  public static final int EXCLAMATIONS = 6;
  public static final int LENGTH_UNDER_20 = 7;
  public static final int LENGTH_UNDER_60 = 8;
  public static final int LENGTH_UNDER_160 = 9;
  public static final int LENGTH_UNDER_400 = 10;
  public static final int LENGTH_400_OR_MORE = 11;
  public static final int NO_LETTERS = 12;
  public static final int TWO_CONCEPTS = 13;
  public static final int THREE_CONCEPTS = 14;

  // Names a moderator reads in an explanation, by dense index.
  private static final String[] DENSE_NAMES = {
      "a link", "an @handle or email address", "a phone number", "a money amount", "capitals",
      "a character repeated", "exclamation marks", "under 20 characters", "20 to 59 characters",
      "60 to 159 characters", "160 to 399 characters", "400 characters or more", "no letters",
      "two spam signals together", "three or more spam signals together"};

  public static final int DENSE = DENSE_NAMES.length;

  static final int FNV_OFFSET = 0x811C9DC5;
  static final int FNV_PRIME = 0x01000193;
  private static final int HTTP = wordHash("http");
  private static final int HTTPS = wordHash("https");
  private static final int WWW = wordHash("www");
  private static final int DOT = wordHash("dot");
  private static final int DOT_KO = SpamConcepts.foldedHash("닷컴");
  private static final int[] TOP_LEVEL = {wordHash("com"), wordHash("net"), wordHash("org"), wordHash("ru"),
      wordHash("kr"), wordHash("de"), wordHash("fr"), wordHash("es"), wordHash("br"), wordHash("io"),
      wordHash("me"), wordHash("ly")};

  // Receives the features of one text.
  public abstract static class Sink {
    // A hashed feature, read from text[start, end).
    public abstract void hashed(int bucket, int kind, int start, int end);

    // A dense feature, present once.
    public abstract void dense(int index);
  }

  private SpamFeatures() {}

  public static String denseName(int index) {
    return DENSE_NAMES[index];
  }

  public static void extract(CharSequence text, Sink sink) {
    extract(text, text.length(), sink);
  }

  // The features of text[0, end), as if the text ended there.
  public static void extract(CharSequence text, int end, Sink sink) {
    int n = end;
    // Words.
    int word = FNV_OFFSET;
    int wordStart = -1;
    int previousWord = 0;
    int previousWordStart = -1;
    // The last three characters of the folded stream (c3 the latest), where each started; 0 = none.
    int c1 = 0;
    int c2 = 0;
    int c3 = 0;
    int s1 = 0;
    int s2 = 0;
    int s3 = 0;
    // Dense signals.
    boolean link = false;
    boolean handle = false;
    boolean money = false;
    int digitRun = 0;
    int longestDigitRun = 0;
    int sameRun = 0;
    int longestSameRun = 0;
    int lastCp = -1;
    int exclamations = 0;
    int letters = 0;
    int upper = 0;
    int codePoints = 0;
    int concepts = 0;
    for (int i = 0; i < n; ) {
      char ch = text.charAt(i);
      int cp;
      int next;
      boolean letter;
      boolean digit;
      boolean wordChar;
      int lowered;
      // ASCII, most of most comments, is classified by range; the rest by the Unicode tables. Same answers.
      if (ch < 0x80) {
        cp = ch;
        next = i + 1;
        boolean capital = ch >= 'A' && ch <= 'Z';
        letter = capital || ch >= 'a' && ch <= 'z';
        digit = ch >= '0' && ch <= '9';
        wordChar = letter || digit;
        lowered = capital ? ch + ('a' - 'A') : ch;
        if (capital) {
          upper++;
        }
      } else {
        cp = Character.codePointAt(text, i);
        next = i + Character.charCount(cp);
        letter = Character.isLetter(cp);
        digit = !letter && Character.isDigit(cp);
        wordChar = letter || digit || isMark(cp);
        lowered = wordChar && !digit ? Character.toLowerCase(cp) : cp;
        if (letter && Character.isUpperCase(cp)) {
          upper++;
        }
      }
      codePoints++;
      sameRun = cp == lastCp ? sameRun + 1 : 1;
      longestSameRun = Math.max(longestSameRun, sameRun);
      lastCp = cp;
      if (letter) {
        letters++;
      }
      digitRun = digit ? digitRun + 1 : (cp == ' ' || cp == '-' || cp == '.') && digitRun > 0 ? digitRun : 0;
      longestDigitRun = Math.max(longestDigitRun, digitRun);
      int folded;
      if (wordChar) {
        folded = digit ? '0' : lowered;
        if (wordStart < 0) {
          wordStart = i;
          word = FNV_OFFSET;
        }
        word = (word ^ folded) * FNV_PRIME;
        concepts |= SpamConcepts.ofPrefix(word);
      } else {
        folded = ' ';
        if (wordStart >= 0) {
          endWord(sink, word, wordStart, i, previousWord, previousWordStart);
          concepts |= SpamConcepts.ofWord(word);
          link |= isLinkWord(word, previousWord, previousWordStart >= 0);
          previousWord = word;
          previousWordStart = wordStart;
          wordStart = -1;
        }
        switch (cp) {
          case '!' -> exclamations++;
          case '$', '€', '£', '₩', '¥', '₹', '%' -> money = true;
          case '@' -> handle |= next < n && Character.isLetterOrDigit(text.charAt(next));
          case '.' -> link |= dottedDomain(text, i);
          default -> { }
        }
      }
      if (folded == ' ' && c3 == ' ') {
        i = next;
        continue;
      }
      // Character n-grams ending here.
      if (c3 != 0) {
        if (c2 != 0) {
          sink.hashed(bucket(CHARS_3, (c2 * FNV_PRIME ^ c3) * FNV_PRIME ^ folded), CHARS_3, s2, next);
          if (c1 != 0) {
            sink.hashed(bucket(CHARS_4, ((c1 * FNV_PRIME ^ c2) * FNV_PRIME ^ c3) * FNV_PRIME ^ folded),
                CHARS_4, s1, next);
          }
        }
        if (c3 >= 0x0E00 && folded >= 0x0E00) {
          sink.hashed(bucket(CHARS_2, c3 * FNV_PRIME ^ folded), CHARS_2, s3, next);
        }
      }
      c1 = c2;
      s1 = s2;
      c2 = c3;
      s2 = s3;
      c3 = folded;
      s3 = i;
      i = next;
    }
    if (wordStart >= 0) {
      endWord(sink, word, wordStart, n, previousWord, previousWordStart);
      concepts |= SpamConcepts.ofWord(word);
      link |= isLinkWord(word, previousWord, previousWordStart >= 0);
    }
    if (link) {
      sink.dense(LINK);
    }
    if (handle) {
      sink.dense(HANDLE);
    }
    if (longestDigitRun >= 7) {
      sink.dense(PHONE);
    }
    if (money) {
      sink.dense(MONEY);
    }
    if (letters >= 12 && upper * 10 >= letters * 7) {
      sink.dense(CAPITALS);
    }
    if (longestSameRun >= 5) {
      sink.dense(REPEATED);
    }
    if (exclamations >= 3) {
      sink.dense(EXCLAMATIONS);
    }
    if (codePoints > 0 && letters == 0) {
      sink.dense(NO_LETTERS);
    }
    int signals = Integer.bitCount(concepts) + (link ? 1 : 0) + (handle ? 1 : 0) + (longestDigitRun >= 7 ? 1 : 0)
        + (money ? 1 : 0);
    if (signals >= 2) {
      sink.dense(signals == 2 ? TWO_CONCEPTS : THREE_CONCEPTS);
    }
    sink.dense(codePoints < 20 ? LENGTH_UNDER_20 : codePoints < 60 ? LENGTH_UNDER_60
        : codePoints < 160 ? LENGTH_UNDER_160 : codePoints < 400 ? LENGTH_UNDER_400 : LENGTH_400_OR_MORE);
  }

  // "http", "www", "닷컴", or a top-level domain spelled after "dot" ("site dot com").
  private static boolean isLinkWord(int word, int previous, boolean hasPrevious) {
    if (word == HTTP || word == HTTPS || word == WWW || word == DOT_KO) {
      return true;
    }
    if (hasPrevious && previous == DOT) {
      for (int tld : TOP_LEVEL) {
        if (word == tld) {
          return true;
        }
      }
    }
    return false;
  }

  private static void endWord(Sink sink, int word, int start, int end, int previous, int previousStart) {
    sink.hashed(bucket(WORD, word), WORD, start, end);
    if (previousStart >= 0) {
      sink.hashed(bucket(WORD_PAIR, previous * 31 + word), WORD_PAIR, previousStart, end);
    }
  }

  // "example.com", "bit.ly/x": a letter or digit, a dot, then 2 to 6 lower-case ASCII letters ending the
  // word. "U.S." and "3.5" are no domains; "agree.It" is not either (a sentence, capitalised).
  private static boolean dottedDomain(CharSequence text, int dot) {
    if (dot == 0 || !Character.isLetterOrDigit(text.charAt(dot - 1))) {
      return false;
    }
    int j = dot + 1;
    while (j < text.length() && j - dot <= 7 && text.charAt(j) >= 'a' && text.charAt(j) <= 'z') {
      j++;
    }
    int length = j - dot - 1;
    return length >= 2 && length <= 6 && (j == text.length() || !Character.isLetterOrDigit(text.charAt(j)));
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  static int wordHash(String word) {
    int h = FNV_OFFSET;
    for (int i = 0; i < word.length(); i++) {
      h = (h ^ word.charAt(i)) * FNV_PRIME;
    }
    return h;
  }

  static int bucket(int kind, int value) {
    int h = value * 0x9E3779B1 + kind * 0x632BE5AB;
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    h ^= h >>> 16;
    return h & (BUCKETS - 1);
  }
}
