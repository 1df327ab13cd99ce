package org.petition.spring.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.petition.token.TokenPurpose;
import org.petition.token.TokenVerification;
import org.petition.token.Tokens;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What every page behind a mail link shares: its headers, and the look at a link's token before a button. */
final class LinkResponses {

  static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private LinkResponses() {}

  /** An HTML page that no cache keeps, no search engine indexes and no other site frames. */
  static ResponseEntity<String> html(HttpStatus status, String body) {
    return ResponseEntity.status(status)
        .contentType(HTML)
        .cacheControl(CacheControl.noStore())
        // The token is in this page's URL: it must not leak in a Referer, a frame or a search index.
        .header("Referrer-Policy", "no-referrer")
        .header("X-Frame-Options", "DENY")
        .header("X-Robots-Tag", "noindex, nofollow")
        .body(body);
  }

  /**
   * Whether a link's token can be used at all, read without acting on it: {@code null} when it can (or when
   * no {@link Tokens} bean is there to tell), 400 when it is missing or not one of this site's, 410 when it
   * expired. What it points at is only looked at when the button is pressed.
   */
  static @Nullable HttpStatus refusal(@Nullable Tokens tokens, Clock clock, @Nullable String token,
      TokenPurpose purpose) {
    if (token == null || token.isBlank()) {
      return HttpStatus.BAD_REQUEST;
    }
    if (tokens == null) {
      return null;
    }
    TokenVerification verification = tokens.verify(token, purpose, clock.instant());
    return verification instanceof TokenVerification.Valid ? null
        : verification instanceof TokenVerification.Expired ? HttpStatus.GONE : HttpStatus.BAD_REQUEST;
  }

  /** The page saying a link is expired (410) or not valid (400). */
  static LinkPage refused(String titleKey, HttpStatus status, String home) {
    return new LinkPage(titleKey, status == HttpStatus.GONE ? "link.expired" : "link.invalid", java.util.List.of(),
        null, null, home);
  }
}
