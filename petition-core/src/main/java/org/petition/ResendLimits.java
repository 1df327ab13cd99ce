package org.petition;

/**
 * How often one address may be mailed again: a confirmation link sent again for a pending signature (on a
 * repeated signing or on {@link Petitions#resend}), or "you have already signed" for a confirmed one. Counted
 * per email key over every petition of the instance, in memory; beyond a limit nothing is mailed and the
 * answer stays the same. The same limits, counted apart, hold the mails of erasure and access requests
 * ({@link DataSubjectRights#requestErasure}, {@link DataSubjectRights#requestAccess}). The first confirmation mail of a signing is not counted. Immutable; start from
 * {@link #ofDefaults()} or {@link #builder()}.
 */
public final class ResendLimits {

  private final int perMinute;
  private final int perDay;
  private final long maximumKeys;

  private ResendLimits(Builder builder) {
    this.perMinute = builder.perMinute;
    this.perDay = builder.perDay;
    this.maximumKeys = builder.maximumKeys;
  }

  /** 1 mail a minute and 5 a day per address; at most 100,000 addresses remembered. */
  public static ResendLimits ofDefaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The most mails to one address in any minute; 0 mails none. */
  public int perMinute() {
    return perMinute;
  }

  /** The most mails to one address in any 24 hours; 0 mails none. */
  public int perDay() {
    return perDay;
  }

  /** The most addresses remembered at once (the least used go first). */
  public long maximumKeys() {
    return maximumKeys;
  }

  @Override
  public String toString() {
    return "ResendLimits[perMinute=" + perMinute + ", perDay=" + perDay + ", maximumKeys=" + maximumKeys + "]";
  }

  /** A builder of {@link ResendLimits}; every setter checks its argument, {@link #build()} their agreement. */
  public static final class Builder {
    private int perMinute = 1;
    private int perDay = 5;
    private long maximumKeys = 100_000;

    private Builder() {}

    /** The most mails to one address in any minute: 0 to 1,000. */
    public Builder perMinute(int perMinute) {
      if (perMinute < 0 || perMinute > 1_000) {
        throw new IllegalArgumentException("resends per minute must be between 0 and 1,000, was " + perMinute);
      }
      this.perMinute = perMinute;
      return this;
    }

    /** The most mails to one address in any 24 hours: 0 to 10,000. */
    public Builder perDay(int perDay) {
      if (perDay < 0 || perDay > 10_000) {
        throw new IllegalArgumentException("resends per day must be between 0 and 10,000, was " + perDay);
      }
      this.perDay = perDay;
      return this;
    }

    /** The most addresses remembered at once: at least 1. */
    public Builder maximumKeys(long maximumKeys) {
      if (maximumKeys < 1) {
        throw new IllegalArgumentException("resend maximum keys must be at least 1, was " + maximumKeys);
      }
      this.maximumKeys = maximumKeys;
      return this;
    }

    /**
     * The limits.
     *
     * @throws IllegalArgumentException if more are allowed a minute than a day
     */
    public ResendLimits build() {
      if (perMinute > perDay) {
        throw new IllegalArgumentException("resends per minute (" + perMinute + ") must not exceed resends per day ("
            + perDay + ")");
      }
      return new ResendLimits(this);
    }
  }
}
