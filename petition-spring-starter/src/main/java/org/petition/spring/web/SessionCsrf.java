package org.petition.spring.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The defence against cross-site request forgery for API requests that a session cookie authenticates (a
 * signing by a signed-in signer, logging in and out): they must carry the header {@value #HEADER} (any
 * non-blank value). A page of another site can make a browser send a form or a simple {@code fetch} with the
 * victim's cookie, but not with a custom header: that needs a CORS preflight, which the API does not allow (the
 * session cookie is also {@code SameSite=Lax}). Requests authenticated by a token in their body (the mail links,
 * confirmations) need no such proof: the token is the credential.
 */
public final class SessionCsrf {

  /** The header that proves a request was made by script of the site's own origin. */
  public static final String HEADER = "X-Requested-With";

  private SessionCsrf() {}

  /** Whether the request carries the proof. */
  public static boolean proven(HttpServletRequest request) {
    String value = request.getHeader(HEADER);
    return value != null && !value.isBlank();
  }
}
