package org.petition.spring;

import org.jspecify.annotations.Nullable;

/**
 * A petition setting is missing or wrong; start-up stops with a message naming the property. The message
 * never contains a secret's value.
 */
public class PetitionConfigurationException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String property;
  private final String action;

  /**
   * @param property the property to set or fix, such as {@code petition.identity.secret}
   * @param problem what is wrong
   * @param action what to do about it
   */
  public PetitionConfigurationException(String property, String problem, String action, @Nullable Throwable cause) {
    super(property + ": " + problem, cause);
    this.property = property;
    this.action = action;
  }

  /** The property to set or fix. */
  public String property() {
    return property;
  }

  /** What to do about it. */
  public String action() {
    return action;
  }
}
