package org.petition.check;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.DomainValidator;
import org.jspecify.annotations.Nullable;
import org.petition.check.internal.DataFile;

/**
 * Reports an email address at a disposable (throwaway) mail provider as {@code email.disposable},
 * {@link Severity#HIGH} by default, so the signature waits for a moderator: such addresses let one person
 * confirm many signatures.
 *
 * <p>The built-in list is the data file {@code org/petition/check/disposable-domains.txt}: UTF-8, one entry
 * per line, {@code #} starts a comment. An entry is a lower-case ASCII domain ({@code mailinator.com}),
 * which also matches its subdomains ({@code x.mailinator.com}), or a name followed by {@code .*}
 * ({@code guerrillamail.*}), which matches that name under any top-level domain or two-label public suffix
 * ({@code guerrillamail.com}, {@code guerrillamail.co.uk}). Internationalised domains are written in
 * punycode. A lookup costs one set lookup per label of the address's domain.
 *
 * <p>Immutable and thread-safe.
 */
public final class DisposableDomainCheck implements SignatureCheck {

  /** The name of the built-in data file, next to this class on the class path. */
  public static final String DATA_FILE = "disposable-domains.txt";

  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

  private final Set<String> domains;
  private final Set<String> anyTld;
  // The hash codes of anyTld's labels, sorted: a label whose hash is not here is not listed, found without
  // cutting it out of the domain (this runs on every signing).
  private final int[] anyTldHashes;
  private final Severity severity;

  private DisposableDomainCheck(Set<String> domains, Set<String> anyTld, Severity severity) {
    this.domains = domains;
    this.anyTld = anyTld;
    this.anyTldHashes = anyTld.stream().mapToInt(String::hashCode).sorted().toArray();
    this.severity = severity;
  }

  // String.hashCode of d[from, to) without the substring.
  private static int hash(String d, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + d.charAt(i);
    }
    return h;
  }

  /** The check with the built-in list, reporting {@link Severity#HIGH}. */
  public static DisposableDomainCheck ofDefaults() {
    return Defaults.CHECK;
  }

  /** A builder starting from the built-in list and {@link Severity#HIGH}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public List<Finding> check(CheckInput input) {
    Objects.requireNonNull(input, "input must not be null");
    String listed = listedAs(input.emailDomain());
    if (listed == null) {
      return List.of();
    }
    return List.of(Finding.of(FindingCodes.EMAIL_DISPOSABLE, severity, "email",
        "the email domain is a disposable-address provider (listed as " + listed + ")"));
  }

  /**
   * Whether a domain, or a domain it is a subdomain of, is listed.
   *
   * @param domain an ASCII (punycode) domain, any case, with or without a final dot
   * @return {@code true} when listed
   */
  public boolean isDisposable(String domain) {
    Objects.requireNonNull(domain, "domain must not be null");
    return listedAs(domain) != null;
  }

  private @Nullable String listedAs(String domain) {
    String d = domain.toLowerCase(Locale.ROOT);
    if (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    // No domain is longer; the bound also keeps the suffix loop below cheap.
    if (d.isEmpty() || d.length() > 253) {
      return null;
    }
    // Suffixes from the longest: a.b.mailinator.com, b.mailinator.com, mailinator.com.
    int start = 0;
    while (start >= 0 && start < d.length()) {
      int dot = d.indexOf('.', start);
      if (dot < 0) {
        break;
      }
      String suffix = d.substring(start);
      if (domains.contains(suffix)) {
        return suffix;
      }
      if (!anyTld.isEmpty() && java.util.Arrays.binarySearch(anyTldHashes, hash(d, start, dot)) >= 0) {
        String label = d.substring(start, dot);
        if (anyTld.contains(label) && isPublicSuffix(d.substring(dot + 1))) {
          return label + ".*";
        }
      }
      start = dot + 1;
    }
    return null;
  }

  // A top-level domain, or a second-level label under a country code (co.uk, com.ua).
  private static boolean isPublicSuffix(String rest) {
    DomainValidator validator = DomainValidator.getInstance();
    int dot = rest.indexOf('.');
    if (dot < 0) {
      return validator.isValidTld(rest);
    }
    String tld = rest.substring(dot + 1);
    return tld.indexOf('.') < 0 && dot <= 4 && validator.isValidCountryCodeTld(tld);
  }

  /** The severity reported. */
  public Severity severity() {
    return severity;
  }

  /** How many entries the list has. */
  public int size() {
    return domains.size() + anyTld.size();
  }

  @Override
  public String toString() {
    return "DisposableDomainCheck[" + size() + " entries, " + severity + "]";
  }

  /** A builder of {@link DisposableDomainCheck}; every setter checks its argument. */
  public static final class Builder {
    private @Nullable List<String> entries;
    private Severity severity = Severity.HIGH;

    private Builder() {}

    /**
     * Replaces the list with the given entries (the format of {@link #DATA_FILE}, one entry per string).
     *
     * @param entries the entries; comments and blank strings are ignored
     * @return this builder
     * @throws IllegalArgumentException if an entry is not a domain or {@code name.*}
     */
    public Builder domains(Collection<String> entries) {
      this.entries = parse(DataFile.of("custom list", entries));
      return this;
    }

    /**
     * Replaces the list with the entries read from a reader, in the format of {@link #DATA_FILE}.
     *
     * @param reader the list; read to its end, not closed
     * @return this builder
     * @throws java.io.UncheckedIOException if the reader fails
     * @throws IllegalArgumentException if an entry is not a domain or {@code name.*}
     */
    public Builder domains(Reader reader) {
      this.entries = parse(DataFile.read("custom list", reader));
      return this;
    }

    /**
     * Adds entries to the list (the built-in one unless replaced).
     *
     * @param entries the entries, in the format of {@link #DATA_FILE}
     * @return this builder
     * @throws IllegalArgumentException if an entry is not a domain or {@code name.*}
     */
    public Builder addDomains(Collection<String> entries) {
      List<String> added = parse(DataFile.of("added entries", entries));
      List<String> all = new ArrayList<>(current());
      all.addAll(added);
      this.entries = all;
      return this;
    }

    /**
     * Sets the severity of {@code email.disposable}.
     *
     * @param severity for example {@link Severity#MEDIUM} to accept such signatures but hide the comment
     * @return this builder
     */
    public Builder severity(Severity severity) {
      this.severity = Objects.requireNonNull(severity, "severity must not be null");
      return this;
    }

    /** Builds the check. */
    public DisposableDomainCheck build() {
      if (entries == null) {
        return severity == Severity.HIGH ? Defaults.CHECK : of(Defaults.ENTRIES, severity);
      }
      return of(entries, severity);
    }

    private List<String> current() {
      return entries == null ? Defaults.ENTRIES : entries;
    }
  }

  private static DisposableDomainCheck of(List<String> entries, Severity severity) {
    Set<String> domains = new HashSet<>();
    Set<String> anyTld = new HashSet<>();
    for (String entry : entries) {
      if (entry.endsWith(".*")) {
        anyTld.add(entry.substring(0, entry.length() - 2));
      } else {
        domains.add(entry);
      }
    }
    return new DisposableDomainCheck(Set.copyOf(domains), Set.copyOf(anyTld), severity);
  }

  private static List<String> parse(List<DataFile.Line> lines) {
    List<String> entries = new ArrayList<>(lines.size());
    for (DataFile.Line line : lines) {
      String entry = line.text().toLowerCase(Locale.ROOT);
      boolean wildcard = entry.endsWith(".*");
      String domain = wildcard ? entry.substring(0, entry.length() - 2) : entry;
      String[] labels = domain.split("\\.", -1);
      boolean valid = domain.length() <= 253 && (wildcard ? labels.length == 1 : labels.length >= 2);
      for (String label : labels) {
        valid &= LABEL.matcher(label).matches();
      }
      if (!valid) {
        throw new IllegalArgumentException(line.where()
            + ": an entry must be an ASCII domain such as mailinator.com (punycode for international"
            + " domains) or a name followed by .* such as guerrillamail.*, was: " + line.text());
      }
      entries.add(entry);
    }
    return List.copyOf(entries);
  }

  // Loaded once, on first use.
  private static final class Defaults {
    static final List<String> ENTRIES =
        parse(DataFile.resource(DisposableDomainCheck.class, DATA_FILE));
    static final DisposableDomainCheck CHECK = of(ENTRIES, Severity.HIGH);
  }
}
