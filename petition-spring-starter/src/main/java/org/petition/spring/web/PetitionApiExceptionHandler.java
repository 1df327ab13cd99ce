package org.petition.spring.web;

import java.util.List;
import java.util.Set;
import org.petition.Violation;
import org.petition.spring.RedactedException;
import org.petition.spring.mail.MailOutboxFullException;
import org.petition.spring.web.JsonBodies.RefusedBody;
import org.petition.store.PetitionStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;

/**
 * Answers failures inside {@link PetitionApiController} in the API's own JSON shapes: never a stack trace,
 * never a parser's message (which could echo what was sent).
 */
@RestControllerAdvice(assignableTypes = {PetitionApiController.class, PetitionSubjectController.class,
    PetitionAccountController.class, PetitionInvitationController.class})
public class PetitionApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(PetitionApiExceptionHandler.class);

  /** The endpoints whose body is a form of fields: a body that is not one is answered like a wrong field. */
  private static final Set<String> FORMS = Set.of("sign", "resend", "requestErasure", "requestAccess", "register",
      "login", "requestPasswordReset", "invite");

  /** How long a client is asked to wait before trying again after the store failed. */
  static final long RETRY_AFTER_SECONDS = 5;

  /**
   * A body the API does not read: 413 {@code TOO_LARGE} past the limit, 400 {@code INVALID_JSON} for malformed
   * JSON (a broken request, not a signing that broke a rule); for a signing or a resend, 422 {@code REJECTED} when it is
   * not JSON ({@code request.not_json}) or not a JSON object ({@code request.malformed}); for a token, 400
   * {@code INVALID}.
   */
  @ExceptionHandler(RefusedBody.class)
  public ResponseEntity<ApiBody> refusedBody(RefusedBody refused, HandlerMethod handler) {
    boolean signing = FORMS.contains(handler.getMethod().getName());
    return switch (refused.reason()) {
      case TOO_LARGE -> ApiResponses.tooLarge();
      case INVALID_JSON -> ApiResponses.status(HttpStatus.BAD_REQUEST, "INVALID_JSON");
      case NOT_JSON -> signing
          ? ApiResponses.rejected(List.of(new Violation("request", "request.not_json",
              "the body must be JSON (Content-Type: application/json)")))
          : ApiResponses.status(HttpStatus.BAD_REQUEST, "INVALID");
      case NOT_AN_OBJECT -> signing
          ? ApiResponses.rejected(List.of(ApiResponses.MALFORMED))
          : ApiResponses.status(HttpStatus.BAD_REQUEST, "INVALID");
    };
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  public ResponseEntity<Void> notAcceptable() {
    // No body: the client accepts nothing the API can write.
    return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
  }

  /**
   * The store failed: unreachable, or the connection lost, even while committing, when the change may or may not
   * have been made. Either way the same request may be sent again: a signing that was in fact stored is then
   * answered as a repeat, which mails its confirmation link again.
   */
  @ExceptionHandler(PetitionStoreException.class)
  public ResponseEntity<ApiBody> storeFailed(PetitionStoreException e) {
    // The store's messages carry no personal data.
    LOG.warn("petition store failed{}: {}", e.outcomeUnknown() ? " (outcome unknown)" : "", e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).cacheControl(CacheControl.noStore())
        .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS)).body(new ApiBody.Status("RETRY"));
  }

  /**
   * Anything else. When a store or a bounded mail outbox failed down the chain (the core wraps a sender's
   * failure, having undone the signing), {@code 503 RETRY} as above; otherwise {@code 500 ERROR}. Logged with
   * the whole stack trace but without any exception's message, which could quote personal data.
   */
  @ExceptionHandler(Exception.class)
  public ResponseEntity<ApiBody> unexpected(Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof PetitionStoreException || cause instanceof MailOutboxFullException) {
        LOG.warn("petition API request could not be completed now: {}", cause.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).cacheControl(CacheControl.noStore())
            .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS)).body(new ApiBody.Status("RETRY"));
      }
    }
    LOG.error("petition API request failed", RedactedException.of(e));
    return ApiResponses.status(HttpStatus.INTERNAL_SERVER_ERROR, "ERROR");
  }
}
