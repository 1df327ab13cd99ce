package org.petition.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.petition.internal.DomainNames;

/**
 * What {@link EmailCanonicalizer} knows of mailbox providers: which domains reach the same mailboxes and
 * how user names are spelled there. Immutable and thread-safe.
 *
 * <p>The defaults come from the resource {@code org/petition/identity/email-providers.txt}, whose header
 * documents the format; a caller may {@link #parse} a file of its own instead.
 */
public final class ProviderRules {

  private static final String RESOURCE = "email-providers.txt";

  private final List<Provider> providers;
  private final Map<String, Provider> byDomain;

  private ProviderRules(List<Provider> providers, Map<String, Provider> byDomain) {
    this.providers = List.copyOf(providers);
    this.byDomain = Map.copyOf(byDomain);
  }

  /**
   * One mailbox provider.
   *
   * @param domain the canonical domain, ASCII lower case
   * @param aliases the other domains of the same mailboxes, ASCII lower case
   * @param tagSeparators the characters that start a tag in a user name, such as {@code +}; empty when
   *     the provider has no sub-addressing
   * @param ignoredChars the characters of a user name that do not matter, such as {@code .} at Gmail
   * @param dotsEqualHyphens whether {@code .} and {@code -} in a user name are the same character
   */
  public record Provider(
      String domain, List<String> aliases, String tagSeparators, String ignoredChars, boolean dotsEqualHyphens) {

    public Provider {
      Objects.requireNonNull(domain, "domain must not be null");
      Objects.requireNonNull(aliases, "aliases must not be null");
      Objects.requireNonNull(tagSeparators, "tagSeparators must not be null");
      Objects.requireNonNull(ignoredChars, "ignoredChars must not be null");
      aliases = List.copyOf(aliases);
      checkDomain(domain);
      aliases.forEach(Provider::checkDomain);
      for (int i = 0; i < tagSeparators.length(); i++) {
        char c = tagSeparators.charAt(i);
        if (!isSpecial(c)) {
          throw new IllegalArgumentException(
              "a tag separator must be ASCII punctuation other than '.', '@', '\"' and '\\\\', was '" + c + "'");
        }
        if (ignoredChars.indexOf(c) >= 0) {
          throw new IllegalArgumentException("'" + c + "' cannot both start a tag and be ignored");
        }
        if (dotsEqualHyphens && c == '-') {
          throw new IllegalArgumentException("'-' cannot both start a tag and equal '.'");
        }
      }
      for (int i = 0; i < ignoredChars.length(); i++) {
        char c = ignoredChars.charAt(i);
        if (!isSpecial(c) && c != '.') {
          throw new IllegalArgumentException(
              "an ignored character must be ASCII punctuation other than '@', '\"' and '\\\\', was '" + c + "'");
        }
        if (dotsEqualHyphens && (c == '-' || c == '.')) {
          throw new IllegalArgumentException("'" + c + "' cannot both be ignored and equal its counterpart");
        }
      }
    }

    private static void checkDomain(String domain) {
      if (!DomainNames.isLowerCaseHostName(domain)) {
        throw new IllegalArgumentException(
            "a provider domain must be an ASCII lower-case host name of two labels or more, was '" + domain + "'");
      }
    }

    private static boolean isSpecial(char c) {
      return c > ' ' && c < 0x7F && !Character.isLetterOrDigit(c) && c != '.' && c != '@' && c != '"' && c != '\\';
    }
  }

  /** The rules of {@code email-providers.txt} shipped with the library, loaded once. */
  public static ProviderRules ofDefaults() {
    return Defaults.RULES;
  }

  /** Rules that know no provider: every domain is its own provider and {@code +} starts a tag. */
  public static ProviderRules empty() {
    return new ProviderRules(List.of(), Map.of());
  }

  /**
   * Rules for the given providers.
   *
   * @throws IllegalArgumentException if a domain belongs to two providers
   */
  public static ProviderRules of(Collection<Provider> providers) {
    Objects.requireNonNull(providers, "providers must not be null");
    Map<String, Provider> byDomain = new HashMap<>();
    for (Provider provider : providers) {
      Objects.requireNonNull(provider, "provider must not be null");
      for (String domain : domainsOf(provider)) {
        if (byDomain.putIfAbsent(domain, provider) != null) {
          throw new IllegalArgumentException("domain " + domain + " belongs to two providers");
        }
      }
    }
    return new ProviderRules(new ArrayList<>(providers), byDomain);
  }

  /**
   * Reads rules in the format of {@code email-providers.txt}: one provider a line, {@code DOMAIN [ALIAS
   * ...] [FLAG ...]}, flags {@code plus-tags}, {@code tag-separator=C}, {@code ignore-dots}, {@code
   * ignore=CHARS} and {@code dots-equal-hyphens}, {@code #} comments. The reader is not closed.
   *
   * @throws IllegalArgumentException naming the line, if the text is malformed
   * @throws UncheckedIOException if the reader fails
   */
  public static ProviderRules parse(Reader reader) {
    Objects.requireNonNull(reader, "reader must not be null");
    BufferedReader lines = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
    List<Provider> providers = new ArrayList<>();
    Map<String, Provider> byDomain = new HashMap<>();
    Map<String, Integer> lineOfDomain = new HashMap<>();
    int number = 0;
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        Provider provider = parseLine(line, number);
        if (provider == null) {
          continue;
        }
        for (String domain : domainsOf(provider)) {
          Integer first = lineOfDomain.putIfAbsent(domain, number);
          if (first != null) {
            throw new IllegalArgumentException(
                "line " + number + ": domain " + domain + " is already listed on line " + first);
          }
          byDomain.put(domain, provider);
        }
        providers.add(provider);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read email provider rules", e);
    }
    return new ProviderRules(providers, byDomain);
  }

  private static @Nullable Provider parseLine(String line, int number) {
    int hash = line.indexOf('#');
    String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
    if (content.isEmpty()) {
      return null;
    }
    String[] tokens = content.split("[ \t]+");
    List<String> domains = new ArrayList<>();
    StringBuilder separators = new StringBuilder();
    StringBuilder ignored = new StringBuilder();
    boolean dotsEqualHyphens = false;
    boolean flagSeen = false;
    for (String token : tokens) {
      boolean flag = token.indexOf('=') >= 0 || token.indexOf('.') < 0;
      if (!flag) {
        if (flagSeen) {
          throw new IllegalArgumentException("line " + number + ": domain " + token + " after a flag; domains come first");
        }
        domains.add(asciiDomain(token, number));
        continue;
      }
      if (domains.isEmpty()) {
        throw new IllegalArgumentException("line " + number + ": expected a domain first, found flag " + token);
      }
      flagSeen = true;
      if (token.equals("plus-tags")) {
        addOnce(separators, '+', "tag separator", number);
      } else if (token.equals("ignore-dots")) {
        addOnce(ignored, '.', "ignored character", number);
      } else if (token.equals("dots-equal-hyphens")) {
        dotsEqualHyphens = true;
      } else if (token.startsWith("tag-separator=")) {
        String value = token.substring("tag-separator=".length());
        if (value.length() != 1) {
          throw new IllegalArgumentException(
              "line " + number + ": tag-separator takes exactly one character, was '" + value + "'");
        }
        addOnce(separators, value.charAt(0), "tag separator", number);
      } else if (token.startsWith("ignore=")) {
        String value = token.substring("ignore=".length());
        if (value.isEmpty()) {
          throw new IllegalArgumentException("line " + number + ": ignore= needs at least one character");
        }
        for (int i = 0; i < value.length(); i++) {
          addOnce(ignored, value.charAt(i), "ignored character", number);
        }
      } else {
        throw new IllegalArgumentException(
            "line " + number + ": unknown flag " + token
                + " (known: plus-tags, tag-separator=C, ignore-dots, ignore=CHARS, dots-equal-hyphens)");
      }
    }
    try {
      return new Provider(
          domains.get(0), domains.subList(1, domains.size()), separators.toString(), ignored.toString(),
          dotsEqualHyphens);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("line " + number + ": " + e.getMessage(), e);
    }
  }

  private static void addOnce(StringBuilder chars, char c, String what, int number) {
    if (chars.indexOf(String.valueOf(c)) >= 0) {
      throw new IllegalArgumentException("line " + number + ": " + what + " '" + c + "' given twice");
    }
    chars.append(c);
  }

  private static String asciiDomain(String token, int number) {
    String domain;
    try {
      domain = DomainNames.toAsciiLowerCase(token);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("line " + number + ": " + token + " is not a valid domain name", e);
    }
    if (!DomainNames.isLowerCaseHostName(domain)) {
      throw new IllegalArgumentException("line " + number + ": " + token + " is not a valid domain name");
    }
    return domain;
  }

  private static List<String> domainsOf(Provider provider) {
    List<String> domains = new ArrayList<>(provider.aliases().size() + 1);
    domains.add(provider.domain());
    domains.addAll(provider.aliases());
    return domains;
  }

  /** The provider serving {@code domain} (any spelling: Unicode or punycode, any case), if known. */
  public Optional<Provider> provider(String domain) {
    Objects.requireNonNull(domain, "domain must not be null");
    return Optional.ofNullable(byDomain.get(DomainNames.toAsciiLowerCase(domain)));
  }

  /** The providers, in the order given. */
  public List<Provider> providers() {
    return providers;
  }

  // The hot path: the domain is already ASCII lower case.
  @Nullable Provider find(String asciiDomain) {
    return byDomain.get(asciiDomain);
  }

  private static final class Defaults {
    static final ProviderRules RULES = load();

    private static ProviderRules load() {
      InputStream in = ProviderRules.class.getResourceAsStream(RESOURCE);
      if (in == null) {
        throw new IllegalStateException("missing resource org/petition/identity/" + RESOURCE);
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return parse(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read org/petition/identity/" + RESOURCE, e);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("org/petition/identity/" + RESOURCE + ": " + e.getMessage(), e);
      }
    }
  }
}
