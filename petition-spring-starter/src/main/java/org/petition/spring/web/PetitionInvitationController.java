package org.petition.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.petition.Petitions;
import org.petition.Violation;
import org.petition.invite.InvitationStats;
import org.petition.invite.InviteResult;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invite friends over JSON: {@code POST /api/petitions/{slug}/invitations} with the invite token a confirmation
 * answered and the addresses ({@code 202 {"sent":n,"skipped":m}}), and {@code GET} of the same path for the
 * petition's aggregates ({@code {"sent":n,"signatures":m}}). Invalid addresses are {@code 422} naming each one
 * ({@code emails[i]}); a bad token {@code 400}, an expired one or one whose signature no longer counts {@code
 * 410}; an unknown petition {@code 404}; over a limit {@code 429} with {@code Retry-After}.
 */
@RestController
@RequestMapping("${petition.web.base-path:}")
public class PetitionInvitationController {

  private final Petitions petitions;
  private final HttpRequestContexts contexts;
  private final JsonBodies bodies;

  public PetitionInvitationController(Petitions petitions, HttpRequestContexts contexts, int maxBodyBytes) {
    this.petitions = Objects.requireNonNull(petitions, "petitions must not be null");
    this.contexts = Objects.requireNonNull(contexts, "contexts must not be null");
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("maxBodyBytes must be positive");
    }
    this.bodies = new JsonBodies(maxBodyBytes);
  }

  @PostMapping("/api/petitions/{slug}/invitations")
  public ResponseEntity<ApiBody> invite(@PathVariable("slug") String slug, HttpServletRequest request) {
    if (petitions.petition(slug).isEmpty()) {
      return ApiResponses.notFound();
    }
    @Nullable InvitationForm form = bodies.read(request, InvitationForm.class);
    if (form == null) {
      return ApiResponses.rejected(List.of(ApiResponses.MALFORMED));
    }
    if (!(form.inviteToken() instanceof String token) || token.isBlank()) {
      return ApiResponses.invalid(new Violation("inviteToken", "field.required",
          "inviteToken must be the invite token a confirmation answered"));
    }
    List<Violation> violations = new ArrayList<>(1);
    List<@Nullable String> emails = emails(form.emails(), violations);
    if (!violations.isEmpty()) {
      return ApiResponses.rejected(violations);
    }
    InviteResult result = petitions.invitations().invite(slug, token, emails, contexts.clientAddress(request));
    if (result instanceof InviteResult.Sent sent) {
      return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore())
          .body(new ApiBody.Invited(sent.sent(), sent.skipped()));
    }
    if (result instanceof InviteResult.Rejected rejected) {
      return ApiResponses.rejected(rejected.violations());
    }
    if (result instanceof InviteResult.Limited limited) {
      return ApiResponses.rateLimited(limited.retryAfter());
    }
    if (result instanceof InviteResult.ExpiredToken) {
      return ApiResponses.status(HttpStatus.GONE, "EXPIRED");
    }
    if (result instanceof InviteResult.UnknownPetition) {
      return ApiResponses.notFound();
    }
    if (result instanceof InviteResult.Unavailable) {
      return ApiResponses.status(HttpStatus.NOT_IMPLEMENTED, "UNAVAILABLE");
    }
    return ApiResponses.invalid(new Violation("inviteToken", "token.invalid",
        "inviteToken is not an invite token of this site for this petition"));
  }

  @GetMapping("/api/petitions/{slug}/invitations")
  public ResponseEntity<ApiBody> stats(@PathVariable("slug") String slug) {
    Optional<InvitationStats> stats = petitions.invitations().stats(slug);
    if (stats.isEmpty()) {
      return ApiResponses.notFound();
    }
    return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(10)))
        .body(new ApiBody.InvitationCounts(stats.get().sent(), stats.get().signatures()));
  }

  private static List<@Nullable String> emails(@Nullable Object value, List<Violation> violations) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      violations.add(new Violation("emails", "field.invalid_type", "emails must be a list of addresses"));
      return List.of();
    }
    List<@Nullable String> emails = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      if (item != null && !(item instanceof String)) {
        violations.add(new Violation("emails[" + i + "]", "field.invalid_type", "emails[" + i + "] must be a string"));
      }
      emails.add(item instanceof String email ? email : null);
    }
    return emails;
  }
}
