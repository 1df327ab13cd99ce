package org.petition.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.petition.benchmarks.TrainSpamModel.Text;

/**
 * The spam and ham samples of tg-spam (github.com/umputun/tg-spam, MIT): messages posted to Telegram groups,
 * labelled by the bot's maintainer. Spam is group spam much like comment spam (investment testimonials,
 * "drop your wallet", job offers, crypto launches, adult bots, channel promotion), in English and Russian
 * with a few German, French, Spanish and Portuguese messages; ham is Russian group chat.
 *
 * <p>Two versions of each file are read: the first (commit 36183f5, 1,808 spam lines in many scripts) and
 * a later, curated one. Only texts in a language the project has legitimate texts for are kept (Cyrillic;
 * Latin text whose function words say English, German, French, Spanish or Portuguese): spam in Chinese,
 * Turkish or Tamil with no legitimate text in those languages would teach the model the script, not the
 * spam. Near-duplicates (the same message with another link, name or sum) are grouped, and each text's
 * {@link Text#splitKey()} is its group's, so no held-out message has a sibling in training.
 */
final class TelegramSpamCorpus {

  static final String NAME = "tg-spam";

  /** Two texts sharing this share of their word 3-grams (Jaccard) are near-duplicates. */
  static final double NEAR_DUPLICATE = 0.3;

  private static final Pattern LINK = Pattern.compile("(?i)(https?://|www\\.|t\\.me/)\\S*|@\\w+");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+");
  private static final Map<String, Set<String>> FUNCTION_WORDS = new LinkedHashMap<>();

  static {
    FUNCTION_WORDS.put("en", Set.of("the", "and", "you", "is", "to", "of", "for", "my", "this", "with", "are",
        "have", "your", "it", "in", "on", "i"));
    FUNCTION_WORDS.put("de", Set.of("und", "nicht", "ich", "der", "die", "das", "ist", "sie", "mit", "für",
        "ein", "eine", "zu", "auf", "ihre", "ihnen"));
    FUNCTION_WORDS.put("fr", Set.of("je", "vous", "les", "est", "pour", "avec", "une", "et", "des", "le", "la",
        "du", "mon", "ma", "pas", "qui"));
    FUNCTION_WORDS.put("es", Set.of("que", "para", "con", "los", "una", "por", "el", "es", "y", "las", "mi",
        "del", "se", "muy", "como"));
    FUNCTION_WORDS.put("pt", Set.of("você", "não", "com", "uma", "os", "que", "é", "do", "da", "em", "meu",
        "minha", "para", "isso", "seu"));
  }

  private TelegramSpamCorpus() {}

  /** Reads the four files in {@code dir} written by {@code fetch.sh}: spam and ham, first and curated. */
  static List<Text> read(Path dir) throws IOException {
    Map<String, Boolean> labelled = new LinkedHashMap<>();
    for (String name : List.of("tg-spam-spam-v1.txt", "tg-spam-spam.txt", "tg-spam-ham-v1.txt", "tg-spam-ham.txt")) {
      boolean spam = name.startsWith("tg-spam-spam");
      for (String line : Files.readAllLines(dir.resolve(name), StandardCharsets.UTF_8)) {
        String text = line.replace('\t', ' ').replaceAll(" {2,}", " ").strip();
        if (text.length() >= 3) {
          labelled.putIfAbsent(text, spam); // a text in both files keeps its first (spam) label
        }
      }
    }
    List<String> texts = new ArrayList<>();
    List<String> languages = new ArrayList<>();
    for (String text : labelled.keySet()) {
      String language = language(text);
      if (language != null) {
        texts.add(text);
        languages.add(language);
      }
    }
    int[] group = nearDuplicateGroups(texts);
    List<Text> out = new ArrayList<>(texts.size());
    Map<String, Integer> counts = new java.util.TreeMap<>();
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      String label = labelled.get(text) ? "spam" : "ham";
      out.add(new Text(NAME, languages.get(i), label, text, NAME + "#group " + texts.get(group[i])));
      counts.merge(languages.get(i) + " " + label, 1, Integer::sum);
    }
    System.out.println(NAME + ": " + labelled.size() + " distinct texts, " + texts.size() + " kept " + counts + " in "
        + Arrays.stream(group).distinct().count() + " groups of near-duplicates");
    return out;
  }

  // The language of a text by its script and function words, or null when it is none the project covers.
  static String language(String text) {
    int cyrillic = 0;
    int latin = 0;
    int other = 0;
    boolean ukrainian = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      if (script == Character.UnicodeScript.CYRILLIC) {
        cyrillic++;
        ukrainian |= "іїєґІЇЄҐ".indexOf(cp) >= 0;
      } else if (script == Character.UnicodeScript.LATIN && cp < 0x250) {
        latin++;
      } else {
        other++;
      }
    }
    if (other > Math.max(cyrillic, latin)) {
      return null;
    }
    if (cyrillic >= latin) {
      return ukrainian ? "uk" : "ru";
    }
    if (text.matches("(?s).*[ğĞışŞİ].*")) {
      return null; // Turkish
    }
    Map<String, Integer> score = new LinkedHashMap<>();
    Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (words.find()) {
      String word = words.group();
      FUNCTION_WORDS.forEach((language, set) -> {
        if (set.contains(word)) {
          score.merge(language, 1, Integer::sum);
        }
      });
    }
    String best = null;
    int bestScore = 0;
    int second = 0;
    for (Map.Entry<String, Integer> entry : score.entrySet()) {
      if (entry.getValue() > bestScore) {
        second = bestScore;
        bestScore = entry.getValue();
        best = entry.getKey();
      } else {
        second = Math.max(second, entry.getValue());
      }
    }
    return bestScore >= 3 && bestScore >= 2 * second ? best : null;
  }

  // Groups near-duplicates (union-find over every pair): the same first 40 letters, or word 3-grams shared
  // at NEAR_DUPLICATE or more. Each text's group is named by its first member.
  static int[] nearDuplicateGroups(List<String> texts) {
    int n = texts.size();
    long[][] shingles = new long[n][];
    String[] prefix = new String[n];
    for (int i = 0; i < n; i++) {
      String normal = LINK.matcher(Normalizer.normalize(texts.get(i), Normalizer.Form.NFKC)).replaceAll(" ")
          .toLowerCase(Locale.ROOT);
      List<String> words = new ArrayList<>();
      Matcher m = WORD.matcher(normal);
      while (m.find()) {
        words.add(m.group());
      }
      String letters = String.join("", words);
      prefix[i] = letters.length() >= 20 ? letters.substring(0, Math.min(40, letters.length())) : null;
      Set<Long> set = new LinkedHashSet<>();
      for (int w = 0; w + 2 < words.size() || (w == 0 && !words.isEmpty()); w++) {
        String gram = String.join(" ", words.subList(w, Math.min(words.size(), w + 3)));
        set.add(TrainSpamModel.crc(gram) << 32 | (gram.hashCode() & 0xffffffffL));
      }
      shingles[i] = set.stream().mapToLong(Long::longValue).sorted().toArray();
    }
    int[] parent = new int[n];
    Arrays.setAll(parent, i -> i);
    Map<String, Integer> byPrefix = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      if (prefix[i] != null) {
        Integer first = byPrefix.putIfAbsent(prefix[i], i);
        if (first != null) {
          union(parent, first, i);
        }
      }
      for (int j = 0; j < i; j++) {
        if (jaccard(shingles[i], shingles[j]) >= NEAR_DUPLICATE) {
          union(parent, j, i);
        }
      }
    }
    int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      group[i] = find(parent, i);
    }
    return group;
  }

  private static double jaccard(long[] a, long[] b) {
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    int common = 0;
    for (int i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) common / (a.length + b.length - common);
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  // The smaller index becomes the root, so a group is named by its first text whatever the merge order.
  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
