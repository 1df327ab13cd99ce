package org.petition.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.petition.DataSubjectRights;
import org.petition.Petitions;
import org.petition.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data-subject requests over HTTP: erasure and access, each confirmed by a link mailed to the address. Both
 * answer {@code 202 {"status":"ACCEPTED"}} for every valid address, whether or not anything is held about it
 * (then nothing is mailed, after the same work), and mail at most within {@code petition.resend.*} per address.
 */
@RestController
@RequestMapping("${petition.web.base-path:}")
public class PetitionSubjectController {

  private final Petitions petitions;
  private final JsonBodies bodies;

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
    Optional<Violation> refused = kind.take(petitions.subjects(), email, HttpRequestContexts.acceptLanguage(request));
    return refused.isPresent() ? ApiResponses.rejected(List.of(refused.get()))
        : ApiResponses.status(HttpStatus.ACCEPTED, "ACCEPTED");
  }

  @FunctionalInterface
  private interface Request {
    Optional<Violation> take(DataSubjectRights subjects, String email, java.util.@Nullable Locale locale);
  }
}
