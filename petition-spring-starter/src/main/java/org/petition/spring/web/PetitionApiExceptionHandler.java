package org.petition.spring.web;

import java.util.List;
import org.petition.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
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

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<ApiBody> unreadable(HandlerMethod handler) {
    if (handler.getMethod().getName().equals("sign")) {
      return ApiResponses.rejected(List.of(ApiResponses.MALFORMED));
    }
    return ApiResponses.status(HttpStatus.BAD_REQUEST, "INVALID");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  public ResponseEntity<ApiBody> unsupportedMediaType(HandlerMethod handler) {
    if (handler.getMethod().getName().equals("sign")) {
      return ApiResponses.rejected(List.of(new Violation("request", "request.not_json",
          "the body must be JSON (Content-Type: application/json)")));
    }
    return ApiResponses.status(HttpStatus.BAD_REQUEST, "INVALID");
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
