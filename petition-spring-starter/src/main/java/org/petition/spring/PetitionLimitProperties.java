package org.petition.spring;

import java.time.Duration;
import org.petition.SigningLimits;

/**
 * Field lengths and lifetimes; the defaults are core's.
 *
 * <p>Bound under {@code petition.limits} ({@link PetitionProperties#getLimits()}).
 */
public class PetitionLimitProperties {

  private static final SigningLimits DEFAULT_LIMITS = SigningLimits.ofDefaults();

  /** The most characters in a first or last name. */
  private int maxNameLength = DEFAULT_LIMITS.maxNameLength();

  /** The most characters in an organisation's name. */
  private int maxOrganizationNameLength = DEFAULT_LIMITS.maxOrganizationNameLength();

  /** The most characters in a nickname. */
  private int maxNicknameLength = DEFAULT_LIMITS.maxNicknameLength();

  /** The most characters in a city. */
  private int maxCityLength = DEFAULT_LIMITS.maxCityLength();

  /** The most characters in an affiliation. */
  private int maxAffiliationLength = DEFAULT_LIMITS.maxAffiliationLength();

  /** The most characters in a comment. */
  private int maxCommentLength = DEFAULT_LIMITS.maxCommentLength();

  /** How long a pending signature and its confirmation link live (7 days by default). */
  private Duration pendingTtl = DEFAULT_LIMITS.pendingTtl();

  /** How long a "this wasn't me" link lives (180 days by default). */
  private Duration revokeLinkTtl = DEFAULT_LIMITS.revokeLinkTtl();

  /** How long after a petition closes a pending signature may still be confirmed (24 hours by default). */
  private Duration confirmGraceAfterClose = DEFAULT_LIMITS.confirmGraceAfterClose();

  public int getMaxNameLength() {
    return maxNameLength;
  }

  public void setMaxNameLength(int maxNameLength) {
    this.maxNameLength = maxNameLength;
  }

  public int getMaxOrganizationNameLength() {
    return maxOrganizationNameLength;
  }

  public void setMaxOrganizationNameLength(int maxOrganizationNameLength) {
    this.maxOrganizationNameLength = maxOrganizationNameLength;
  }

  public int getMaxNicknameLength() {
    return maxNicknameLength;
  }

  public void setMaxNicknameLength(int maxNicknameLength) {
    this.maxNicknameLength = maxNicknameLength;
  }

  public int getMaxCityLength() {
    return maxCityLength;
  }

  public void setMaxCityLength(int maxCityLength) {
    this.maxCityLength = maxCityLength;
  }

  public int getMaxAffiliationLength() {
    return maxAffiliationLength;
  }

  public void setMaxAffiliationLength(int maxAffiliationLength) {
    this.maxAffiliationLength = maxAffiliationLength;
  }

  public int getMaxCommentLength() {
    return maxCommentLength;
  }

  public void setMaxCommentLength(int maxCommentLength) {
    this.maxCommentLength = maxCommentLength;
  }

  public Duration getPendingTtl() {
    return pendingTtl;
  }

  public void setPendingTtl(Duration pendingTtl) {
    this.pendingTtl = pendingTtl;
  }

  public Duration getRevokeLinkTtl() {
    return revokeLinkTtl;
  }

  public void setRevokeLinkTtl(Duration revokeLinkTtl) {
    this.revokeLinkTtl = revokeLinkTtl;
  }

  public Duration getConfirmGraceAfterClose() {
    return confirmGraceAfterClose;
  }

  public void setConfirmGraceAfterClose(Duration confirmGraceAfterClose) {
    this.confirmGraceAfterClose = confirmGraceAfterClose;
  }
}
