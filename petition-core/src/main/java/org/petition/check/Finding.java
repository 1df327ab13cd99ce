package org.petition.check;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One observation a {@link SignatureCheck} made about a signing, kept with the signature for moderators.
 *
 * @param code a stable, dotted, lower-case code such as {@code content.link} or {@code bot.too_fast}
 * @param severity how much the finding weighs
 * @param field the request field it concerns ({@code comment}, {@code firstName}, {@code email}, ...) or
 *     {@code request} when it concerns the request as a whole
 * @param explanation a short human explanation for a moderator; never contains an email address, a phone
 *     number or a full IP address
 * @param fraud whether the finding indicates fraud (a bot, a blocked source), in which case silent mode
 *     answers the signer as if the signing had been accepted
 * @param retryAfter for a rate limit, how long until the same source may sign again; otherwise {@code null}
 */
public record Finding(
    String code,
    Severity severity,
    String field,
    String explanation,
    boolean fraud,
    @Nullable Duration retryAfter) {

  public Finding {
    Objects.requireNonNull(code, "code must not be null");
    Objects.requireNonNull(severity, "severity must not be null");
    Objects.requireNonNull(field, "field must not be null");
    Objects.requireNonNull(explanation, "explanation must not be null");
    if (!isCode(code)) {
      throw new IllegalArgumentException("code must be dotted lower-case words, was: " + code);
    }
  }

  /** Dotted lower-case words, {@code [a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+}, checked by hand: findings are made on every signing. */
  private static boolean isCode(String code) {
    int words = 0;
    boolean wordStart = true;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (wordStart) {
        if (c < 'a' || c > 'z') {
          return false;
        }
        wordStart = false;
        words++;
      } else if (c == '.') {
        wordStart = true;
      } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
        return false;
      }
    }
    return words >= 2 && !wordStart;
  }

  /** A finding that is not a sign of fraud. */
  public static Finding of(String code, Severity severity, String field, String explanation) {
    return new Finding(code, severity, field, explanation, false, null);
  }

  /** A finding that is a sign of fraud: silent mode hides the outcome from the sender. */
  public static Finding fraud(String code, Severity severity, String field, String explanation) {
    return new Finding(code, severity, field, explanation, true, null);
  }

  /** A rate-limit refusal ({@code rate.limited}, {@link Severity#CRITICAL}) with the wait before a retry. */
  public static Finding rateLimited(String explanation, Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter must not be null");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative");
    }
    return new Finding(FindingCodes.RATE_LIMITED, Severity.CRITICAL, "request", explanation, false, retryAfter);
  }
}
