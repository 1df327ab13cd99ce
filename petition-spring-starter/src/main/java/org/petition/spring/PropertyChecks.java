package org.petition.spring;

import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * What every mapper of {@link PetitionProperties} shares: running one builder call with its property named, the
 * checks of the plain values no builder takes (positive durations and numbers, required strings, base64), and
 * the wording of the actions. Every failure is a {@link PetitionConfigurationException} naming the property; no
 * message quotes a secret.
 */
final class PropertyChecks {

  static final String GENERATE = "Generate one with `openssl rand -base64 32` and keep it in your secret store"
      + " (an environment variable such as %s, or a config server), never in source code.";
  static final String POSITIVE_DURATION = "Use a positive duration such as %s.";
  static final String POSITIVE_NUMBER = "Use a positive number such as %s.";

  private PropertyChecks() {}

  /**
   * Runs one builder call; what it refuses becomes a {@link PetitionConfigurationException} naming the
   * property, with the builder's message. The builders given secrets here (token and data keys) never quote
   * them, and the exception's cause, which might, is left out.
   */
  static <T> T apply(String property, String action, Setting<T> setting) {
    try {
      return setting.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new PetitionConfigurationException(property, String.valueOf(e.getMessage()), action, null);
    }
  }

  /** A builder call. */
  @FunctionalInterface
  interface Setting<T> {
    T get();
  }

  static Duration positive(@Nullable Duration value, String property, String example) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new PetitionConfigurationException(property, "must be positive, was " + value,
          String.format(POSITIVE_DURATION, example), null);
    }
    return value;
  }

  static int positive(int value, String property, String example) {
    if (value < 1) {
      throw new PetitionConfigurationException(property, "must be positive, was " + value,
          String.format(POSITIVE_NUMBER, example), null);
    }
    return value;
  }

  static String required(@Nullable String value, String property, String what) {
    if (value == null || value.isBlank()) {
      throw new PetitionConfigurationException(property, "is not set", "Set " + property + ": " + what + ".", null);
    }
    return value.strip();
  }

  static byte[] base64(String value, String property, String action) {
    String trimmed = value.strip();
    try {
      return trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
          ? Base64.getUrlDecoder().decode(trimmed)
          : Base64.getDecoder().decode(trimmed);
    } catch (IllegalArgumentException e) {
      // The decoder's message may quote a character of the secret: leave it out.
      throw new PetitionConfigurationException(property, "is not valid base64", action, null);
    }
  }
}
