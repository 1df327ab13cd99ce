package org.petition.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.petition.check.SpamModel;
import org.petition.check.SpamModelTrainer;

/**
 * Rebuilds the built-in spam model, {@code petition-core/src/main/resources/org/petition/check/spam-model.bin},
 * byte for byte from the training corpora, and writes the held-out samples the core's {@code
 * SpamModelQualityTest} scores on every build.
 *
 * <pre>
 * bash petition-benchmarks/spam-corpora/fetch.sh /tmp/spam-corpora     # downloads, checks SHA-256
 * mvn -q -o -pl petition-core,petition-benchmarks -am compile
 * java -cp petition-core/target/classes:petition-benchmarks/target/classes \
 *     org.petition.benchmarks.TrainSpamModel /tmp/spam-corpora .
 * </pre>
 *
 * <p>Each corpus is split by the CRC-32 of each (deduplicated) text, Multilingual HateCheck by its cases'
 * template: tenths 0 and 1 are held out for the
 * evaluation and never trained on, tenth 2 calibrates the threshold, the rest trains. Corpora come in a
 * fixed order, the trainer's seed is fixed, so the model is the same on every machine.
 */
public final class TrainSpamModel {

  /** The version recorded in the model; bump it when the corpora or the features change. */
  static final String VERSION = "2026-12.4";

  static final long SEED = 18;

  /** The most legitimate comments of one calibration corpus the threshold may flag. */
  static final double MAX_HAM_FLAGGED = 0.02;

  /** The threshold never goes below this, however clean the calibration corpora. */
  static final double MIN_THRESHOLD = 0.35;

  /** Held-out spam or ordinary legitimate rows of one corpus written for the build, at most. */
  static final int MAX_HELD_OUT = 400;

  /** Held-out offensive or hate rows of one corpus written for the build, at most (reported, not judged). */
  static final int MAX_HELD_OUT_RUDE = 200;

  /**
   * A labelled text: {@code spam}, or a legitimate text that is {@code ham} (ordinary), {@code offensive}
   * (rude, legitimate) or {@code hate} (hate speech: not spam, but the moderation holds it).
   */
  record Text(String corpus, String language, String label, String text, String splitKey) {
    Text(String corpus, String language, String label, String text) {
      this(corpus, language, label, text, text);
    }

    Text(String corpus, String language, boolean spam, String text) {
      this(corpus, language, spam ? "spam" : "ham", text);
    }

    boolean spam() {
      return label.equals("spam");
    }
  }

  private TrainSpamModel() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: TrainSpamModel <corpora directory> <repository root>");
      System.exit(2);
    }
    Path corpora = Path.of(args[0]);
    Path root = Path.of(args[1]);
    List<Text> all = new ArrayList<>();
    all.addAll(sms(corpora.resolve("sms.tsv")));
    all.addAll(davidson(corpora.resolve("davidson.csv")));
    all.addAll(kocohub(corpora.resolve("kocohub-train.tsv"), "kocohub-train"));
    List<Text> kocohubDev = kocohub(corpora.resolve("kocohub-dev.tsv"), "kocohub-dev");
    all.addAll(toldBr(corpora.resolve("told-br.csv")));
    all.addAll(mlmaFrench(corpora.resolve("mlma.zip")));
    all.addAll(handwritten(root.resolve("petition-benchmarks/spam-corpora/handwritten.tsv")));
    // Multilingual HateCheck's cases come from templates: they are split by template (Text.splitKey), so no
    // held-out case has a sibling (the same sentence about another group) in training.
    for (String language : List.of("de", "es", "fr", "pt")) {
      all.addAll(hateCheck(corpora.resolve("hatecheck-" + language + ".csv"), language));
    }
    // Telegram group spam and Russian chat, split by groups of near-duplicates; three tenths held out, so
    // the Russian chat has 100 held-out rows or more.
    all.addAll(TelegramSpamCorpus.read(corpora));

    List<Text> train = new ArrayList<>(
        templates(root.resolve("petition-benchmarks/spam-corpora/templates.tsv")));
    List<Text> calibration = new ArrayList<>();
    List<Text> heldOut = new ArrayList<>(kocohubDev);
    for (Text text : all) {
      long tenth = crc(text.splitKey) % 10;
      long heldTenths = text.corpus.equals(TelegramSpamCorpus.NAME) ? 3 : 2;
      (tenth < heldTenths ? heldOut : tenth == 2 ? calibration : train).add(text);
    }

    Map<String, Integer> groupSize = new LinkedHashMap<>();
    for (Text text : train) {
      groupSize.merge(group(text), 1, Integer::sum);
    }
    SpamModelTrainer trainer = new SpamModelTrainer().seed(SEED);
    for (Text text : train) {
      trainer.add(text.text, text.spam(), groupWeight(text) / groupSize.get(group(text)));
    }
    System.out.println("training on " + train.size() + " texts: " + groupSize);
    SpamModel fitted = trainer.train(VERSION, 0.5);

    double threshold = calibrate(fitted, calibration);
    SpamModel model = fitted.withThreshold(threshold);
    System.out.printf(Locale.ROOT, "threshold %.3f (at most %.0f%% of each calibration corpus's legitimate texts)%n",
        threshold, 100 * MAX_HAM_FLAGGED);

    Path modelFile = root.resolve("petition-core/src/main/resources/org/petition/check/" + SpamModel.RESOURCE);
    try (OutputStream out = Files.newOutputStream(modelFile)) {
      model.write(out);
    }
    System.out.println("wrote " + modelFile + " (" + Files.size(modelFile) + " bytes)");

    List<Text> written = writeHeldOut(heldOut,
        root.resolve("petition-core/src/test/resources/org/petition/check/spam-heldout.tsv"));
    report(model, written);
  }

  // The lowest threshold that flags at most MAX_HAM_FLAGGED of the legitimate texts of each corpus with
  // 100 or more of them, never below MIN_THRESHOLD.
  static double calibrate(SpamModel model, List<Text> calibration) {
    Map<String, List<Double>> hamScores = new LinkedHashMap<>();
    for (Text text : calibration) {
      if (!text.spam()) {
        hamScores.computeIfAbsent(text.corpus, k -> new ArrayList<>()).add(model.score(text.text));
      }
    }
    double threshold = MIN_THRESHOLD;
    for (Map.Entry<String, List<Double>> entry : hamScores.entrySet()) {
      List<Double> scores = entry.getValue();
      if (scores.size() < 100) {
        continue;
      }
      scores.sort(Comparator.reverseOrder());
      int allowed = (int) Math.floor(scores.size() * MAX_HAM_FLAGGED);
      double needed = Math.nextUp(scores.get(allowed));
      System.out.printf(Locale.ROOT, "calibration %s: %d legitimate, threshold needed %.3f%n",
          entry.getKey(), scores.size(), needed);
      threshold = Math.max(threshold, needed);
    }
    return Math.min(threshold, 0.99);
  }

  static List<Text> writeHeldOut(List<Text> heldOut, Path file) throws IOException {
    Map<String, List<Text>> byGroup = new LinkedHashMap<>();
    for (Text text : heldOut) {
      byGroup.computeIfAbsent(group(text), k -> new ArrayList<>()).add(text);
    }
    List<Text> written = new ArrayList<>();
    StringBuilder tsv = new StringBuilder();
    tsv.append("# spam-heldout.tsv - written by petition-benchmarks' TrainSpamModel; never trained on.\n")
        .append("# corpus<TAB>language<TAB>label (spam, ham, offensive, hate)<TAB>text; sources and licences in docs/CONTENT-QUALITY.md.\n")
        .append("# At most ").append(MAX_HELD_OUT).append(" spam or ham and ").append(MAX_HELD_OUT_RUDE)
        .append(" offensive or hate rows per corpus, those of lowest CRC-32.\n");
    for (List<Text> group : byGroup.values()) {
      group.sort(Comparator.comparingLong((Text t) -> crc(t.text + "#heldout")).thenComparing(Text::text));
      int cap = group.get(0).spam() || group.get(0).label.equals("ham") ? MAX_HELD_OUT : MAX_HELD_OUT_RUDE;
      for (Text text : group.subList(0, Math.min(cap, group.size()))) {
        written.add(text);
        tsv.append(text.corpus).append('\t').append(text.language).append('\t')
            .append(text.label).append('\t').append(text.text).append('\n');
      }
    }
    Files.writeString(file, tsv, StandardCharsets.UTF_8);
    System.out.println("wrote " + file + " (" + written.size() + " rows)");
    return written;
  }

  static void report(SpamModel model, List<Text> texts) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (Text text : texts) {
      int[] c = counts.computeIfAbsent(text.corpus + " " + text.language, k -> new int[4]);
      boolean flagged = model.isSpam(text.text);
      c[(text.spam() ? 2 : 0) + (flagged ? 1 : 0)]++;
    }
    counts.forEach((key, c) -> System.out.printf(Locale.ROOT,
        "held out %-24s ham %4d flagged %5.1f%%   spam %4d caught %5.1f%%%n", key, c[0] + c[1],
        100.0 * c[1] / Math.max(1, c[0] + c[1]), c[2] + c[3], 100.0 * c[3] / Math.max(1, c[2] + c[3])));
  }

  private static String group(Text text) {
    return text.corpus + ":" + text.label;
  }

  // How much each group weighs in total, whatever its size: spam written for comments counts most, since
  // SMS spam alone does not look like comment spam.
  private static double groupWeight(Text text) {
    return switch (text.corpus) {
      case "sms" -> 1.0;
      case "handwritten" -> text.spam() ? 1.5 : 0.8;
      case "templates" -> text.spam() ? 2.0 : 1.0;
      case TelegramSpamCorpus.NAME -> text.spam() ? 1.5 : 0.6;
      default -> 0.4;
    };
  }

  static long crc(String text) {
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }

  // ---------------------------------------------------------------------------------------------------
  // Corpora

  static List<Text> sms(Path file) throws IOException {
    List<Text> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int tab = line.indexOf('\t');
      if (tab < 0 || line.startsWith("Label\t")) {
        continue;
      }
      String label = line.substring(0, tab);
      String text = clean(line.substring(tab + 1));
      if (!text.isEmpty() && seen.add(text)) {
        out.add(new Text("sms", "en", label.equals("spam"), text));
      }
    }
    return out;
  }

  // Tweets, every class (hate, offensive, neither) legitimate for spam: retweet marks, @mentions and HTML
  // entities removed, tweets with a link left out (a link is a spam signal the model must not unlearn).
  static List<Text> davidson(Path file) throws IOException {
    List<Text> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<List<String>> rows = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
    for (List<String> row : rows.subList(1, rows.size())) {
      if (row.size() < 7) {
        continue;
      }
      String tweet = row.get(6);
      if (tweet.contains("http")) {
        continue;
      }
      String text = clean(unescape(tweet).replaceAll("\\bRT\\b", " ").replaceAll("@\\w+:?", " "));
      String label = switch (row.get(5)) {
        case "0" -> "hate";
        case "1" -> "offensive";
        default -> "ham";
      };
      if (text.length() >= 3 && seen.add(text)) {
        out.add(new Text("davidson", "en", label, text));
      }
    }
    return out;
  }

  // News comments in Korean, every label (hate, offensive, none) legitimate for spam.
  static List<Text> kocohub(Path file, String corpus) throws IOException {
    List<Text> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\t");
      String text = clean(cells[0]);
      String label = cells.length < 4 ? "ham" : switch (cells[3]) {
        case "hate" -> "hate";
        case "offensive" -> "offensive";
        default -> "ham";
      };
      if (!text.isEmpty() && seen.add(text)) {
        out.add(new Text(corpus, "ko", label, text));
      }
    }
    return out;
  }

  // ToLD-Br (Leite et al. 2020): Brazilian Portuguese tweets, each counted by three annotators per category.
  // Hate when two or more saw homophobia, racism, misogyny or xenophobia; offensive when anyone saw any
  // category (insult, obscenity included); ordinary when nobody saw any. Tweets with a link left out, @user
  // and "rt" removed, as for Davidson.
  static List<Text> toldBr(Path file) throws IOException {
    List<Text> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<List<String>> rows = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
    List<String> header = rows.get(0);
    if (!header.equals(List.of("text", "homophobia", "obscene", "insult", "racism", "misogyny", "xenophobia"))) {
      throw new IllegalArgumentException(file + ": unexpected header " + header);
    }
    for (List<String> row : rows.subList(1, rows.size())) {
      if (row.size() < 7 || row.get(0).contains("http")) {
        continue;
      }
      double homophobia = Double.parseDouble(row.get(1));
      double racism = Double.parseDouble(row.get(4));
      double misogyny = Double.parseDouble(row.get(5));
      double xenophobia = Double.parseDouble(row.get(6));
      double any = homophobia + Double.parseDouble(row.get(2)) + Double.parseDouble(row.get(3)) + racism + misogyny
          + xenophobia;
      String label = Math.max(Math.max(homophobia, racism), Math.max(misogyny, xenophobia)) >= 2 ? "hate"
          : any > 0 ? "offensive" : "ham";
      String text = clean(row.get(0).replaceAll("(?i)\\brt\\b", " ").replaceAll("@\\w+:?", " "));
      if (text.length() >= 3 && seen.add(text)) {
        out.add(new Text("told-br", "pt", label, text));
      }
    }
    return out;
  }

  // MLMA (Ousidhoum et al. 2019), the French tweets: "normal" alone is ordinary, "hateful" in the labels is
  // hate, anything else (offensive, abusive, disrespectful, fearful) offensive. The tweets are lower-cased
  // and their links already replaced by "@url", which is removed with the @user mentions and "rt".
  static List<Text> mlmaFrench(Path zip) throws IOException {
    String csv;
    try (ZipFile file = new ZipFile(zip.toFile())) {
      ZipEntry entry = file.getEntry("hate_speech_mlma/fr_dataset.csv");
      if (entry == null) {
        throw new IllegalArgumentException(zip + ": no hate_speech_mlma/fr_dataset.csv");
      }
      try (InputStream in = file.getInputStream(entry)) {
        csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    List<Text> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<List<String>> rows = Csv.parse(csv);
    for (List<String> row : rows.subList(1, rows.size())) {
      if (row.size() < 3) {
        continue;
      }
      String sentiment = row.get(2);
      String label = sentiment.contains("hateful") ? "hate" : sentiment.equals("normal") ? "ham" : "offensive";
      String text = clean(row.get(1).replaceAll("\\brt\\b", " ").replaceAll("@\\w+:?", " "));
      if (text.length() >= 3 && seen.add(text)) {
        out.add(new Text("mlma", "fr", label, text));
      }
    }
    return out;
  }

  // Multilingual HateCheck (Röttger et al. 2022): functional test cases. Ordinary: neutral or positive
  // statements about groups, negated hate, profanity at no one, abuse of objects; offensive: abuse of
  // individuals or of groups no law protects, and counter-speech that quotes or names hate; hate: the rest.
  static List<Text> hateCheck(Path file, String language) throws IOException {
    List<Text> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<List<String>> rows = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
    List<String> header = rows.get(0);
    int functionality = header.indexOf("functionality");
    int testCase = header.indexOf("test_case");
    int gold = header.indexOf("label_gold");
    int template = header.indexOf("templ_id");
    if (functionality < 0 || testCase < 0 || gold < 0 || template < 0) {
      throw new IllegalArgumentException(file + ": unexpected header " + header);
    }
    for (List<String> row : rows.subList(1, rows.size())) {
      if (row.size() <= Math.max(Math.max(functionality, template), Math.max(testCase, gold))) {
        continue;
      }
      String function = row.get(functionality);
      String label = row.get(gold).equals("hateful") ? "hate" : switch (function) {
        case "ident_neutral_nh", "ident_pos_nh", "negate_neg_nh", "profanity_nh", "target_obj_nh" -> "ham";
        default -> "offensive";
      };
      String text = clean(row.get(testCase));
      if (!text.isEmpty() && seen.add(text)) {
        out.add(new Text("hatecheck-" + language, language, label, text,
            "hatecheck-" + language + "#template " + row.get(template)));
      }
    }
    return out;
  }

  static List<Text> handwritten(Path file) throws IOException {
    List<Text> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t", 3);
      if (cells.length != 3 || !(cells[1].equals("spam") || cells[1].equals("ham"))) {
        throw new IllegalArgumentException(file + ": malformed line: " + line);
      }
      out.add(new Text("handwritten", cells[0], cells[1].equals("spam"), clean(cells[2])));
    }
    return out;
  }

  /** Most expansions kept of one template. */
  static final int MAX_EXPANSIONS = 60;

  // Training only: every expansion of each pattern, or MAX_EXPANSIONS of them drawn with a fixed seed.
  static List<Text> templates(Path file) throws IOException {
    List<Text> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t", 3);
      String[] label = cells.length == 3 ? cells[1].split(":", 2) : new String[0];
      if (label.length == 0 || !(label[0].equals("spam") || label[0].equals("ham"))) {
        throw new IllegalArgumentException(file + ": malformed line: " + line);
      }
      int keep = label.length == 2 ? Integer.parseInt(label[1]) : MAX_EXPANSIONS;
      List<String> expansions = new ArrayList<>(List.of(""));
      String pattern = cells[2];
      for (int i = 0; i < pattern.length(); ) {
        int open = pattern.indexOf('{', i);
        String literal = pattern.substring(i, open < 0 ? pattern.length() : open);
        List<String> choices;
        if (open < 0) {
          choices = List.of(literal);
          i = pattern.length();
        } else {
          int close = pattern.indexOf('}', open);
          choices = new ArrayList<>();
          for (String choice : pattern.substring(open + 1, close).split("\\|", -1)) {
            choices.add(literal + choice);
          }
          i = close + 1;
        }
        List<String> next = new ArrayList<>(expansions.size() * choices.size());
        for (String prefix : expansions) {
          for (String choice : choices) {
            next.add(prefix + choice);
          }
        }
        expansions = next;
      }
      java.util.Collections.shuffle(expansions, new java.util.Random(SEED ^ crc(pattern)));
      for (String text : expansions.subList(0, Math.min(keep, expansions.size()))) {
        out.add(new Text("templates", cells[0], label[0].equals("spam"), clean(text)));
      }
    }
    return out;
  }

  private static String clean(String text) {
    return text.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ').replaceAll(" {2,}", " ").strip();
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int semi = c == '&' ? text.indexOf(';', i) : -1;
      if (semi > i && semi - i <= 9) {
        String entity = text.substring(i + 1, semi);
        String decoded = switch (entity) {
          case "amp" -> "&";
          case "lt" -> "<";
          case "gt" -> ">";
          case "quot" -> "\"";
          default -> entity.startsWith("#") && entity.length() > 1 && entity.substring(1).chars().allMatch(Character::isDigit)
              ? new String(Character.toChars(Math.min(Integer.parseInt(entity.substring(1)), 0x10FFFF)))
              : null;
        };
        if (decoded != null) {
          out.append(decoded);
          i = semi;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }
}
