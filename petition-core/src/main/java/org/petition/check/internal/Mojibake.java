package org.petition.check.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

// UTF-8 bytes that were decoded with a single-byte character set: "Ã©tÃ©" (Windows-1252 / Latin-1),
// "РњРѕСЃРєРІР°" (Windows-1251).
//
// A UTF-8 character is a lead byte followed by continuation bytes 0x80-0xBF; read with the wrong table,
// each becomes a lead character ("Ã", "Р") followed by one to three continuation characters ("©", "њ").
// Detection counts these sequences and how much of the non-ASCII text they cover: in real Russian or
// French text they are rare and scattered ("Рівне" has one), in mojibake they cover almost everything.
// Repair re-encodes with the wrong table and decodes as UTF-8 with CodingErrorAction.REPORT, and is kept
// only if encoding the repair again gives back the original exactly.
public final class Mojibake {

  // A single-byte character set as two tables. Bytes the charset leaves undefined decode to the C1
  // control of the same value, as browsers do.
  static final class Table {
    final String name;
    final char[] decode = new char[256];
    private final char[] highChars;
    private final byte[] highBytes;

    Table(String charsetName) {
      this.name = charsetName;
      Charset charset = Charset.forName(charsetName);
      for (int b = 0; b < 256; b++) {
        CharsetDecoder decoder = charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
          CharBuffer out = decoder.decode(ByteBuffer.wrap(new byte[] {(byte) b}));
          decode[b] = out.length() == 1 ? out.get(0) : (char) b;
        } catch (CharacterCodingException e) {
          decode[b] = (char) b;
        }
      }
      char[][] pairs = new char[128][];
      for (int b = 128; b < 256; b++) {
        pairs[b - 128] = new char[] {decode[b], (char) b};
      }
      Arrays.sort(pairs, (x, y) -> Character.compare(x[0], y[0]));
      highChars = new char[128];
      highBytes = new byte[128];
      for (int i = 0; i < 128; i++) {
        highChars[i] = pairs[i][0];
        highBytes[i] = (byte) pairs[i][1];
      }
    }

    // The byte for a character, or -1 when the charset cannot encode it.
    int byteOf(char c) {
      if (c < 0x80) {
        return c;
      }
      int i = Arrays.binarySearch(highChars, c);
      return i >= 0 ? highBytes[i] & 0xFF : -1;
    }

    byte @Nullable [] encode(CharSequence s) {
      byte[] bytes = new byte[s.length()];
      for (int i = 0; i < s.length(); i++) {
        int b = byteOf(s.charAt(i));
        if (b < 0) {
          return null;
        }
        bytes[i] = (byte) b;
      }
      return bytes;
    }

    String decode(byte[] bytes) {
      char[] chars = new char[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        chars[i] = decode[bytes[i] & 0xFF];
      }
      return new String(chars);
    }
  }

  // Windows-1252 is what browsers use for "Latin-1"; true ISO-8859-1 (databases, Java) keeps the C1
  // controls that Windows-1252 replaces with quotes and letters ("ß" becomes "Ã" + U+009F, not "ÃŸ").
  private static final Table[] TABLES = {
      new Table("windows-1252"), new Table("ISO-8859-1"), new Table("windows-1251")};

  // Cyrillic capitals that look like Latin ones: a word mixing them with Latin is a homoglyph trick, not
  // a decoding accident.
  private static final String CYRILLIC_LOOKALIKES = "аеіјорсухѕАВЕЗІЈКМНОРСТУХЅ";

  // Latin letters spammers put into Russian words to slip past filters ("cфepe", "нaбuрaю"): a word whose
  // Latin letters are all of these is a Cyrillic word in disguise, which the spam model must read.
  private static final String LATIN_LOOKALIKES = "aceiopxykumbnrhtABCEHIKMOPTXY";

  private Mojibake() {}

  // How much of a text reads as UTF-8 sequences in a table: sequences found, those with a continuation
  // character that is no letter ("Ã©", "Р°"; "Рі" could be Ukrainian), and the characters they cover out
  // of the non-ASCII characters the table can encode (others cannot be part of its mojibake).
  record Stats(int sequences, int strong, int covered, int nonAscii) {
    boolean dense() {
      return covered * 10 >= nonAscii * 6;
    }
  }

  static Stats stats(CharSequence s, Table table) {
    int sequences = 0;
    int strong = 0;
    int covered = 0;
    int nonAscii = 0;
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      int lead = table.byteOf(c);
      if (c >= 0x80 && lead >= 0) {
        nonAscii++;
      }
      int need = continuations(lead);
      if (need > 0 && i + need < n) {
        boolean ok = true;
        boolean letters = true;
        for (int k = 1; k <= need && ok; k++) {
          char next = s.charAt(i + k);
          int b = table.byteOf(next);
          ok = b >= 0x80 && b <= 0xBF;
          letters &= Character.isLetter(next);
        }
        if (ok) {
          sequences++;
          if (!letters) {
            strong++;
          }
          covered += need + 1;
          nonAscii += need;
          i += need + 1;
          continue;
        }
      }
      i++;
    }
    return new Stats(sequences, strong, covered, nonAscii);
  }

  private static int continuations(int lead) {
    if (lead >= 0xC2 && lead <= 0xDF) {
      return 1;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
      return 2;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
      return 3;
    }
    return 0;
  }

  // Whether the text is garbled, and its exact repair when there is one.
  public record Diagnosis(boolean garbled, @Nullable String repair) {
    static final Diagnosis CLEAN = new Diagnosis(false, null);
  }

  public static Diagnosis diagnose(String text) {
    if (isAscii(text)) {
      return Diagnosis.CLEAN;
    }
    if (!anyTableCharacter(text)) {
      // Hangul, Han, kana, Greek, Arabic, Devanagari…: no character a table reads from a high byte, so no
      // UTF-8 sequence to read and no lead character of a lost run (every lead is a table character); of
      // the general path only the Latin word with a Cyrillic letter can still tell. The same answer as
      // diagnoseSlowly (MojibakeFastPathTest), without three binary searches per character.
      return latinWordWithCyrillic(text) ? GARBLED_BEYOND_REPAIR : Diagnosis.CLEAN;
    }
    return diagnoseSlowly(text);
  }

  /** {@link #diagnose} without its shortcut for text no table can have produced; for the test that compares them. */
  static Diagnosis diagnoseSlowly(String text) {
    if (isAscii(text)) {
      return Diagnosis.CLEAN;
    }
    if (!anySequence(text)) {
      // No table reads a UTF-8 sequence in it: nothing to repair, and no dense sequences to tell.
      return lossyLeadRun(text) || latinWordWithCyrillic(text) ? GARBLED_BEYOND_REPAIR : Diagnosis.CLEAN;
    }
    String repaired = repair(text);
    if (repaired != null) {
      return new Diagnosis(true, repaired);
    }
    return garbledBeyondRepair(text) ? new Diagnosis(true, null) : Diagnosis.CLEAN;
  }

  private static final Diagnosis GARBLED_BEYOND_REPAIR = new Diagnosis(true, null);

  // Every character some table decodes a byte of 0x80-0xFF into: the only characters a UTF-8 sequence read in
  // the wrong table, or a lead character of one, can be made of (besides ASCII).
  private static final java.util.BitSet TABLE_CHARACTERS = tableCharacters();

  private static java.util.BitSet tableCharacters() {
    java.util.BitSet all = new java.util.BitSet(0x10000);
    for (Table table : TABLES) {
      for (char c : table.highChars) {
        all.set(c);
      }
    }
    return all;
  }

  private static boolean anyTableCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80 && TABLE_CHARACTERS.get(c)) {
        return true;
      }
    }
    return false;
  }

  // Whether stats(text, table).sequences > 0 for some table, without building the stats (this runs on
  // every non-ASCII field of every signing).
  private static boolean anySequence(String text) {
    for (Table table : TABLES) {
      if (hasSequence(text, table)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasSequence(CharSequence s, Table table) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      int need = continuations(table.byteOf(s.charAt(i)));
      if (need > 0 && i + need < n) {
        boolean ok = true;
        for (int k = 1; k <= need && ok; k++) {
          int b = table.byteOf(s.charAt(i + k));
          ok = b >= 0x80 && b <= 0xBF;
        }
        if (ok) {
          return true;
        }
      }
    }
    return false;
  }

  public static boolean looksLike(String text) {
    return diagnose(text).garbled();
  }

  private static boolean garbledBeyondRepair(String text) {
    for (Table table : TABLES) {
      Stats stats = stats(text, table);
      // Lost bytes prevent a repair; many dense sequences still tell, as long as some continuation is no
      // letter: all-caps Ukrainian "НІ ВІЙНІ" has only letter pairs.
      if (stats.dense() && (stats.strong >= 2 || (stats.strong >= 1 && stats.sequences >= 3))) {
        return true;
      }
    }
    return lossyLeadRun(text) || latinWordWithCyrillic(text);
  }

  // The repaired text, or null when the text is not mojibake or cannot be repaired exactly.
  public static @Nullable String repair(String text) {
    if (isAscii(text)) {
      return null;
    }
    String current = text;
    // Twice-mangled text ("ÃƒÂ©") needs more than one round.
    for (int round = 0; round < 3; round++) {
      String repaired = repairOnce(current);
      if (repaired == null) {
        break;
      }
      current = repaired;
    }
    return current.equals(text) ? null : current;
  }

  private static @Nullable String repairOnce(String text) {
    Stats[] stats = new Stats[TABLES.length];
    Integer[] order = new Integer[TABLES.length];
    for (int t = 0; t < TABLES.length; t++) {
      stats[t] = stats(text, TABLES[t]);
      order[t] = t;
    }
    // The table that explains most of the text first.
    Arrays.sort(order, (a, b) -> Integer.compare(stats[b].covered, stats[a].covered));
    for (int t : order) {
      if (stats[t].sequences == 0 || !stats[t].dense()) {
        continue;
      }
      String repaired = repairWith(text, TABLES[t]);
      if (repaired != null) {
        return repaired;
      }
    }
    return null;
  }

  // Repairs word by word, so legitimate accented words next to mangled ones stay as they are; any word
  // with UTF-8 sequences that does not decode makes the whole repair fail (the text lost bytes).
  private static @Nullable String repairWith(String text, Table table) {
    StringBuilder out = new StringBuilder(text.length());
    boolean changed = false;
    int n = text.length();
    int i = 0;
    while (i < n) {
      int start = i;
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      out.append(text, start, i);
      start = i;
      while (i < n && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (start == i) {
        continue;
      }
      String word = text.substring(start, i);
      if (isAscii(word)) {
        out.append(word);
        continue;
      }
      Stats stats = stats(word, table);
      byte[] bytes = table.encode(word);
      String decoded = bytes == null ? null : strictUtf8(bytes);
      if (decoded == null) {
        if (stats.sequences > 0) {
          return null;
        }
        out.append(word);
        continue;
      }
      if (stats.sequences < 2 && !plausible(decoded)) {
        out.append(word);
        continue;
      }
      byte[] back = decoded.getBytes(StandardCharsets.UTF_8);
      if (!table.decode(back).equals(word)) {
        return null;
      }
      out.append(decoded);
      changed = true;
    }
    return changed ? out.toString() : null;
  }

  private static @Nullable String strictUtf8(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  // A lone repaired character must be something people write (a letter of a living script, a quote, a
  // dash), not a superscript or an archaic letter: "Ні" (Ukrainian "no") must not become "ͳ".
  private static boolean plausible(String decoded) {
    for (int i = 0; i < decoded.length(); ) {
      int cp = decoded.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x80) {
        continue;
      }
      boolean ok = (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7)
          || (cp >= 0x386 && cp <= 0x3CE)
          || (cp >= 0x400 && cp <= 0x45F)
          || (cp >= 0x490 && cp <= 0x4FF)
          || (cp >= 0x5D0 && cp <= 0x6FF)
          || (cp >= 0x900 && cp <= 0x97F)
          || (cp >= 0xE00 && cp <= 0xE7F)
          || (cp >= 0x3040 && cp <= 0x30FF)
          || (cp >= 0x4E00 && cp <= 0x9FFF)
          || (cp >= 0xAC00 && cp <= 0xD7A3)
          || (cp >= 0x2600 && cp <= 0x27BF)
          || (cp >= 0x1F000 && cp <= 0x1FAFF)
          || "‘’‚“”„–—…•€™«»°".indexOf(cp) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  // "РРСРРРІСС": mojibake whose continuation characters were lost, leaving mostly lead characters.
  private static boolean lossyLeadRun(String text) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!Character.isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      int leads = 0;
      int consecutive = 0;
      int longest = 0;
      while (i < n && Character.isLetter(text.charAt(i))) {
        char c = text.charAt(i);
        boolean lead = c == 'Р' || c == 'С' || c == 'Ð' || c == 'Ñ' || c == 'Ã' || c == 'Â';
        if (lead) {
          leads++;
          consecutive++;
          longest = Math.max(longest, consecutive);
        } else {
          consecutive = 0;
        }
        i++;
      }
      int length = i - start;
      if (length >= 6 && leads * 10 >= length * 6 && longest >= 3) {
        return true;
      }
    }
    return false;
  }

  // "Эstanbul": a Latin word with a Cyrillic letter that is no look-alike, left by a text in one legacy
  // code page (here Windows-1254 "İ") read in another (Windows-1251 "Э"). Not "cфepe": its Latin letters
  // all look like Cyrillic ones, the mark of a disguised Russian word, not of a decoding accident.
  private static boolean latinWordWithCyrillic(String text) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!Character.isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int latin = 0;
      int cyrillic = 0;
      boolean telling = false;
      boolean disguise = true;
      while (i < n && Character.isLetter(text.charAt(i))) {
        char c = text.charAt(i);
        if (c < 0x250) {
          latin++;
          disguise &= LATIN_LOOKALIKES.indexOf(c) >= 0;
        } else if (c >= 0x400 && c <= 0x4FF) {
          cyrillic++;
          telling |= CYRILLIC_LOOKALIKES.indexOf(c) < 0;
        }
        i++;
      }
      if (latin >= 3 && cyrillic >= 1 && cyrillic * 3 <= latin && telling && !disguise) {
        return true;
      }
    }
    return false;
  }

  static boolean isAscii(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
