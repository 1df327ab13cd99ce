package org.petition.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.Petitions;
import org.petition.Violation;
import org.petition.account.AccountResult;
import org.petition.account.LoginResult;
import org.petition.account.SignedInSigner;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Returning signers over HTTP, on {@link Petitions#accounts()}: registering, signing in and out (the container's
 * {@code HttpSession}, see {@link SignedInSessions}) and asking for a password reset. Logging in and out must
 * carry {@link SessionCsrf#HEADER}. Registration and reset requests answer 202 whether or not the address has
 * an account.
 */
@RestController
@RequestMapping("${petition.web.base-path:}")
public class PetitionAccountController {

  private final Petitions petitions;
  private final HttpRequestContexts contexts;
  private final JsonBodies bodies;

  /** @param maxBodyBytes the largest JSON body read, in bytes */
  public PetitionAccountController(Petitions petitions, HttpRequestContexts contexts, int maxBodyBytes) {
    this.petitions = Objects.requireNonNull(petitions, "petitions must not be null");
    this.contexts = Objects.requireNonNull(contexts, "contexts must not be null");
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("maxBodyBytes must be positive");
    }
    this.bodies = new JsonBodies(maxBodyBytes);
  }

  /**
   * {@code POST /api/accounts}: 202 {@code ACCEPTED} and a verification mail (or, when the address has an account,
   * a password-reset mail: the same answer); 422 naming {@code email} or {@code password} and the rule.
   */
  @PostMapping("/api/accounts")
  public ResponseEntity<ApiBody> register(HttpServletRequest request) {
    @Nullable AccountForm form = bodies.read(request, AccountForm.class);
    if (form == null) {
      return ApiResponses.rejected(List.of(ApiResponses.MALFORMED));
    }
    List<Violation> violations = new ArrayList<>(2);
    String email = ApiFields.required(form.email(), "email", violations);
    String password = ApiFields.required(form.password(), "password", violations);
    ApiFields.string(form.firstName(), "firstName", violations);
    ApiFields.string(form.lastName(), "lastName", violations);
    if (!violations.isEmpty()) {
      return ApiResponses.rejected(violations);
    }
    return accepted(petitions.accounts().register(email, password, HttpRequestContexts.acceptLanguage(request)));
  }

  /**
   * {@code POST /api/sessions}: 200 {@code SIGNED_IN} with the session cookie; 401 {@code INVALID_CREDENTIALS}
   * (unknown address and wrong password alike); 429 {@code RATE_LIMITED} with {@code Retry-After} while locked.
   */
  @PostMapping("/api/sessions")
  public ResponseEntity<ApiBody> login(HttpServletRequest request) {
    if (!SessionCsrf.proven(request)) {
      return ApiResponses.csrfRequired();
    }
    @Nullable AccountForm form = bodies.read(request, AccountForm.class);
    if (form == null) {
      return ApiResponses.rejected(List.of(ApiResponses.MALFORMED));
    }
    List<Violation> violations = new ArrayList<>(2);
    String email = ApiFields.required(form.email(), "email", violations);
    String password = ApiFields.required(form.password(), "password", violations);
    if (!violations.isEmpty() || email == null) {
      return ApiResponses.rejected(violations);
    }
    LoginResult result = petitions.accounts().login(email, password, contexts.clientAddress(request));
    if (result instanceof LoginResult.SignedIn signedIn) {
      String address = email.strip();
      SignedInSessions.signIn(request, signedIn.signer(), address);
      return ResponseEntity.ok().cacheControl(org.springframework.http.CacheControl.noStore())
          .body(new ApiBody.SignedIn("SIGNED_IN", address, signedIn.signer().verified()));
    }
    if (result instanceof LoginResult.Locked locked) {
      return ApiResponses.rateLimited(locked.retryAfter());
    }
    return ApiResponses.status(HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS");
  }

  /** {@code GET /api/sessions}: 200 {@code SIGNED_IN} with the address, or 401 {@code SIGNED_OUT}. */
  @GetMapping("/api/sessions")
  public ResponseEntity<ApiBody> session(HttpServletRequest request) {
    SignedInSigner signer = SignedInSessions.signer(request);
    String email = SignedInSessions.email(request).orElse(null);
    if (signer == null || email == null) {
      return ApiResponses.status(HttpStatus.UNAUTHORIZED, "SIGNED_OUT");
    }
    return ResponseEntity.ok().cacheControl(org.springframework.http.CacheControl.noStore())
        .body(new ApiBody.SignedIn("SIGNED_IN", email, signer.verified()));
  }

  /** {@code DELETE /api/sessions}: 204, the session ended (also when there was none). */
  @DeleteMapping("/api/sessions")
  public ResponseEntity<?> logout(HttpServletRequest request) {
    if (!SessionCsrf.proven(request)) {
      return ApiResponses.csrfRequired();
    }
    SignedInSessions.signOut(request);
    return ResponseEntity.noContent().build();
  }

  /** {@code POST /api/password-resets {"email"}}: 202 {@code ACCEPTED}, a reset mail when the address has an account. */
  @PostMapping("/api/password-resets")
  public ResponseEntity<ApiBody> requestPasswordReset(HttpServletRequest request) {
    @Nullable EmailForm form = bodies.read(request, EmailForm.class);
    if (form == null) {
      return ApiResponses.rejected(List.of(ApiResponses.MALFORMED));
    }
    List<Violation> violations = new ArrayList<>(1);
    String email = ApiFields.required(form.email(), "email", violations);
    if (email == null) {
      return ApiResponses.rejected(violations);
    }
    return accepted(petitions.accounts().requestPasswordReset(email, HttpRequestContexts.acceptLanguage(request)));
  }

  private static ResponseEntity<ApiBody> accepted(AccountResult result) {
    if (result instanceof AccountResult.Rejected rejected) {
      return ApiResponses.rejected(rejected.violations());
    }
    return ApiResponses.status(HttpStatus.ACCEPTED, "ACCEPTED");
  }
}
