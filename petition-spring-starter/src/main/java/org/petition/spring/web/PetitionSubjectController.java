package org.petition.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.petition.DataSubjectRights;
import org.petition.Petitions;
import org.petition.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data-subject requests over HTTP: erasure and access, each confirmed by a link mailed to the address. Both
 * answer {@code 202 {"status":"ACCEPTED"}} for every valid address, whether or not anything is held about it
 * (then nothing is mailed), and mail at most within {@code petition.resend.*} per address. The answer is given
 * once the address is checked, and the request's work (the look-up, the mail) is done after it on a thread of
 * this controller's own: so the answer's time is the same for every address, and tells no one who signed.
 */
@RestController
@RequestMapping("${petition.web.base-path:}")
public class PetitionSubjectController implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(PetitionSubjectController.class);
  /** Requests waiting for the worker; beyond them the answer is 503 RETRY, alike for every address. */
  private static final int QUEUE = 1_000;

  private final Petitions petitions;
  private final JsonBodies bodies;
  private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
      new ArrayBlockingQueue<>(QUEUE), runnable -> {
        Thread thread = new Thread(runnable, "petition-subject-requests");
        thread.setDaemon(true);
        return thread;
      }, new ThreadPoolExecutor.AbortPolicy());

  /** @param maxBodyBytes the largest JSON body read, in bytes */
  public PetitionSubjectController(Petitions petitions, int maxBodyBytes) {
    this.petitions = Objects.requireNonNull(petitions, "petitions must not be null");
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("maxBodyBytes must be positive");
    }
    this.bodies = new JsonBodies(maxBodyBytes);
  }

  /** {@code POST /api/erasures {"email"}}: a mail with the {@code /erase} link, when anything is held. */
  @PostMapping("/api/erasures")
  public ResponseEntity<ApiBody> requestErasure(HttpServletRequest request) {
    return take(request, DataSubjectRights::requestErasure);
  }

  /** {@code POST /api/access-requests {"email"}}: a mail with the {@code /access} download link. */
  @PostMapping("/api/access-requests")
  public ResponseEntity<ApiBody> requestAccess(HttpServletRequest request) {
    return take(request, DataSubjectRights::requestAccess);
  }

  private ResponseEntity<ApiBody> take(HttpServletRequest request, Request kind) {
    @Nullable EmailForm form = bodies.read(request, EmailForm.class);
    if (form == null) {
      return ApiResponses.rejected(List.of(ApiResponses.MALFORMED));
    }
    List<Violation> violations = new ArrayList<>(1);
    String email = ApiFields.required(form.email(), "email", violations);
    if (email == null) {
      return ApiResponses.rejected(violations);
    }
    Optional<Violation> refused = petitions.subjects().checkAddress(email);
    if (refused.isPresent()) {
      return ApiResponses.rejected(List.of(refused.get()));
    }
    java.util.Locale locale = HttpRequestContexts.acceptLanguage(request);
    try {
      worker.execute(() -> {
        try {
          kind.take(petitions.subjects(), email, locale);
        } catch (RuntimeException e) {
          // The store failed: the person may ask again; the message names no address.
          LOG.warn("a data-subject request could not be taken: {}", e.getClass().getSimpleName());
        }
      });
    } catch (RejectedExecutionException e) {
      return ApiResponses.retry();
    }
    return ApiResponses.status(HttpStatus.ACCEPTED, "ACCEPTED");
  }

  /** Lets the requests already answered finish, for a few seconds at most. */
  @Override
  public void destroy() throws InterruptedException {
    worker.shutdown();
    worker.awaitTermination(5, TimeUnit.SECONDS);
  }

  @FunctionalInterface
  private interface Request {
    Optional<Violation> take(DataSubjectRights subjects, String email, java.util.@Nullable Locale locale);
  }
}
