package org.petition.store;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which signatures of a petition a moderator's bulk action applies to; every given criterion must match.
 * Works on what the store holds in clear or as keyed hashes, never on decrypted personal data.
 *
 * @param network a truncated network as stored (such as {@code 203.0.113.0/24}), or {@code null}
 * @param networkPrefix a textual prefix of the stored network (such as {@code 203.0.}), or {@code null}
 * @param emailDomain the ASCII domain of the email, or {@code null}
 * @param emailKey the keyed hash of one canonical email, or {@code null}
 * @param displayNamePattern a regular expression the public display name must match (found anywhere), or
 *     {@code null}
 * @param country an ISO country code, or {@code null}
 * @param signedFrom the earliest signing time, inclusive, or {@code null}
 * @param signedUntil the latest signing time, exclusive, or {@code null}
 */
public record SignatureCriteria(
    @Nullable String network,
    @Nullable String networkPrefix,
    @Nullable String emailDomain,
    byte @Nullable [] emailKey,
    @Nullable Pattern displayNamePattern,
    @Nullable String country,
    @Nullable Instant signedFrom,
    @Nullable Instant signedUntil) {

  public SignatureCriteria {
    if (network == null && networkPrefix == null && emailDomain == null && emailKey == null
        && displayNamePattern == null && country == null && signedFrom == null && signedUntil == null) {
      throw new IllegalArgumentException("at least one criterion is required: a bulk action on everything is a mistake");
    }
    if (signedFrom != null && signedUntil != null && !signedUntil.isAfter(signedFrom)) {
      throw new IllegalArgumentException("signedUntil must be after signedFrom");
    }
  }

  /** Whether a stored signature matches every given criterion. */
  public boolean matches(StoredSignature signature) {
    NewSignature data = signature.data();
    return (network == null || network.equals(data.network()))
        && (networkPrefix == null || (data.network() != null && data.network().startsWith(networkPrefix)))
        && (emailDomain == null || emailDomain.equals(data.emailDomain()))
        && (emailKey == null || java.util.Arrays.equals(emailKey, data.emailKey()))
        && (displayNamePattern == null
            || (data.displayName() != null && displayNamePattern.matcher(data.displayName()).find()))
        && (country == null || country.equals(data.country()))
        && (signedFrom == null || !data.signedAt().isBefore(signedFrom))
        && (signedUntil == null || data.signedAt().isBefore(signedUntil));
  }

  /** A description for the moderation log (no personal data: an email key shows as "one address"). */
  public String describe() {
    StringBuilder out = new StringBuilder();
    append(out, "network", network);
    append(out, "network prefix", networkPrefix);
    append(out, "email domain", emailDomain);
    append(out, "email", emailKey == null ? null : "one address");
    append(out, "display name", displayNamePattern == null ? null : "/" + displayNamePattern.pattern() + "/");
    append(out, "country", country);
    append(out, "signed from", signedFrom == null ? null : signedFrom.toString());
    append(out, "signed until", signedUntil == null ? null : signedUntil.toString());
    return out.toString();
  }

  private static void append(StringBuilder out, String name, @Nullable String value) {
    if (value != null) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(name).append(' ').append(value);
    }
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder of {@link SignatureCriteria}. */
  public static final class Builder {
    private @Nullable String network;
    private @Nullable String networkPrefix;
    private @Nullable String emailDomain;
    private byte @Nullable [] emailKey;
    private @Nullable Pattern displayNamePattern;
    private @Nullable String country;
    private @Nullable Instant signedFrom;
    private @Nullable Instant signedUntil;

    private Builder() {}

    public Builder network(String network) {
      this.network = Objects.requireNonNull(network, "network must not be null");
      return this;
    }

    public Builder networkPrefix(String prefix) {
      this.networkPrefix = Objects.requireNonNull(prefix, "network prefix must not be null");
      return this;
    }

    public Builder emailDomain(String domain) {
      this.emailDomain = Objects.requireNonNull(domain, "email domain must not be null").toLowerCase(java.util.Locale.ROOT);
      return this;
    }

    public Builder emailKey(byte[] key) {
      this.emailKey = Objects.requireNonNull(key, "email key must not be null").clone();
      return this;
    }

    public Builder displayNamePattern(Pattern pattern) {
      this.displayNamePattern = Objects.requireNonNull(pattern, "display name pattern must not be null");
      return this;
    }

    public Builder country(String country) {
      this.country = Objects.requireNonNull(country, "country must not be null").toUpperCase(java.util.Locale.ROOT);
      return this;
    }

    public Builder signedBetween(Instant from, Instant until) {
      this.signedFrom = Objects.requireNonNull(from, "from must not be null");
      this.signedUntil = Objects.requireNonNull(until, "until must not be null");
      return this;
    }

    // JDK 17's javac drops type-use annotations (byte @Nullable []) from the implicit parameters of a record's
    // canonical constructor, so NullAway takes them for non-null; they are nullable, as the record declares.
    @SuppressWarnings("NullAway")
    public SignatureCriteria build() {
      return new SignatureCriteria(network, networkPrefix, emailDomain, emailKey, displayNamePattern, country,
          signedFrom, signedUntil);
    }
  }
}
