package org.petition.spring.web;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.petition.ConfirmResult;
import org.petition.RevokeResult;
import org.petition.SignResult;
import org.petition.TransparencyLog;
import org.petition.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The mapping of core results onto HTTP statuses and the API's {@link ApiBody} records. */
final class ApiResponses {

  static final Violation MALFORMED = new Violation("request", "request.malformed", "the body must be a JSON object");

  private ApiResponses() {}

  static ResponseEntity<ApiBody> status(HttpStatus status, String value) {
    return body(status, new ApiBody.Status(value));
  }

  static ResponseEntity<ApiBody> notFound() {
    return status(HttpStatus.NOT_FOUND, "NOT_FOUND");
  }

  /** 413: the body is over the limit. */
  static ResponseEntity<ApiBody> tooLarge() {
    return status(HttpStatus.CONTENT_TOO_LARGE, "TOO_LARGE");
  }

  /** 403: a request a session cookie authenticates came without {@link SessionCsrf#HEADER}. */
  static ResponseEntity<ApiBody> csrfRequired() {
    return withErrors(HttpStatus.FORBIDDEN, "FORBIDDEN", List.of(new Violation(SessionCsrf.HEADER, "header.required",
        "a request with the session cookie must send the header " + SessionCsrf.HEADER + " (any value)")));
  }

  /** 503 {@code RETRY} with {@code Retry-After}: nothing was done, and the same request may be sent again. */
  static ResponseEntity<ApiBody> retry() {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).cacheControl(CacheControl.noStore())
        .header(HttpHeaders.RETRY_AFTER, Long.toString(PetitionApiExceptionHandler.RETRY_AFTER_SECONDS))
        .body(new ApiBody.Status("RETRY"));
  }

  /** 429 with {@code Retry-After} in whole seconds, at least 1. */
  static ResponseEntity<ApiBody> rateLimited(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).cacheControl(CacheControl.noStore())
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(new ApiBody.Status("RATE_LIMITED"));
  }

  static ResponseEntity<ApiBody> rejected(List<Violation> violations) {
    return withErrors(HttpStatus.UNPROCESSABLE_CONTENT, "REJECTED", violations);
  }

  static ResponseEntity<ApiBody> invalid(Violation violation) {
    return withErrors(HttpStatus.BAD_REQUEST, "INVALID", List.of(violation));
  }

  private static ResponseEntity<ApiBody> withErrors(HttpStatus status, String value, List<Violation> violations) {
    List<ApiBody.FieldError> errors = violations.stream()
        .map(violation -> new ApiBody.FieldError(violation.field(), violation.code(), violation.message()))
        .toList();
    return body(status, new ApiBody.Rejected(value, errors));
  }

  private static ResponseEntity<ApiBody> body(HttpStatus status, ApiBody body) {
    return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(body);
  }

  static ResponseEntity<ApiBody> signed(SignResult result) {
    if (result instanceof SignResult.Rejected rejected) {
      if (rejected.has("petition.unknown")) {
        return notFound();
      }
      if (rejected.has("petition.closed") || rejected.has("petition.not_open")) {
        return status(HttpStatus.CONFLICT, "CLOSED");
      }
      if (rejected.has("rate.limited")) {
        return rateLimited(rejected.retryAfterDuration().orElse(Duration.ofMinutes(1)));
      }
      return rejected(rejected.violations());
    }
    if (result instanceof SignResult.Confirmed confirmed) {
      // A verified, signed-in signer's signature counts at once.
      return body(HttpStatus.OK, new ApiBody.Numbered("CONFIRMED", confirmed.number()));
    }
    // Pending, and indistinguishably a repeat, a held or a silently dropped signing.
    return status(HttpStatus.ACCEPTED, "PENDING");
  }

  static ResponseEntity<ApiBody> confirmed(ConfirmResult result) {
    return confirmed(result, null);
  }

  /** A confirmation's answer, with the signer's receipt when the store keeps a log. */
  static ResponseEntity<ApiBody> confirmed(ConfirmResult result, TransparencyLog.@Nullable Receipt receipt) {
    return confirmed(result, receipt, null);
  }

  /** A confirmation's answer, with the receipt and the signer's invite token when there are. */
  static ResponseEntity<ApiBody> confirmed(ConfirmResult result, TransparencyLog.@Nullable Receipt receipt,
      @Nullable String inviteToken) {
    if (result instanceof ConfirmResult.Confirmed confirmed) {
      return body(HttpStatus.OK, numbered("CONFIRMED", confirmed.number(), receipt, inviteToken));
    }
    if (result instanceof ConfirmResult.AlreadyConfirmed already) {
      return body(HttpStatus.OK, numbered("ALREADY_CONFIRMED", already.number(), receipt, inviteToken));
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

  private static ApiBody numbered(String status, long number, TransparencyLog.@Nullable Receipt receipt,
      @Nullable String inviteToken) {
    if (inviteToken != null) {
      return new ApiBody.InvitingConfirmation(status, number, receipt == null ? null
          : new ApiBody.Receipt(receipt.index(), Base64.getEncoder().encodeToString(receipt.entry())), inviteToken);
    }
    if (receipt == null) {
      return new ApiBody.Numbered(status, number);
    }
    return new ApiBody.Confirmation(status, number,
        new ApiBody.Receipt(receipt.index(), Base64.getEncoder().encodeToString(receipt.entry())));
  }

  static ResponseEntity<ApiBody> revoked(RevokeResult result) {
    if (result instanceof RevokeResult.Revoked) {
      return status(HttpStatus.OK, "REVOKED");
    }
    if (result instanceof RevokeResult.Expired) {
      return status(HttpStatus.GONE, "EXPIRED");
    }
    return status(HttpStatus.BAD_REQUEST, "INVALID");
  }
}
