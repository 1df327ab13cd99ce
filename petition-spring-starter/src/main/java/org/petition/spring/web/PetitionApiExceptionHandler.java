package org.petition.spring.web;

import java.util.List;
import org.petition.Violation;
import org.petition.spring.web.JsonBodies.RefusedBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
@RestControllerAdvice(assignableTypes = PetitionApiController.class)
public class PetitionApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(PetitionApiExceptionHandler.class);

  /**
   * A body the API does not read: 413 {@code TOO_LARGE} past the limit, 400 {@code INVALID_JSON} for malformed
   * JSON (a broken request, not a signing that broke a rule); for a signing, 422 {@code REJECTED} when it is
   * not JSON ({@code request.not_json}) or not a JSON object ({@code request.malformed}); for a token, 400
   * {@code INVALID}.
   */
  @ExceptionHandler(RefusedBody.class)
  public ResponseEntity<ApiBody> refusedBody(RefusedBody refused, HandlerMethod handler) {
    boolean signing = handler.getMethod().getName().equals("sign");
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

  @ExceptionHandler(Exception.class)
  public ResponseEntity<ApiBody> unexpected(Exception e) {
    LOG.error("petition API request failed", e);
    return ApiResponses.status(HttpStatus.INTERNAL_SERVER_ERROR, "ERROR");
  }
}
