package org.petition.spring.mail;

import java.time.Duration;
import java.util.Objects;

/** The argument checks the mail components' constructors and builders share. */
final class Arguments {

  private Arguments() {}

  /** The duration, when positive. */
  static Duration positive(Duration value, String what) {
    Objects.requireNonNull(value, what + " must not be null");
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, was " + value);
    }
    return value;
  }

  /** The count, when at least 1. */
  static int atLeastOne(int value, String what) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be at least 1, was " + value);
    }
    return value;
  }
}
