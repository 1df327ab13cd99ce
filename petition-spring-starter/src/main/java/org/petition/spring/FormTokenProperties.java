package org.petition.spring;

import java.time.Duration;

/**
 * Server-signed form tokens ({@code petition.form-token.*}): the token a page renders into its hidden field
 * {@code formToken} and {@code GET /api/petitions/{slug}} hands to API clients, which the signing sends back.
 */
public class FormTokenProperties {

  /**
   * Whether a signing over HTTP without a form token is the bot signal bot.form_token (held by the default
   * policy). Turn off only while rolling out a form that does not send one yet: a token that is sent is always
   * checked, and the client's own render time is never believed.
   */
  private boolean required = true;

  /** How long after the form was rendered its token is accepted (1 minute to 30 days). */
  private Duration ttl = Duration.ofDays(1);

  /** How many signings may use one token (a family signing on one page, a retry); the next ones are a replay. */
  private int maxUses = 3;

  /** How many tokens the replay counter remembers at most (per instance, in memory). */
  private long maximumTracked = 100_000;

  public boolean isRequired() {
    return required;
  }

  public void setRequired(boolean required) {
    this.required = required;
  }

  public Duration getTtl() {
    return ttl;
  }

  public void setTtl(Duration ttl) {
    this.ttl = ttl;
  }

  public int getMaxUses() {
    return maxUses;
  }

  public void setMaxUses(int maxUses) {
    this.maxUses = maxUses;
  }

  public long getMaximumTracked() {
    return maximumTracked;
  }

  public void setMaximumTracked(long maximumTracked) {
    this.maximumTracked = maximumTracked;
  }
}
