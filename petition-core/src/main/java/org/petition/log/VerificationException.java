package org.petition.log;

/** A log failed verification; the message says exactly what failed. */
public final class VerificationException extends Exception {

  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public VerificationException(String message) {
    super(message);
  }
}
