package org.petition.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scores the held-out samples of the public corpora ({@code spam-heldout.tsv}, written by {@code
 * petition-benchmarks}' {@code TrainSpamModel} from rows it never trained on) through {@link
 * ContentCheck#ofDefaults()} under {@link VerdictPolicy#bySeverity()}, as the comment of a signing, writes the
 * table to {@code target/spam-quality.md} and fails the build when, for a corpus and language:
 *
 * <ul>
 *   <li>spam is hidden or held less than 80% of the time (corpora with 20 spam rows or more);
 *   <li>ordinary legitimate comments ({@code ham}) are hidden more than 5% of the time (100 rows or more);
 *   <li>ordinary legitimate comments hold the signature more than 0.5% of the time (100 rows or more).
 * </ul>
 *
 * Rude rows ({@code offensive}) and hate speech rows ({@code hate}) are reported, not judged: the corpora's
 * "offensive" classes hold slurs that the moderation holds by design (docs/CONTENT-QUALITY.md).
 */
class SpamModelQualityTest {

  static final double MIN_RECALL = 0.80;
  static final double MAX_HAM_HIDDEN = 0.05;
  static final double MAX_LEGIT_HELD = 0.005;

  /**
   * Targets missed on purpose, each explained in docs/CONTENT-QUALITY.md, with the most rows they may miss by:
   * more fails the build like any other miss. MLMA's French held-out sample has 158 ordinary tweets, so one
   * held row is 0.6%: a tweet asking whether "ching chong" means hello in Chinese, held by the slur list (by
   * design, as for Davidson's "ching chong"; looked at again and kept in session 8: MLMA labels the same text
   * "abusive" elsewhere, and ContentSeverityTest pins that a mentioned slur holds).
   */
  static final Map<String, Integer> KNOWN_MISSES = Map.of("mlma | fr: legitimate signatures held", 1);

  private record Row(String corpus, String language, String label, String text) {}

  private static final class Tally {
    int spam;
    int spamCaught;
    int ham;
    int hamHidden;
    int hamHeld;
    int offensive;
    int offensiveHidden;
    int offensiveHeld;
    int hate;
    int hateHeld;
    int flagged;
    int flaggedSpam;
  }

  @Test
  void heldOutCorporaMeetTheTargets() throws IOException {
    List<Row> rows = load();
    assertThat(rows).hasSizeGreaterThan(2000);
    ContentCheck check = ContentCheck.ofDefaults();
    VerdictPolicy policy = VerdictPolicy.bySeverity();
    Map<String, Tally> tallies = new LinkedHashMap<>();
    Tally all = new Tally();
    List<String> failures = new ArrayList<>();
    List<String> examples = new ArrayList<>();
    for (Row row : rows) {
      Verdict verdict = policy.decide(check.checkField("comment", row.text));
      boolean hidden = verdict.compareTo(Verdict.ACCEPT_HIDE_COMMENT) >= 0;
      boolean held = verdict.compareTo(Verdict.HOLD) >= 0;
      for (Tally t : List.of(tallies.computeIfAbsent(row.corpus + " | " + row.language, k -> new Tally()), all)) {
        if (hidden) {
          t.flagged++;
        }
        switch (row.label) {
          case "spam" -> {
            t.spam++;
            if (hidden) {
              t.spamCaught++;
              t.flaggedSpam++;
            }
          }
          case "ham" -> {
            t.ham++;
            t.hamHidden += hidden ? 1 : 0;
            t.hamHeld += held ? 1 : 0;
          }
          case "offensive" -> {
            t.offensive++;
            t.offensiveHidden += hidden ? 1 : 0;
            t.offensiveHeld += held ? 1 : 0;
          }
          case "hate" -> {
            t.hate++;
            t.hateHeld += held ? 1 : 0;
          }
          default -> throw new IllegalStateException("label " + row.label);
        }
      }
      if (held && row.label.equals("ham")) {
        examples.add("held " + row.corpus + " " + row.label + ": " + check.checkField("comment", row.text)
            .stream().map(f -> f.code() + "/" + f.severity()).toList());
      }
    }
    tallies.forEach((key, t) -> {
      if (t.spam >= 20 && rate(t.spamCaught, t.spam) < MIN_RECALL) {
        failures.add(key + ": spam hidden or held " + percent(t.spamCaught, t.spam));
      }
      if (t.ham >= 100 && rate(t.hamHidden, t.ham) > MAX_HAM_HIDDEN) {
        failures.add(key + ": legitimate comments hidden " + percent(t.hamHidden, t.ham));
      }
      if (t.ham >= 100 && rate(t.hamHeld, t.ham) > MAX_LEGIT_HELD
          && t.hamHeld > KNOWN_MISSES.getOrDefault(key + ": legitimate signatures held", 0)) {
        failures.add(key + ": legitimate signatures held " + percent(t.hamHeld, t.ham));
      }
    });
    String report = render(rows.size(), tallies, all, examples);
    System.out.println(report);
    Path out = Path.of("target", "spam-quality.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
    assertThat(failures).as("targets missed; see %s", out.toAbsolutePath()).isEmpty();
  }

  private static double rate(int part, int whole) {
    return whole == 0 ? 0 : part / (double) whole;
  }

  private static String percent(int part, int whole) {
    return whole == 0 ? "–" : String.format(Locale.ROOT, "%.1f%% (%d/%d)", 100.0 * part / whole, part, whole);
  }

  private static String render(int count, Map<String, Tally> tallies, Tally all, List<String> examples) {
    StringBuilder md = new StringBuilder();
    md.append(count).append(" held-out comments from `petition-core/src/test/resources/org/petition/check/")
        .append("spam-heldout.tsv`, each checked as a signing's comment by `ContentCheck.ofDefaults()`, verdict by ")
        .append("`VerdictPolicy.bySeverity()`. *Caught* = comment hidden or signature held; *precision* = ")
        .append("spam among the comments hidden or held.\n\n");
    md.append("| corpus | language | spam | spam caught | precision | ham | ham hidden | ham held | offensive |")
        .append(" offensive hidden | offensive held | hate | hate held |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    tallies.forEach((key, t) -> row(md, key, t));
    row(md, "all | all", all);
    md.append(String.format(Locale.ROOT, "%nTargets: spam caught ≥ %.0f%%, ham hidden ≤ %.0f%%, ham held ≤ %.1f%% "
        + "(per corpus and language with 20 spam / 100 ham rows or more). Known misses allowed (rows): %s.%n",
        100 * MIN_RECALL, 100 * MAX_HAM_HIDDEN, 100 * MAX_LEGIT_HELD, KNOWN_MISSES));
    if (!examples.isEmpty()) {
      md.append("\nOrdinary (ham) comments held (findings only):\n\n");
      examples.forEach(e -> md.append("- ").append(e).append('\n'));
    }
    return md.toString();
  }

  private static void row(StringBuilder md, String key, Tally t) {
    md.append("| ").append(key).append(" | ").append(t.spam).append(" | ").append(percent(t.spamCaught, t.spam))
        .append(" | ").append(percent(t.flaggedSpam, t.flagged)).append(" | ").append(t.ham).append(" | ")
        .append(percent(t.hamHidden, t.ham)).append(" | ").append(percent(t.hamHeld, t.ham)).append(" | ")
        .append(t.offensive).append(" | ").append(percent(t.offensiveHidden, t.offensive)).append(" | ")
        .append(percent(t.offensiveHeld, t.offensive)).append(" | ").append(t.hate).append(" | ")
        .append(percent(t.hateHeld, t.hate)).append(" |\n");
  }

  private static List<Row> load() throws IOException {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = SpamModelQualityTest.class.getResourceAsStream("spam-heldout.tsv")) {
      assertThat(in).as("spam-heldout.tsv on the test class path").isNotNull();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", 4);
        assertThat(cells).as(line).hasSize(4);
        rows.add(new Row(cells[0], cells[1], cells[2], cells[3]));
      }
    }
    return rows;
  }
}
