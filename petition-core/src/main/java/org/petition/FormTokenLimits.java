package org.petition;

import java.time.Duration;
import java.util.Objects;

/**
 * How the server-signed form tokens of {@link Petitions#formToken} are judged: how long one lives after the
 * form was rendered, how many signings may use one before it counts as replayed, and how many tokens the
 * replay counter remembers. Immutable; start from {@link #ofDefaults()} or {@link #builder()}.
 *
 * <p>A form token is an HMAC-signed token (the {@link org.petition.token.Tokens} key ring, its own purpose)
 * that holds the petition, the render time and a random nonce. A page renders it into a hidden field, an API
 * client takes it from {@code GET /api/petitions/{slug}}; the signing sends it back. The counter of uses lives
 * in memory, per instance, bounded by {@link #maximumTracked()} (the least used forgotten first).
 */
public final class FormTokenLimits {

  private final Duration ttl;
  private final int maxUses;
  private final long maximumTracked;

  private FormTokenLimits(Builder builder) {
    this.ttl = builder.ttl;
    this.maxUses = builder.maxUses;
    this.maximumTracked = builder.maximumTracked;
  }

  /** Tokens live 1 day, serve 3 signings each (a family on one page, a retry), 100,000 remembered. */
  public static FormTokenLimits ofDefaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** How long after rendering a form its token is accepted. */
  public Duration ttl() {
    return ttl;
  }

  /** How many signings may use one token; the next ones are {@code bot.form_token}. */
  public int maxUses() {
    return maxUses;
  }

  /** How many tokens the replay counter remembers at most. */
  public long maximumTracked() {
    return maximumTracked;
  }

  @Override
  public String toString() {
    return "FormTokenLimits[ttl=" + ttl + ", maxUses=" + maxUses + ", maximumTracked=" + maximumTracked + "]";
  }

  /** A builder of {@link FormTokenLimits}; every setter checks its argument. */
  public static final class Builder {
    private Duration ttl = Duration.ofDays(1);
    private int maxUses = 3;
    private long maximumTracked = 100_000;

    private Builder() {}

    /** How long a token lives: from 1 minute to 30 days. */
    public Builder ttl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl must not be null");
      if (ttl.compareTo(Duration.ofMinutes(1)) < 0 || ttl.compareTo(Duration.ofDays(30)) > 0) {
        throw new IllegalArgumentException("form token ttl must be between 1 minute and 30 days, was " + ttl);
      }
      this.ttl = ttl;
      return this;
    }

    /** How many signings one token serves: 1 to 100. */
    public Builder maxUses(int maxUses) {
      if (maxUses < 1 || maxUses > 100) {
        throw new IllegalArgumentException("form token maxUses must be between 1 and 100, was " + maxUses);
      }
      this.maxUses = maxUses;
      return this;
    }

    /** How many tokens the replay counter remembers: at least 1,000. */
    public Builder maximumTracked(long maximumTracked) {
      if (maximumTracked < 1_000) {
        throw new IllegalArgumentException("form token maximumTracked must be at least 1000, was " + maximumTracked);
      }
      this.maximumTracked = maximumTracked;
      return this;
    }

    public FormTokenLimits build() {
      return new FormTokenLimits(this);
    }
  }
}
