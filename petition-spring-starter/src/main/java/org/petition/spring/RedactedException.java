package org.petition.spring;

import org.jspecify.annotations.Nullable;

/**
 * A copy of an exception for the log: the same class names and stack frames down the cause chain, without a
 * single message. Messages of unexpected exceptions may quote what they choked on (an address, a token, a
 * mail server's reply), so an unexpected failure is logged with its whole trace but none of its text.
 */
public final class RedactedException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private static final int MAX_DEPTH = 16;

  private RedactedException(String type, @Nullable RedactedException cause, StackTraceElement[] frames) {
    super(type + " (message withheld)", cause, false, true);
    setStackTrace(frames);
  }

  /** {@code e} and its causes, their messages withheld (at most 16 deep). */
  public static RedactedException of(Throwable e) {
    return copy(e, 0);
  }

  private static RedactedException copy(Throwable e, int depth) {
    Throwable cause = e.getCause();
    RedactedException redactedCause = cause == null || cause == e || depth >= MAX_DEPTH ? null : copy(cause, depth + 1);
    return new RedactedException(e.getClass().getName(), redactedCause, e.getStackTrace());
  }
}
