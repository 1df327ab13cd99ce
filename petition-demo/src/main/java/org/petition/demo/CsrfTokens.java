package org.petition.demo;

import jakarta.servlet.http.HttpSession;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The synchronizer-token defence against cross-site request forgery: a random token kept in the session,
 * written into every form, and compared in constant time on every POST of a form.
 */
final class CsrfTokens {

  static final String FIELD = "_csrf";
  private static final String ATTRIBUTE = CsrfTokens.class.getName();
  private static final SecureRandom RANDOM = new SecureRandom();

  private CsrfTokens() {}

  /** The session's token, created on first use. */
  static String token(HttpSession session) {
    Object token = session.getAttribute(ATTRIBUTE);
    if (token instanceof String existing) {
      return existing;
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String created = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    session.setAttribute(ATTRIBUTE, created);
    return created;
  }

  /** Whether the submitted token is the session's. */
  static boolean matches(@Nullable HttpSession session, @Nullable String submitted) {
    if (session == null || submitted == null || !(session.getAttribute(ATTRIBUTE) instanceof String expected)) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        submitted.getBytes(StandardCharsets.US_ASCII));
  }
}
