package org.petition.identity;

import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.petition.identity.internal.KnownDomains;
import org.petition.internal.DomainNames;

/**
 * Gives every spelling of one mailbox the same canonical address, so that one person cannot sign twice
 * with {@code Frank.C+petition@GMAIL.com} and {@code frankc@googlemail.com}. The canonical address is a
 * key for finding duplicates, not an address to send mail to. Immutable and thread-safe.
 *
 * <p>Canonicalisation:
 *
 * <ol>
 *   <li>the domain becomes ASCII lower case ({@link java.net.IDN#toASCII}), so the Unicode and punycode
 *       spellings of an internationalised domain are one;
 *   <li>the user name (local part) becomes lower case ({@link Locale#ROOT});
 *   <li>a tag is removed: from the first tag separator on, unless it is the first character. The
 *       separators are the provider's (see {@link ProviderRules}); {@code +} for a domain no rule knows;
 *       none when tags are kept ({@link Builder#stripPlusTags}, {@link Builder#keepPlusTagsFor});
 *   <li>the provider's spelling rules apply: ignored characters are removed (dots at Gmail), {@code .}
 *       becomes {@code -} where they are the same (Yandex), and the domain becomes the provider's
 *       canonical domain ({@code googlemail.com} becomes {@code gmail.com}).
 * </ol>
 */
public final class EmailCanonicalizer {

  private final ProviderRules rules;
  private final boolean stripTags;
  private final Set<String> keepTagsFor;

  private EmailCanonicalizer(Builder builder) {
    this.rules = builder.rules == null ? ProviderRules.ofDefaults() : builder.rules;
    this.stripTags = builder.stripTags;
    this.keepTagsFor = Set.copyOf(builder.keepTagsFor);
  }

  /** A canonicaliser with {@link ProviderRules#ofDefaults()} that strips tags. */
  public static EmailCanonicalizer ofDefaults() {
    return Defaults.INSTANCE;
  }

  private static final class Defaults {
    static final EmailCanonicalizer INSTANCE = builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The canonical form of an address already validated as {@code local@domain} in NFC.
   *
   * @throws IllegalArgumentException if {@code email} has no {@code @} between a non-empty local part
   *     and a non-empty domain, or the domain is not a valid internationalised domain name
   */
  public String canonicalize(String email) {
    int at = splitAt(email);
    String domain = asciiDomain(email, at);
    ProviderRules.Provider provider = rules.find(domain);
    String canonicalDomain = provider == null ? domain : provider.domain();
    String separators;
    if (!stripTags || keepTagsFor.contains(domain) || keepTagsFor.contains(canonicalDomain)) {
      separators = "";
    } else {
      separators = provider == null ? "+" : provider.tagSeparators();
    }
    if (alreadyCanonical(email, at, canonicalDomain, separators, provider)) {
      return email; // what the steps below would build, character for character
    }
    String local = email.substring(0, at).toLowerCase(Locale.ROOT);
    local = cutTag(local, separators);
    if (provider != null) {
      local = respell(local, provider);
    }
    return new StringBuilder(local.length() + 1 + canonicalDomain.length())
        .append(local)
        .append('@')
        .append(canonicalDomain)
        .toString();
  }

  /**
   * The ASCII lower-case domain of an address, as written (not the provider's canonical domain): {@code
   * user@Bücher.de} gives {@code xn--bcher-kva.de}.
   *
   * @throws IllegalArgumentException as {@link #canonicalize}
   */
  public String domainOf(String email) {
    return asciiDomain(email, splitAt(email));
  }

  private static int splitAt(String email) {
    Objects.requireNonNull(email, "email must not be null");
    int at = email.lastIndexOf('@');
    if (at <= 0 || at == email.length() - 1) {
      throw new IllegalArgumentException("email must be local@domain with a non-empty local part and domain");
    }
    return at;
  }

  private static final KnownDomains DOMAINS = new KnownDomains();

  private static String asciiDomain(String email, int at) {
    String known = DOMAINS.find(email, at + 1);
    if (known != null) {
      return known;
    }
    String domain;
    try {
      domain = DomainNames.toAsciiLowerCase(email.substring(at + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("email domain is not a valid internationalised domain name", e);
    }
    if (email.regionMatches(at + 1, domain, 0, domain.length()) && email.length() - at - 1 == domain.length()) {
      DOMAINS.add(domain); // written as stored: the next address at this domain finds it without a copy
    }
    return domain;
  }

  // Whether the address is its own canonical form: an ASCII local part without capitals, no tag to cut, no
  // character the provider ignores or respells, and the canonical domain exactly as written.
  private static boolean alreadyCanonical(String email, int at, String canonicalDomain, String separators,
      ProviderRules.@Nullable Provider provider) {
    if (email.length() - at - 1 != canonicalDomain.length()
        || !email.regionMatches(at + 1, canonicalDomain, 0, canonicalDomain.length())) {
      return false;
    }
    String ignored = provider == null ? "" : provider.ignoredChars();
    boolean dotsToHyphens = provider != null && provider.dotsEqualHyphens();
    for (int i = 0; i < at; i++) {
      char c = email.charAt(i);
      if (c >= 0x80 || (c >= 'A' && c <= 'Z') || (i > 0 && separators.indexOf(c) >= 0)
          || ignored.indexOf(c) >= 0 || (dotsToHyphens && c == '.')) {
        return false;
      }
    }
    return true;
  }

  private static String cutTag(String local, String separators) {
    int cut = -1;
    for (int i = 0; i < separators.length(); i++) {
      int index = local.indexOf(separators.charAt(i), 1);
      if (index > 0 && (cut < 0 || index < cut)) {
        cut = index;
      }
    }
    return cut < 0 ? local : local.substring(0, cut);
  }

  private static String respell(String local, ProviderRules.Provider provider) {
    String ignored = provider.ignoredChars();
    boolean dotsToHyphens = provider.dotsEqualHyphens();
    if (ignored.isEmpty() && !dotsToHyphens) {
      return local;
    }
    StringBuilder out = null;
    int n = local.length();
    for (int i = 0; i < n; i++) {
      char c = local.charAt(i);
      boolean drop = ignored.indexOf(c) >= 0;
      boolean replace = dotsToHyphens && c == '.';
      if (out == null && (drop || replace)) {
        out = new StringBuilder(n).append(local, 0, i);
      }
      if (out != null && !drop) {
        out.append(replace ? '-' : c);
      }
    }
    if (out == null) {
      return local;
    }
    // A name made only of ignored characters keeps them rather than become empty.
    return out.length() == 0 ? local : out.toString();
  }

  /** A builder of {@link EmailCanonicalizer}. */
  public static final class Builder {
    // Loaded at build() only, so custom rules never need the bundled file.
    private @Nullable ProviderRules rules;
    private boolean stripTags = true;
    private final Set<String> keepTagsFor = new HashSet<>();

    private Builder() {}

    /** The provider rules; {@link ProviderRules#ofDefaults()} unless set. */
    public Builder providerRules(ProviderRules rules) {
      this.rules = Objects.requireNonNull(rules, "providerRules must not be null");
      return this;
    }

    /**
     * Whether tags ({@code +anything}, or what a provider's separators start) are removed from user names;
     * {@code true} unless set. With {@code false} no tag is removed at any domain.
     */
    public Builder stripPlusTags(boolean stripPlusTags) {
      this.stripTags = stripPlusTags;
      return this;
    }

    /**
     * Keeps tags at {@code domain} (Unicode or punycode, any case), for a domain where {@code +} is part of
     * real user names. Naming a provider's canonical domain covers its aliases too.
     *
     * @throws IllegalArgumentException if {@code domain} is not a valid domain name
     */
    public Builder keepPlusTagsFor(String domain) {
      Objects.requireNonNull(domain, "domain must not be null");
      String ascii;
      try {
        ascii = DomainNames.toAsciiLowerCase(domain.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("keepPlusTagsFor needs a valid domain name, was '" + domain + "'", e);
      }
      if (!DomainNames.isLowerCaseHostName(ascii)) {
        throw new IllegalArgumentException("keepPlusTagsFor needs a valid domain name, was '" + domain + "'");
      }
      keepTagsFor.add(ascii);
      return this;
    }

    public EmailCanonicalizer build() {
      return new EmailCanonicalizer(this);
    }
  }
}
