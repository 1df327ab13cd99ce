package org.petition;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits a signing must respect and the lifetimes of what it creates. Immutable; start from {@link
 * #ofDefaults()} or {@link #builder()}.
 */
public final class SigningLimits {

  private final int maxNameLength;
  private final int maxOrganizationNameLength;
  private final int maxNicknameLength;
  private final int maxCityLength;
  private final int maxAffiliationLength;
  private final int maxCommentLength;
  private final Duration pendingTtl;
  private final Duration revokeLinkTtl;
  private final Duration confirmGraceAfterClose;

  private SigningLimits(Builder builder) {
    this.maxNameLength = builder.maxNameLength;
    this.maxOrganizationNameLength = builder.maxOrganizationNameLength;
    this.maxNicknameLength = builder.maxNicknameLength;
    this.maxCityLength = builder.maxCityLength;
    this.maxAffiliationLength = builder.maxAffiliationLength;
    this.maxCommentLength = builder.maxCommentLength;
    this.pendingTtl = builder.pendingTtl;
    this.revokeLinkTtl = builder.revokeLinkTtl;
    this.confirmGraceAfterClose = builder.confirmGraceAfterClose;
  }

  /**
   * Names and city up to 100 characters, organisation and affiliation up to 200, nickname up to 50, comment
   * up to 2,500; pending signatures and their links live 7 days; "this wasn't me" links 180 days;
   * confirmation stays possible 24 hours after a petition closes.
   */
  public static SigningLimits ofDefaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The most characters (code points) in a first or last name. */
  public int maxNameLength() {
    return maxNameLength;
  }

  public int maxOrganizationNameLength() {
    return maxOrganizationNameLength;
  }

  public int maxNicknameLength() {
    return maxNicknameLength;
  }

  public int maxCityLength() {
    return maxCityLength;
  }

  public int maxAffiliationLength() {
    return maxAffiliationLength;
  }

  public int maxCommentLength() {
    return maxCommentLength;
  }

  /** How long a pending signature and its confirmation link live. */
  public Duration pendingTtl() {
    return pendingTtl;
  }

  /** How long a "this wasn't me" link lives. */
  public Duration revokeLinkTtl() {
    return revokeLinkTtl;
  }

  /** How long after a petition closes a pending signature may still be confirmed. */
  public Duration confirmGraceAfterClose() {
    return confirmGraceAfterClose;
  }

  @Override
  public String toString() {
    return "SigningLimits[name=" + maxNameLength + ", organizationName=" + maxOrganizationNameLength
        + ", nickname=" + maxNicknameLength + ", city=" + maxCityLength + ", affiliation=" + maxAffiliationLength
        + ", comment=" + maxCommentLength + ", pendingTtl=" + pendingTtl + ", revokeLinkTtl=" + revokeLinkTtl
        + ", confirmGraceAfterClose=" + confirmGraceAfterClose + "]";
  }

  /** A builder of {@link SigningLimits}; every setter checks its argument. */
  public static final class Builder {
    private int maxNameLength = 100;
    private int maxOrganizationNameLength = 200;
    private int maxNicknameLength = 50;
    private int maxCityLength = 100;
    private int maxAffiliationLength = 200;
    private int maxCommentLength = 2_500;
    private Duration pendingTtl = Duration.ofDays(7);
    private Duration revokeLinkTtl = Duration.ofDays(180);
    private Duration confirmGraceAfterClose = Duration.ofHours(24);

    private Builder() {}

    public Builder maxNameLength(int length) {
      this.maxNameLength = positive(length, "maximum name length");
      return this;
    }

    public Builder maxOrganizationNameLength(int length) {
      this.maxOrganizationNameLength = positive(length, "maximum organization name length");
      return this;
    }

    public Builder maxNicknameLength(int length) {
      this.maxNicknameLength = positive(length, "maximum nickname length");
      return this;
    }

    public Builder maxCityLength(int length) {
      this.maxCityLength = positive(length, "maximum city length");
      return this;
    }

    public Builder maxAffiliationLength(int length) {
      this.maxAffiliationLength = positive(length, "maximum affiliation length");
      return this;
    }

    public Builder maxCommentLength(int length) {
      this.maxCommentLength = positive(length, "maximum comment length");
      return this;
    }

    public Builder pendingTtl(Duration ttl) {
      this.pendingTtl = positive(ttl, "pending TTL");
      return this;
    }

    public Builder revokeLinkTtl(Duration ttl) {
      this.revokeLinkTtl = positive(ttl, "revoke link TTL");
      return this;
    }

    public Builder confirmGraceAfterClose(Duration grace) {
      Objects.requireNonNull(grace, "confirm grace after close must not be null");
      if (grace.isNegative()) {
        throw new IllegalArgumentException("confirm grace after close must not be negative");
      }
      this.confirmGraceAfterClose = grace;
      return this;
    }

    public SigningLimits build() {
      return new SigningLimits(this);
    }

    private static int positive(int value, String what) {
      if (value < 1 || value > 1_000_000) {
        throw new IllegalArgumentException(what + " must be between 1 and 1,000,000, was " + value);
      }
      return value;
    }

    private static Duration positive(Duration value, String what) {
      Objects.requireNonNull(value, what + " must not be null");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, was " + value);
      }
      return value;
    }
  }
}
