package org.petition.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.petition.FormTokenLimits;
import org.petition.check.Finding;
import org.petition.check.FindingCodes;
import org.petition.check.Severity;
import org.petition.token.TokenPurpose;
import org.petition.token.TokenVerification;
import org.petition.token.Tokens;

/**
 * Mints and judges form tokens: {@link Tokens} of purpose {@link TokenPurpose#FORM} whose subject is the
 * render time (epoch milliseconds) and whose scope is the petition's slug, a newline and a random nonce. A
 * signing that brings one back is judged here: the fill-time check then measures from the render time the
 * server signed, and a missing, forged, foreign, expired or over-used token is the finding {@code
 * bot.form_token} (HIGH, fraud: held by the default policy). Uses are counted per nonce in a bounded cache.
 */
public final class FormTokens {

  private static final int NONCE_BYTES = 12;

  private final Tokens tokens;
  private final FormTokenLimits limits;
  private final Cache<String, AtomicInteger> uses;
  private final SecureRandom random = new SecureRandom();

  public FormTokens(Tokens tokens, FormTokenLimits limits) {
    this.tokens = Objects.requireNonNull(tokens, "tokens must not be null");
    this.limits = Objects.requireNonNull(limits, "form token limits must not be null");
    this.uses = Caffeine.newBuilder()
        .maximumSize(limits.maximumTracked())
        .expireAfterWrite(limits.ttl().plusMinutes(1)) // a token is dead by then: its count is no longer needed
        .executor(Runnable::run)
        .build();
  }

  /** A token for a form of petition {@code slug} rendered at {@code now}. */
  public String mint(String slug, Instant now) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    String scope = slug + "\n" + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    return tokens.mint(TokenPurpose.FORM, now.toEpochMilli(), scope, now.plus(limits.ttl()));
  }

  /**
   * What a signing's form token says.
   *
   * @param renderedAt the render time the token holds, {@code null} when it holds none worth trusting
   * @param findings {@code bot.form_token} when the token is not good, else empty
   */
  public record Judged(@Nullable Instant renderedAt, List<Finding> findings) {}

  private static final Judged NOT_FROM_A_FORM = new Judged(null, List.of());

  /**
   * Judges {@code token} sent with a signing of {@code slug} received at {@code now}, counting one use of a
   * good token. A {@code null} token (not a form signing) is not judged.
   */
  public Judged judge(String slug, @Nullable String token, Instant now) {
    if (token == null) {
      return NOT_FROM_A_FORM;
    }
    if (token.isBlank()) {
      return bad("the form sent no form token");
    }
    TokenVerification verification = tokens.verify(token, TokenPurpose.FORM, now);
    if (verification instanceof TokenVerification.Expired) {
      return bad("the form token has expired; the form was rendered more than " + limits.ttl().toHours() + " hours ago");
    }
    if (!(verification instanceof TokenVerification.Valid valid)) {
      return bad("the form token is not one this server signed");
    }
    int newline = valid.scope().indexOf('\n');
    if (newline < 0 || !valid.scope().substring(0, newline).equals(slug)) {
      return bad("the form token was handed out for another petition");
    }
    Instant renderedAt = Instant.ofEpochMilli(valid.subject());
    int used = uses.get(valid.scope(), nonce -> new AtomicInteger()).incrementAndGet();
    if (used > limits.maxUses()) {
      return new Judged(renderedAt, List.of(finding("the form token was used " + used + " times; at most "
          + limits.maxUses() + " signings may use one")));
    }
    return new Judged(renderedAt, List.of());
  }

  /** How long a token lives. */
  public Duration ttl() {
    return limits.ttl();
  }

  private static Judged bad(String why) {
    return new Judged(null, List.of(finding(why)));
  }

  private static Finding finding(String why) {
    return Finding.fraud(FindingCodes.BOT_FORM_TOKEN, Severity.HIGH, "formToken", why);
  }
}
