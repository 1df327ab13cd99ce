package org.petition.spring;

import org.petition.ResendLimits;

/**
 * How often one address may be mailed again: its confirmation link when it signs again or asks for it
 * ({@code POST /api/petitions/{slug}/resends}) while its signature is pending, "already signed" once confirmed.
 * Counted per address in memory; beyond a limit nothing is sent and the answer is the same.
 *
 * <p>Bound under {@code petition.resend} ({@link PetitionProperties#getResend()}).
 */
public class PetitionResendProperties {

  private static final ResendLimits DEFAULT_RESEND = ResendLimits.ofDefaults();

  /** The most mails again to one address in any minute; 0 sends none. */
  private int perMinute = DEFAULT_RESEND.perMinute();

  /** The most mails again to one address in any 24 hours; 0 sends none. */
  private int perDay = DEFAULT_RESEND.perDay();

  /** The most addresses remembered at once (the least used are forgotten first). */
  private long maximumKeys = DEFAULT_RESEND.maximumKeys();

  public int getPerMinute() {
    return perMinute;
  }

  public void setPerMinute(int perMinute) {
    this.perMinute = perMinute;
  }

  public int getPerDay() {
    return perDay;
  }

  public void setPerDay(int perDay) {
    this.perDay = perDay;
  }

  public long getMaximumKeys() {
    return maximumKeys;
  }

  public void setMaximumKeys(long maximumKeys) {
    this.maximumKeys = maximumKeys;
  }
}
