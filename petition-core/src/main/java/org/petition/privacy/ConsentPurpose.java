package org.petition.privacy;

/**
 * Why a consent is asked. The first three are required by a typical petition form; the last two are
 * optional and must never be pre-ticked.
 */
public enum ConsentPurpose {
  TERMS(true),
  PRIVACY_POLICY(true),
  DATA_PROCESSING(true),
  NEWSLETTER(false),
  CONTACT_BY_AUTHOR(false);

  private final boolean usuallyRequired;

  ConsentPurpose(boolean usuallyRequired) {
    this.usuallyRequired = usuallyRequired;
  }

  /** Whether petitions usually require this consent to sign. */
  public boolean usuallyRequired() {
    return usuallyRequired;
  }
}
