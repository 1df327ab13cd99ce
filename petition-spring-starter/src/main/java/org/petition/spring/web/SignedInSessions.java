package org.petition.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.petition.account.SignedInSigner;

/**
 * A returning signer's sign-in, kept in the server-side {@link HttpSession} (the container's session cookie is
 * the only thing the browser holds): the {@link SignedInSigner} a login made, and the address for "signed in as
 * …". Shared by the API and by pages of the application (the demo's), so both see the same sign-in.
 */
public final class SignedInSessions {

  private static final String SIGNER = SignedInSessions.class.getName() + ".signer";
  private static final String EMAIL = SignedInSessions.class.getName() + ".email";

  private SignedInSessions() {}

  /**
   * Records a sign-in. The session id changes, so an id planted before the login (session fixation) is worth
   * nothing after it.
   */
  public static void signIn(HttpServletRequest request, SignedInSigner signer, String email) {
    HttpSession session = request.getSession(true);
    request.changeSessionId();
    session.setAttribute(SIGNER, signer);
    session.setAttribute(EMAIL, email);
  }

  /** The signer of this request's session, or {@code null} when no one is signed in. */
  public static @Nullable SignedInSigner signer(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && session.getAttribute(SIGNER) instanceof SignedInSigner signer ? signer : null;
  }

  /** The address the session's signer signed in with, when someone is signed in. */
  public static Optional<String> email(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && signer(request) != null && session.getAttribute(EMAIL) instanceof String email
        ? Optional.of(email) : Optional.empty();
  }

  /** Ends the sign-in: the whole session goes. */
  public static void signOut(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }
}
