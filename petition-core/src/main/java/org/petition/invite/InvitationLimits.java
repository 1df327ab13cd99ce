package org.petition.invite;

import java.time.Duration;
import java.util.Objects;

/**
 * How invitations are limited and linked. Each invited address counts once against every limit that applies,
 * over a sliding window, whether it is then sent or skipped: per signer (the signer's keyed email hash, over
 * all petitions) 10 a day, per client IP address 30 an hour, per network (/24 or /64) 100 a day. A request over
 * any limit sends nothing and says how long to wait. Immutable; start from {@link #ofDefaults()} or {@link
 * #builder()}.
 */
public final class InvitationLimits {

  /** The query parameter an invitation's sign link carries, so a signing through it is counted as invited. */
  public static final String ATTRIBUTION_PARAMETER = "via";
  /** The value of {@link #ATTRIBUTION_PARAMETER} on an invitation's sign link. */
  public static final String ATTRIBUTION_VALUE = "invite";

  private final int perSignerPerDay;
  private final int perIpPerHour;
  private final int perNetworkPerDay;
  private final Duration tokenTtl;
  private final Duration suppressLinkTtl;
  private final String signPath;

  private InvitationLimits(Builder builder) {
    this.perSignerPerDay = builder.perSignerPerDay;
    this.perIpPerHour = builder.perIpPerHour;
    this.perNetworkPerDay = builder.perNetworkPerDay;
    this.tokenTtl = builder.tokenTtl;
    this.suppressLinkTtl = builder.suppressLinkTtl;
    this.signPath = builder.signPath;
  }

  /** 10 addresses a day per signer, 30 an hour per IP, 100 a day per network; tokens valid 30 days. */
  public static InvitationLimits ofDefaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The most addresses one signer may invite in any 24 hours (also the most in one request); 0 turns invitations off. */
  public int perSignerPerDay() {
    return perSignerPerDay;
  }

  /** The most addresses invited from one IP address in any hour. */
  public int perIpPerHour() {
    return perIpPerHour;
  }

  /** The most addresses invited from one network (/24 or /64) in any 24 hours. */
  public int perNetworkPerDay() {
    return perNetworkPerDay;
  }

  /** How long an invite token stays valid after it is handed out (30 days). */
  public Duration tokenTtl() {
    return tokenTtl;
  }

  /** How long an invitation's "never email me again" link works (5 years). */
  public Duration suppressLinkTtl() {
    return suppressLinkTtl;
  }

  /** The path of a petition's sign page on the base URL, with {@code {slug}} for the petition ({@code /p/{slug}}). */
  public String signPath() {
    return signPath;
  }

  @Override
  public String toString() {
    return "InvitationLimits[perSignerPerDay=" + perSignerPerDay + ", perIpPerHour=" + perIpPerHour
        + ", perNetworkPerDay=" + perNetworkPerDay + ", tokenTtl=" + tokenTtl + "]";
  }

  /** A builder of {@link InvitationLimits}; every setter checks its argument. */
  public static final class Builder {
    private int perSignerPerDay = 10;
    private int perIpPerHour = 30;
    private int perNetworkPerDay = 100;
    private Duration tokenTtl = Duration.ofDays(30);
    private Duration suppressLinkTtl = Duration.ofDays(5 * 365);
    private String signPath = "/p/{slug}";

    private Builder() {}

    /** Addresses per signer in any 24 hours, 0 to 1,000; 0 turns invitations off. */
    public Builder perSignerPerDay(int count) {
      this.perSignerPerDay = range("invitations per signer per day", count, 0, 1_000);
      return this;
    }

    /** Addresses per client IP address in any hour, 1 to 100,000. */
    public Builder perIpPerHour(int count) {
      this.perIpPerHour = range("invitations per IP address per hour", count, 1, 100_000);
      return this;
    }

    /** Addresses per network in any 24 hours, 1 to 1,000,000. */
    public Builder perNetworkPerDay(int count) {
      this.perNetworkPerDay = range("invitations per network per day", count, 1, 1_000_000);
      return this;
    }

    /** How long an invite token is valid, a minute to 365 days. */
    public Builder tokenTtl(Duration ttl) {
      this.tokenTtl = duration("invite token TTL", ttl, Duration.ofMinutes(1), Duration.ofDays(365));
      return this;
    }

    /** How long the "never email me again" link works, a day to 20 years. */
    public Builder suppressLinkTtl(Duration ttl) {
      this.suppressLinkTtl = duration("suppression link TTL", ttl, Duration.ofDays(1), Duration.ofDays(20 * 365));
      return this;
    }

    /** The sign page's path: starts with {@code /}, holds {@code {slug}}, no query, at most 200 characters. */
    public Builder signPath(String path) {
      Objects.requireNonNull(path, "sign path must not be null");
      if (!path.startsWith("/") || !path.contains("{slug}") || path.contains("?") || path.contains("#")
          || path.length() > 200 || path.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>')) {
        throw new IllegalArgumentException("sign path must start with /, hold {slug}, and have no query, fragment,"
            + " space or quote (at most 200 characters), was: " + path);
      }
      this.signPath = path;
      return this;
    }

    public InvitationLimits build() {
      return new InvitationLimits(this);
    }

    private static int range(String what, int value, int min, int max) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", was " + value);
      }
      return value;
    }

    private static Duration duration(String what, Duration value, Duration min, Duration max) {
      Objects.requireNonNull(value, what + " must not be null");
      if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
        throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", was " + value);
      }
      return value;
    }
  }
}
