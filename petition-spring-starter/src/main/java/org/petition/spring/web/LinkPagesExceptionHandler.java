package org.petition.spring.web;

import java.util.List;
import org.petition.store.PetitionStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The pages behind mail links when the store fails: a page saying to try again in a moment (503 with {@code
 * Retry-After}), never a server error or a stack trace. Pressing the button again is safe: each effect is
 * idempotent (a second confirmation answers "already confirmed").
 */
@ControllerAdvice(assignableTypes = {PetitionLinkController.class, SubjectLinkController.class,
    AccountLinkController.class, InvitationLinkController.class})
public class LinkPagesExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(LinkPagesExceptionHandler.class);

  private final LinkPages pages;

  public LinkPagesExceptionHandler(LinkPages pages) {
    this.pages = pages;
  }

  @ExceptionHandler(PetitionStoreException.class)
  public ResponseEntity<String> storeFailed(PetitionStoreException e,
      jakarta.servlet.http.HttpServletRequest request) {
    // The store's messages carry no personal data.
    LOG.warn("petition store failed behind a link page: {}", e.getMessage());
    String page = pages.page(new LinkPage("link.retry.title", "link.retry", List.of(), null, null, "./"),
        org.springframework.web.servlet.support.RequestContextUtils.getLocale(request));
    ResponseEntity<String> response = LinkResponses.html(HttpStatus.SERVICE_UNAVAILABLE, page);
    return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
        .header(HttpHeaders.RETRY_AFTER, Long.toString(PetitionApiExceptionHandler.RETRY_AFTER_SECONDS))
        .body(response.getBody());
  }
}
