package org.petition.spring.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.petition.ConfirmResult;
import org.petition.RevokeResult;
import org.petition.SignResult;
import org.petition.Violation;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The API's JSON shapes and the mapping of core results onto HTTP statuses. */
final class ApiResponses {

  static final Violation MALFORMED = new Violation("request", "request.malformed", "the body must be a JSON object");

  private ApiResponses() {}

  static ResponseEntity<Map<String, Object>> status(HttpStatus status, String value) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", value);
    return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(body);
  }

  static ResponseEntity<Map<String, Object>> notFound() {
    return status(HttpStatus.NOT_FOUND, "NOT_FOUND");
  }

  static ResponseEntity<Map<String, Object>> rejected(List<Violation> violations) {
    return withErrors(HttpStatus.UNPROCESSABLE_CONTENT, "REJECTED", violations);
  }

  static ResponseEntity<Map<String, Object>> invalid(Violation violation) {
    return withErrors(HttpStatus.BAD_REQUEST, "INVALID", List.of(violation));
  }

  private static ResponseEntity<Map<String, Object>> withErrors(HttpStatus status, String value,
      List<Violation> violations) {
    List<Map<String, Object>> errors = new ArrayList<>(violations.size());
    for (Violation violation : violations) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("field", violation.field());
      error.put("code", violation.code());
      error.put("message", violation.message());
      errors.add(error);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", value);
    body.put("errors", errors);
    return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(body);
  }

  static ResponseEntity<Map<String, Object>> signed(SignResult result) {
    if (result instanceof SignResult.Rejected rejected) {
      if (rejected.has("petition.unknown")) {
        return notFound();
      }
      if (rejected.has("petition.closed") || rejected.has("petition.not_open")) {
        return status(HttpStatus.CONFLICT, "CLOSED");
      }
      if (rejected.has("rate.limited")) {
        Duration wait = rejected.retryAfterDuration().orElse(Duration.ofMinutes(1));
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ResponseEntity<Map<String, Object>> limited = status(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED");
        return ResponseEntity.status(limited.getStatusCode()).headers(limited.getHeaders())
            .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(limited.getBody());
      }
      return rejected(rejected.violations());
    }
    // Pending, and indistinguishably a repeat, a held or a silently dropped signing.
    return status(HttpStatus.ACCEPTED, "PENDING");
  }

  static ResponseEntity<Map<String, Object>> confirmed(ConfirmResult result) {
    if (result instanceof ConfirmResult.Confirmed confirmed) {
      return numbered("CONFIRMED", confirmed.number());
    }
    if (result instanceof ConfirmResult.AlreadyConfirmed already) {
      return numbered("ALREADY_CONFIRMED", already.number());
    }
    if (result instanceof ConfirmResult.AwaitingReview) {
      return status(HttpStatus.ACCEPTED, "UNDER_REVIEW");
    }
    if (result instanceof ConfirmResult.Expired) {
      return status(HttpStatus.GONE, "EXPIRED");
    }
    if (result instanceof ConfirmResult.Revoked) {
      return status(HttpStatus.GONE, "REVOKED");
    }
    return status(HttpStatus.BAD_REQUEST, "INVALID");
  }

  static ResponseEntity<Map<String, Object>> revoked(RevokeResult result) {
    if (result instanceof RevokeResult.Revoked) {
      return status(HttpStatus.OK, "REVOKED");
    }
    if (result instanceof RevokeResult.Expired) {
      return status(HttpStatus.GONE, "EXPIRED");
    }
    return status(HttpStatus.BAD_REQUEST, "INVALID");
  }

  private static ResponseEntity<Map<String, Object>> numbered(String value, long number) {
    ResponseEntity<Map<String, Object>> response = status(HttpStatus.OK, value);
    response.getBody().put("number", number);
    return response;
  }
}
