package org.petition.spring;

import java.time.Duration;

/**
 * Invite friends ({@code petition.invitations.*}): how many addresses a signer may invite, how floods are refused
 * and how long the links live. Counted in the shared limit store when the JDBC store is used (every instance
 * together), else in each instance's memory.
 */
public class InvitationProperties {

  /** The most addresses one signer may invite in any 24 hours, and in one request (0 to 1,000; 0 turns invitations off). */
  private int perSignerPerDay = 10;

  /** The most addresses invited from one client IP address in any hour (1 to 100,000). */
  private int perIpPerHour = 30;

  /** The most addresses invited from one network (/24 or /64) in any 24 hours (1 to 1,000,000). */
  private int perNetworkPerDay = 100;

  /** How long the invite token a confirmation hands out stays valid (1 minute to 365 days). */
  private Duration tokenTtl = Duration.ofDays(30);

  /** How long an invitation's "never email me again" link works (1 day to 20 years). */
  private Duration suppressLinkTtl = Duration.ofDays(1825);

  /** The path of a petition's sign page under the base URL, with {slug} for the petition; the link adds ?via=invite. */
  private String signPath = "/p/{slug}";

  public int getPerSignerPerDay() {
    return perSignerPerDay;
  }

  public void setPerSignerPerDay(int perSignerPerDay) {
    this.perSignerPerDay = perSignerPerDay;
  }

  public int getPerIpPerHour() {
    return perIpPerHour;
  }

  public void setPerIpPerHour(int perIpPerHour) {
    this.perIpPerHour = perIpPerHour;
  }

  public int getPerNetworkPerDay() {
    return perNetworkPerDay;
  }

  public void setPerNetworkPerDay(int perNetworkPerDay) {
    this.perNetworkPerDay = perNetworkPerDay;
  }

  public Duration getTokenTtl() {
    return tokenTtl;
  }

  public void setTokenTtl(Duration tokenTtl) {
    this.tokenTtl = tokenTtl;
  }

  public Duration getSuppressLinkTtl() {
    return suppressLinkTtl;
  }

  public void setSuppressLinkTtl(Duration suppressLinkTtl) {
    this.suppressLinkTtl = suppressLinkTtl;
  }

  public String getSignPath() {
    return signPath;
  }

  public void setSignPath(String signPath) {
    this.signPath = signPath;
  }
}
