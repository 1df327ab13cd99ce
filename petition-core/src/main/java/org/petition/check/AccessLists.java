package org.petition.check;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.petition.check.internal.AddressBits;
import org.petition.check.internal.DomainSet;
import org.petition.check.internal.PrefixSet;
import org.petition.identity.EmailCanonicalizer;
import org.petition.identity.IpAddresses;
import org.petition.internal.DomainNames;

/**
 * Allow- and block-lists of signing sources: IP addresses and CIDR blocks (IPv4 and IPv6, any prefix),
 * email domains ({@code example.com} exactly, {@code *.example.com} for every subdomain), and email
 * addresses (compared in canonical form, so {@code Jane.Doe+x@gmail.com} is {@code janedoe@gmail.com}).
 *
 * <p>A blocked source is refused by {@link AccessListCheck} as fraud; an allowed source bypasses the rate
 * limits of a {@link RateLimitCheck} and the counts of a {@link SurgeDetector} that consult these lists. A
 * block always wins: a source both allowed and blocked is blocked.
 *
 * <p>Immutable and thread-safe, and cheap to consult: a binary search per distinct prefix length and a
 * hash lookup per domain label. To change the lists, build new ones ({@link #toBuilder()}) and swap the
 * checks that use them.
 */
public final class AccessLists {

  private static final AccessLists EMPTY = builder().build();

  /** What part of a signing a block-list matched. */
  enum Match {
    ADDRESS,
    DOMAIN,
    EMAIL
  }

  private final List<Cidr> allowedBlocks;
  private final List<Cidr> blockedBlocks;
  private final List<String> allowedDomainPatterns;
  private final List<String> blockedDomainPatterns;
  private final Set<String> allowedEmails;
  private final Set<String> blockedEmails;
  private final EmailCanonicalizer canonicalizer;

  private final PrefixSet allowedIps;
  private final PrefixSet blockedIps;
  private final DomainSet allowedDomains;
  private final DomainSet blockedDomains;
  private final boolean allowsAny;
  private final boolean blocksAny;

  private AccessLists(Builder builder) {
    this.canonicalizer = builder.canonicalizer;
    this.allowedBlocks = List.copyOf(builder.allowedBlocks);
    this.blockedBlocks = List.copyOf(builder.blockedBlocks);
    this.allowedDomainPatterns = List.copyOf(builder.allowedDomains);
    this.blockedDomainPatterns = List.copyOf(builder.blockedDomains);
    this.allowedEmails = canonical(builder.allowedEmails, canonicalizer);
    this.blockedEmails = canonical(builder.blockedEmails, canonicalizer);
    this.allowedIps = prefixSet(allowedBlocks);
    this.blockedIps = prefixSet(blockedBlocks);
    this.allowedDomains = domainSet(allowedDomainPatterns);
    this.blockedDomains = domainSet(blockedDomainPatterns);
    this.allowsAny = !allowedIps.isEmpty() || !allowedDomains.isEmpty() || !allowedEmails.isEmpty();
    this.blocksAny = !blockedIps.isEmpty() || !blockedDomains.isEmpty() || !blockedEmails.isEmpty();
  }

  /** Lists that allow and block nothing. */
  public static AccessLists empty() {
    return EMPTY;
  }

  /** A builder of empty lists. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these lists, to build changed ones. */
  public Builder toBuilder() {
    Builder builder = new Builder().emailCanonicalizer(canonicalizer);
    builder.allowedBlocks.addAll(allowedBlocks);
    builder.blockedBlocks.addAll(blockedBlocks);
    builder.allowedDomains.addAll(allowedDomainPatterns);
    builder.blockedDomains.addAll(blockedDomainPatterns);
    builder.allowedEmails.addAll(allowedEmails);
    builder.blockedEmails.addAll(blockedEmails);
    return builder;
  }

  /** Whether the lists are all empty. */
  public boolean isEmpty() {
    return !allowsAny && !blocksAny;
  }

  /** Whether the signing comes from an allowed address, domain or email, and from no blocked one. */
  public boolean allows(CheckInput input) {
    Objects.requireNonNull(input, "input must not be null");
    if (!allowsAny) {
      return false;
    }
    boolean allowed = matches(input.ip(), allowedIps)
        || allowedEmails.contains(input.canonicalEmail())
        || matchesDomain(input, allowedDomains);
    return allowed && blockedBy(input) == null;
  }

  /** Whether the signing comes from a blocked address, domain or email. */
  public boolean blocks(CheckInput input) {
    Objects.requireNonNull(input, "input must not be null");
    return blockedBy(input) != null;
  }

  /** Whether an address is in an allowed block (whatever the block-list says). */
  public boolean allowsAddress(InetAddress address) {
    return matches(Objects.requireNonNull(address, "address must not be null"), allowedIps);
  }

  /** Whether an address is in a blocked block. */
  public boolean blocksAddress(InetAddress address) {
    return matches(Objects.requireNonNull(address, "address must not be null"), blockedIps);
  }

  /** The allowed address blocks, as given. */
  public List<Cidr> allowedAddresses() {
    return allowedBlocks;
  }

  /** The blocked address blocks, as given. */
  public List<Cidr> blockedAddresses() {
    return blockedBlocks;
  }

  /** The allowed domains and wildcards, ASCII lower case. */
  public List<String> allowedDomains() {
    return allowedDomainPatterns;
  }

  /** The blocked domains and wildcards, ASCII lower case. */
  public List<String> blockedDomains() {
    return blockedDomainPatterns;
  }

  /** What part of the signing a block-list matched, or {@code null} when none did. */
  @Nullable Match blockedBy(CheckInput input) {
    if (!blocksAny) {
      return null;
    }
    if (matches(input.ip(), blockedIps)) {
      return Match.ADDRESS;
    }
    if (blockedEmails.contains(input.canonicalEmail())) {
      return Match.EMAIL;
    }
    if (matchesDomain(input, blockedDomains)) {
      return Match.DOMAIN;
    }
    return null;
  }

  private static boolean matches(@Nullable InetAddress ip, PrefixSet set) {
    return ip != null && !set.isEmpty() && set.contains(AddressBits.normalized(ip));
  }

  private static boolean matchesDomain(CheckInput input, DomainSet set) {
    if (set.isEmpty()) {
      return false;
    }
    String domain = input.emailDomain();
    if (set.contains(domain)) {
      return true;
    }
    // The provider's canonical domain too: a rule for gmail.com also covers googlemail.com.
    String email = input.canonicalEmail();
    int at = email.lastIndexOf('@');
    int length = email.length() - at - 1;
    if (at < 0 || (length == domain.length() && email.regionMatches(at + 1, domain, 0, length))) {
      return false;
    }
    return set.contains(email.substring(at + 1));
  }

  private static Set<String> canonical(List<String> emails, EmailCanonicalizer canonicalizer) {
    Set<String> set = new LinkedHashSet<>();
    for (String email : emails) {
      set.add(canonicalizer.canonicalize(email));
    }
    return Set.copyOf(set);
  }

  private static PrefixSet prefixSet(List<Cidr> blocks) {
    List<byte[]> networks = new ArrayList<>(blocks.size());
    List<Integer> prefixes = new ArrayList<>(blocks.size());
    for (Cidr block : blocks) {
      networks.add(block.networkBytes());
      prefixes.add(block.prefixLength());
    }
    return PrefixSet.of(networks, prefixes);
  }

  private static DomainSet domainSet(List<String> patterns) {
    List<String> exact = new ArrayList<>();
    List<String> parents = new ArrayList<>();
    for (String pattern : patterns) {
      if (pattern.startsWith("*.")) {
        parents.add(pattern.substring(2));
      } else {
        exact.add(pattern);
      }
    }
    return DomainSet.of(exact, parents);
  }

  /** A builder of {@link AccessLists}; every method checks its argument. */
  public static final class Builder {
    private final List<Cidr> allowedBlocks = new ArrayList<>();
    private final List<Cidr> blockedBlocks = new ArrayList<>();
    private final List<String> allowedDomains = new ArrayList<>();
    private final List<String> blockedDomains = new ArrayList<>();
    private final List<String> allowedEmails = new ArrayList<>();
    private final List<String> blockedEmails = new ArrayList<>();
    private EmailCanonicalizer canonicalizer = EmailCanonicalizer.ofDefaults();

    private Builder() {}

    /**
     * Allows an IP address ({@code 203.0.113.7}, {@code 2001:db8::1}) or a CIDR block ({@code
     * 203.0.113.0/24}, {@code 2001:db8::/32}).
     */
    public Builder allowIp(String addressOrCidr) {
      allowedBlocks.add(block(addressOrCidr, "allowed IP"));
      return this;
    }

    /** Blocks an IP address or a CIDR block, as {@link #allowIp}. */
    public Builder blockIp(String addressOrCidr) {
      blockedBlocks.add(block(addressOrCidr, "blocked IP"));
      return this;
    }

    /** Allows a block of addresses. */
    public Builder allow(Cidr block) {
      allowedBlocks.add(Objects.requireNonNull(block, "allowed block must not be null"));
      return this;
    }

    /** Blocks a block of addresses. */
    public Builder block(Cidr block) {
      blockedBlocks.add(Objects.requireNonNull(block, "blocked block must not be null"));
      return this;
    }

    /**
     * Allows an email domain: {@code example.com} exactly, or {@code *.example.com} for every subdomain of
     * example.com (but not example.com itself). Unicode domains are stored in ASCII (punycode).
     */
    public Builder allowDomain(String domain) {
      allowedDomains.add(domainPattern(domain, "allowed domain"));
      return this;
    }

    /** Blocks an email domain, as {@link #allowDomain}. */
    public Builder blockDomain(String domain) {
      blockedDomains.add(domainPattern(domain, "blocked domain"));
      return this;
    }

    /** Allows one email address, in any spelling of its canonical form. */
    public Builder allowEmail(String email) {
      allowedEmails.add(email(email, "allowed email"));
      return this;
    }

    /** Blocks one email address, in any spelling of its canonical form. */
    public Builder blockEmail(String email) {
      blockedEmails.add(email(email, "blocked email"));
      return this;
    }

    /**
     * How listed emails are canonicalised; {@link EmailCanonicalizer#ofDefaults()} by default. Use the one
     * the {@link org.petition.Petitions} instance uses, or listed emails may not match.
     */
    public Builder emailCanonicalizer(EmailCanonicalizer canonicalizer) {
      this.canonicalizer = Objects.requireNonNull(canonicalizer, "email canonicalizer must not be null");
      return this;
    }

    public AccessLists build() {
      return new AccessLists(this);
    }

    private static Cidr block(String text, String what) {
      Objects.requireNonNull(text, what + " must not be null");
      if (text.indexOf('/') >= 0) {
        try {
          return Cidr.parse(text);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
      }
      Optional<InetAddress> address = text.indexOf('%') >= 0 ? Optional.empty() : IpAddresses.parse(text);
      return Cidr.of(address.orElseThrow(() -> new IllegalArgumentException(what
          + " must be an IP address literal or a CIDR block such as 203.0.113.0/24, was: '" + text + "'")));
    }

    private static String domainPattern(String pattern, String what) {
      Objects.requireNonNull(pattern, what + " must not be null");
      String text = pattern.strip();
      boolean wildcard = text.startsWith("*.");
      String domain = wildcard ? text.substring(2) : text;
      String ascii;
      try {
        ascii = DomainNames.toAsciiLowerCase(domain);
      } catch (IllegalArgumentException e) {
        ascii = "";
      }
      // A wildcard's parent may be a single label ("*.example"); an exact domain needs two.
      boolean valid = wildcard ? DomainNames.isLowerCaseHostName("x." + ascii) : DomainNames.isLowerCaseHostName(ascii);
      if (!valid) {
        throw new IllegalArgumentException(
            what + " must be a domain such as example.com or a wildcard such as *.example.com, was: '" + pattern + "'");
      }
      return wildcard ? "*." + ascii : ascii;
    }

    private String email(String email, String what) {
      Objects.requireNonNull(email, what + " must not be null");
      try {
        canonicalizer.canonicalize(email.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(what + " must be local@domain with a valid domain", e);
      }
      return email.strip();
    }
  }
}
