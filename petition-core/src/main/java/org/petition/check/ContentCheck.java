package org.petition.check;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.petition.check.internal.AbuseMatcher;
import org.petition.check.internal.DataFile;
import org.petition.check.internal.LinkDetector;
import org.petition.check.internal.Mojibake;
import org.petition.check.internal.SecondPerson;
import org.petition.check.internal.TermKind;
import org.petition.check.internal.TermLists;
import org.petition.check.internal.TextSignals;

/**
 * Examines what a signer typed in the free-text fields (first and last name, organisation name, nickname,
 * city, affiliation, comment; a letter to the target is read as a comment is, under field {@code letter}) and
 * reports:
 *
 * <table>
 *   <caption>Findings</caption>
 *   <tr><th>code</th><th>severity</th><th>when</th></tr>
 *   <tr><td>{@code content.link}</td><td>{@link Severity#MEDIUM}</td>
 *       <td>a link, bare domain or email address in the comment, affiliation or city, including disguised
 *       dots ("example dot com", "example(dot)com", "example [.] com", full-width "．")</td></tr>
 *   <tr><td>{@code content.link_in_name}</td><td>{@link Severity#HIGH}</td>
 *       <td>the same in a name, nickname or organisation name</td></tr>
 *   <tr><td>{@code content.abuse}</td><td>{@link Severity#HIGH}</td>
 *       <td>a slur or hate against a group (the {@code hate-*.txt} lists), in any field, through spacing, case,
 *       repeated letters, digits and symbols for letters, punctuation inside the word, plurals, and for
 *       Korean spaces or symbols between syllables and loose jamo</td></tr>
 *   <tr><td>{@code content.threat}</td><td>{@link Severity#HIGH}</td>
 *       <td>a threat or incitement to violence or self-harm (the {@code threats-*.txt} lists)</td></tr>
 *   <tr><td>{@code content.profanity}</td><td>{@link Severity#LOW} or {@link Severity#MEDIUM}; {@link
 *       Severity#HIGH} in a name</td>
 *       <td>profanity (the {@code profanity-*.txt} lists): LOW, the comment is published, unless the text
 *       addresses someone ("fuck you"), then MEDIUM; an insult that calls a person something (the {@code
 *       insults-*.txt} lists) is MEDIUM. Both configurable ({@link Builder#untargetedProfanity}, {@link
 *       Builder#targetedProfanity}), never more than MEDIUM: profanity never holds a signature. In a name,
 *       which is published and cannot be hidden, HIGH.</td></tr>
 *   <tr><td>{@code content.spam}</td><td>{@link Severity#MEDIUM}</td>
 *       <td>a comment the {@link SpamModel} scores at or above its threshold (self-promotion, money offers,
 *       scams, SEO); the explanation names the features that weighed most</td></tr>
 *   <tr><td>{@code content.mojibake}</td><td>{@link Severity#LOW}</td>
 *       <td>text garbled by a wrong character set (see {@link MojibakeRepair}); the explanation gives the
 *       exact repair when there is one</td></tr>
 *   <tr><td>{@code content.shouting}</td><td>{@link Severity#LOW}</td>
 *       <td>a comment of at least 12 letters of a script with case, 70% or more of them capitals (scripts
 *       without case never shout)</td></tr>
 *   <tr><td>{@code content.repetition}</td><td>{@link Severity#LOW}</td>
 *       <td>a comment repeating a character 6 times ("!!!!!!") or a word or group of words 4 times ("buy
 *       buy buy buy"); digits, lines drawn with dashes or dots, and laughter (ㅋㅋㅋ, 哈哈哈, www, 555) do
 *       not count</td></tr>
 *   <tr><td>{@code content.gibberish_name}</td><td>{@link Severity#LOW}</td>
 *       <td>a name that is one Latin word of 20 letters or more, a word of 5 letters without a vowel, a run
 *       of neighbouring keys, loose Hangul jamo, a letter 4 times in a row, or no letter at all</td></tr>
 *   <tr><td>{@code content.no_text}</td><td>{@link Severity#LOW}</td>
 *       <td>a comment without a letter or digit: only emoji, symbols or combining marks</td></tr>
 * </table>
 *
 * <p>Text in any script passes unless it holds a link or a listed term; a sentence full stop ("U.S.",
 * "e.g.", "St. Louis", "Mr.Smith", "3.5") is not a link, and terms match whole words only, so
 * "Scunthorpe" or "assistant" stay clean.
 *
 * <p>Shouting, repeated letters and emoji-only comments are recorded for moderators (LOW) but hide nothing on
 * their own: real people write "NO WAR!!!!!!" and "soooo good". Why each severity is what it is:
 * {@code docs/CONTENT-QUALITY.md}.
 *
 * <p><b>Word lists.</b> The built-in lists are the data files {@link #PROFANITY_LISTS}, {@link
 * #INSULT_LISTS}, {@link #HATE_LISTS} and {@link #THREAT_LISTS} in {@code org/petition/check/}, in English,
 * Korean, German, Spanish, French and Russian, loaded once. Format: UTF-8, one entry per line, {@code #} starts a comment
 * (a whole line, or after a space); an entry is
 *
 * <ul>
 *   <li>{@code word}: the whole word, with its English plurals for a Latin word;
 *   <li>{@code stem*}: any word starting with the stem;
 *   <li>{@code two words}: a phrase, the words in a row;
 *   <li>{@code !word}: an exception, never reported although an entry matches it;
 *   <li>in a script written without spaces (Hangul, Han, Kana, Thai), a term matches inside words, and
 *       {@code =term} only at the start of a word.
 * </ul>
 *
 * <p>Every check is linear in the length of the text, uses no backtracking regular expression and never
 * throws on any text. Immutable and thread-safe.
 */
public final class ContentCheck implements SignatureCheck {

  /** The built-in lists of profanity that calls no one anything, next to this class on the class path. */
  public static final List<String> PROFANITY_LISTS = lists("profanity");

  /** The built-in lists of insults, profanity that calls a person something. */
  public static final List<String> INSULT_LISTS = lists("insults");

  /** The built-in lists of slurs and hate against a group. */
  public static final List<String> HATE_LISTS = lists("hate");

  /** The built-in lists of threats and incitement to violence or self-harm. */
  public static final List<String> THREAT_LISTS = lists("threats");

  /** Every built-in list, of every kind. */
  public static final List<String> ABUSE_LISTS = List.copyOf(java.util.stream.Stream.of(
      PROFANITY_LISTS, INSULT_LISTS, HATE_LISTS, THREAT_LISTS).flatMap(List::stream).toList());

  private static List<String> lists(String kind) {
    return List.of(kind + "-en.txt", kind + "-ko.txt", kind + "-de.txt", kind + "-es.txt", kind + "-fr.txt",
        kind + "-ru.txt");
  }

  // The comments most signers leave; skipped at once when the configured lists find nothing in them.
  private static final List<String> COMMON_COMMENTS = List.of(
      "I support this petition", "I support this petition.", "I support this petition!",
      "I signed", "I support this", "Je soutiens cette pétition", "Ich unterstütze diese Petition",
      "Apoyo esta petición", "Sostengo questa petizione", "Eu apoio esta petição",
      "Я поддерживаю эту петицию", "이 청원을 지지합니다", "이 청원을 지지합니다.", "我支持这个请愿");

  private enum Field {
    PERSON_NAME,
    ORGANIZATION_NAME,
    PLACE,
    AFFILIATION,
    COMMENT
  }

  private final TermLists terms;
  private final @Nullable SpamModel spam;
  private final Severity untargeted;
  private final Severity targeted;
  private final Set<String> knownClean;

  private ContentCheck(TermLists terms, @Nullable SpamModel spam, Severity untargeted, Severity targeted) {
    this.terms = terms;
    this.spam = spam;
    this.untargeted = untargeted;
    this.targeted = targeted;
    Set<String> clean = new HashSet<>();
    for (String comment : COMMON_COMMENTS) {
      if (examineText(Field.COMMENT, "comment", comment, null) == null) {
        clean.add(comment);
      }
    }
    this.knownClean = Set.copyOf(clean);
  }

  /**
   * The check with the built-in lists and spam model, profanity addressed to no one published (LOW) and
   * insults hidden (MEDIUM).
   *
   * @throws IllegalStateException if the built-in spam model is missing or corrupt; the message says which
   */
  public static ContentCheck ofDefaults() {
    return Defaults.check();
  }

  /** A builder starting from the built-in abuse lists. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public List<Finding> check(CheckInput input) {
    Objects.requireNonNull(input, "input must not be null");
    @Nullable List<Finding> findings = null;
    findings = examine(Field.PERSON_NAME, "firstName", input.firstName(), findings);
    findings = examine(Field.PERSON_NAME, "lastName", input.lastName(), findings);
    findings = examine(Field.PERSON_NAME, "nickname", input.nickname(), findings);
    findings = examine(Field.ORGANIZATION_NAME, "organizationName", input.organizationName(), findings);
    findings = examine(Field.PLACE, "city", input.city(), findings);
    findings = examine(Field.AFFILIATION, "affiliation", input.affiliation(), findings);
    findings = examine(Field.COMMENT, "comment", input.comment(), findings);
    // A letter is read as a comment is, under its own field name: the same findings and severities.
    findings = examine(Field.COMMENT, "letter", input.letter(), findings);
    return findings == null ? List.of() : List.copyOf(findings);
  }

  /**
   * Examines one text as if it were the given field of a signing, for a preview as the signer types.
   *
   * @param field one of {@code firstName}, {@code lastName}, {@code nickname}, {@code organizationName},
   *     {@code city}, {@code affiliation}, {@code comment}, {@code letter}
   * @param text the text, normalised as in {@link CheckInput}
   * @return the findings, empty when there is nothing to report
   * @throws IllegalArgumentException if the field is not one of these
   */
  public List<Finding> checkField(String field, String text) {
    Objects.requireNonNull(field, "field must not be null");
    Objects.requireNonNull(text, "text must not be null");
    Field kind = switch (field) {
      case "firstName", "lastName", "nickname" -> Field.PERSON_NAME;
      case "organizationName" -> Field.ORGANIZATION_NAME;
      case "city" -> Field.PLACE;
      case "affiliation" -> Field.AFFILIATION;
      case "comment", "letter" -> Field.COMMENT;
      default -> throw new IllegalArgumentException("field must be one of firstName, lastName, nickname, "
          + "organizationName, city, affiliation, comment, letter; was: " + field);
    };
    List<Finding> findings = examine(kind, field, text, null);
    return findings == null ? List.of() : List.copyOf(findings);
  }

  private @Nullable List<Finding> examine(
      Field kind, String field, @Nullable String text, @Nullable List<Finding> findings) {
    if (text == null || text.isEmpty() || knownClean.contains(text)) {
      return findings;
    }
    return examineText(kind, field, text, findings);
  }

  private @Nullable List<Finding> examineText(
      Field kind, String field, String text, @Nullable List<Finding> findings) {
    List<Finding> out = findings;
    boolean name = kind == Field.PERSON_NAME || kind == Field.ORGANIZATION_NAME;
    // Garbled text is judged by its repair: "ÐœÐ¸Ñ€" is neither shouting nor repetition, and a slur or a
    // link must not hide behind a wrong character set.
    Mojibake.Diagnosis diagnosis = Mojibake.diagnose(text);
    boolean garbled = diagnosis.garbled();
    String repaired = diagnosis.repair();
    if (garbled) {
      String shown = shownRepair(repaired);
      out = add(out, Finding.of(FindingCodes.CONTENT_MOJIBAKE, Severity.LOW, field,
          field + " looks garbled by a wrong character set"
              + (shown != null ? "; it probably reads \"" + shown + "\"" : "; no exact repair")));
    }
    LinkDetector.Link link = LinkDetector.find(text);
    if (link == null && repaired != null) {
      link = LinkDetector.find(repaired);
    }
    if (link != null) {
      String what = link.email() ? "an email address" : "a link (" + link.text() + ")";
      out = add(out, name
          ? Finding.of(FindingCodes.CONTENT_LINK_IN_NAME, Severity.HIGH, field, field + " contains " + what)
          : Finding.of(FindingCodes.CONTENT_LINK, Severity.MEDIUM, field, field + " contains " + what));
    }
    String matched = text;
    AbuseMatcher.Hit hit = terms.all().find(text);
    if (hit == null && repaired != null) {
      matched = repaired;
      hit = terms.all().find(repaired);
    }
    if (hit != null) {
      out = add(out, termFinding(hit, matched, field, name));
    }
    if (garbled && repaired == null) {
      // Lost bytes: nothing more can be read from it.
      return out;
    }
    String readable = repaired != null ? repaired : text;
    if (kind == Field.COMMENT) {
      String reason = TextSignals.noText(readable);
      if (reason != null) {
        out = add(out, Finding.of(FindingCodes.CONTENT_NO_TEXT, Severity.LOW, field, field + " has " + reason));
      }
      reason = TextSignals.shouting(readable);
      if (reason != null) {
        out = add(out, Finding.of(FindingCodes.CONTENT_SHOUTING, Severity.LOW, field,
            field + " is shouted: " + reason));
      }
      reason = TextSignals.repetition(readable);
      if (reason != null) {
        out = add(out, Finding.of(FindingCodes.CONTENT_REPETITION, Severity.LOW, field,
            field + " repeats itself: " + reason));
      }
      SpamModel model = spam;
      if (model != null) {
        double score = model.score(readable);
        if (score >= model.threshold()) {
          out = add(out, Finding.of(FindingCodes.CONTENT_SPAM, Severity.MEDIUM, field, String.format(
              java.util.Locale.ROOT, "%s reads like spam (score %.2f, threshold %.2f); weighed most: %s",
              field, score, model.threshold(), String.join(", ", model.strongestFeatures(readable, 4)))));
        }
      }
    } else if (name) {
      String reason = TextSignals.gibberishName(readable, kind == Field.PERSON_NAME);
      if (reason != null) {
        out = add(out, Finding.of(FindingCodes.CONTENT_GIBBERISH_NAME, Severity.LOW, field,
            field + " looks like gibberish: " + reason));
      }
    }
    return out;
  }

  // The finding for a listed term. Profanity found first is checked again for a slur or a threat further on,
  // which weighs more; that second pass runs only on the rare text with profanity.
  private Finding termFinding(AbuseMatcher.Hit first, String text, String field, boolean name) {
    AbuseMatcher.Hit hit = first;
    TermKind kind = TermKind.of(hit.source());
    if (kind.ordinal() < TermKind.HATE.ordinal() && terms.severe() != null) {
      AbuseMatcher.Hit severe = java.util.Objects.requireNonNull(terms.severe()).find(text);
      if (severe != null) {
        hit = severe;
        kind = TermKind.of(severe.source());
      }
    }
    String where = " (" + mask(hit.term()) + ", " + hit.source() + ")";
    return switch (kind) {
      case HATE -> Finding.of(FindingCodes.CONTENT_ABUSE, Severity.HIGH, field,
          field + " contains a slur or hate against a group" + where);
      case THREAT -> Finding.of(FindingCodes.CONTENT_THREAT, Severity.HIGH, field,
          field + " contains a threat" + where);
      case INSULT -> Finding.of(FindingCodes.CONTENT_PROFANITY, name ? Severity.HIGH : targeted, field,
          field + " contains an insult" + where);
      case PROFANITY -> {
        if (name) {
          yield Finding.of(FindingCodes.CONTENT_PROFANITY, Severity.HIGH, field,
              field + " contains profanity" + where);
        }
        boolean addressed = SecondPerson.addresses(text);
        yield Finding.of(FindingCodes.CONTENT_PROFANITY, addressed ? targeted : untargeted, field,
            field + " contains profanity" + (addressed ? " addressed to someone" : " addressed to no one") + where);
      }
    };
  }

  private static List<Finding> add(@Nullable List<Finding> findings, Finding finding) {
    List<Finding> out = findings == null ? new ArrayList<>(2) : findings;
    out.add(finding);
    return out;
  }

  // A moderator sees which entry matched without the explanation spelling out a slur: "g**k".
  private static String mask(String term) {
    int[] cps = term.codePoints().toArray();
    if (cps.length <= 2) {
      return new String(cps, 0, 1) + "*".repeat(cps.length - 1);
    }
    return new String(cps, 0, 1) + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
  }

  // The repair, unless it could carry contact data into the explanation.
  private static @Nullable String shownRepair(@Nullable String repaired) {
    if (repaired == null || repaired.indexOf('@') >= 0) {
      return null;
    }
    int digits = 0;
    for (int i = 0; i < repaired.length(); i++) {
      digits = Character.isDigit(repaired.charAt(i)) ? digits + 1 : 0;
      if (digits >= 7) {
        return null;
      }
    }
    return repaired.length() <= 80 ? repaired : repaired.substring(0, 80) + "…";
  }

  @Override
  public String toString() {
    return "ContentCheck";
  }

  /** A builder of {@link ContentCheck}; every setter checks its argument. */
  public static final class Builder {
    private @Nullable List<DataFile.Line> terms;
    private @Nullable SpamModel spam;
    private boolean noSpam;
    private Severity untargeted = Severity.LOW;
    private Severity targeted = Severity.MEDIUM;

    private Builder() {}

    /**
     * Replaces every list with the given entries (the format of the built-in lists, one entry per string),
     * each weighing as a slur: {@code content.abuse}, HIGH.
     *
     * @param entries the entries; comments and blank strings are ignored
     * @return this builder
     * @throws IllegalArgumentException if an entry is malformed; the message names it
     */
    public Builder abuseTerms(Collection<String> entries) {
      this.terms = validated(DataFile.of("custom list", entries));
      return this;
    }

    /**
     * Replaces every list with the entries read from a reader, in the format of the built-in lists, each
     * weighing as a slur: {@code content.abuse}, HIGH.
     *
     * @param reader the list; read to its end, not closed
     * @return this builder
     * @throws java.io.UncheckedIOException if the reader fails
     * @throws IllegalArgumentException if an entry is malformed; the message names its line
     */
    public Builder abuseTerms(Reader reader) {
      this.terms = validated(DataFile.read("custom list", reader));
      return this;
    }

    /**
     * Adds entries weighing as slurs ({@code content.abuse}, HIGH) to the lists (the built-in ones unless
     * replaced).
     *
     * @param entries the entries, in the format of the built-in lists
     * @return this builder
     * @throws IllegalArgumentException if an entry is malformed; the message names it
     */
    public Builder addAbuseTerms(Collection<String> entries) {
      return add(DataFile.of("added entries", entries));
    }

    /**
     * Adds entries weighing as profanity ({@code content.profanity}: see {@link #untargetedProfanity} and
     * {@link #targetedProfanity}) to the lists (the built-in ones unless replaced).
     *
     * @param entries the entries, in the format of the built-in lists
     * @return this builder
     * @throws IllegalArgumentException if an entry is malformed; the message names it
     */
    public Builder addProfanityTerms(Collection<String> entries) {
      return add(DataFile.of("profanity (added)", entries));
    }

    /**
     * The severity of profanity in a comment that addresses no one ("holy shit"): {@link Severity#LOW}, the
     * default, publishes the comment; {@link Severity#MEDIUM} hides it. Never more: profanity does not hold a
     * signature.
     *
     * @throws IllegalArgumentException unless LOW or MEDIUM
     */
    public Builder untargetedProfanity(Severity severity) {
      this.untargeted = profanitySeverity("untargetedProfanity", severity);
      return this;
    }

    /**
     * The severity of an insult, or of profanity in a comment that addresses someone ("fuck you"): {@link
     * Severity#MEDIUM}, the default, hides the comment; {@link Severity#LOW} publishes it.
     *
     * @throws IllegalArgumentException unless LOW or MEDIUM
     */
    public Builder targetedProfanity(Severity severity) {
      this.targeted = profanitySeverity("targetedProfanity", severity);
      return this;
    }

    /**
     * Uses this spam model for comments instead of the built-in one.
     *
     * @param model the model, for example {@code SpamModel.ofDefaults().withThreshold(0.8)}
     * @return this builder
     */
    public Builder spamModel(SpamModel model) {
      this.spam = Objects.requireNonNull(model, "model must not be null");
      this.noSpam = false;
      return this;
    }

    /** Checks comments without a spam model: only links and the lists then catch spam. */
    public Builder withoutSpamModel() {
      this.spam = null;
      this.noSpam = true;
      return this;
    }

    /**
     * Builds the check.
     *
     * @throws IllegalStateException if the built-in spam model is needed and missing or corrupt
     */
    public ContentCheck build() {
      if (terms == null && spam == null && !noSpam && untargeted == Severity.LOW && targeted == Severity.MEDIUM) {
        return ofDefaults();
      }
      SpamModel model = noSpam ? null : spam != null ? spam : SpamModel.ofDefaults();
      TermLists compiled = terms == null ? Defaults.compiled() : TermLists.compile(terms);
      return new ContentCheck(compiled, model, untargeted, targeted);
    }

    private Builder add(List<DataFile.Line> entries) {
      List<DataFile.Line> added = validated(entries);
      List<DataFile.Line> all = new ArrayList<>(terms == null ? Defaults.TERMS : terms);
      all.addAll(added);
      this.terms = List.copyOf(all);
      return this;
    }

    private static Severity profanitySeverity(String what, Severity severity) {
      Objects.requireNonNull(severity, what + " must not be null");
      if (severity != Severity.LOW && severity != Severity.MEDIUM) {
        throw new IllegalArgumentException(what + " must be LOW (publish) or MEDIUM (hide the comment); "
            + "profanity never holds a signature; was: " + severity);
      }
      return severity;
    }

    private static List<DataFile.Line> validated(List<DataFile.Line> lines) {
      AbuseMatcher.compile(lines);
      return List.copyOf(lines);
    }
  }

  // Loaded once, on first use.
  private static final class Defaults {
    static final List<DataFile.Line> TERMS = load();
    private static @Nullable TermLists compiled;
    private static volatile @Nullable ContentCheck check;

    static synchronized TermLists compiled() {
      TermLists terms = compiled;
      if (terms == null) {
        terms = TermLists.compile(TERMS);
        compiled = terms;
      }
      return terms;
    }

    // The spam model is read first, so a missing or corrupt model fails every call with its own message.
    static ContentCheck check() {
      ContentCheck built = check;
      return built != null ? built : build();
    }

    private static synchronized ContentCheck build() {
      ContentCheck built = check;
      if (built == null) {
        built = new ContentCheck(compiled(), SpamModel.ofDefaults(), Severity.LOW, Severity.MEDIUM);
        check = built;
      }
      return built;
    }

    private static List<DataFile.Line> load() {
      List<DataFile.Line> lines = new ArrayList<>();
      for (String list : ABUSE_LISTS) {
        lines.addAll(DataFile.resource(ContentCheck.class, list));
      }
      return List.copyOf(lines);
    }
  }
}
